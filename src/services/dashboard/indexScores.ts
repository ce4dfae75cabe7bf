/**
 * The page's scored-index part (docs/WEBAPP.md "Trang"): per scored index applying to units in the
 * scope, the units lowest first with their score, band, change since last month and best gain. The
 * scoring is `/chiso`'s and the digest's (services/index/view.ts on the domain's score and gains);
 * this only chooses the units — the scope, narrowed by the tier filter — and reads their figures.
 */
import { figuresOfUnits } from "../../db/repos/dashboardReads.js";
import type { CatalogUnit } from "../../domain/catalog.js";
import type { IsoDate } from "../../domain/directive/dates.js";
import { comparePoints, formatPoints, pointsValue } from "../../domain/index/points.js";
import { gainPhrase, pointsBar, shortChange } from "../../messages/indexScore.js";
import type { UnitIndexView } from "../../messages/indexViews.js";
import { bandColors } from "../../render/chart-index.js";
import type { AppDeps } from "../context.js";
import { asOfForPeriod } from "../figures/figures.js";
import { figuresByUnit, subtreeIndexView, unitIndexView } from "../index/view.js";
import { unitRef } from "./ranking.js";
import { scopeUnits } from "./scope.js";
import type { DashboardQueryFilters, DashboardQueryScope, IndexRow, IndexSection, IndexUnitDetail } from "./types.js";

/** "52,5/80 điểm" over part of the index, "72,5 điểm" over all of it: the digest chart's words. */
function scoreText(v: UnitIndexView): string {
  return comparePoints(v.maxAvailable, v.max) < 0
    ? `${formatPoints(v.total)}/${formatPoints(v.maxAvailable)} điểm`
    : `${formatPoints(v.total)} điểm`;
}

function row(v: UnitIndexView, colors: ReadonlyMap<string, string>): IndexRow {
  const best = v.gains[0];
  return {
    unit: unitRef(v.unit),
    scoreText: scoreText(v),
    points: pointsValue(v.total),
    maxAvailable: pointsValue(v.maxAvailable),
    band: v.band,
    color: v.band ? (colors.get(v.band) ?? null) : null,
    previous: v.previous ? pointsValue(v.previous) : null,
    changeText: v.change ? shortChange(v.change.now, v.change.before) : null,
    gain: best ? gainPhrase(best) : null,
  };
}

function detail(v: UnitIndexView): IndexUnitDetail {
  return {
    unit: unitRef(v.unit),
    scoreText: v.maxAvailable.num > 0n ? scoreText(v) : "chưa báo cáo",
    groups: v.groups.map((g) => ({
      name: g.name,
      text: `${formatPoints(g.points)}/${formatPoints(g.max)}`,
      bar: pointsBar(g.points, g.max),
    })),
    missing: v.missing.map((m) => m.name),
    gains: v.gains.map(gainPhrase),
  };
}

export async function indexSections(
  deps: AppDeps,
  scope: DashboardQueryScope,
  filters: DashboardQueryFilters,
  period: string,
  previous: string,
  day: IsoDate,
): Promise<IndexSection[]> {
  const catalog = deps.catalog.get();
  if (catalog.indices.length === 0) return [];
  const asOf = asOfForPeriod(period, day);
  // The scope itself, not the page's ranked units: a unit the index alone scores has no directive target.
  const units = scopeUnits(catalog, scope).filter((u) => !filters.tier || u.tier === filters.tier);
  const applying = catalog.indices
    .map((index) => ({ index, units: units.filter((u) => catalog.indicesFor(u, asOf).includes(index)) }))
    .filter((x) => x.units.length > 0);
  const first = applying[0]?.units[0];
  if (!first) return [];
  const codes = [...new Set(applying.flatMap(({ index }) => index.indicators.map((i) => i.code)))];
  const read = await figuresOfUnits(
    deps.prisma,
    [...new Set(applying.flatMap((a) => a.units.map((u) => u.code)))],
    codes,
    [previous, period],
  );
  const now = figuresByUnit(read.filter((f) => f.period === period));
  const before = figuresByUnit(read.filter((f) => f.period === previous));
  // The view's root only names the chat's unit in the digest's captions; the page does not read it.
  const root: CatalogUnit = catalog.unit(scope.rootUnitIds[0] ?? "") ?? first;
  return applying.map(({ index, units: scored }) => {
    const s = subtreeIndexView(index, root, scored, period, now, before);
    const colors = bandColors(s.bands);
    const chosen = scored.find((u) => u.code === filters.unit);
    return {
      code: index.code,
      name: s.index.name,
      shortName: s.index.shortName,
      max: index.totalMaxPoints,
      bands: s.bands.map((b) => ({ name: b.name, color: colors.get(b.name) ?? "" })),
      rows: s.rows.map((v) => row(v, colors)),
      notReported: s.notReported.map(unitRef),
      unit: chosen
        ? detail(
            unitIndexView(index, chosen, period, now.get(chosen.code) ?? new Map(), before.get(chosen.code) ?? null),
          )
        : null,
    };
  });
}
