/**
 * An update whose process died handling it (src/bot/abandonedUpdates.ts) is never handled again
 * — it may be what killed the process, and the restarted bot would die on it again — but the
 * sender is told to try again and the administrators are alerted, once, without the update's
 * content. A fresh in-flight update is neither stolen nor reported.
 */
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { STALE_UPDATE_MS } from "../../src/bot/abandonedUpdates.js";
import { DEDUP_WINDOW_MS, updateFingerprint } from "../../src/bot/updateGuard.js";
import { claimUpdate, heartbeatUpdate } from "../../src/db/repos/processedUpdates.js";
import { reliabilityTexts } from "../../src/messages/reliability.js";
import { ADMIN_ID, startHarness, TOKEN, type Harness } from "../helpers/harness.js";

const GUEST = 888;
const OTHER = 889;
const BOT_ID = BigInt(TOKEN.split(":")[0] ?? "");
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  h.emu.addChat({ id: GUEST, type: "private", firstName: "Khách" });
  h.emu.addChat({ id: OTHER, type: "private", firstName: "Khách khác" });
  h.emu.addChat({ id: ADMIN_ID, type: "private", firstName: "Quản trị" });
});
afterEach(async () => h?.stop());

/** Every update handled, every message due sent: what the "nothing more" assertions wait for. */
const settle = () => h.idle();
const row = (updateId: number) =>
  h.db.prisma.processedUpdate.findUnique({ where: { botId_updateId: { botId: BOT_ID, updateId: BigInt(updateId) } } });

/** A document from the guest as a raw update: its id and fingerprint known before it is sent. */
function fileUpdate(updateId: number): Update {
  return {
    update_id: updateId,
    message: {
      message_id: 7,
      date: Math.floor(h.clock.now().getTime() / 1000),
      chat: { id: GUEST, type: "private", first_name: "Khách" },
      from: { id: GUEST, is_bot: false, first_name: "Khách" },
      document: { file_id: "poison", file_unique_id: "poison", file_name: "bi-mat-cong-dan.xlsx", file_size: 103_000 },
    },
  };
}

describe("an update left processing by a process that died", () => {
  it("redelivered after the restart: not handled again; the sender is told, the administrators alerted", async () => {
    const { updateId = 0 } = h.emu.injectText({ chatId: GUEST, fromId: GUEST, text: "/id" });
    await h.emu.waitForMessages(GUEST, 1);
    await expect.poll(async () => (await row(updateId))?.status).toBe("done");
    // The process marked the update, then died handling it.
    await h.db.prisma.processedUpdate.update({
      where: { botId_updateId: { botId: BOT_ID, updateId: BigInt(updateId) } },
      data: { status: "processing", createdAt: h.clock.now() },
    });
    h.emu.redeliver(updateId); // still fresh: maybe another instance is at it; left alone
    await settle();
    expect(h.emu.botMessages(GUEST)).toHaveLength(1);

    h.clock.advance(STALE_UPDATE_MS + 1_000);
    h.emu.redeliver(updateId);
    const [, notice] = await h.emu.waitForMessages(GUEST, 2);
    expect(notice?.text).toBe(reliabilityTexts.abandoned("command"));
    const [alert] = await h.emu.waitForMessages(ADMIN_ID, 1);
    expect(alert?.text).toContain(`số ${updateId.toLocaleString("de-DE")}, lệnh người dùng gửi, chat ${GUEST}`);
    expect(alert?.text).not.toContain("/id");
    expect(await row(updateId)).toMatchObject({ status: "failed" });

    h.emu.redeliver(updateId); // and never again
    await settle();
    expect(h.emu.botMessages(GUEST)).toHaveLength(2);
    expect(h.emu.botMessages(ADMIN_ID)).toHaveLength(1);
  });

  it("not delivered again (Telegram had it confirmed): the sweep reports it, once, without its content", async () => {
    const poison = fileUpdate(7_000);
    await h.db.prisma.processedUpdate.create({
      data: {
        botId: BOT_ID,
        updateId: 7_000n,
        fingerprint: updateFingerprint(poison),
        status: "processing",
        createdAt: new Date(h.clock.now().getTime() - STALE_UPDATE_MS - 1_000),
        chatId: BigInt(GUEST),
        kind: "file",
      },
    });
    h.emu.injectText({ chatId: OTHER, fromId: OTHER, text: "/id" }); // any update wakes the sweep
    await h.emu.waitForMessages(OTHER, 1);
    const [notice] = await h.emu.waitForMessages(GUEST, 1);
    expect(notice?.text).toBe(reliabilityTexts.abandoned("file"));
    expect(notice?.text).toContain("Hãy kiểm tra tệp");
    const [alert] = await h.emu.waitForMessages(ADMIN_ID, 1);
    expect(alert?.text).toContain("số 7.000, tệp người dùng gửi");
    expect(alert?.text).not.toContain("bi-mat-cong-dan");
    expect(await row(7_000)).toMatchObject({ status: "failed" });

    h.emu.injectRaw(poison); // a late redelivery is not handled either
    h.clock.advance(STALE_UPDATE_MS);
    h.emu.injectText({ chatId: OTHER, fromId: OTHER, text: "/id" });
    await h.emu.waitForMessages(OTHER, 2);
    await settle();
    expect(h.emu.botMessages(GUEST)).toHaveLength(1);
    expect(h.emu.botMessages(ADMIN_ID)).toHaveLength(1);
  });
});

describe("a slow update", () => {
  it("keeps its heartbeat fresh, so it is neither taken over nor reported while it runs", async () => {
    const update = fileUpdate(7_001);
    const key = { botId: BOT_ID, updateId: 7_001n, fingerprint: updateFingerprint(update) };
    const claim = (now: Date) =>
      claimUpdate(h.db.prisma, {
        ...key,
        now,
        forgetBefore: new Date(now.getTime() - DEDUP_WINDOW_MS),
        staleBefore: new Date(now.getTime() - STALE_UPDATE_MS),
      });
    const start = h.clock.now();
    expect(await claim(start)).toBe("new");
    const later = new Date(start.getTime() + 5 * STALE_UPDATE_MS);
    await heartbeatUpdate(h.db.prisma, { ...key, now: new Date(later.getTime() - 10_000) });
    expect(await claim(later)).toBe("duplicate");
    expect(await row(7_001)).toMatchObject({ status: "processing" });
    expect(await claim(new Date(later.getTime() + STALE_UPDATE_MS))).toBe("abandoned");
    expect(await row(7_001)).toMatchObject({ status: "failed" });
  });
});
