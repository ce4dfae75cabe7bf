/**
 * `/nhiemvu` (a unit chat's open tasks) and `/xong <mã> [ghi chú]` or the "✅ Xong" button of a
 * reminder (docs/SCHEDULES.md). After a task is marked, the bot's confirmation asks for
 * optional evidence with force-reply: a note or a file sent *in reply* reaches the bot even in
 * privacy mode. Registered before the upload feature so such a file is not taken for a table.
 */
import { Composer } from "grammy";
import type { CatalogUnit } from "../../domain/catalog.js";
import { vnDate } from "../../domain/directive/dates.js";
import { clipText } from "../../domain/text.js";
import { taskTexts } from "../../messages/tasks.js";
import type { Marked } from "../../services/tasks/done.js";
import { MAX_NOTE } from "../../services/tasks/evidence.js";
import { alert, onButton } from "../buttons.js";
import { taskButton } from "../../render/callbackData.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";
import { unitOfChat } from "./access.js";
import { taskEvidenceFeature } from "./taskEvidence.js";

export const tasksFeature = new Composer<BotContext>();

/** What is kept of a task code echoed back. */
const MAX_CODE = 60;

tasksFeature.command("nhiemvu", async (ctx) => {
  const unit = unitOfChat(ctx);
  if (!unit) return replyHtml(ctx, taskTexts.noUnit);
  const today = vnDate(ctx.deps.clock.now());
  const { open, continuous } = await ctx.uc.tasks.unitTaskList(ctx.deps.catalog.get(), unit, today);
  return replyHtml(ctx, taskTexts.list(unit, today, open, continuous));
});

async function confirmDone(ctx: BotContext, unit: CatalogUnit, m: Marked): Promise<void> {
  if (!ctx.chat) return;
  const msg = await ctx.reply(taskTexts.done(m.ref.task, unit, m.occ.due, m.note), {
    parse_mode: "HTML",
    reply_markup: { force_reply: true, selective: true, input_field_placeholder: taskTexts.evidencePlaceholder },
  });
  await ctx.uc.tasks.recordEvidencePrompt({
    chatId: BigInt(ctx.chat.id),
    userId: BigInt(ctx.from?.id ?? 0),
    messageId: msg.message_id,
    rowId: m.rowId,
  });
}

tasksFeature.command("xong", async (ctx) => {
  const unit = unitOfChat(ctx);
  if (!unit) return replyHtml(ctx, taskTexts.noUnit);
  const [code = "", ...rest] = (typeof ctx.match === "string" ? ctx.match : "").trim().split(/\s+/);
  if (!code) return replyHtml(ctx, taskTexts.xongUsage);
  const note = clipText(rest.join(" ").trim(), MAX_NOTE) || null;
  const r = await ctx.uc.tasks.markTaskDone(unit, clipText(code, MAX_CODE), note, {
    by: ctx.from ? BigInt(ctx.from.id) : null,
    at: ctx.deps.clock.now(),
  });
  if (r.ok) return confirmDone(ctx, unit, r);
  switch (r.reason) {
    case "unknown":
      return replyHtml(ctx, taskTexts.unknown(r.code));
    case "not-lead":
      return replyHtml(ctx, taskTexts.notLead(r.ref.task, r.leads));
    case "continuous":
      return replyHtml(ctx, taskTexts.continuous(r.ref.task));
    case "already-done":
      return replyHtml(ctx, taskTexts.alreadyDone(r.ref.task, r.occ.due, vnDate(r.doneAt)));
  }
});

onButton(tasksFeature, taskButton, async (ctx, { rowId }) => {
  const unit = unitOfChat(ctx);
  if (!unit) return alert(ctx, taskTexts.buttonWrongChat);
  const r = await ctx.uc.tasks.markRowDone(rowId, unit, { by: BigInt(ctx.from.id), at: ctx.deps.clock.now() });
  if (!r.ok) return alert(ctx, r.reason === "gone" ? taskTexts.buttonGone : taskTexts.buttonNotLead);
  if (r.already) return ctx.answerCallbackQuery({ text: taskTexts.buttonAlready });
  await ctx.answerCallbackQuery({ text: taskTexts.buttonDone });
  return confirmDone(ctx, unit, r);
});

tasksFeature.use(taskEvidenceFeature);
