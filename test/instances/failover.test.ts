/**
 * Issue #7 "Several instances": three dondoc processes (src/main.ts) on one PostgreSQL database
 * and the emulator (its CLI, Telegram's rate limits on). A digest fan-out is under way and
 * officers keep sending /nop when the polling instance is killed with SIGKILL. Afterwards every
 * chat has exactly one digest, every /nop was handled exactly once (one figure revision, one
 * reply with its undo button), and the polling lease changed hands exactly once.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { enqueue } from "../../src/delivery/outbox.js";
import { installText } from "../../src/services/directives/install.js";
import { createPostgresTestDb, type TestDb } from "../helpers/db.js";
import { startHoldingProxy, type HoldingProxy } from "../helpers/holdingProxy.js";
import { PG_SKIP_MESSAGE, suiteOnPostgres, testPgAdminUrl } from "../helpers/pg.js";
import { control, logged, startEmulatorCli, startInstance, waitUntil, type Proc } from "./cluster.js";

const TOKEN = "123456789:TEST-cluster-token-AAAAAAAAAAAAAAAAAAAAA";
const OFFICER = 7001;
const UNITS = ["TN-STP", "TN-SYT", "TN-H1", "TN-X1", "TN-X2", "TN-X3"];
const unitChat = (i: number): number => -100_500 - i;
const DIGEST_CHATS = Array.from({ length: 300 }, (_, i) => -100_900_000 - i);
const NOP_BEFORE = 8;
const NOP_DURING = 8;
const NEVER = "0 3 1 1 *"; // scheduled jobs stay out of the way: 03:00 on 1 January

const admin = testPgAdminUrl();
if (!admin) console.warn(PG_SKIP_MESSAGE);

const transcriptSchema = z.array(
  z.object({
    kind: z.string(),
    direction: z.string().optional(),
    message: z
      .object({
        reply_markup: z
          .object({ inline_keyboard: z.array(z.array(z.object({ callback_data: z.string().optional() }))) })
          .optional(),
      })
      .optional(),
  }),
);

// PostgreSQL either way: the suite's PostgreSQL pass (DONDOC_TEST_DB=postgres) need not repeat it.
describe.skipIf(!admin || suiteOnPostgres())("three instances on one PostgreSQL", () => {
  let db: TestDb;
  let emu: Awaited<ReturnType<typeof startEmulatorCli>>;
  let api: ReturnType<typeof control>;
  const proxies: HoldingProxy[] = [];
  const instances: Proc[] = [];

  beforeAll(async () => {
    db = await createPostgresTestDb(admin ?? "");
    for (const f of ["test/fixtures/province.units.yaml", "test/fixtures/province.directive.yaml"]) {
      const r = await installText(db.prisma, readFileSync(f, "utf8"), "yaml");
      if (!r.ok) throw new Error(`fixture ${f}`);
    }
    emu = await startEmulatorCli(TOKEN);
    api = control(emu.url);
    await api.post("users", { id: OFFICER, firstName: "Cán bộ" });
    for (const [i, code] of UNITS.entries()) {
      await api.post("chats", {
        id: unitChat(i),
        type: "supergroup",
        title: `Nhóm ${code}`,
        members: { [OFFICER]: "member" },
      });
      await db.prisma.chat.create({
        data: { chatId: BigInt(unitChat(i)), type: "supergroup", title: `Nhóm ${code}`, kind: "unit", unitCode: code },
      });
    }
    for (const id of DIGEST_CHATS) await api.post("chats", { id, type: "supergroup", title: `Lãnh đạo ${id}` });
    await db.prisma.chat.createMany({
      data: DIGEST_CHATS.map((id) => ({ chatId: BigInt(id), type: "supergroup", title: `Lãnh đạo ${id}` })),
    });
    await api.post("rate-limit", { enabled: true, perSecond: 30, perGroupPerMinute: 20 });
    for (let i = 0; i < 3; i++) {
      const proxy = await startHoldingProxy(emu.url);
      proxies.push(proxy);
      instances.push(
        startInstance({
          DATABASE_URL: db.url,
          BOT_TOKEN: TOKEN,
          TELEGRAM_API_ROOT: proxy.url,
          INSTANCE_ID: `inst-${i}`,
          POLL_LEASE_TTL_MS: "3000",
          DELIVERY_INSTANCES: "3",
          DELIVERY_LEASE_MS: "4000",
          LOG_LEVEL: "info",
          ADMIN_IDS: "9001",
          DAILY_REMINDER_CRON: NEVER,
          WEEKLY_DIGEST_CRON: NEVER,
          OVERDUE_SWEEP_CRON: NEVER,
          LATE_LIST_CRON: NEVER,
          RETENTION_CRON: NEVER,
        }),
      );
    }
    await waitUntil(
      () => instances.every((p) => logged(p, "bot started").length === 1),
      90_000,
      "three instances started",
    );
  }, 150_000);

  afterAll(async () => {
    for (const p of instances) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
    await Promise.all(instances.map((p) => p.exited));
    for (const proxy of proxies) await proxy.close();
    emu.child.kill("SIGTERM");
    await emu.exited;
    await db.cleanup();
  });

  const sentDigests = async (): Promise<number[]> => {
    const c = z.record(z.string(), z.object({ sent: z.number() })).parse(await api.get("counters"));
    return DIGEST_CHATS.map((id) => c[String(id)]?.sent ?? 0);
  };
  const undoReplies = async (): Promise<string[]> => {
    const out: string[] = [];
    for (let i = 0; i < UNITS.length; i++) {
      const entries = transcriptSchema.parse(await api.get(`transcript?chatId=${unitChat(i)}`));
      for (const e of entries) {
        const data = e.message?.reply_markup?.inline_keyboard.flat().map((b) => b.callback_data ?? "") ?? [];
        if (e.kind === "message" && e.direction === "bot") out.push(...data.filter((d) => d.startsWith("undo:")));
      }
    }
    return out;
  };
  const nop = (k: number) =>
    api.post("messages", { chatId: unitChat(k % UNITS.length), fromId: OFFICER, text: `/nop 1000 ${k}` });

  it("kill -9 the poller mid-digest: one digest per chat, every /nop handled once, one takeover", async () => {
    const pollers = (): string[] =>
      instances.flatMap((p) => logged(p, "lease acquired; polling Telegram").map((l) => String(l.holder)));
    expect(pollers()).toHaveLength(1);
    const leader = Number(pollers()[0]?.replace("inst-", ""));

    for (let k = 1; k <= NOP_BEFORE; k++) {
      await nop(k);
      await waitUntil(async () => (await undoReplies()).length === k, 15_000, `reply to /nop #${k}`);
    }
    for (const id of DIGEST_CHATS) {
      await enqueue(db.prisma, {
        dedupKey: `digest:2026-W48:chat:${id}`,
        chatId: BigInt(id),
        kind: "digest",
        method: "sendMessage",
        payload: { text: "Tổng hợp tuần 48: 3/6 đơn vị đạt chỉ tiêu" },
      });
    }
    await waitUntil(
      async () => (await sentDigests()).filter((n) => n > 0).length >= DIGEST_CHATS.length / 3,
      60_000,
      "a third of the digest",
    );

    const doomed = instances[leader];
    const proxy = proxies[leader];
    if (!doomed || !proxy) throw new Error("no leader");
    proxy.hold();
    // Answers already on their way reach the doomed instance and are recorded: none of its rows
    // still "sending" is for a chat Telegram already gave the digest (else it would go twice).
    await proxy.settled();
    await waitUntil(
      async () => {
        const sent = await sentDigests();
        const sending = await db.prisma.outboxMessage.findMany({
          where: { kind: "digest", status: "sending", lockedBy: `inst-${leader}` },
          select: { chatId: true },
        });
        return sending.every((r) => sent[DIGEST_CHATS.indexOf(Number(r.chatId))] === 0);
      },
      10_000,
      "the doomed instance's accepted sends recorded",
    );
    doomed.child.kill("SIGKILL");
    await doomed.exited;
    const killedAt = Date.now();
    expect((await sentDigests()).filter((n) => n > 0).length).toBeLessThan(DIGEST_CHATS.length);

    for (let k = NOP_BEFORE + 1; k <= NOP_BEFORE + NOP_DURING; k++) await nop(k); // nobody polls yet: they wait
    await waitUntil(
      async () => (await undoReplies()).length === NOP_BEFORE + NOP_DURING,
      30_000,
      "replies after the takeover",
    );
    const takeoverMs = Date.now() - killedAt;
    await waitUntil(async () => (await sentDigests()).every((n) => n >= 1), 90_000, "every digest chat served");
    // The survivors stop gracefully: what they were sending is recorded, and nothing is sent after.
    // A late duplicate — a row still leased to the dead instance, resent once its lease lapses —
    // would show as a row not "sent" below, or as a second digest had it gone already.
    const survivors = instances.filter((p) => p !== doomed);
    for (const p of survivors) p.child.kill("SIGTERM");
    expect(await Promise.all(survivors.map((p) => p.exited))).toEqual([0, 0]);

    expect(await sentDigests()).toEqual(DIGEST_CHATS.map(() => 1));
    expect(await db.prisma.outboxMessage.count({ where: { kind: "digest", status: { not: "sent" } } })).toBe(0);
    const replies = await undoReplies();
    expect(new Set(replies).size).toBe(NOP_BEFORE + NOP_DURING);
    const revisions = await db.prisma.figureRevision.findMany({ select: { newNumerator: true } });
    expect(revisions.map((r) => r.newNumerator).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: NOP_BEFORE + NOP_DURING }, (_, i) => i + 1),
    );
    const takeovers = pollers();
    // pollers() lists by instance, not by time: the killed leader plus exactly one other instance.
    expect(takeovers).toHaveLength(2);
    expect(takeovers.filter((h) => h === `inst-${leader}`)).toHaveLength(1);
    expect(takeoverMs).toBeLessThan(3_000 + 1_000 + 5_000); // TTL + renew period + handling slack
    console.log(`failover: takeover and ${NOP_DURING} queued /nop answered ${takeoverMs} ms after the kill`);
  }, 240_000);
});
