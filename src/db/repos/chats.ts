/** Chats the bot knows, and what each is bound to. */
import { z } from "zod";
import type { Db } from "../client.js";
import type { Prisma } from "../generated/client.js";
import { prepared, sqliteHandle } from "../sqliteShared.js";

export type ChatKind = "unit" | "leaders" | "head" | "private" | "unknown";
export type ChatRecord = {
  chatId: bigint;
  type: string;
  title: string | null;
  kind: ChatKind;
  unitCode: string | null;
  active: boolean;
  botIsAdmin: boolean;
};

function toRecord(r: {
  chatId: bigint;
  type: string;
  title: string | null;
  kind: string;
  unitCode: string | null;
  active: boolean;
  botIsAdmin: boolean;
}): ChatRecord {
  const kind = (["unit", "leaders", "head", "private"] as const).find((k) => k === r.kind) ?? "unknown";
  return {
    chatId: r.chatId,
    type: r.type,
    title: r.title,
    kind,
    unitCode: r.unitCode,
    active: r.active,
    botIsAdmin: r.botIsAdmin,
  };
}

/** A Chat row as SQLite returns it: integers as BigInt, booleans as 0/1. */
const sqliteChatRow = z.object({
  chatId: z.bigint(),
  type: z.string(),
  title: z.string().nullable(),
  kind: z.string(),
  unitCode: z.string().nullable(),
  active: z.bigint().transform((v) => v !== 0n),
  botIsAdmin: z.bigint().transform((v) => v !== 0n),
});

export async function getChat(prisma: Db, chatId: bigint): Promise<ChatRecord | null> {
  // Read for every update (createBot.ts): on SQLite one prepared statement (sqliteShared.ts).
  const raw = sqliteHandle(prisma);
  if (raw) {
    const sql = `SELECT "chatId", "type", "title", "kind", "unitCode", "active", "botIsAdmin" FROM "Chat" WHERE "chatId" = ?`;
    const row: unknown = prepared(raw, sql).get(chatId);
    return row === undefined ? null : toRecord(sqliteChatRow.parse(row));
  }
  const r = await prisma.chat.findUnique({ where: { chatId } });
  return r ? toRecord(r) : null;
}

/** Records a chat seen in an update (title changes, re-activation after the bot is re-added). */
export async function touchChat(
  prisma: Db,
  chat: { chatId: bigint; type: string; title: string | null },
): Promise<ChatRecord> {
  const r = await prisma.chat.upsert({
    where: { chatId: chat.chatId },
    create: {
      chatId: chat.chatId,
      type: chat.type,
      title: chat.title,
      kind: chat.type === "private" ? "private" : "unknown",
    },
    update: { title: chat.title, type: chat.type },
  });
  return toRecord(r);
}

export async function setChatMembership(
  prisma: Db,
  chatId: bigint,
  patch: { active?: boolean; botIsAdmin?: boolean },
): Promise<void> {
  await prisma.chat.updateMany({ where: { chatId }, data: patch });
}

/**
 * Binds a chat to a unit: the one path for an approved registration (registrations.ts, inside
 * its decision's transaction, hence the transaction client) and for tests that set up a bound
 * chat. A chat with no tracking row yet is created as a group: only groups register.
 */
export async function bindChat(
  db: Prisma.TransactionClient,
  chatId: bigint,
  kind: ChatKind,
  unitCode: string,
): Promise<void> {
  await db.chat.upsert({
    where: { chatId },
    create: { chatId, type: "group", kind, unitCode, active: true },
    update: { kind, unitCode, active: true },
  });
}

/** How many of `chatIds` the bot has a row for (the sandbox seeds once per database). */
export async function countKnownChats(prisma: Db, chatIds: readonly bigint[]): Promise<number> {
  return prisma.chat.count({ where: { chatId: { in: [...chatIds] } } });
}

export async function activeChatsOfKind(prisma: Db, kind: ChatKind): Promise<ChatRecord[]> {
  const rows = await prisma.chat.findMany({ where: { kind, active: true }, orderBy: { id: "asc" } });
  return rows.map(toRecord);
}
