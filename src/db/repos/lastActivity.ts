/**
 * The newest instant a database remembers having lived through: the latest job run claimed
 * and the latest figure written. A sandbox reopening it never starts its clock before that
 * (src/sandbox/session.ts), or runs and figures would lie in the future.
 */
import type { Db } from "../client.js";

export async function lastRecordedInstant(prisma: Db): Promise<Date | null> {
  const run = await prisma.jobRun.findFirst({ orderBy: { fireTime: "desc" }, select: { fireTime: true } });
  const rev = await prisma.figureRevision.findFirst({ orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  const latest = Math.max(run?.fireTime.getTime() ?? 0, rev?.createdAt.getTime() ?? 0);
  return latest > 0 ? new Date(latest) : null;
}
