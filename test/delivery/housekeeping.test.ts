/**
 * What the worker asks the database besides claims and markSent: the inactive-chat sweep (now
 * at start and every 30 s, since claims skip inactive chats themselves) and blob reads (a
 * per-worker file_id cache) — fewer statements, the same outcome for the chats.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enqueue } from "../../src/delivery/outbox.js";
import { countingPrisma } from "./counting.js";
import { sentCounts, startWorld, type World } from "./setup.js";

const FAST = {
  global: 300,
  globalWindowMs: 1000,
  group: 20,
  groupWindowMs: 61_000,
  private: 1,
  privateWindowMs: 1_050,
};
const GROUPS = Array.from({ length: 30 }, (_, i) => -950_001 - i);

let w: World;
beforeEach(async () => {
  w = await startWorld();
  await w.addGroups(GROUPS);
});
afterEach(async () => w.stop());

async function push(chatId: number, dedupKey: string): Promise<void> {
  await enqueue(w.db.prisma, {
    dedupKey,
    chatId: BigInt(chatId),
    kind: "digest",
    method: "sendMessage",
    payload: { text: "Tổng hợp" },
  });
}

async function photo(chatId: number, dedupKey: string, blobId: number): Promise<void> {
  await enqueue(w.db.prisma, {
    dedupKey,
    chatId: BigInt(chatId),
    kind: "chart",
    method: "sendPhoto",
    payload: { photo: { blobId } },
  });
}

/** What the membership feature does when the bot is removed from a group (src/bot/features/membership.ts). */
async function deactivate(chatId: number): Promise<void> {
  await w.db.prisma.chat.updateMany({ where: { chatId: BigInt(chatId) }, data: { active: false } });
}

describe("inactive chats", () => {
  it("a chat deactivated elsewhere while the worker runs gets no send; its rows are dropped at the next sweep", async () => {
    const [gone, live] = [GROUPS[0] ?? 0, GROUPS[1] ?? 0];
    const worker = w.worker({ idlePollMs: 60_000 });
    await push(live, "warm-up");
    worker.start();
    await w.emu.waitForMessages(live, 1); // the start-up sweep is behind us
    await deactivate(gone);
    await push(gone, "gone");
    await push(live, "live");
    worker.kick();
    await w.emu.waitForMessages(live, 2);
    await worker.stop();
    expect(w.emu.counters()[gone]).toMatchObject({ sent: 0, rejected: 0 });
    expect(await w.db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupKey: "gone" } })).toMatchObject({
      status: "pending",
      lockedBy: null,
    });

    expect(await w.worker().drainOnce()).toMatchObject({ sent: 0, dropped: 1 });
    expect(await w.db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupKey: "gone" } })).toMatchObject({
      status: "dropped",
      lastError: "chat inactive",
    });
    expect(w.emu.counters()[gone]).toMatchObject({ sent: 0, rejected: 0 });
  });

  it("a fan-out of many batches sweeps once, not before every claim", async () => {
    for (const id of GROUPS) await push(id, `digest:${id}`);
    const counted = countingPrisma(w.db.prisma);
    const stats = await w.worker({ prisma: counted.prisma, limits: FAST, batchSize: 5 }).drainOnce();
    expect(stats).toMatchObject({ sent: GROUPS.length });
    expect(counted.counts.claims).toBeGreaterThanOrEqual(GROUPS.length / 5);
    expect(counted.counts.sweeps).toBe(1);
  });
});

describe("file_id cache", () => {
  it("a chart fanned out is read from the blob table once, for its upload", async () => {
    const chart = await w.png(11);
    const chats = GROUPS.slice(0, 6);
    for (const id of chats) await photo(id, `p:${id}`, chart);
    const counted = countingPrisma(w.db.prisma);
    await w.worker({ prisma: counted.prisma, concurrency: 1 }).drainOnce();
    expect(sentCounts(w.emu, chats)).toEqual(chats.map(() => 1));
    expect(counted.counts.blobReads).toBe(2); // the file_id lookup and the bytes, for the first chat only
    const { fileId } = await w.db.prisma.blob.findUniqueOrThrow({ where: { id: chart } });
    const sentAs = chats.map((id) => {
      const entry = w.emu.transcript(id).find((e) => e.kind === "message" && e.direction === "bot");
      return entry?.kind === "message" ? entry.sent?.photo : undefined;
    });
    expect(sentAs.slice(1)).toEqual(chats.slice(1).map(() => fileId));
  });

  it("a cached file_id Telegram refuses is dropped from the cache too: one refusal, one re-upload, then reuse", async () => {
    const chart = await w.png(12);
    await w.db.prisma.blob.update({ where: { id: chart }, data: { fileId: "forgotten-by-a-restarted-server" } });
    const chats = GROUPS.slice(0, 4);
    for (const id of chats) await photo(id, `p:${id}`, chart);
    expect(await w.worker({ concurrency: 1 }).drainOnce()).toMatchObject({ sent: chats.length, failed: 0 });
    expect(sentCounts(w.emu, chats)).toEqual(chats.map(() => 1));
    expect(chats.reduce((n, id) => n + (w.emu.counters()[id]?.rejected ?? 0), 0)).toBe(1);
    expect(w.emu.calls("sendPhoto")).toBe(chats.length + 1);
  });
});
