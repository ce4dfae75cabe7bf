/**
 * The approval requests of a dossier's drafts as they were delivered: one per heads' chat of the
 * unit (apology/head.ts). Once someone decides in one chat, the others are edited the same way,
 * so no chat keeps buttons for a decision already taken.
 */
import { z } from "zod";
import { sentWithKeyPrefix } from "../../db/repos/letterOutbox.js";
import { documentsOfDossier } from "../../db/repos/letters.js";
import type { AppDeps } from "../context.js";

export type DeliveredRequest = { chatId: bigint; messageId: number; html: string };

const payloadText = z.object({ text: z.string() }).loose();

export async function deliveredRequests(deps: Pick<AppDeps, "prisma">, dossierId: number): Promise<DeliveredRequest[]> {
  const docs = await documentsOfDossier(deps.prisma, dossierId);
  const rows = await sentWithKeyPrefix(
    deps.prisma,
    "dossier-approval",
    docs.map((d) => `dossier-approval:${d.id}:`),
  );
  return rows.flatMap((r) => {
    const parsed = payloadText.safeParse(parseJson(r.payload));
    return parsed.success && r.sentMessageId !== null
      ? [{ chatId: r.chatId, messageId: r.sentMessageId, html: parsed.data.text }]
      : [];
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
