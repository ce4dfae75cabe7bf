/**
 * People the bot has seen write: Telegram id, username, display name — what `/capquyen @tên`
 * and `/quyen` need to name someone, and nothing more (README «Dữ liệu cá nhân»).
 */
import type { Db } from "../client.js";

export type SeenUser = { telegramId: bigint; username: string | null; displayName: string };

/** Lower-case, without "@": Telegram usernames are case-insensitive. */
export const normalizeUsername = (u: string): string => u.replace(/^@/, "").toLowerCase();

export async function saveSeenUser(prisma: Db, u: SeenUser): Promise<void> {
  const data = { username: u.username === null ? null : normalizeUsername(u.username), displayName: u.displayName };
  await prisma.telegramUser.upsert({
    where: { telegramId: u.telegramId },
    create: { telegramId: u.telegramId, ...data },
    update: data,
  });
}

export async function seenUserById(prisma: Db, telegramId: bigint): Promise<SeenUser | null> {
  const r = await prisma.telegramUser.findUnique({ where: { telegramId } });
  return r ? { telegramId: r.telegramId, username: r.username, displayName: r.displayName } : null;
}

/** The latest holder of a username: a username freed by one person may be taken by another. */
export async function seenUserByUsername(prisma: Db, username: string): Promise<SeenUser | null> {
  const r = await prisma.telegramUser.findFirst({
    where: { username: normalizeUsername(username) },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
  });
  return r ? { telegramId: r.telegramId, username: r.username, displayName: r.displayName } : null;
}

export async function seenUsersByIds(prisma: Db, ids: readonly bigint[]): Promise<SeenUser[]> {
  if (ids.length === 0) return [];
  const rows = await prisma.telegramUser.findMany({ where: { telegramId: { in: [...ids] } } });
  return rows.map((r) => ({ telegramId: r.telegramId, username: r.username, displayName: r.displayName }));
}
