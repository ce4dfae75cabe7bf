/**
 * Peak week's messages. Which days are peak days is a schedule rule (domain/schedule/peakWeek.ts);
 * here, each working day of it, every unit the directive sets targets for gets its standing as a
 * section of the morning message, and every leaders' chat above such units gets one status
 * message of its own (`peak:<day>:chat:<id>`), counted and ordered like /tinhtrang
 * (services/figures/status.ts).
 */
import { activeChatsOfKind } from "../../db/repos/chats.js";
import { chatUnit } from "../../domain/chatUnit.js";
import type { Catalog, CatalogUnit } from "../../domain/catalog.js";
import { monthOf, type IsoDate } from "../../domain/directive/dates.js";
import type { Directive, Indicator } from "../../domain/directive/schema.js";
import { peakWeekOn } from "../../domain/schedule/index.js";
import { reminderTexts } from "../../messages/reminders.js";
import type { AppDeps } from "../context.js";
import { figureKey } from "../figures/history.js";
import { directiveIndicatorsFor, evaluateOn, figuresMap } from "../figures/standing.js";
import { summarizeSubtree } from "../figures/status.js";
import { pushText } from "../notify.js";
import type { MorningContributor, MorningSection } from "./reminders.js";

/** Indicators of the directives in peak week that bind the unit, one per code. */
function peakIndicators(catalog: Catalog, unit: CatalogUnit, directives: readonly Directive[]): Indicator[] {
  const seen = new Map<string, Indicator>();
  for (const d of directives)
    for (const i of directiveIndicatorsFor(catalog, unit, d)) if (!seen.has(i.code)) seen.set(i.code, i);
  return [...seen.values()];
}

export const peakWeekSections: MorningContributor = async (ctx) => {
  const catalog = ctx.deps.catalog.get();
  const peak = peakWeekOn(catalog.directives, ctx.day);
  if (!peak) return [];
  const period = monthOf(ctx.day);
  const figures = await figuresMap(ctx.deps.prisma, period);
  const out: MorningSection[] = [];
  for (const chat of ctx.chats) {
    const items = peakIndicators(catalog, chat.unit, peak.directives).map((indicator) => ({
      indicator,
      evaluation: evaluateOn(
        catalog,
        chat.unit,
        indicator.code,
        period,
        figures.get(figureKey(chat.unit.code, indicator.code)) ?? null,
        ctx.day,
      ),
    }));
    if (items.length > 0)
      out.push({
        chatId: chat.chatId,
        unitCode: chat.unit.code,
        kind: "peak",
        lines: reminderTexts.peakUnit(peak.week.from, peak.week.to, items),
      });
  }
  return out;
};

/** Units named as "cần đôn đốc" in the leaders' status. */
const WORST_SHOWN = 3;

type PeakResult = { skipped: string; day: IsoDate } | { day: IsoDate; sent: number };

/** One status message per leaders' chat above units in peak week on `day` (a working day). */
export async function sendPeakLeaderStatus(deps: AppDeps, day: IsoDate): Promise<PeakResult> {
  const catalog = deps.catalog.get();
  const peak = peakWeekOn(catalog.directives, day);
  if (!peak) return { skipped: "no peak week", day };
  const period = monthOf(day);
  const figures = await figuresMap(deps.prisma, period);
  let sent = 0;
  for (const chat of await activeChatsOfKind(deps.prisma, "leaders")) {
    const root = chatUnit(catalog, chat, "leaders");
    if (!root) continue;
    const parts = leaderParts(catalog, [root, ...catalog.descendants(root.code)], peak.directives, (unit, indicator) =>
      evaluateOn(catalog, unit, indicator.code, period, figures.get(figureKey(unit.code, indicator.code)) ?? null, day),
    );
    if (parts.length === 0) continue;
    await pushText(deps, {
      chatId: chat.chatId,
      dedupKey: `peak:${day}:chat:${chat.chatId}`,
      kind: "peak-week",
      text: reminderTexts.peakLeaders(root, day, peak.week.from, peak.week.to, parts),
    });
    sent += 1;
  }
  return { day, sent };
}

type Evaluate = (unit: CatalogUnit, indicator: Indicator) => ReturnType<typeof evaluateOn>;

function leaderParts(
  catalog: Catalog,
  below: readonly CatalogUnit[],
  directives: readonly Directive[],
  evaluation: Evaluate,
) {
  const indicators = new Map<string, Indicator>();
  for (const u of below) for (const i of peakIndicators(catalog, u, directives)) indicators.set(i.code, i);
  return [...indicators.values()].map((indicator) => {
    const rows = below
      .filter((u) => peakIndicators(catalog, u, directives).some((i) => i.code === indicator.code))
      .map((unit) => ({ unit, evaluation: evaluation(unit, indicator) }));
    const status = summarizeSubtree(indicator, rows);
    const worst = status.rows
      .filter((r) => r.evaluation.level === "do" || r.evaluation.level === "cam")
      .slice(0, WORST_SHOWN);
    return {
      indicator,
      counts: status.counts,
      worst: worst.map((r) => r.unit.name),
      notReported: status.notReported.length,
    };
  });
}
