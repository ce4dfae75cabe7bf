import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enqueue } from "../../src/delivery/outbox.js";
import { sentCounts, startWorld, type World } from "./setup.js";

let w: World;
const GROUPS = [-1001, -1002, -1003, -1004, -1005];
beforeEach(async () => {
  w = await startWorld();
  await w.addGroups(GROUPS);
});
afterEach(async () => w.stop());

describe("delivery worker through the emulator", () => {
  it("sends text, photo, document and album; each chat gets exactly its messages, in order", async () => {
    const chart = await w.png(1);
    const other = await w.png(2);
    for (const id of GROUPS) {
      const chatId = BigInt(id);
      await enqueue(w.db.prisma, {
        dedupKey: `t:${id}`,
        chatId,
        kind: "digest",
        method: "sendMessage",
        payload: {
          text: "<b>Tuần 47</b>",
          parse_mode: "HTML",
          reply_markup: { inline_keyboard: [[{ text: "Xem", callback_data: "x" }]] },
        },
      });
      await enqueue(w.db.prisma, {
        dedupKey: `p:${id}`,
        chatId,
        kind: "chart",
        method: "sendPhoto",
        payload: { photo: { blobId: chart }, caption: "Biểu đồ" },
      });
      await enqueue(w.db.prisma, {
        dedupKey: `d:${id}`,
        chatId,
        kind: "report",
        method: "sendDocument",
        payload: { document: { blobId: other }, caption: "Báo cáo" },
      });
      await enqueue(w.db.prisma, {
        dedupKey: `a:${id}`,
        chatId,
        kind: "album",
        method: "sendMediaGroup",
        payload: {
          media: [
            { type: "photo", media: { blobId: chart } },
            { type: "photo", media: { blobId: other }, caption: "2" },
          ],
        },
      });
    }
    const stats = await w.worker().drainOnce();
    expect(stats).toMatchObject({ sent: 20, failed: 0, dropped: 0 });
    expect(sentCounts(w.emu, GROUPS)).toEqual(GROUPS.map(() => 5)); // album items count one each
    for (const id of GROUPS) {
      const msgs = w.emu.botMessages(id);
      expect(msgs.map((m) => m.text ?? m.caption ?? "")).toEqual(["Tuần 47", "Biểu đồ", "Báo cáo", "", "2"]);
      expect(msgs[0]?.reply_markup?.inline_keyboard[0]?.[0]?.text).toBe("Xem");
      expect(msgs[1]?.photo).toBeDefined();
      expect(msgs[2]?.document?.file_name).toBe("chart-2.png");
    }
    const rows = await w.db.prisma.outboxMessage.findMany();
    expect(rows.every((r) => r.status === "sent" && r.sentMessageId !== null && r.lockedBy === null)).toBe(true);
  });

  it("uploads a blob once, then reuses Telegram's file_id", async () => {
    const chart = await w.png(7);
    for (const id of GROUPS) {
      await enqueue(w.db.prisma, {
        dedupKey: `p:${id}`,
        chatId: BigInt(id),
        kind: "chart",
        method: "sendPhoto",
        payload: { photo: { blobId: chart } },
      });
    }
    await w.worker({ concurrency: 1 }).drainOnce();
    const blob = await w.db.prisma.blob.findUniqueOrThrow({ where: { id: chart } });
    expect(blob.fileId).toBeTruthy();
    const sentAs = GROUPS.map((id) => {
      const entry = w.emu.transcript(id).find((e) => e.kind === "message" && e.direction === "bot");
      return entry?.kind === "message" ? entry.sent?.photo : undefined;
    });
    expect(sentAs.slice(1).every((p) => p === blob.fileId)).toBe(true);
  });

  it("re-uploads when Telegram no longer knows a cached file_id", async () => {
    const chart = await w.png(3);
    await w.db.prisma.blob.update({ where: { id: chart }, data: { fileId: "forgotten-by-a-restarted-server" } });
    await enqueue(w.db.prisma, {
      dedupKey: "p",
      chatId: -1001n,
      kind: "chart",
      method: "sendPhoto",
      payload: { photo: { blobId: chart } },
    });
    expect(await w.worker().drainOnce()).toMatchObject({ sent: 1, failed: 0 });
    expect((await w.db.prisma.blob.findUniqueOrThrow({ where: { id: chart } })).fileId).not.toBe(
      "forgotten-by-a-restarted-server",
    );
  });

  it("does not send before notBefore (by the injected clock)", async () => {
    await enqueue(w.db.prisma, {
      dedupKey: "later",
      chatId: -1001n,
      kind: "reminder",
      method: "sendMessage",
      payload: { text: "sau" },
      notBefore: new Date(Date.now() + 3_600_000),
    });
    expect(await w.worker().drainOnce()).toMatchObject({ sent: 0 });
    expect(sentCounts(w.emu, [-1001])).toEqual([0]);
  });

  it("start() + kick() delivers without drainOnce; stop() leaves nothing locked", async () => {
    const worker = w.worker({ idlePollMs: 60_000 });
    worker.start();
    await enqueue(w.db.prisma, {
      dedupKey: "k",
      chatId: -1002n,
      kind: "reminder",
      method: "sendMessage",
      payload: { text: "nhắc" },
    });
    worker.kick();
    await w.emu.waitForMessages(-1002, 1);
    await worker.stop();
    expect(await w.db.prisma.outboxMessage.count({ where: { lockedBy: { not: null } } })).toBe(0);
  });

  it("never logs message text or the token", async () => {
    await enqueue(w.db.prisma, {
      dedupKey: "secret",
      chatId: -1003n,
      kind: "late-list",
      method: "sendMessage",
      payload: { text: "Nguyễn Văn A — hồ sơ 123" },
    });
    w.emu.faults.add({ method: "sendMessage", fault: { kind: "network" } });
    await w.worker().drainOnce();
    const all = w.logs.join("\n");
    expect(all).toContain("late-list");
    expect(all).not.toContain("Nguyễn Văn A");
    expect(all).not.toContain("TEST-delivery-token");
  });
});
