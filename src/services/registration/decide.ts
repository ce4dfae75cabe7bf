/**
 * An administrator approves or refuses a `/dangky` request: the decision is claimed and the
 * chat bound in one transaction (db/repos/registrations.ts), then the group is told through
 * the outbox.
 */
import { recordRegistrar } from "../../db/repos/approvers.js";
import { findRegistration, recordDecision, type RegistrationKind } from "../../db/repos/registrations.js";
import type { CatalogUnit } from "../../domain/catalog.js";
import { registerTexts } from "../../messages/register.js";
import type { AppDeps } from "../context.js";
import { pushText } from "../notify.js";

export type RegistrationDecision = {
  registrationId: number;
  approved: boolean;
  by: bigint;
  /** The Telegram name of a member of a chat, null when Telegram does not say (the bot's port to getChatMember). */
  memberName: (chatId: bigint, userId: bigint) => Promise<string | null>;
};

export type DecisionOutcome =
  | { ok: true; unit: CatalogUnit; kind: RegistrationKind; chatId: bigint }
  | { ok: false; reason: "not-found" | "already-decided" }
  | { ok: false; reason: "unit-gone"; unitCode: string };

export async function decideRegistration(
  deps: Pick<AppDeps, "prisma" | "catalog" | "clock" | "kickDelivery">,
  d: RegistrationDecision,
): Promise<DecisionOutcome> {
  const reg = await findRegistration(deps.prisma, d.registrationId);
  if (!reg) return { ok: false, reason: "not-found" };
  // Look the unit up before changing anything: a request for a unit no longer in the catalog stays pending.
  const unit = deps.catalog.get().unit(reg.unitCode);
  if (!unit) return { ok: false, reason: "unit-gone", unitCode: reg.unitCode };
  const claimed = await recordDecision(deps.prisma, {
    registration: reg,
    approved: d.approved,
    decidedBy: d.by,
    decidedAt: deps.clock.now(),
  });
  if (!claimed) return { ok: false, reason: "already-decided" };
  // Whoever registered a heads' chat is its unit's head approver (docs/DOSSIERS.md "Ai được duyệt").
  if (d.approved && reg.kind === "head") {
    const telegramName = await d.memberName(reg.chatId, reg.requestedBy);
    await recordRegistrar(deps.prisma, {
      unitCode: unit.code,
      telegramId: reg.requestedBy,
      telegramName,
      grantedBy: d.by,
    });
  }
  await pushText(deps, {
    chatId: reg.chatId,
    dedupKey: `registration:${reg.id}:result`,
    kind: "registration-result",
    text: d.approved ? registerTexts.approvedGroup(unit, reg.kind) : registerTexts.rejectedGroup(unit),
  });
  return { ok: true, unit, kind: reg.kind, chatId: reg.chatId };
}
