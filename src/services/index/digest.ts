/**
 * The Monday digest's index chart (docs/INDEX.md "Trong nhóm chat"): per scored index applying below a leaders'
 * chat, one portrait image of the units by score, lowest first, bars in the band colours, and a
 * caption naming the largest gains available. Same month as the digest's other charts
 * (domain/digest/period.ts) and the same outbox path (services/digest/digest.ts `enqueueDigest`).
 */
import { registerChartFonts } from "../../assets/fonts.js";
import type { Catalog, CatalogUnit } from "../../domain/catalog.js";
import { digestPeriod } from "../../domain/digest/period.js";
import { formatViDate, vnDate, type IsoDate } from "../../domain/directive/dates.js";
import { comparePoints, formatPoints, pointsValue } from "../../domain/index/points.js";
import { indexCaption, indexDigestTexts } from "../../messages/indexDigest.js";
import type { SubtreeIndexView } from "../../messages/indexViews.js";
import { renderIndexChart, type IndexChartRow } from "../../render/chart-index.js";
import { CHART_GEOMETRY } from "../../render/chart-layout.js";
import type { AppDeps } from "../context.js";
import type { DigestPart } from "../digest/digest.js";
import { asOfForPeriod } from "../figures/figures.js";
import { indicesBelow, subtreeIndex } from "./scores.js";

/** The outbox key's code of an index's part: never an indicator code (those have no "chiso:" prefix). */
export const indexPartCode = (indexCode: string): string => `chiso:${indexCode}`;

/** The part codes the digest of this root will have on `day`: the weekly job skips a chat that has them all. */
export function indexPartCodes(catalog: Catalog, root: CatalogUnit, day: IsoDate): string[] {
  const { period } = digestPeriod(day);
  return indicesBelow(catalog, root, asOfForPeriod(period, day)).map(({ index }) => indexPartCode(index.code));
}

/** The drawn rows: the lowest scores first, then units without a score, as many as one image holds. */
export function indexChartRows(s: SubtreeIndexView): { rows: IndexChartRow[]; left: number } {
  const all: IndexChartRow[] = [
    ...s.rows.map((r) => ({
      label: r.unit.name,
      // The scale is 0–100: an index of another maximum is drawn as its share.
      score: (pointsValue(r.total) / (pointsValue(r.max) || 100)) * 100,
      // Scored on part of the index: "12,5/50 điểm" says so on the bar itself.
      scoreText:
        comparePoints(r.maxAvailable, r.max) < 0
          ? `${formatPoints(r.total)}/${formatPoints(r.maxAvailable)} điểm`
          : `${formatPoints(r.total)} điểm`,
      band: r.band,
    })),
    ...s.notReported.map((u) => ({ label: u.name, score: null, scoreText: "", band: null })),
  ];
  const rows = all.slice(0, CHART_GEOMETRY.maxBarsPerImage);
  return { rows, left: all.length - rows.length };
}

/** Units per band over the whole subtree: the chart draws ten, its legend counts all. */
function bandCountsMap(s: SubtreeIndexView): Map<string | null, number> {
  const counts = new Map<string | null, number>([[null, s.notReported.length]]);
  for (const r of s.rows) counts.set(r.band ?? "", (counts.get(r.band ?? "") ?? 0) + 1);
  return counts;
}

/** One part per index applying below the root; none when no index does. */
export async function renderIndexDigest(deps: AppDeps, root: CatalogUnit, at: Date): Promise<DigestPart[]> {
  const day = vnDate(at);
  const { period, closed } = digestPeriod(day);
  const views = await subtreeIndex(deps, root, period, day);
  if (views.length === 0) return [];
  registerChartFonts();
  const parts: DigestPart[] = [];
  for (const s of views) {
    const { rows, left } = indexChartRows(s);
    const images = await renderIndexChart({
      title: indexDigestTexts.title(s, closed),
      subtitle: indexDigestTexts.subtitle(root.name, formatViDate(day)),
      rows,
      bands: s.bands,
      counts: bandCountsMap(s),
      ...(left > 0 ? { footnote: indexDigestTexts.footnote(rows.length, left) } : {}),
    });
    parts.push({
      indicator: { code: indexPartCode(s.index.code) },
      images,
      caption: indexCaption(s, closed),
      keyboard: null,
    });
  }
  return parts;
}
