/**
 * `/nhiemvu` (a unit chat's open tasks) and `/xong <mã> [ghi chú]`; the "✅ Xong" button of a
 * reminder is in taskButtons.ts (docs/SCHEDULES.md). After a task is marked, the bot's
 * confirmation offers optional evidence as buttons; a note or a file sent *in reply* reaches the
 * bot even in privacy mode. Registered before the upload feature so such a file is not taken for a table.
 */
import { Composer, InlineKeyboard } from "grammy";
import { vnDate } from "../../domain/directive/dates.js";
import { clipText } from "../../domain/text.js";
import { taskTexts } from "../../messages/tasks.js";
import { taskButton } from "../../render/callbackData.js";
import { MAX_NOTE } from "../../services/tasks/evidence.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";
import { unitOfChat } from "./access.js";
import { confirmDone, taskButtonsFeature } from "./taskButtons.js";
import { taskEvidenceFeature } from "./taskEvidence.js";

export const tasksFeature = new Composer<BotContext>();

/** What is kept of a task code echoed back. */
const MAX_CODE = 60;
/** Open tasks offered as buttons by bare `/xong`: a screenful on a phone; the rest are typed. */
const MAX_TASK_BUTTONS = 8;

tasksFeature.command("nhiemvu", async (ctx) => {
  const unit = unitOfChat(ctx);
  if (!unit) return replyHtml(ctx, taskTexts.noUnit);
  const today = vnDate(ctx.deps.clock.now());
  const { open, continuous } = await ctx.uc.tasks.unitTaskList(ctx.deps.catalog.get(), unit, today);
  return replyHtml(ctx, taskTexts.list(unit, today, open, continuous));
});

tasksFeature.command("xong", async (ctx) => {
  const unit = unitOfChat(ctx);
  if (!unit) return replyHtml(ctx, taskTexts.noUnit);
  const [code = "", ...rest] = (typeof ctx.match === "string" ? ctx.match : "").trim().split(/\s+/);
  if (!code) {
    // Nothing typed: the unit's open tasks are offered as buttons (each asks to confirm, as in a reminder).
    const rows = await ctx.uc.tasks.openLeadRows(unit, vnDate(ctx.deps.clock.now()));
    if (rows.length === 0) return replyHtml(ctx, taskTexts.xongUsage(null));
    const keyboard = new InlineKeyboard();
    for (const r of rows.slice(0, MAX_TASK_BUTTONS))
      keyboard.text(taskTexts.doneButton(r.task), taskButton.encode({ rowId: r.rowId })).row();
    return replyHtml(ctx, `${taskTexts.xongPick}\n${taskTexts.xongUsage(rows[0]?.task.code ?? null)}`, keyboard);
  }
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

tasksFeature.use(taskButtonsFeature, taskEvidenceFeature);
