/**
 * `/dangky`: a group asks to be bound to a unit (as its officers' chat, a leaders' chat or the
 * head's chat); every administrator gets the request with approve/refuse buttons through the
 * outbox. Nothing is stored or sent when the request is refused.
 */
import type { InlineKeyboardMarkup } from "grammy/types";
import type { ChatRecord } from "../../db/repos/chats.js";
import { adminIds } from "../../db/repos/people.js";
import { createRegistration, hasPendingRegistration, type RegistrationKind } from "../../db/repos/registrations.js";
import { chatUnit } from "../../domain/chatUnit.js";
import type { CatalogUnit } from "../../domain/catalog.js";
import { registerTexts } from "../../messages/register.js";
import type { AppDeps } from "../context.js";
import { pushText } from "../notify.js";

export type RegistrationRequest = {
  /** The group asking: its id, the title administrators see, and its binding today if any. */
  chat: { id: bigint; title: string; record: ChatRecord | null };
  /** The unit code as typed (looked up case-insensitively). */
  code: string;
  kind: RegistrationKind;
  requester: { id: bigint; displayName: string };
  /** The approve/refuse buttons under the administrators' copy (their callback data is the bot's). */
  adminButtons: (registrationId: number) => InlineKeyboardMarkup;
};

export type RequestOutcome =
  | { ok: true; unit: CatalogUnit }
  | { ok: false; reason: "unknown-unit"; suggestions: CatalogUnit[] }
  | { ok: false; reason: "already-bound"; unit: CatalogUnit }
  | { ok: false; reason: "pending-exists" | "no-admins" };

/** How many near matches an unknown code is answered with. */
const SUGGESTIONS = 5;

export async function requestRegistration(
  deps: Pick<AppDeps, "prisma" | "catalog" | "clock" | "kickDelivery" | "adminIds">,
  req: RegistrationRequest,
): Promise<RequestOutcome> {
  const catalog = deps.catalog.get();
  const unit = catalog.findUnitCode(req.code);
  if (!unit) return { ok: false, reason: "unknown-unit", suggestions: catalog.search(req.code).slice(0, SUGGESTIONS) };
  if (chatUnit(catalog, req.chat.record, req.kind)?.code === unit.code)
    return { ok: false, reason: "already-bound", unit };
  if (await hasPendingRegistration(deps.prisma, req.chat.id)) return { ok: false, reason: "pending-exists" };
  const admins = await adminIds(deps.prisma, deps.adminIds);
  if (admins.length === 0) return { ok: false, reason: "no-admins" };
  const reg = await createRegistration(deps.prisma, {
    chatId: req.chat.id,
    unitCode: unit.code,
    kind: req.kind,
    requestedBy: req.requester.id,
  });
  const text = registerTexts.adminRequest(unit, req.kind, req.chat.title, req.chat.id, req.requester.displayName);
  for (const admin of admins) {
    await pushText(deps, {
      chatId: admin,
      dedupKey: `registration:${reg.id}:admin:${admin}`,
      kind: "registration-request",
      text,
      replyMarkup: req.adminButtons(reg.id),
    });
  }
  return { ok: true, unit };
}
