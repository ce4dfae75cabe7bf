import { describe, expect, test } from "vitest";
import type { CatalogUnit } from "../../src/domain/catalog.js";
import { countLevels, evaluate, rankByGap, rollUp, gapToTarget } from "../../src/domain/evaluation/index.js";
import { CAPTION_LIMIT, changeWords, DIGEST_LINE_CHARS, DIGEST_LINES, digestTexts } from "../../src/messages/digest.js";
import type { DigestRow, IndicatorDigest } from "../../src/messages/views.js";
import { makeDirective } from "../domain/evaluationFixtures.js";

const directive = makeDirective({
  milestones: [
    { indicator: "hs-truc-tuyen", scope: { tiers: ["so"] }, deadline: "30/06/2026", target: 85, comparison: "atLeast" },
    { indicator: "hs-truc-tuyen", scope: { tiers: ["xa"] }, deadline: "30/06/2026", target: 75, comparison: "atLeast" },
  ],
});
const [first] = directive.indicators;
if (!first) throw new Error("no indicator");
const indicator = first;

const root: CatalogUnit = {
  code: "T",
  name: "Ủy ban nhân dân tỉnh Thử Nghiệm Rất Dài Tên",
  tier: "tinh",
  parentCode: null,
};

/** A large province: 20 departments and 180 communes with long names, 40 of them not reported. */
function largeProvince(): IndicatorDigest {
  const rows: DigestRow[] = Array.from({ length: 200 }, (_, i) => {
    const tier = i < 20 ? "so" : "xa";
    const unit: CatalogUnit = {
      code: `U${i}`,
      name: `${tier === "so" ? "Sở" : "Ủy ban nhân dân xã"} Thượng Nông Hạ Lương Tây Bắc số ${i + 1}`,
      tier,
      parentCode: "T",
    };
    const figures = i % 5 === 4 ? null : { numerator: 30 + ((i * 37) % 70), denominator: 100 };
    const evaluation = evaluate({
      unit: { tier },
      indicatorCode: indicator.code,
      figures,
      asOf: "2026-11-30",
      directives: [directive],
    });
    return { unit, evaluation, weekAgo: i % 3 === 0 ? null : figures };
  });
  const ranked = rankByGap(
    rows,
    (r) => r.evaluation,
    (r) => r.unit.name,
  );
  return {
    indicator,
    period: "2026-11",
    closed: false,
    day: "2026-11-30",
    rows,
    counts: countLevels(rows.map((r) => r.evaluation)),
    total: {
      now: rollUp(rows.map((r) => r.evaluation.figures)).figures,
      weekAgo: rollUp(rows.map((r) => r.weekAgo)).figures,
    },
    ranked,
    belowTarget: ranked.filter((r) => (gapToTarget(r.evaluation) ?? 0) > 0),
    notReported: rows.filter((r) => r.evaluation.status === "not-reported").map((r) => r.unit),
  };
}

describe("the digest caption on a phone", () => {
  test(`a large province with overdue tasks and ignored reminders: ≤ ${DIGEST_LINES} lines, ≤ 1,024 characters`, () => {
    const d = largeProvince();
    const [task] = directive.tasks;
    const extras = {
      overdue: Array.from({ length: 25 }, (_, i) => ({
        task: task ?? {
          code: `NHIEM-VU-${i}`,
          title: "T",
          lead: { tiers: ["xa"] },
          deadline: { kind: "date", date: "2026-11-01" },
        },
        due: "2026-11-01",
        leads: d.notReported.slice(0, 2),
      })),
      escalated: d.notReported.slice(0, 30),
    } as Parameters<typeof digestTexts.caption>[2];
    const caption = digestTexts.caption(d, root, extras);
    const lines = caption.split("\n");
    expect(lines.length).toBeLessThanOrEqual(DIGEST_LINES);
    // About three phone lines each at most: the whole caption stays on one phone screen.
    for (const line of lines) expect(line.replace(/<[^>]+>/g, "").length).toBeLessThanOrEqual(DIGEST_LINE_CHARS);
    expect(caption.length).toBeLessThanOrEqual(CAPTION_LIMIT);
    expect(lines[0]).toBe("📊 <b>Hồ sơ trực tuyến — tuần 30/11–04/12</b>");
    expect(lines[2]).toContain("⚪ chưa báo cáo 40");
    expect(caption).toContain("👉 Cần đôn đốc — chưa báo cáo (40)");
    expect(caption).not.toContain("(mới)");
    // The farthest below their own target are named first, with that target.
    expect(lines[3]).toMatch(/^⚠️ Xa chỉ tiêu nhất: .+ \(chỉ tiêu (85|75)%\)/);
  });

  test("in the first days of a month the caption says the figures are last month's final ones", () => {
    const d = { ...largeProvince(), closed: true, day: "2026-12-07", period: "2026-11" };
    expect(digestTexts.caption(d, root, null).split("\n")[1]).toContain("số liệu chốt tháng 11/2026");
  });
});

test.each([
  [{ numerator: 70, denominator: 100 }, { numerator: 65, denominator: 100 }, "tăng 5 điểm so với tuần trước"],
  [{ numerator: 663, denominator: 1000 }, { numerator: 65, denominator: 100 }, "tăng 1,3 điểm so với tuần trước"],
  [{ numerator: 60, denominator: 100 }, { numerator: 65, denominator: 100 }, "giảm 5 điểm so với tuần trước"],
  [{ numerator: 7, denominator: 10 }, { numerator: 70, denominator: 100 }, "không đổi so với tuần trước"],
  [{ numerator: 7, denominator: 10 }, null, "tuần trước chưa có số liệu"],
  [null, { numerator: 7, denominator: 10 }, ""],
])("change %j since %j in words → %s", (now, before, words) => expect(changeWords(now, before)).toBe(words));
