/**
 * The Mini App page's data (docs/WEBAPP.md "Trang"): what the scope and filters let a leader or a
 * unit head see, in the digest's month (domain/digest/period.ts: the month just ended during the
 * first days of a new one), against the month before.
 */
import { figuresOfUnits } from "../../db/repos/dashboardReads.js";
import { digestPeriod } from "../../domain/digest/period.js";
import { vnDate } from "../../domain/directive/dates.js";
import type { Figures } from "../../domain/evaluation/index.js";
import { previousMonth } from "../../domain/month.js";
import { workCalendar } from "../calendar.js";
import type { AppDeps } from "../context.js";
import { historyMonths, unitHistory } from "./history.js";
import { indexSections } from "./indexScores.js";
import { monthFigureKey, rankSections } from "./ranking.js";
import { scopedUnits } from "./scope.js";
import type { DashboardModel, DashboardQueryFilters, DashboardQueryScope } from "./types.js";
import { overdueDossiersByUnit, tasksByUnit } from "./work.js";

export async function dashboardView(
  deps: AppDeps,
  scope: DashboardQueryScope,
  filters: DashboardQueryFilters,
): Promise<DashboardModel> {
  const catalog = deps.catalog.get();
  const day = vnDate(deps.clock.now());
  const { period } = digestPeriod(day);
  const previous = previousMonth(period);
  const scoped = scopedUnits(catalog, scope, filters, day);
  const units = scoped.units.map((u) => u.unit);
  // The history's unit must be one the scope and filters keep: a code from the request widens nothing.
  const chosen = filters.unit ? scoped.units.find((u) => u.unit.code === filters.unit) : undefined;
  const months = chosen ? historyMonths(period) : [previous, period];
  const figures = new Map<string, Figures>();
  const codes = units.map((u) => u.code);
  for (const f of await figuresOfUnits(deps.prisma, codes, scoped.codes, [previous, period]))
    figures.set(monthFigureKey(f.period, f.unitCode, f.indicatorCode), f);
  if (chosen)
    for (const f of await figuresOfUnits(deps.prisma, [chosen.unit.code], chosen.codes, months))
      figures.set(monthFigureKey(f.period, f.unitCode, f.indicatorCode), f);
  const ranking = rankSections({
    catalog,
    units: scoped.units,
    codes: scoped.codes,
    period,
    previous,
    day,
    figures,
    filters,
  });
  const [tasks, dossiers, index] = await Promise.all([
    tasksByUnit(deps, catalog, units, day, filters.directive),
    workCalendar().then((cal) => overdueDossiersByUnit(deps, units, day, cal)),
    indexSections(deps, scope, filters, period, previous, day),
  ]);
  return {
    day,
    period,
    previous,
    filters: { ...filters, ...(filters.unit && !chosen ? { unit: undefined } : {}) },
    options: scoped.options,
    sections: ranking.sections,
    changes: { dropped: ranking.dropped, notReported: ranking.notReported },
    tasks,
    dossiers,
    history: chosen ? unitHistory(catalog, chosen.unit, chosen.codes, months, figures, day) : [],
    index,
  };
}
