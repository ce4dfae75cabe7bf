/**
 * The abandoned-update sweep (src/bot/abandonedUpdates.ts) judges a row by its heartbeat, written
 * with the app's clock. Moved forward while an update is still being handled — tests move it by
 * days, an operator may correct a wrong clock — the heartbeat looks stale. The sweep must still
 * leave alone the updates this very process is handling: no "try again" to the sender, no alert,
 * and the update ends "done".
 */
import type { Middleware } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { STALE_UPDATE_MS, SWEEP_EVERY_MS } from "../../src/bot/abandonedUpdates.js";
import type { BotContext } from "../../src/bot/context.js";
import { reliabilityTexts } from "../../src/messages/reliability.js";
import { ADMIN_ID, startHarness, TOKEN, type Harness } from "../helpers/harness.js";

const SLOW = 888;
const OTHER = 889;
const BOT_ID = BigInt(TOKEN.split(":")[0] ?? "");
let h: Harness;
let release: () => void = () => undefined;

/** `/cham`: its work is detached (as an upload's is) and ends only when the test lets it. */
const slowFeature: Middleware<BotContext> = async (ctx, next) => {
  if (ctx.message?.text !== "/cham") return next();
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  ctx.detach?.(async () => {
    await gate;
    await ctx.reply("Xong.");
  });
};

beforeEach(async () => {
  h = await startHarness({ extraFeatures: [slowFeature] });
  h.emu.addChat({ id: SLOW, type: "private", firstName: "Cán bộ" });
  h.emu.addChat({ id: OTHER, type: "private", firstName: "Cán bộ khác" });
  h.emu.addChat({ id: ADMIN_ID, type: "private", firstName: "Quản trị" });
});
afterEach(async () => {
  release();
  await h?.stop();
});

const row = (updateId: number) =>
  h.db.prisma.processedUpdate.findUnique({ where: { botId_updateId: { botId: BOT_ID, updateId: BigInt(updateId) } } });

describe("an update still in hand when the clock moves past its heartbeat", () => {
  it("is not swept as abandoned: the sender gets the answer, not a 'try again', and no alert goes out", async () => {
    const { updateId = 0 } = h.emu.injectText({ chatId: SLOW, fromId: SLOW, text: "/cham" });
    // The update itself has returned (its work goes on detached) and its row waits "processing".
    await h.emu.waitFor(() => h.emu.pendingUpdates() === 0, { label: "/cham handed to its detached work" });
    expect(await row(updateId)).toMatchObject({ status: "processing" });

    h.clock.advance(24 * 3_600_000);
    expect(24 * 3_600_000).toBeGreaterThan(STALE_UPDATE_MS + SWEEP_EVERY_MS);
    // Any update runs the sweep beside itself, and ends only after it.
    h.emu.injectText({ chatId: OTHER, fromId: OTHER, text: "/id" });
    await h.emu.waitForMessages(OTHER, 1);
    await h.emu.waitFor(() => h.emu.pendingUpdates() === 0, { label: "/id and its sweep done" });
    expect(await row(updateId)).toMatchObject({ status: "processing" });

    release();
    await h.idle();
    expect(h.emu.botMessages(SLOW).map((m) => m.text)).toEqual(["Xong."]);
    expect(h.emu.botMessages(SLOW).map((m) => m.text)).not.toContain(reliabilityTexts.abandoned("command"));
    expect(h.emu.botMessages(ADMIN_ID)).toHaveLength(0);
    expect(await row(updateId)).toMatchObject({ status: "done" });
  });
});
