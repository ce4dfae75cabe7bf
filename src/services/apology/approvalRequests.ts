/**
 * The approval requests of a dossier's drafts as they were delivered: one per heads' chat of the
 * unit (apology/head.ts). Once someone decides in one chat, the others are edited the same way,
 * so no chat keeps buttons for a decision already taken.
 */
import { z } from "zod";
import type { AppDeps } from "../context.js";

export type DeliveredRequest = { chatId: bigint; messageId: number; html: string };

const payloadText = z.object({ text: z.string() }).loose();

export async function deliveredRequests(deps: Pick<AppDeps, "prisma">, dossierId: number): Promise<DeliveredRequest[]> {
  const docs = await deps.prisma.dossierDocument.findMany({ where: { dossierId }, select: { id: true } });
  if (docs.length === 0) return [];
  const rows = await deps.prisma.outboxMessage.findMany({
    where: { kind: "dossier-approval", status: "sent", sentMessageId: { not: null }, OR: docs.map((d) => ({ dedupKey: { startsWith: `dossier-approval:${d.id}:` } })) },
    select: { chatId: true, sentMessageId: true, payload: true },
  });
  return rows.flatMap((r) => {
    const parsed = payloadText.safeParse(parseJson(r.payload));
    return parsed.success && r.sentMessageId !== null ? [{ chatId: r.chatId, messageId: r.sentMessageId, html: parsed.data.text }] : [];
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
