import { describe, expect, it } from "vitest";
import { ClockError, createManualClock } from "../../src/clock.js";
import { latestFireAtOrBefore, nextFireAfter } from "../../src/domain/schedule/index.js";

describe("manual clock", () => {
  it("moves only forward", () => {
    const c = createManualClock(new Date("2026-11-23T00:00:00Z"));
    c.advanceBy(1000);
    expect(c.now().toISOString()).toBe("2026-11-23T00:00:01.000Z");
    expect(() => c.advanceTo(new Date("2026-11-22T00:00:00Z"))).toThrow(ClockError);
    c.advanceTo(new Date("2026-11-24T00:00:00Z"));
    expect(c.now().toISOString()).toBe("2026-11-24T00:00:00.000Z");
  });

  it("a ticking manual clock keeps flowing from the last jump", async () => {
    const c = createManualClock(new Date("2026-11-23T00:00:00Z"), { ticking: true });
    await new Promise((r) => setTimeout(r, 30));
    expect(c.now().getTime() - Date.parse("2026-11-23T00:00:00Z")).toBeGreaterThanOrEqual(25);
  });
});

describe("cron fire times in Asia/Ho_Chi_Minh", () => {
  it.each([
    ["0 8 * * *", "2026-11-23T08:00:00+07:00", "2026-11-23T01:00:00.000Z"], // at the fire time itself
    ["0 8 * * *", "2026-11-23T07:59:59+07:00", "2026-11-22T01:00:00.000Z"],
    ["0 8 * * *", "2026-11-23T08:40:00+07:00", "2026-11-23T01:00:00.000Z"],
    ["0 8 * * 1", "2026-11-26T10:00:00+07:00", "2026-11-23T01:00:00.000Z"], // last Monday
    ["30 8 * * 1-5", "2026-11-29T12:00:00+07:00", "2026-11-27T01:30:00.000Z"], // Sunday → Friday
  ])("%s latest ≤ %s is %s", (cron, at, expected) => {
    expect(latestFireAtOrBefore(cron, new Date(at))?.toISOString()).toBe(expected);
  });

  it("next fire is strictly after", () => {
    expect(nextFireAfter("0 8 * * *", new Date("2026-11-23T08:00:00+07:00"))?.toISOString()).toBe(
      "2026-11-24T01:00:00.000Z",
    );
  });
});
