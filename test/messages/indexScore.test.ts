/** `/chiso`'s words for numbers (src/messages/indexScore.ts): group bars and the change since last month. */
import { describe, expect, it } from "vitest";
import { points, pointsOf } from "../../src/domain/index/points.js";
import { indexTexts, pointsBar } from "../../src/messages/indexScore.js";
import type { UnitIndexView } from "../../src/messages/indexViews.js";

const unit = { code: "TN-X1", name: "Phường Đức Xuân", tier: "xa", parentCode: "TN" };
const view = (total: ReturnType<typeof points>, previous: ReturnType<typeof points> | null): UnitIndexView => ({
  unit,
  index: { code: "i", name: "Chỉ số", shortName: "Chỉ số 766/QĐ-TTg" },
  period: "2026-12",
  total,
  maxAvailable: pointsOf(6),
  max: pointsOf(100),
  band: null,
  bandsNamed: false,
  groups: [],
  missing: [],
  unscorable: 0,
  gains: [],
  previous,
  change: previous ? { now: total, before: previous, partial: null } : null,
});

describe("/chiso numbers", () => {
  it.each([
    [0, 10, "▱▱▱▱▱"],
    [0.99, 10, "▱▱▱▱▱"],
    [1, 10, "▰▱▱▱▱"],
    [6, 10, "▰▰▰▱▱"],
    [10, 10, "▰▰▰▰▰"],
    [15, 30, "▰▰▰▱▱"],
    [0, 0, "▱▱▱▱▱"],
  ])("%s of %s points → %s", (earned, max, bar) => {
    expect(pointsBar(pointsOf(earned), pointsOf(max))).toBe(bar);
  });

  it("the change since last month is the difference of the printed totals, so the line adds up", () => {
    // 5,44444 prints 5,44 and 3,5489 prints 3,55: the line must say +1,89, though the exact
    // difference, 1,89554, would print "1,9". (Points count hundredths: num/den of a hundredth.)
    const now = points(544_444n, 1_000n);
    const before = points(35_489n, 100n);
    const text = indexTexts.unit(view(now, before));
    expect(text).toContain("▲ +1,89 điểm so với tháng 11/2026 (3,55 điểm)");
  });

  it("when the months' scored components differ, the change is on those both have, and says so", () => {
    const v = {
      ...view(pointsOf(29.44), pointsOf(47.65)),
      change: { now: pointsOf(11.44), before: pointsOf(10.2), partial: 3 },
    };
    expect(indexTexts.unit(v)).toContain(
      "▲ +1,24 điểm so với tháng 11/2026 trên 3 thành phần có số liệu cả hai tháng (tổng tháng trước: 47,65 điểm)",
    );
    const none = { ...view(pointsOf(6), pointsOf(20)), change: null };
    expect(indexTexts.unit(none)).toContain("Tháng 11/2026: 20 điểm (trên các thành phần khác tháng này).");
    expect(indexTexts.unit(none)).not.toContain("▼");
  });

  it("no change reads as such; a fall has its minus sign", () => {
    expect(indexTexts.unit(view(pointsOf(5), pointsOf(5)))).toContain("không đổi so với tháng 11/2026 (5 điểm)");
    expect(indexTexts.unit(view(pointsOf(4.5), pointsOf(5)))).toContain("▼ −0,5 điểm so với tháng 11/2026");
  });
});
