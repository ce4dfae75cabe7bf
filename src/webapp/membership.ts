/**
 * "Is this person in that chat now?" — Telegram's answer (getChatMember), the only one that stays
 * true after someone leaves a group. A page asks again on every filter change, so an answer is
 * kept for a minute: leaving the group closes the dashboard within that minute.
 */
import type { Api } from "grammy";

export interface ChatMembers {
  isMember(chatId: bigint, userId: bigint): Promise<boolean>;
}

export const MEMBERSHIP_CACHE_MS = 60_000;
const CACHE_MAX = 5_000;

/** Statuses of someone who can read the chat (Bot API ChatMember). */
function reads(m: { status: string; is_member?: boolean }): boolean {
  if (m.status === "creator" || m.status === "administrator" || m.status === "member") return true;
  return m.status === "restricted" && m.is_member === true;
}

export function telegramMembers(api: Pick<Api, "getChatMember">, now: () => number = Date.now): ChatMembers {
  const cache = new Map<string, { member: boolean; at: number }>();
  return {
    async isMember(chatId, userId) {
      const key = `${chatId}:${userId}`;
      const hit = cache.get(key);
      if (hit && now() - hit.at < MEMBERSHIP_CACHE_MS) return hit.member;
      // Telegram refusing (chat gone, bot removed, user never seen) means: not shown.
      const member = await api
        .getChatMember(Number(chatId), Number(userId))
        .then(reads)
        .catch(() => false);
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(key, { member, at: now() });
      return member;
    },
  };
}
