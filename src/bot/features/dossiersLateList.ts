/**
 * `/dsquahan [thang 10/2026]` — the monthly late list as .xlsx (docs/DOSSIERS.md "Publishing who is
 * late"), for a leaders' chat (its subtree) or an administrator in private (everyone).
 */
import { Composer, InputFile } from "grammy";
import { monthOf } from "../../domain/directive/dates.js";
import { dossierTexts as t } from "../../messages/dossiers.js";
import { todayOf, workCalendar } from "../../services/calendar.js";
import { previousMonth } from "../../domain/month.js";
import { parseMonthArg } from "../../services/dossiers/lateList.js";
import { lateListXlsx } from "../../services/dossiers/lateXlsx.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";
import { isAdmin, leadersRootOfChat } from "./access.js";

export const dossiersLateListFeature = new Composer<BotContext>();

dossiersLateListFeature.command("dsquahan", async (ctx) => {
  const root = leadersRootOfChat(ctx);
  const adminHere = ctx.chat.type === "private" && (await isAdmin(ctx));
  if (!root && !adminHere) return replyHtml(ctx, t.dsNotHere);
  const today = todayOf(ctx.deps);
  const arg = parseMonthArg(typeof ctx.match === "string" ? ctx.match : "");
  if (arg === "invalid") return replyHtml(ctx, t.dsBadMonth);
  const month = arg ?? previousMonth(today);
  if (month > monthOf(today)) return replyHtml(ctx, t.dsFutureMonth(month));
  await ctx.replyWithChatAction("upload_document").catch(() => undefined);
  const list = await ctx.uc.dossiers.buildLateList({
    month,
    rootCode: root?.code ?? null,
    asOf: today,
    cal: await workCalendar(),
  });
  const scopeName = root?.name ?? "Tất cả đơn vị";
  const bytes = await lateListXlsx(list, scopeName);
  await replyHtml(ctx, t.lateList(month, list.units, false));
  await ctx.replyWithDocument(new InputFile(bytes, `ds-ho-so-qua-han-${month}.xlsx`), { caption: t.dsCaption(month) });
});
