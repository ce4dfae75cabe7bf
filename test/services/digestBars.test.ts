import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/domain/evaluation/index.js";
import { digestBars } from "../../src/services/digest/digest.js";
import { makeDirective } from "../domain/evaluationFixtures.js";
import type { DigestRow } from "../../src/services/digest/data.js";

/** Only the fields digestBars reads: the unit's name and the evaluation's status, figures, level. */
function row(
  name: string,
  evaluation: { status: string; figures: { numerator: number; denominator: number } | null; level: string | null },
): DigestRow {
  return { unit: { name }, evaluation, weekAgo: null } as unknown as DigestRow;
}

describe("digestBars", () => {
  const judged = (numerator: number, denominator: number, target: number) =>
    evaluate({
      unit: { tier: "xa" },
      indicatorCode: "hs-truc-tuyen",
      figures: { numerator, denominator },
      asOf: "2023-12-31",
      directives: [
        makeDirective({
          milestones: [
            {
              indicator: "hs-truc-tuyen",
              scope: { tiers: ["xa"] },
              deadline: "31/12/2023",
              target,
              comparison: "atLeast",
            },
          ],
        }),
      ],
    });

  it("prints a 23/80 bar as the messages do: 28,8% (the float 28.7499… would round to 28,7%)", () => {
    const [bar] = digestBars([
      { unit: { name: "Xã A" }, evaluation: judged(23, 80, 30), weekAgo: null } as unknown as DigestRow,
    ]);
    expect(bar?.valueText).toBe("28,8%");
    expect(bar?.value).toBeCloseTo(28.75, 10);
  });

  it("a miss is never drawn as the target: 9.499/10.000 against 95% reads 94,99%", () => {
    const [bar] = digestBars([
      { unit: { name: "Xã A" }, evaluation: judged(9_499, 10_000, 95), weekAgo: null } as unknown as DigestRow,
    ]);
    expect(bar?.valueText).toBe("94,99%");
  });

  it("keeps not-reported bars and leaves out units with no dossiers", () => {
    const bars = digestBars([
      row("Xã A", { status: "not-reported", figures: null, level: null }),
      row("Xã B", { status: "no-data", figures: { numerator: 0, denominator: 0 }, level: null }),
    ]);
    expect(bars).toEqual([{ label: "Xã A", value: 0, level: null, notReported: true }]);
  });
});
