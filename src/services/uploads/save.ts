/** Saving validated upload rows and summarising them (ratio + level per unit, docs/UPLOADS.md). */
import { writeFigures, type FigureKey, type FigureValue, type Provenance } from "../../db/repos/figures.js";
import type { CatalogUnit } from "../../domain/catalog.js";
import type { AppDeps } from "../context.js";
import { evaluateFigures } from "../figures/figures.js";
import type { SummaryLine, SavedSummary } from "../../messages/views.js";

export type { SummaryLine, SavedSummary } from "../../messages/views.js";

/** What the sender may write: their unit chat's unit, or every unit for an administrator. */
export type UploadScope = { kind: "unit"; unit: CatalogUnit } | { kind: "all" };
export type FigureItem = FigureKey & FigureValue;

/** Writes the items with their history (`writeFigures`) and evaluates what was written. */
export async function saveItems(deps: AppDeps, items: readonly FigureItem[], prov: Provenance): Promise<SavedSummary> {
  const written = await writeFigures(deps.prisma, items, prov);
  return {
    saved: written.length,
    replaced: written.filter((w) => w.previous !== null).length,
    lines: summarize(deps, items),
  };
}

/** One line per unit × indicator, for the latest period of the upload (older months are history). */
function summarize(deps: AppDeps, items: readonly FigureItem[]): SummaryLine[] {
  const catalog = deps.catalog.get();
  const latest = new Map<string, FigureItem>();
  for (const it of items) {
    const key = `${it.unitCode}|${it.indicatorCode}`;
    const seen = latest.get(key);
    if (!seen || seen.period < it.period) latest.set(key, it);
  }
  const lines: SummaryLine[] = [];
  for (const it of latest.values()) {
    const unit = catalog.unit(it.unitCode);
    const indicator = catalog.indicator(it.indicatorCode);
    if (!unit || !indicator) continue;
    const evaluation = evaluateFigures(deps, unit, indicator.code, it.period, {
      numerator: it.numerator,
      denominator: it.denominator,
    });
    lines.push({ unit, indicator, period: it.period, evaluation });
  }
  return lines.sort(
    (a, b) => a.unit.name.localeCompare(b.unit.name, "vi") || a.indicator.code.localeCompare(b.indicator.code),
  );
}
