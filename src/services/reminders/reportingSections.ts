/**
 * The reporting-day section of the morning message. Which directives count down today, and on
 * which days, is a schedule rule (domain/schedule/reporting.ts); this decides which unit chats
 * still owe the report and writes their lines.
 */
import { monthOf } from "../../domain/directive/dates.js";
import { scopeBindsUnit } from "../../domain/evaluation/index.js";
import { reportingHitsOn } from "../../domain/schedule/index.js";
import { reminderTexts } from "../../messages/reminders.js";
import { figureKey, lastReports } from "../figures/history.js";
import { directiveIndicatorsFor } from "../figures/standing.js";
import type { MorningContributor, MorningSection } from "./reminders.js";

export const reportingSections: MorningContributor = async (ctx) => {
  const catalog = ctx.deps.catalog.get();
  const hits = reportingHitsOn(catalog.directives, ctx.day, ctx.cal);
  if (hits.length === 0) return [];
  const reports = await lastReports(ctx.deps.prisma, [monthOf(ctx.day)], ctx.at);
  const out: MorningSection[] = [];
  for (const chat of ctx.chats) {
    const lines = hits.flatMap((h) => {
      // The report is owed by `owedBy` (Long An mục 4.7a: sở, ngành, huyện — not communes).
      const owedBy = h.directive.reporting?.owedBy;
      if (owedBy && !scopeBindsUnit(owedBy, catalog.evaluationUnit(chat.unit), h.directive)) return [];
      const indicators = directiveIndicatorsFor(catalog, chat.unit, h.directive);
      if (indicators.length === 0) return [];
      // Fresh figures sent since the first countdown day answer the reminder.
      const fresh = indicators.every(
        (i) => (reports.get(figureKey(chat.unit.code, i.code))?.day ?? "") >= h.firstSendDay,
      );
      if (fresh) return [];
      return [
        {
          directiveNumber: h.directive.number,
          periodText: h.due.periodText,
          due: h.due.due,
          daysLeft: h.daysLeft,
          indicators,
        },
      ];
    });
    if (lines.length > 0)
      out.push({
        chatId: chat.chatId,
        unitCode: chat.unit.code,
        kind: "reporting",
        lines: reminderTexts.reporting(lines),
      });
  }
  return out;
};
