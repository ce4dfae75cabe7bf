/**
 * The memory of updates already handled (model ProcessedUpdate). The rules — what counts as a
 * duplicate, how long a row matters — are in src/bot/updateGuard.ts; this module only keeps the
 * rows, each change a single statement so that instances sharing the database race safely.
 */
import type { Db } from "../client.js";
import type { Prisma } from "../generated/client.js";
import { isRecordNotFound, isUniqueViolation } from "../errors.js";

export type UpdateKey = { botId: bigint; updateId: bigint };

/**
 * - "new": first time this id is seen (or its row was pruned);
 * - "reused": the row is another update (other fingerprint) or older than `forgetBefore`: the Bot
 *   API handed the id out again, so the row now stands for this update;
 * - "takenOver": the same update, left "processing" before `staleBefore` by a process that died;
 * - "duplicate": the same update, handled or being handled: skip it.
 */
export type Claim = "new" | "reused" | "takenOver" | "duplicate";

export async function claimUpdate(
  prisma: Db,
  o: UpdateKey & { fingerprint: string; now: Date; forgetBefore: Date; staleBefore: Date },
): Promise<Claim> {
  const key = { botId: o.botId, updateId: o.updateId };
  try {
    await prisma.processedUpdate.create({ data: { ...key, fingerprint: o.fingerprint, status: "processing", createdAt: o.now } });
    return "new";
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
  }
  // Each conditional update rewrites what it matched on: of two instances racing for the same
  // row only one matches, the other falls through to "duplicate".
  const reused = await updateIf(prisma, key,
    { OR: [{ fingerprint: { not: o.fingerprint } }, { createdAt: { lt: o.forgetBefore } }] },
    { fingerprint: o.fingerprint, status: "processing", createdAt: o.now });
  if (reused) return "reused";
  const taken = await updateIf(prisma, key,
    { fingerprint: o.fingerprint, status: "processing", createdAt: { lt: o.staleBefore } },
    { createdAt: o.now });
  return taken ? "takenOver" : "duplicate";
}

/** Only the update that was claimed is marked: the row may stand for a newer one by now. */
export async function finishUpdate(prisma: Db, o: UpdateKey & { fingerprint: string }): Promise<void> {
  await updateIf(prisma, o, { fingerprint: o.fingerprint }, { status: "done" });
}

/**
 * One UPDATE of the row if it matches `where`; false when it does not (P2025). `update` with a
 * filter rather than `updateMany`, which Prisma wraps in a transaction on PostgreSQL: a single
 * statement cannot be left half-open by a shutdown racing the update's last step.
 */
async function updateIf(
  prisma: Db, key: UpdateKey, where: Prisma.ProcessedUpdateWhereInput, data: Prisma.ProcessedUpdateUpdateInput,
): Promise<boolean> {
  try {
    await prisma.processedUpdate.update({ where: { botId_updateId: { botId: key.botId, updateId: key.updateId }, ...where }, data, select: { status: true } });
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
  const r = await prisma.processedUpdate.findFirst({ where: { botId }, orderBy: { updateId: "desc" }, select: { updateId: true } });
  return r?.updateId;
}
