import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enqueue } from "../../src/delivery/outbox.js";
import { sentCounts, startWorld, type World } from "./setup.js";

let w: World;
const GROUPS = Array.from({ length: 30 }, (_, i) => -2000 - i);
beforeEach(async () => {
  w = await startWorld();
  await w.addGroups(GROUPS);
});
afterEach(async () => w.stop());

async function fanOut(ids: number[], week = "2026-W47"): Promise<void> {
  for (const id of ids) {
    await enqueue(w.db.prisma, {
      dedupKey: `digest:${week}:chat:${id}`,
      chatId: BigInt(id),
      kind: "digest",
      method: "sendMessage",
      payload: { text: `Tổng hợp ${week}` },
    });
  }
}

describe("Telegram's refusals", () => {
  it("429 storm: every message delivered once, none lost", async () => {
    w.emu.faults.add({ method: "*", times: 5, fault: { kind: "retry_after", retryAfter: 1 } });
    await fanOut(GROUPS);
    const stats = await w.worker().drainOnce();
    expect(stats.rateLimited).toBe(5);
    expect(sentCounts(w.emu, GROUPS)).toEqual(GROUPS.map(() => 1));
    expect(await w.db.prisma.outboxMessage.count({ where: { status: "sent" } })).toBe(GROUPS.length);
  });

  it("403 mid-fan-out: that chat inactive and its queue dropped, others delivered, admins alerted once", async () => {
    const kicked = GROUPS[10] ?? 0;
    w.emu.setBotStatus(kicked, "kicked", { notify: false });
    await fanOut(GROUPS);
    await fanOut([kicked], "2026-W48");
    const stats = await w.worker().drainOnce();
    expect(stats).toMatchObject({ sent: GROUPS.length - 1, dropped: 2 });
    expect(sentCounts(w.emu, GROUPS).filter((n) => n === 1)).toHaveLength(GROUPS.length - 1);
    expect(await w.db.prisma.chat.findUnique({ where: { chatId: BigInt(kicked) } })).toMatchObject({ active: false });
    expect(w.alerts).toHaveLength(1);
    expect(w.alerts[0]).toContain(String(kicked));
    // Later pushes to the inactive chat are dropped without a call and without a new alert.
    await fanOut([kicked], "2026-W49");
    await w.worker().drainOnce();
    expect(w.emu.counters()[kicked]?.rejected).toBe(1);
    expect(w.alerts).toHaveLength(1);
  });

  it("400 migrate_to_chat_id: chat rebound, message delivered at the new id, queue follows", async () => {
    w.emu.addUser({ id: 77, firstName: "Chủ nhóm" });
    w.emu.addChat({ id: -555, type: "group", title: "UBND xã", members: { 77: "creator" } });
    await w.db.prisma.chat.create({ data: { chatId: -555n, type: "group", kind: "unit", unitCode: "X1" } });
    const newId = w.emu.migrateGroup(-555, { byId: 77 });
    await fanOut([-555]);
    await fanOut([-555], "2026-W48");
    const migrated: [bigint, bigint][] = [];
    const stats = await w.worker({ onChatMigrated: (a, b) => void migrated.push([a, b]) }).drainOnce();
    expect(stats).toMatchObject({ sent: 2, migrated: 1, failed: 0 });
    expect(w.emu.botMessages(newId).map((m) => m.text)).toEqual(["Tổng hợp 2026-W47", "Tổng hợp 2026-W48"]);
    expect(await w.db.prisma.chat.findUnique({ where: { chatId: BigInt(newId) } })).toMatchObject({
      kind: "unit",
      unitCode: "X1",
    });
    expect(await w.db.prisma.outboxMessage.count({ where: { chatId: -555n } })).toBe(0);
    expect(migrated).toEqual([[-555n, BigInt(newId)]]);
  });

  it("5xx: retried with backoff, then delivered", async () => {
    w.emu.faults.add({
      method: "sendMessage",
      chatId: GROUPS[0],
      times: 3,
      fault: { kind: "server_error", status: 502 },
    });
    await fanOut(GROUPS.slice(0, 3));
    const stats = await w.worker().drainOnce();
    expect(stats).toMatchObject({ sent: 3, retried: 3, failed: 0 });
    expect(sentCounts(w.emu, GROUPS.slice(0, 3))).toEqual([1, 1, 1]);
    expect(w.alerts).toEqual([]);
  });

  // Was "5xx past the bound" (6 attempts, then failed with one alert per message). Now a 5xx is
  // retried for as long as the message is useful, then given up with one summary alert.
  it("5xx past the message's useful-until: given up, logged, admins alerted once", async () => {
    w.emu.faults.add({ method: "sendMessage", chatId: GROUPS[0], times: 1e6, fault: { kind: "server_error" } });
    await enqueue(w.db.prisma, {
      dedupKey: `digest:2026-W47:chat:${GROUPS[0]}`,
      chatId: BigInt(GROUPS[0] ?? 0),
      kind: "digest",
      method: "sendMessage",
      payload: { text: "Tổng hợp" },
      usefulUntil: new Date(Date.now() + 600),
    });
    await fanOut(GROUPS.slice(1, 2));
    const stats = await w.worker({ retry: { baseMs: 10, maxMs: 40 } }).drainOnce();
    expect(stats).toMatchObject({ sent: 1, failed: 1 });
    expect(stats.retried).toBeGreaterThanOrEqual(1);
    const row = await w.db.prisma.outboxMessage.findUniqueOrThrow({
      where: { dedupKey: `digest:2026-W47:chat:${GROUPS[0]}` },
    });
    expect(row).toMatchObject({ status: "failed" });
    expect(row.lastError).toMatch(/^expired: 500/);
    expect(w.emu.counters()[GROUPS[0] ?? 0]?.rejected).toBe(row.attempts);
    expect(w.alerts).toHaveLength(1);
    expect(w.alerts[0]).toContain("1 tin không gửi được");
  });

  it("400 bad request: failed at once, no retry, admins alerted", async () => {
    await enqueue(w.db.prisma, {
      dedupKey: "bad",
      chatId: BigInt(GROUPS[0] ?? 0),
      kind: "digest",
      method: "sendMessage",
      payload: { text: "<b>không đóng thẻ", parse_mode: "HTML" },
    });
    const stats = await w.worker().drainOnce();
    expect(stats).toMatchObject({ sent: 0, failed: 1, retried: 0 });
    expect(w.emu.counters()[GROUPS[0] ?? 0]?.rejected).toBe(1);
    expect(w.alerts).toHaveLength(1);
    expect(w.alerts[0]).toContain("không được gửi lại");
  });

  it("a network error (HttpError) is retried like a 5xx", async () => {
    w.emu.faults.add({ method: "sendMessage", times: 2, fault: { kind: "network" } });
    await fanOut(GROUPS.slice(0, 1));
    expect(await w.worker().drainOnce()).toMatchObject({ sent: 1, retried: 2 });
  });
});
