/** `/dangky` and the administrator's approval buttons (issue #3 "Onboarding"). */
import { Composer, InlineKeyboard } from "grammy";
import { recordRegistrar } from "../../db/repos/approvers.js";
import { adminIds } from "../../db/repos/people.js";
import { clipText } from "../../domain/text.js";
import { chatUnit } from "../../domain/chatUnit.js";
import { registerTexts, type RegistrationKind } from "../../messages/register.js";
import { common } from "../../messages/common.js";
import { pushText } from "../../services/notify.js";
import { onButton } from "../buttons.js";
import { registrationButton } from "../../render/callbackData.js";
import type { BotContext } from "../context.js";
import { leadingKeyword } from "../parse/keyword.js";
import { replyHtml } from "../reply.js";
import { isAdmin, isGroup } from "./access.js";

export const registerFeature = new Composer<BotContext>();

/** Kind keywords, normalized (no diacritics, no spaces): "lãnh đạo", "lanhdao", "Thủ trưởng"… */
const KIND_WORDS: Record<string, RegistrationKind> = { lanhdao: "leaders", thutruong: "head" };

function displayName(from: { first_name: string; last_name?: string; username?: string; id: number }): string {
  const name = [from.first_name, from.last_name].filter(Boolean).join(" ");
  return from.username ? `${name} (@${from.username})` : `${name} (id ${from.id})`;
}

registerFeature.command("dangky", async (ctx) => {
  if (!isGroup(ctx)) return replyHtml(ctx, registerTexts.groupsOnly);
  const words = (typeof ctx.match === "string" ? ctx.match : "").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return replyHtml(ctx, registerTexts.usage);
  const keyword = leadingKeyword(words, KIND_WORDS);
  const kind: RegistrationKind = keyword?.value ?? "unit";
  const code = words[keyword?.used ?? 0] ?? "";
  if (!code) return replyHtml(ctx, registerTexts.usage);
  const catalog = ctx.deps.catalog.get();
  const unit = catalog.findUnitCode(code);
  if (!unit) return replyHtml(ctx, registerTexts.unknownUnit(clipText(code, 40), catalog.search(code).slice(0, 5)));
  if (chatUnit(catalog, ctx.chatRecord, kind)?.code === unit.code) return replyHtml(ctx, registerTexts.alreadyBound(unit, kind));
  const chatId = BigInt(ctx.chat.id);
  const prisma = ctx.deps.prisma;
  if (await prisma.registration.findFirst({ where: { chatId, status: "pending" } })) return replyHtml(ctx, registerTexts.pendingExists);
  const admins = await adminIds(prisma, ctx.deps.adminIds);
  if (admins.length === 0) return replyHtml(ctx, registerTexts.noAdmins);
  const reg = await prisma.registration.create({
    data: { chatId, unitCode: unit.code, kind, requestedBy: BigInt(ctx.from?.id ?? 0) },
  });
  const title = ("title" in ctx.chat ? ctx.chat.title : undefined) ?? String(ctx.chat.id);
  const who = ctx.from ? displayName(ctx.from) : "?";
  const keyboard = new InlineKeyboard()
    .text(registerTexts.approveButton, registrationButton.encode({ approve: true, registrationId: reg.id }))
    .text(registerTexts.rejectButton, registrationButton.encode({ approve: false, registrationId: reg.id }));
  for (const admin of admins) {
    await pushText(ctx.deps, {
      chatId: admin, dedupKey: `registration:${reg.id}:admin:${admin}`, kind: "registration-request",
      text: registerTexts.adminRequest(unit, kind, title, chatId, who), replyMarkup: keyboard,
    });
  }
  return replyHtml(ctx, registerTexts.requested(unit, kind));
});

onButton(registerFeature, registrationButton, async (ctx, { approve: approved, registrationId }) => {
  if (!(await isAdmin(ctx))) return ctx.answerCallbackQuery({ text: common.adminOnly, show_alert: true });
  const prisma = ctx.deps.prisma;
  const reg = await prisma.registration.findUnique({ where: { id: registrationId } });
  if (!reg) return ctx.answerCallbackQuery({ text: registerTexts.requestNotFound, show_alert: true });
  // Look the unit up before changing anything: a request for a unit no longer in the catalog stays pending.
  const unit = ctx.deps.catalog.get().unit(reg.unitCode);
  if (!unit) return ctx.answerCallbackQuery({ text: registerTexts.unitGone(reg.unitCode), show_alert: true });
  const kind = (["unit", "leaders", "head"] as const).find((k) => k === reg.kind) ?? "unit";
  // Claim the decision and bind the chat in one transaction: two administrators pressing at
  // once decide only once, and a failed binding leaves the request pending.
  const claimed = await prisma.$transaction(async (tx) => {
    const r = await tx.registration.updateMany({
      where: { id: reg.id, status: "pending" },
      data: { status: approved ? "approved" : "rejected", decidedBy: BigInt(ctx.from.id), decidedAt: ctx.deps.clock.now() },
    });
    if (r.count > 0 && approved) {
      await tx.chat.upsert({
        where: { chatId: reg.chatId },
        create: { chatId: reg.chatId, type: "group", kind, unitCode: unit.code, active: true },
        update: { kind, unitCode: unit.code, active: true },
      });
    }
    return r.count > 0;
  });
  if (!claimed) return ctx.answerCallbackQuery({ text: registerTexts.alreadyDecided, show_alert: true });
  // Whoever registered a heads' chat is its unit's head approver (docs/DOSSIERS.md "Ai được duyệt").
  if (approved && kind === "head") {
    const member = await ctx.api.getChatMember(Number(reg.chatId), Number(reg.requestedBy)).catch(() => null);
    const telegramName = member ? [member.user.first_name, member.user.last_name].filter(Boolean).join(" ") || null : null;
    await recordRegistrar(prisma, { unitCode: unit.code, telegramId: reg.requestedBy, telegramName, grantedBy: BigInt(ctx.from.id) });
  }
  await ctx.answerCallbackQuery({ text: approved ? "Đã duyệt." : "Đã từ chối." });
  const original = ctx.callbackQuery.message && "text" in ctx.callbackQuery.message ? ctx.callbackQuery.message.text ?? "" : "";
  await ctx.editMessageText(registerTexts.decidedAdmin(original, approved, displayName(ctx.from)), { parse_mode: "HTML" }).catch(() => undefined);
  await pushText(ctx.deps, {
    chatId: reg.chatId, dedupKey: `registration:${reg.id}:result`, kind: "registration-result",
    text: approved ? registerTexts.approvedGroup(unit, kind) : registerTexts.rejectedGroup(unit),
  });
});
