/**
 * The chats the bot knows: which chat an update comes from (tracked before any feature runs), the
 * bot added to or removed from a chat, the active chats of a kind that the jobs sweep.
 */
import { activeChatsOfKind, getChat, setChatMembership, touchChat, type ChatRecord } from "../../db/repos/chats.js";
import { bindDeps } from "../bind.js";
import type { AppDeps } from "../context.js";

export type { ChatKind, ChatRecord } from "../../db/repos/chats.js";

/** The chat's record, written only when the chat is new or its title changed: most updates read one row. */
async function trackChat(
  deps: Pick<AppDeps, "prisma">,
  chat: { chatId: bigint; type: string; title: string | null },
): Promise<ChatRecord> {
  const existing = await getChat(deps.prisma, chat.chatId);
  return existing && existing.title === chat.title ? existing : touchChat(deps.prisma, chat);
}

export function chatUseCases(deps: AppDeps) {
  return {
    track: bindDeps(deps, trackChat),
    setMembership: bindDeps(deps.prisma, setChatMembership),
    activeOfKind: bindDeps(deps.prisma, activeChatsOfKind),
  };
}
export type ChatUseCases = ReturnType<typeof chatUseCases>;
