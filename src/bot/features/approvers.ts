/**
 * `/nguoiduyet` (docs/DOSSIERS.md "Ai được duyệt"): who approves a unit's apology letters and
 * explanation reports. In the heads' chat the unit is the chat's; elsewhere (administrators) the
 * unit code comes first. A designated person must be in the unit's heads' chat — where the
 * approval buttons are — so an id typed wrong is refused rather than named as an approver.
 */
import { Composer } from "grammy";
import type { User } from "grammy/types";
import { checkOfficialName, type ApproverRole } from "../../domain/approvers.js";
import { approverTexts as a } from "../../messages/approvers.js";
import { mayManage, type ManageRefusal } from "../../services/apology/approvers.js";
import type { BotContext } from "../context.js";
import { leadingKeyword } from "../parse/keyword.js";
import { replyHtml } from "../reply.js";
import { isAdmin } from "./access.js";
import { fullName, withNames } from "./approverNames.js";
import { headUnitOfChat, senderName } from "./dossiersAccess.js";

export const approversFeature = new Composer<BotContext>();

type Sub = "add" | "remove" | "name";
const SUBS: Record<string, Sub> = { them: "add", bo: "remove", xoa: "remove", ten: "name" };
const ROLES: Record<string, ApproverRole> = { pho: "deputy", truong: "head", thutruong: "head", chutich: "head" };
const ID = /^\d{1,15}$/;

approversFeature.command("nguoiduyet", async (ctx) => {
  const words = (typeof ctx.match === "string" ? ctx.match : "").trim().split(/\s+/).filter(Boolean);
  const chatUnit = headUnitOfChat(ctx);
  const catalog = ctx.deps.catalog.get();
  let unitCode = chatUnit;
  if (words[0] !== undefined && !leadingKeyword(words, SUBS)) {
    const unit = catalog.findUnitCode(words[0]);
    if (!unit) return replyHtml(ctx, a.unknownUnit(words[0]));
    unitCode = unit.code;
    words.shift();
  }
  if (!unitCode) return replyHtml(ctx, a.notHere);
  const unitName = catalog.unit(unitCode)?.name ?? unitCode;
  const sub = leadingKeyword(words, SUBS);
  const rest = words.slice(sub?.used ?? 0);
  const admin = await isAdmin(ctx);
  const inHeadChat = chatUnit === unitCode;
  const me = BigInt(ctx.from?.id ?? 0);
  if (sub?.value === "name") {
    const name = checkOfficialName(rest.join(" "));
    if (!name) return replyHtml(ctx, a.badName);
    const r = await ctx.uc.approvers.setOwnName({ unitCode, userId: me, name, telegramName: senderName(ctx) });
    if (!r.ok) return replyHtml(ctx, r.reason === "from-unit-list" ? a.fromUnitList : a.youAreNotApprover);
    return replyHtml(ctx, a.nameSet(r.approver));
  }
  if (!inHeadChat && !admin) return replyHtml(ctx, a.adminOnlyElsewhere);
  const approvers = await ctx.uc.approvers.listApprovers(unitCode);
  if (!sub) return replyHtml(ctx, a.list(unitName, await withNames(ctx, unitCode, approvers)));
  // Refused before any lookup: who is in the heads' chat is none of a non-head's business.
  if (!mayManage(approvers, me, admin)) return replyHtml(ctx, a.notAllowed);
  const heads = await ctx.uc.approvers.headChatIds(unitCode);
  if (sub.value === "remove") {
    const idText = rest[0] ?? "";
    if (!ID.test(idText)) return replyHtml(ctx, a.badId(idText));
    const r = await ctx.uc.approvers.remove({ unitCode, callerId: me, callerIsAdmin: admin, targetId: BigInt(idText) });
    if (!r.ok) return replyHtml(ctx, r.reason === "not-approver" ? a.notApprover(idText) : manageRefusal(r.reason));
    return announce(ctx, heads, a.removed(unitName, r.approver));
  }
  // "them <id> [pho|truong] [Họ và tên]", or "them [pho|truong] [Họ và tên]" replying to the person.
  const replied = ctx.message?.reply_to_message?.from;
  let target: { id: string; from: User | null } | null = null;
  if (rest[0] !== undefined && ID.test(rest[0])) target = { id: rest.shift() ?? "", from: null };
  else if (replied) target = { id: String(replied.id), from: replied };
  else if (rest[0] !== undefined && !leadingKeyword(rest, ROLES)) return replyHtml(ctx, a.badId(rest[0]));
  if (!target) return replyHtml(ctx, a.usage);
  const role = leadingKeyword(rest, ROLES);
  const nameText = rest.slice(role?.used ?? 0).join(" ");
  const name = nameText ? checkOfficialName(nameText) : null;
  if (nameText && !name) return replyHtml(ctx, a.badName);
  if (heads.length === 0) return replyHtml(ctx, a.noHeadChat(unitCode));
  const member = await memberOfAny(ctx, heads, target.id);
  if (!member) return replyHtml(ctx, a.notMember(target.id));
  if (member.is_bot) return replyHtml(ctx, a.isBot);
  const r = await ctx.uc.approvers.designate({
    unitCode,
    callerId: me,
    callerIsAdmin: admin,
    targetId: BigInt(member.id),
    role: role?.value ?? "deputy",
    name,
    telegramName: fullName(member),
  });
  if (!r.ok) return replyHtml(ctx, manageRefusal(r.reason));
  return announce(ctx, heads, a.designated(unitName, r.approver));
});

function manageRefusal(reason: ManageRefusal): string {
  return {
    "not-allowed": a.notAllowed,
    "not-approver": a.notAllowed,
    "from-unit-list": a.fromUnitList,
    "last-head": a.lastHead,
  }[reason];
}

/** The user `id` as Telegram knows them in one of the unit's heads' chats, or null. */
async function memberOfAny(ctx: BotContext, heads: readonly bigint[], id: string): Promise<User | null> {
  for (const chatId of heads) {
    const m = await ctx.api.getChatMember(Number(chatId), Number(id)).catch(() => null);
    if (m && m.status !== "left" && m.status !== "kicked") return m.user;
  }
  return null;
}

/** The change is answered here and told in the unit's heads' chats, where the person named reads it. */
async function announce(ctx: BotContext, heads: readonly bigint[], text: string): Promise<unknown> {
  const here = ctx.chat ? BigInt(ctx.chat.id) : null;
  const stamp = `${ctx.chat?.id ?? 0}:${ctx.msg?.message_id ?? 0}`;
  for (const chatId of heads) {
    if (chatId === here) continue;
    await ctx.uc.outbox.pushText({ chatId, dedupKey: `approvers:${stamp}:${chatId}`, kind: "approvers", text });
  }
  return replyHtml(ctx, text);
}
