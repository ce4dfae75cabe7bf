/**
 * The numbers behind one leaders' digest (docs/SCHEDULES.md): per indicator, every unit
 * below the chat's root with its evaluation now and its figures a week ago (read back from the
 * revision log — see figures/history.ts), the roll-up, counts per colour, three best and three
 * worst, and the milestone the chart draws its dashed line at.
 */
import type { CatalogUnit } from "../../domain/catalog.js";
import { monthOf, vnDate } from "../../domain/directive/dates.js";
import type { Indicator } from "../../domain/directive/schema.js";
import {
  countLevels,
  rankUnits,
  rollUp,
  targetPhrase,
  type Evaluation,
  type MilestoneRef,
} from "../../domain/evaluation/index.js";
import type { AppDeps } from "../context.js";
import { figureKey, figuresAsOf } from "../figures/history.js";
import { evaluateOn, figuresMap } from "../figures/standing.js";
import { subtreeIndicators } from "../figures/status.js";
import type { DigestRow, ChartLine, IndicatorDigest } from "../../messages/views.js";

export type { DigestRow, ChartLine, IndicatorDigest } from "../../messages/views.js";

export const WEEK_MS = 7 * 24 * 3_600_000;
const PODIUM = 3;

export { percentOf } from "../../domain/evaluation/index.js";

/** The milestone a unit's colour was judged against (in force, else the next one). */
function judgedAgainst(e: Evaluation): MilestoneRef | null {
  if (e.levelAgainst === "next") return e.next;
  return e.inForce ?? e.next;
}

/** The milestone most units are judged against: one dashed line, the title's deadline. */
function chartLine(rows: readonly DigestRow[]): ChartLine | null {
  const tally = new Map<string, { m: MilestoneRef; n: number }>();
  for (const r of rows) {
    const m = judgedAgainst(r.evaluation);
    if (!m) continue;
    const k = `${m.target}|${m.comparison}|${m.deadline}`;
    tally.set(k, { m, n: (tally.get(k)?.n ?? 0) + 1 });
  }
  const top = [...tally.values()].sort((a, b) => b.n - a.n || a.m.deadline.localeCompare(b.m.deadline))[0];
  if (!top) return null;
  const judged = [...tally.values()].reduce((sum, t) => sum + t.n, 0);
  // Mixed tiers (departments 70%, communes 60%): the line is the majority's; say whose.
  const whose = top.n < judged ? ` (${top.n}/${judged} đơn vị)` : "";
  return {
    target: top.m.target,
    label: `Chỉ tiêu ${targetPhrase(top.m.targetText, top.m.comparison)}${whose}`,
    deadlineText: top.m.deadlineText,
    units: top.n,
  };
}

export async function indicatorDigest(
  deps: AppDeps,
  root: CatalogUnit,
  indicator: Indicator,
  at: Date,
): Promise<IndicatorDigest> {
  const catalog = deps.catalog.get();
  const day = vnDate(at);
  const period = monthOf(day);
  const weekAgoAt = new Date(at.getTime() - WEEK_MS);
  const now = await figuresMap(deps.prisma, period, indicator.code);
  const before = await figuresAsOf(deps.prisma, monthOf(vnDate(weekAgoAt)), weekAgoAt, indicator.code);
  const units = catalog
    .descendants(root.code)
    .filter((u) => catalog.indicatorsFor(u, day).some((i) => i.code === indicator.code));
  const rows: DigestRow[] = units.map((unit) => {
    const key = figureKey(unit.code, indicator.code);
    const evaluation = evaluateOn(catalog, unit, indicator.code, period, now.get(key) ?? null, day);
    return { unit, evaluation, weekAgo: before.get(key) ?? null };
  });
  const ranked = rankUnits(rows.map((r) => ({ name: r.unit.name, figures: r.evaluation.figures, row: r })))
    .filter((x) => x.rank !== null)
    .map((x) => x.item.row);
  const best = ranked.slice(0, PODIUM);
  const worst = ranked.slice(Math.max(best.length, ranked.length - PODIUM)).reverse();
  return {
    indicator,
    period,
    day,
    rows,
    counts: countLevels(rows.map((r) => r.evaluation)),
    // One-stop centres receive the departments' dossiers: adding theirs would count them twice.
    total: {
      now: rollUp(rows.filter((r) => !r.unit.oneStop).map((r) => r.evaluation.figures)).figures,
      weekAgo: rollUp(rows.filter((r) => !r.unit.oneStop).map((r) => r.weekAgo)).figures,
    },
    best,
    worst,
    notReported: rows.filter((r) => r.evaluation.status === "not-reported").map((r) => r.unit),
    line: chartLine(rows),
  };
}

/** One digest per indicator binding a unit below the root, the default indicator first. */
export async function digestData(
  deps: AppDeps,
  root: CatalogUnit,
  at: Date,
  only?: string,
): Promise<IndicatorDigest[]> {
  const indicators = subtreeIndicators(deps, root.code, vnDate(at)).filter(
    (i) => !only || i.code.toLowerCase() === only.toLowerCase(),
  );
  const out: IndicatorDigest[] = [];
  for (const indicator of indicators) out.push(await indicatorDigest(deps, root, indicator, at));
  return out;
}
