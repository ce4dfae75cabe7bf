/**
 * The numbers behind one leaders' digest (docs/SCHEDULES.md): per indicator, every unit below the
 * chat's root with its evaluation now and its figures of the same month a week ago (read back from
 * the revision log — see figures/history.ts), the roll-up, counts per colour, and the units ranked
 * by the distance to their own target. In the first days of a month the month just ended is shown
 * (domain/digest/period.ts).
 */
import type { CatalogUnit } from "../../domain/catalog.js";
import { digestPeriod, type DigestPeriod } from "../../domain/digest/period.js";
import { vnDate } from "../../domain/directive/dates.js";
import type { Indicator } from "../../domain/directive/schema.js";
import { countLevels, gapToTarget, rankByGap, rollUp } from "../../domain/evaluation/index.js";
import type { AppDeps } from "../context.js";
import { figureKey, figuresAsOf } from "../figures/history.js";
import { evaluateOn, figuresMap } from "../figures/standing.js";
import { subtreeIndicators } from "../figures/status.js";
import type { DigestRow, IndicatorDigest } from "../../messages/views.js";

export type { DigestRow, IndicatorDigest } from "../../messages/views.js";

export const WEEK_MS = 7 * 24 * 3_600_000;

export { percentOf } from "../../domain/evaluation/index.js";

export async function indicatorDigest(
  deps: AppDeps,
  root: CatalogUnit,
  indicator: Indicator,
  at: Date,
  shown: DigestPeriod = digestPeriod(vnDate(at)),
): Promise<IndicatorDigest> {
  const catalog = deps.catalog.get();
  const day = vnDate(at);
  const { period, closed } = shown;
  // The same month a week ago: "change since last week" compares like with like, also on the
  // Monday the digest moves on to a new month.
  const now = await figuresMap(deps.prisma, period, indicator.code);
  const before = await figuresAsOf(deps.prisma, period, new Date(at.getTime() - WEEK_MS), indicator.code);
  const units = catalog
    .descendants(root.code)
    .filter((u) => catalog.indicatorsFor(u, day).some((i) => i.code === indicator.code));
  const rows: DigestRow[] = units.map((unit) => {
    const key = figureKey(unit.code, indicator.code);
    const evaluation = evaluateOn(catalog, unit, indicator.code, period, now.get(key) ?? null, day);
    return { unit, evaluation, weekAgo: before.get(key) ?? null };
  });
  const ranked = rankByGap(
    rows,
    (r) => r.evaluation,
    (r) => r.unit.name,
  );
  return {
    indicator,
    period,
    closed,
    day,
    rows,
    counts: countLevels(rows.map((r) => r.evaluation)),
    // One-stop centres receive the departments' dossiers: adding theirs would count them twice.
    total: {
      now: rollUp(rows.filter((r) => !r.unit.oneStop).map((r) => r.evaluation.figures)).figures,
      weekAgo: rollUp(rows.filter((r) => !r.unit.oneStop).map((r) => r.weekAgo)).figures,
    },
    ranked,
    belowTarget: ranked.filter((r) => (gapToTarget(r.evaluation) ?? 0) > 0),
    notReported: rows.filter((r) => r.evaluation.status === "not-reported").map((r) => r.unit),
  };
}

/**
 * One digest per indicator binding a unit below the root, the default indicator first. `shown`:
 * the month a button press asks about (the digest's own), instead of the one `at` would show.
 */
export async function digestData(
  deps: AppDeps,
  root: CatalogUnit,
  at: Date,
  only?: string,
  shown?: DigestPeriod,
): Promise<IndicatorDigest[]> {
  const indicators = subtreeIndicators(deps, root.code, vnDate(at)).filter(
    (i) => !only || i.code.toLowerCase() === only.toLowerCase(),
  );
  const out: IndicatorDigest[] = [];
  for (const indicator of indicators) out.push(await indicatorDigest(deps, root, indicator, at, shown));
  return out;
}
