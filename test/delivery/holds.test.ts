import { describe, expect, it } from "vitest";
import { createManualClock } from "../../src/clock.js";
import { ChatHolds } from "../../src/delivery/holds.js";

const T0 = new Date("2026-11-23T01:00:00.000Z");

/** A manual clock (the claim's timeline) and a fake monotonic time (the timers'), moved together or apart. */
function holdsAt(): {
  holds: ChatHolds;
  both(ms: number): void;
  realOnly(ms: number): void;
  clockOnly(ms: number): void;
} {
  const clock = createManualClock(T0);
  let real = 1_000;
  return {
    holds: new ChatHolds(clock, () => real),
    both: (ms) => {
      clock.advanceBy(ms);
      real += ms;
    },
    realOnly: (ms) => {
      real += ms;
    },
    clockOnly: (ms) => clock.advanceBy(ms),
  };
}

describe("ChatHolds", () => {
  it.each([
    [0, 0],
    [1, 250],
    [250, 250],
    [251, 500],
    [30_000, 30_000],
  ])("a wait of %i ms is written as notBefore = now + %i ms (on the 250 ms grid, never shorter)", (wait, written) => {
    const { holds } = holdsAt();
    expect(holds.hold(-1n, wait).getTime() - T0.getTime()).toBe(written);
  });

  it("a chat's notBefore never moves earlier, so its rows share one instant and keep their order", () => {
    const { holds, both } = holdsAt();
    const first = holds.hold(-1n, 30_000);
    both(1_000);
    expect(holds.hold(-1n, 500)).toEqual(first);
    expect(holds.hold(-2n, 500).getTime()).toBeLessThan(first.getTime());
  });

  it("holding follows the claim's clock; the idle timer gets the earliest hold", () => {
    const { holds, both, realOnly, clockOnly } = holdsAt();
    holds.hold(-1n, 3_000);
    holds.hold(-2n, 1_000);
    expect(holds.holding(-1n)).toBe(true);
    expect(holds.holding(-3n)).toBe(false);
    expect(holds.nextWakeMs()).toBe(1_000);
    realOnly(1_000);
    expect(holds.nextWakeMs()).toBe(5); // the timer fired but the clock lags a hair: look again shortly
    clockOnly(1_000);
    expect(holds.holding(-2n)).toBe(false);
    expect(holds.nextWakeMs()).toBe(2_000);
    both(100);
    expect(holds.nextWakeMs()).toBe(1_900);
    expect(holds.waitingUntil()?.getTime()).toBe(T0.getTime() + 3_000);
    both(2_000);
    expect(holds.nextWakeMs()).toBeUndefined();
    expect(holds.waitingUntil()).toBeUndefined();
  });

  it("a frozen clock keeps the rows back, but timers and drainOnce stop waiting for them", () => {
    const { holds, realOnly } = holdsAt();
    holds.hold(-1n, 1_000);
    realOnly(1_100);
    expect(holds.holding(-1n)).toBe(true);
    expect(holds.nextWakeMs()).toBeUndefined();
    expect(holds.waitingUntil()).toBeUndefined();
  });
});
