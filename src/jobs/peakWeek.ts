/**
 * Peak week (issue #4; Long An's "tuần lễ cao điểm", seed 002 §1: the first week of every
 * month from `peakWeek.from`). Each working day of it, every unit the directive sets targets for
 * gets its standing as a section of the morning message, and every leaders' chat above such
 * units gets one status message of its own (`peak:<day>:chat:<id>`).
 *
 * "First week" = days 1–7 of the month, the same week the task schedule uses for
 * `firstWeekOfMonth` tasks (due on the 7th), so the peak week and its tasks agree.
 */
import { activeChatsOfKind } from "../db/repos/chats.js";
import { isWorkingDay } from "../domain/calendar/index.js";
import type { Catalog, CatalogUnit } from "../domain/catalog.js";
import { monthOf, vnDate, type IsoDate } from "../domain/directive/dates.js";
import type { Directive, Indicator } from "../domain/directive/schema.js";
import { validityOn } from "../domain/directive/validity.js";
import { countLevels } from "../domain/evaluation/index.js";
import { chatUnit } from "../domain/chatUnit.js";
import { reminderTexts } from "../messages/reminders.js";
import type { AppDeps } from "../services/context.js";
import { figureKey } from "../services/figures/history.js";
import { pushText } from "../services/notify.js";
import type { CalendarSource } from "../services/reminders/calendarFile.js";
import type { MorningContributor, MorningSection } from "../services/reminders/reminders.js";
import { directiveIndicatorsFor, evaluateOn, figuresMap } from "../services/figures/standing.js";
import { worstFirst } from "../services/figures/status.js";
import type { JobDefinition } from "./scheduler.js";

export const PEAK_WEEK_LAST_DAY = 7;

export type PeakWeek = { from: IsoDate; to: IsoDate };

export function peakWeekOf(directive: Directive, day: IsoDate): PeakWeek | null {
  const pw = directive.peakWeek;
  if (!pw || monthOf(day) < pw.from || Number(day.slice(8, 10)) > PEAK_WEEK_LAST_DAY) return null;
  return { from: `${monthOf(day)}-01`, to: `${monthOf(day)}-0${PEAK_WEEK_LAST_DAY}` };
}

/** Indicators of the directives in peak week that bind the unit, one per code. */
function peakIndicators(catalog: Catalog, unit: CatalogUnit, directives: readonly Directive[]): Indicator[] {
  const seen = new Map<string, Indicator>();
  for (const d of directives) for (const i of directiveIndicatorsFor(catalog, unit, d)) if (!seen.has(i.code)) seen.set(i.code, i);
  return [...seen.values()];
}

/** Directives in force on `day` whose peak week it is (each reaches only its own jurisdiction). */
function inPeak(catalog: Catalog, day: IsoDate): { directives: Directive[]; week: PeakWeek } | null {
  const directives = catalog.directives.filter((d) => peakWeekOf(d, day) !== null && validityOn(d, day, catalog.directives) === "in-force");
  const first = directives[0];
  const week = first ? peakWeekOf(first, day) : null;
  return week ? { directives, week } : null;
}

export const peakWeekSections: MorningContributor = async (ctx) => {
  const catalog = ctx.deps.catalog.get();
  const peak = inPeak(catalog, ctx.day);
  if (!peak) return [];
  const period = monthOf(ctx.day);
  const figures = await figuresMap(ctx.deps.prisma, period);
  const out: MorningSection[] = [];
  for (const chat of ctx.chats) {
    const items = peakIndicators(catalog, chat.unit, peak.directives).map((indicator) => ({
      indicator,
      evaluation: evaluateOn(catalog, chat.unit, indicator.code, period, figures.get(figureKey(chat.unit.code, indicator.code)) ?? null, ctx.day),
    }));
    if (items.length > 0) out.push({ chatId: chat.chatId, unitCode: chat.unit.code, kind: "peak", lines: reminderTexts.peakUnit(peak.week.from, peak.week.to, items) });
  }
  return out;
};

/** Units named as "cần đôn đốc" in the leaders' status. */
const WORST_SHOWN = 3;

export function peakWeekLeadersJob(deps: AppDeps, cron: string, calendar: CalendarSource): JobDefinition {
  return {
    name: "peak-week-leaders",
    cron,
    catchUpWithinMs: 4 * 3_600_000,
    async run({ fireTime }) {
      const day = vnDate(fireTime);
      if (!isWorkingDay(day, await calendar())) return { skipped: "not a working day", day };
      const catalog = deps.catalog.get();
      const peak = inPeak(catalog, day);
      if (!peak) return { skipped: "no peak week", day };
      const period = monthOf(day);
      const figures = await figuresMap(deps.prisma, period);
      let sent = 0;
      for (const chat of await activeChatsOfKind(deps.prisma, "leaders")) {
        const root = chatUnit(catalog, chat, "leaders");
        if (!root) continue;
        const below = [root, ...catalog.descendants(root.code)];
        const indicators = new Map<string, Indicator>();
        for (const u of below) for (const i of peakIndicators(catalog, u, peak.directives)) indicators.set(i.code, i);
        const parts = [...indicators.values()].map((indicator) => {
          const rows = below
            .filter((u) => peakIndicators(catalog, u, peak.directives).some((i) => i.code === indicator.code))
            .map((unit) => ({ unit, evaluation: evaluateOn(catalog, unit, indicator.code, period, figures.get(figureKey(unit.code, indicator.code)) ?? null, day) }));
          const reported = rows.filter((r) => r.evaluation.status !== "not-reported").sort(worstFirst);
          const worst = reported.filter((r) => r.evaluation.level === "do" || r.evaluation.level === "cam").slice(0, WORST_SHOWN);
          return { indicator, counts: countLevels(rows.map((r) => r.evaluation)), worst: worst.map((r) => r.unit.name), notReported: rows.length - reported.length };
        });
        if (parts.length === 0) continue;
        await pushText(deps, {
          chatId: chat.chatId, dedupKey: `peak:${day}:chat:${chat.chatId}`, kind: "peak-week",
          text: reminderTexts.peakLeaders(root, day, peak.week.from, peak.week.to, parts),
        });
        sent += 1;
      }
      return { day, sent };
    },
  };
}
