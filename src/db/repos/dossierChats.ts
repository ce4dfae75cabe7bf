/**
 * The active chats the dossier features write to (model Chat), read only: a unit's chats of one
 * kind, or leaders' chats rooted at any of some units. Binding chats is db/repos/chats.ts's.
 */
import type { Tx } from "../transaction.js";

export type DossierChatKind = "unit" | "head" | "leaders";

/** Telegram ids of the active chats of `kind` bound to one of `unitCodes`, in registration order. */
export async function activeChatIds(db: Tx, kind: DossierChatKind, unitCodes: readonly string[]): Promise<bigint[]> {
  const rows = await db.chat.findMany({
    where: { kind, active: true, unitCode: { in: [...unitCodes] } },
    orderBy: { id: "asc" },
    select: { chatId: true },
  });
  return rows.map((r) => r.chatId);
}
