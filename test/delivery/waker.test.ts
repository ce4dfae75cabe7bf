import { describe, expect, it } from "vitest";
import { Waker } from "../../src/delivery/waker.js";

const settled = async (p: Promise<void>, ms: number): Promise<boolean> =>
  Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe("Waker", () => {
  it("a kick ends an idle sleep", async () => {
    const w = new Waker();
    const s = w.sleep(60_000, true);
    w.kick();
    expect(await settled(s, 50)).toBe(true);
  });

  it("a kick while nobody is idle is kept for the next idle sleep, once", async () => {
    const w = new Waker();
    w.kick(); // the loop is busy claiming: nobody to wake
    expect(await settled(w.sleep(60_000, true), 50)).toBe(true);
    const next = w.sleep(60_000, true);
    expect(await settled(next, 50)).toBe(false);
    w.wakeAll();
  });

  it("a kick does not end a pacing sleep, and is not used up by it", async () => {
    const w = new Waker();
    const pacing = w.sleep(60_000);
    w.kick();
    expect(await settled(pacing, 50)).toBe(false);
    expect(await settled(w.sleep(60_000, true), 50)).toBe(true);
    w.wakeAll();
  });

  it("stop's wakeAll ends every sleep", async () => {
    const w = new Waker();
    const a = w.sleep(60_000);
    const b = w.sleep(60_000, true);
    w.wakeAll();
    expect(
      await settled(
        Promise.all([a, b]).then(() => undefined),
        50,
      ),
    ).toBe(true);
  });
});
