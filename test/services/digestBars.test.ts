import { describe, expect, it } from "vitest";
import { digestBars } from "../../src/services/digest.js";
import type { DigestRow } from "../../src/services/digestData.js";

/** Only the fields digestBars reads: the unit's name and the evaluation's status, figures, level. */
function row(name: string, evaluation: { status: string; figures: { numerator: number; denominator: number } | null; level: string | null }): DigestRow {
  return { unit: { name }, evaluation, weekAgo: null } as unknown as DigestRow;
}

describe("digestBars", () => {
  it("prints a 23/80 bar as the messages do: 28,8% (the float 28.7499… would round to 28,7%)", () => {
    const [bar] = digestBars([row("Xã A", { status: "met", figures: { numerator: 23, denominator: 80 }, level: "vang" })]);
    expect(bar?.valueText).toBe("28,8%");
    expect(bar?.value).toBeCloseTo(28.75, 10);
  });

  it("keeps not-reported bars and leaves out units with no dossiers", () => {
    const bars = digestBars([
      row("Xã A", { status: "not-reported", figures: null, level: null }),
      row("Xã B", { status: "no-data", figures: { numerator: 0, denominator: 0 }, level: null }),
    ]);
    expect(bars).toEqual([{ label: "Xã A", value: 0, level: null, notReported: true }]);
  });
});
