/**
 * `/chiso` and the digest's index chart (docs/INDEX.md "Trong nhóm chat"): the scored indices loaded with the
 * directives (Catalog.indices), each unit scored on the month's figures and compared with the
 * month before. The scoring itself is the domain's (src/domain/index/); this reads the figures.
 */
import { figuresForPeriod } from "../../db/repos/figures.js";
import type { Catalog, CatalogUnit } from "../../domain/catalog.js";
import { vnDate, type IsoDate } from "../../domain/directive/dates.js";
import { previousMonth } from "../../domain/month.js";
import type { SubtreeIndexView, UnitIndexView } from "../../messages/indexViews.js";
import type { AppDeps } from "../context.js";
import { asOfForPeriod } from "../figures/figures.js";
import { figuresByUnit, subtreeIndexView, unitIndexView } from "./view.js";

/** The indices scoring a unit below the root on `asOf`, each with those units. */
export function indicesBelow(catalog: Catalog, root: CatalogUnit, asOf: IsoDate) {
  const below = catalog.descendants(root.code);
  return catalog.indices
    .map((index) => ({ index, units: below.filter((u) => catalog.indicesFor(u, asOf).includes(index)) }))
    .filter((x) => x.units.length > 0);
}

/** Whether this deployment has a scored index loaded at all (menus, help, `/chiso`'s first answer). */
export function hasIndex(deps: Pick<AppDeps, "catalog">): boolean {
  return deps.catalog.get().indices.length > 0;
}

async function monthFigures(deps: AppDeps, period: string) {
  const [now, before] = await Promise.all([
    figuresForPeriod(deps.prisma, period),
    figuresForPeriod(deps.prisma, previousMonth(period)),
  ]);
  return { now: figuresByUnit(now), before: figuresByUnit(before) };
}

/** The unit's score on every index that applies to it in `period`. */
export async function unitIndex(deps: AppDeps, unit: CatalogUnit, period: string): Promise<UnitIndexView[]> {
  const catalog = deps.catalog.get();
  const indices = catalog.indicesFor(unit, asOfForPeriod(period, vnDate(deps.clock.now())));
  if (indices.length === 0) return [];
  const { now, before } = await monthFigures(deps, period);
  return indices.map((index) =>
    unitIndexView(index, unit, period, now.get(unit.code) ?? new Map(), before.get(unit.code) ?? null),
  );
}

/**
 * Per index, the units below the root it applies to in `period`, lowest first. `today`: the day
 * it is judged on (a job's fire day); default the clock's.
 */
export async function subtreeIndex(
  deps: AppDeps,
  root: CatalogUnit,
  period: string,
  today: IsoDate = vnDate(deps.clock.now()),
): Promise<SubtreeIndexView[]> {
  const catalog = deps.catalog.get();
  const asOf = asOfForPeriod(period, today);
  const applying = indicesBelow(catalog, root, asOf);
  if (applying.length === 0) return [];
  const { now, before } = await monthFigures(deps, period);
  return applying.map(({ index, units }) => subtreeIndexView(index, root, units, period, now, before));
}
