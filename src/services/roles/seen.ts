/**
 * Remembers who the bot has seen write, so an administrator can later name them by @username
 * and `/quyen` shows names. Written only when the name or username changed: the cache keeps a
 * burst of `/nop` from one officer to one lookup per process.
 */
import type { Db } from "../../db/client.js";
import { normalizeUsername, saveSeenUser, seenUserById, type SeenUser } from "../../db/repos/telegramUsers.js";

/** Entries kept before the cache starts over: a province's officers are a few thousand. */
const CACHE_LIMIT = 10_000;

export type SeenUsers = { remember(u: SeenUser): Promise<void> };

export function createSeenUsers(prisma: Db): SeenUsers {
  const known = new Map<bigint, string>();
  return {
    async remember(u) {
      const key = `${u.username === null ? "" : normalizeUsername(u.username)}|${u.displayName}`;
      if (known.get(u.telegramId) === key) return;
      if (known.size >= CACHE_LIMIT) known.clear();
      const stored = await seenUserById(prisma, u.telegramId);
      if (!stored || `${stored.username ?? ""}|${stored.displayName}` !== key) await saveSeenUser(prisma, u);
      known.set(u.telegramId, key);
    },
  };
}
