/**
 * The "missing figures" section of the morning message. When a unit is chased is a schedule
 * rule (domain/schedule/figures.ts); this reads the reports and writes the section.
 */
import { monthOf } from "../../domain/directive/dates.js";
import { figuresDue, staleAfterDays } from "../../domain/schedule/index.js";
import { reminderTexts, type FigureItem } from "../../messages/reminders.js";
import { figureKey, lastReports } from "../figures/history.js";
import type { MorningContributor, MorningSection } from "./reminders.js";
import { closingPeriod, previousMonth } from "../../domain/month.js";
import { evaluateOn, figuresMap } from "../figures/standing.js";

export const figureSections: MorningContributor = async (ctx) => {
  const catalog = ctx.deps.catalog.get();
  const month = monthOf(ctx.day);
  // In the first days of a month the month before is being closed: its figures are asked for
  // ("chốt số liệu tháng 12" on 04/01), not those of a month that has barely begun.
  const period = closingPeriod(ctx.day);
  const reports = await lastReports(ctx.deps.prisma, [month, previousMonth(month)], ctx.at);
  const current = await figuresMap(ctx.deps.prisma, period);
  const out: MorningSection[] = [];
  for (const chat of ctx.chats) {
    const { unit } = chat;
    const items: FigureItem[] = [];
    let anyDue = false;
    // Only indicators with a target in force or still to come: a lapsed one is not chased.
    for (const indicator of catalog.indicatorsFor(unit, ctx.day)) {
      const key = figureKey(unit.code, indicator.code);
      const last = reports.get(key);
      const figures = current.get(key) ?? null;
      const due = figuresDue(last?.day ?? null, ctx.day, staleAfterDays(catalog, unit, indicator.code));
      const evaluation = evaluateOn(catalog, unit, indicator.code, period, figures, ctx.day);
      const behind = (evaluation.missing !== null && evaluation.missing > 0) || evaluation.missingUnreachable;
      if (!due && !behind) continue;
      anyDue ||= due;
      items.push({ indicator, due, hasFigures: figures !== null, lastDay: last?.day ?? null, evaluation });
    }
    // Being behind alone is not a reason to write every morning: the gap rides along with a
    // reminder that is due anyway ("units behind their milestone get the gap").
    if (!anyDue) continue;
    const defaultCode = catalog.defaultIndicator(unit)?.code ?? null;
    out.push({
      chatId: chat.chatId,
      unitCode: unit.code,
      kind: "figures",
      lines: reminderTexts.figures(period, ctx.day, items, defaultCode, period !== month),
    });
  }
  return out;
};
