/**
 * The memory of updates already handled (model ProcessedUpdate). The rules — what counts as a
 * duplicate, how long a row matters — are in src/bot/updateGuard.ts; this module only keeps the
 * rows, each change a single statement so that instances sharing the database race safely.
 */
import type { Db } from "../client.js";
import type { Prisma } from "../generated/client.js";
import { isRecordNotFound, isUniqueViolation } from "../errors.js";
import { commitSoon, prepared, sqliteDate, sqliteHandle } from "../sqliteShared.js";

export type UpdateKey = { botId: bigint; updateId: bigint };

/**
 * - "new": first time this id is seen (or its row was pruned);
 * - "reused": the row is another update (other fingerprint) or older than `forgetBefore`: the Bot
 *   API handed the id out again, so the row now stands for this update;
 * - "abandoned": the same update, left "processing" with a heartbeat before `staleBefore`: its
 *   process died handling it. The row is now "failed" and the update must not run again (it
 *   may be what killed the process); of several racing claims exactly one gets "abandoned";
 * - "duplicate": the same update, handled, failed or being handled: skip it.
 */
export type Claim = "new" | "reused" | "abandoned" | "duplicate";

/** What the row remembers to tell the sender if the update is abandoned. */
export type UpdateOrigin = { chatId: bigint | null; kind: string | null };

export async function claimUpdate(
  prisma: Db,
  o: UpdateKey & Partial<UpdateOrigin> & { fingerprint: string; now: Date; forgetBefore: Date; staleBefore: Date },
): Promise<Claim> {
  const key = { botId: o.botId, updateId: o.updateId };
  const origin = { chatId: o.chatId ?? null, kind: o.kind ?? null };
  if (await insertNew(prisma, { ...key, ...origin, fingerprint: o.fingerprint, now: o.now })) return "new";
  // Each conditional update rewrites what it matched on: of two instances racing for the same
  // row only one matches, the other falls through to "duplicate".
  const reused = await updateIf(
    prisma,
    key,
    { OR: [{ fingerprint: { not: o.fingerprint } }, { createdAt: { lt: o.forgetBefore } }] },
    { ...origin, fingerprint: o.fingerprint, status: "processing", createdAt: o.now },
  );
  if (reused) return "reused";
  const abandoned = await updateIf(
    prisma,
    key,
    { fingerprint: o.fingerprint, status: "processing", createdAt: { lt: o.staleBefore } },
    { status: "failed" },
  );
  if (abandoned) return "abandoned";
  // The row the insert ran into may be gone by now: pruning (this process's, beside the update, or
  // another instance's) deletes rows past the window between the insert and the updates above. A
  // row that no longer exists is no duplicate: insert again, and of racing instances one wins.
  return (await insertNew(prisma, { ...key, ...origin, fingerprint: o.fingerprint, now: o.now })) ? "new" : "duplicate";
}

/**
 * Inserts the row of a new update; false when its id has a row already. Every update starts
 * here, so on SQLite it is one prepared statement on the shared connection, committed with the
 * other updates' claims of the same moment (sqliteShared.ts `commitSoon`).
 */
async function insertNew(
  prisma: Db,
  o: UpdateKey & UpdateOrigin & { fingerprint: string; now: Date },
): Promise<boolean> {
  const raw = sqliteHandle(prisma);
  if (raw) {
    const sql = `INSERT INTO "ProcessedUpdate" ("botId", "updateId", "chatId", "kind", "fingerprint", "status", "createdAt")
      VALUES (?, ?, ?, ?, ?, 'processing', ?) ON CONFLICT DO NOTHING`;
    const at = sqliteDate(o.now);
    return commitSoon(
      raw,
      () => prepared(raw, sql).run(o.botId, o.updateId, o.chatId, o.kind, o.fingerprint, at).changes === 1,
    );
  }
  try {
    await prisma.processedUpdate.create({
      data: {
        botId: o.botId,
        updateId: o.updateId,
        chatId: o.chatId,
        kind: o.kind,
        fingerprint: o.fingerprint,
        status: "processing",
        createdAt: o.now,
      },
    });
    return true;
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    return false;
  }
}

/** The handler is still running: its row must not look abandoned. */
export async function heartbeatUpdate(prisma: Db, o: UpdateKey & { fingerprint: string; now: Date }): Promise<void> {
  await updateIf(prisma, o, { fingerprint: o.fingerprint, status: "processing" }, { createdAt: o.now });
}

/**
 * Rows of `botId` left "processing" with a heartbeat before `staleBefore` — their process died
 * handling them and Telegram will not deliver them again (they were confirmed, or the restart
 * saw them while their heartbeat was still fresh) — marked "failed". Returns the rows this call
 * marked, so that each is reported once however many instances sweep.
 */
export async function abandonStaleUpdates(
  prisma: Db,
  o: { botId: bigint; staleBefore: Date; handling?: bigint[]; limit?: number },
): Promise<(UpdateKey & UpdateOrigin & { lastSeen: Date })[]> {
  const rows = await prisma.processedUpdate.findMany({
    where: {
      botId: o.botId,
      status: "processing",
      createdAt: { lt: o.staleBefore },
      // In hand in the sweeping process: alive, whatever its heartbeat's clock said.
      ...(o.handling?.length ? { updateId: { notIn: o.handling } } : {}),
    },
    select: { botId: true, updateId: true, fingerprint: true, chatId: true, kind: true, createdAt: true },
    orderBy: { updateId: "asc" },
    take: o.limit ?? 50,
  });
  const marked: (UpdateKey & UpdateOrigin & { lastSeen: Date })[] = [];
  for (const r of rows) {
    const won = await updateIf(
      prisma,
      r,
      { fingerprint: r.fingerprint, status: "processing", createdAt: { lt: o.staleBefore } },
      { status: "failed" },
    );
    if (won)
      marked.push({ botId: r.botId, updateId: r.updateId, chatId: r.chatId, kind: r.kind, lastSeen: r.createdAt });
  }
  return marked;
}

/** Only the update that was claimed is marked: the row may stand for a newer one by now. */
export async function finishUpdate(prisma: Db, o: UpdateKey & { fingerprint: string }): Promise<void> {
  const raw = sqliteHandle(prisma);
  if (raw) {
    const sql = `UPDATE "ProcessedUpdate" SET "status" = 'done' WHERE "botId" = ? AND "updateId" = ? AND "fingerprint" = ?`;
    await commitSoon(raw, () => prepared(raw, sql).run(o.botId, o.updateId, o.fingerprint));
    return;
  }
  await updateIf(prisma, o, { fingerprint: o.fingerprint }, { status: "done" });
}

/**
 * One UPDATE of the row if it matches `where`; false when it does not (P2025). `update` with a
 * filter rather than `updateMany`, which Prisma wraps in a transaction on PostgreSQL: a single
 * statement cannot be left half-open by a shutdown racing the update's last step.
 */
async function updateIf(
  prisma: Db,
  key: UpdateKey,
  where: Prisma.ProcessedUpdateWhereInput,
  data: Prisma.ProcessedUpdateUpdateInput,
): Promise<boolean> {
  try {
    await prisma.processedUpdate.update({
      where: { botId_updateId: { botId: key.botId, updateId: key.updateId }, ...where },
      data,
      select: { status: true },
    });
    return true;
  } catch (e) {
    if (isRecordNotFound(e)) return false;
    throw e;
  }
}

/** Deletes rows older than `before` (any bot); returns how many. */
export async function pruneProcessedUpdates(prisma: Db, before: Date): Promise<number> {
  return (await prisma.processedUpdate.deleteMany({ where: { createdAt: { lt: before } } })).count;
}

/** The highest update id remembered for a bot, if any (where a restarted emulator continues). */
export async function lastUpdateId(prisma: Db, botId: bigint): Promise<bigint | undefined> {
  const r = await prisma.processedUpdate.findFirst({
    where: { botId },
    orderBy: { updateId: "desc" },
    select: { updateId: true },
  });
  return r?.updateId;
}
