/**
 * A one-stop statistics report turned into figures to confirm (docs/UPLOADS.md): unit
 * names matched to the catalog (strictly, see ingest/unitMatch.ts), each row feeding
 * `hs-truc-tuyen` and `hs-dung-han` where a directive assigns them to that unit.
 */
import { matchUnitNames, type OneStopResult, type RejectedRow } from "../../ingest/index.js";
import { uploadReasons, uploadTexts } from "../../messages/upload.js";
import type { AppDeps } from "../context.js";
import { currentPeriod } from "../figures/figures.js";
import { findIndicator } from "./figures.js";
import type { FigureItem, UploadScope } from "./save.js";

export type PreviewItem = FigureItem & { rowNumber: number; unitName: string; indicatorName: string };

export type OneStopPreview = {
  period: string;
  /** False: the title states no month, so the current month is used (and the preview says so). */
  periodFromTitle: boolean;
  items: PreviewItem[];
  unmatched: { rowNumber: number; name: string }[];
  rejected: RejectedRow[];
  /** Figures left out because no directive assigns the indicator to the unit. */
  notAssigned: { indicatorCode: string; unitNames: string[] }[];
  /** Unit chat: rows of other units left out; whether the chat's own unit had a row. */
  otherUnitRows: number;
  ownUnitFound: boolean;
  scope: UploadScope;
};

export type PeriodChoice = { ok: true; period: string; fromTitle: boolean } | { ok: false; message: string };

/** The title's month; a multi-month or future report cannot be filed under one month. */
export function choosePeriod(deps: AppDeps, report: Pick<OneStopResult, "period" | "periodRange">): PeriodChoice {
  const now = currentPeriod(deps);
  if (report.period === null && report.periodRange)
    return { ok: false, message: uploadTexts.multiMonthReport(report.periodRange) };
  if (report.period === null) return { ok: true, period: now, fromTitle: false };
  if (report.period > now) return { ok: false, message: uploadTexts.futureReport(report.period) };
  return { ok: true, period: report.period, fromTitle: true };
}

export function buildOneStopPreview(
  deps: AppDeps,
  report: OneStopResult,
  period: PeriodChoice & { ok: true },
  scope: UploadScope,
): OneStopPreview {
  const catalog = deps.catalog.get();
  const { matches, unmatched } = matchUnitNames(
    report.rows.map((r) => r.unitName),
    catalog.units,
  );
  const preview: OneStopPreview = {
    period: period.period,
    periodFromTitle: period.fromTitle,
    items: [],
    unmatched: [],
    rejected: [...report.rejected],
    notAssigned: [],
    otherUnitRows: 0,
    ownUnitFound: false,
    scope,
  };
  const rowOfUnit = new Map<string, number>();
  const notAssigned = new Map<string, string[]>();
  for (const row of report.rows) {
    const unit = matches.get(row.unitName);
    if (scope.kind === "unit" && unit?.code !== scope.unit.code) {
      preview.otherUnitRows++;
      continue;
    }
    if (!unit) {
      if (unmatched.includes(row.unitName)) preview.unmatched.push({ rowNumber: row.rowNumber, name: row.unitName });
      continue;
    }
    preview.ownUnitFound = true;
    const twin = rowOfUnit.get(unit.code);
    if (twin !== undefined) {
      // Two rows for one unit contradict each other: neither is taken.
      preview.rejected.push({ rowNumber: row.rowNumber, reason: uploadReasons.sameUnitAs(unit.name, twin) });
      preview.items = preview.items.filter((i) => i.unitCode !== unit.code);
      continue;
    }
    rowOfUnit.set(unit.code, row.rowNumber);
    const assigned = new Set(catalog.indicatorsFor(unit).map((i) => i.code));
    for (const f of row.figures) {
      const indicator = findIndicator(catalog, f.indicatorCode);
      if (!indicator || !assigned.has(indicator.code)) {
        notAssigned.set(f.indicatorCode, [...(notAssigned.get(f.indicatorCode) ?? []), unit.name]);
        continue;
      }
      preview.items.push({
        unitCode: unit.code,
        indicatorCode: indicator.code,
        period: period.period,
        numerator: f.numerator,
        denominator: f.denominator,
        rowNumber: row.rowNumber,
        unitName: unit.name,
        indicatorName: indicator.shortName ?? indicator.name,
      });
    }
  }
  preview.rejected.sort((a, b) => a.rowNumber - b.rowNumber);
  preview.notAssigned = [...notAssigned].map(([indicatorCode, unitNames]) => ({ indicatorCode, unitNames }));
  return preview;
}
