/**
 * Demo figures so the status replies and the digest charts have something to show (docs/SANDBOX.md).
 * Deterministic per unit code, so every reset looks the same. The first demo unit is left
 * without a figure this month: that is what the officer reports with `/nop`.
 */
import type { Db } from "../db/client.js";
import { writeFigures, type FigureKey, type FigureValue } from "../db/repos/figures.js";
import type { Catalog } from "../domain/catalog.js";
import { monthOf, vnDate } from "../domain/directive/dates.js";
import { previousMonth } from "../domain/month.js";

/** A small stable hash (FNV-1a), enough to spread demo values. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Figures for one unit, indicator and period: 40–199 items, 15–99 % of them counted. */
export function demoValue(unitCode: string, period: string, indicatorCode = ""): FigureValue {
  const h = hash(`${unitCode}/${indicatorCode}/${period}`);
  const denominator = 40 + (h % 160);
  const percent = 15 + ((h >>> 8) % 85);
  return { denominator, numerator: Math.round((denominator * percent) / 100) };
}

export function demoFigures(catalog: Catalog, now: Date, skipCurrent: readonly string[]): (FigureKey & FigureValue)[] {
  const today = vnDate(now);
  const current = monthOf(today);
  const out: (FigureKey & FigureValue)[] = [];
  for (const unit of catalog.units) {
    if (unit.parentCode === null) continue;
    // Figures only where a target is in force or coming: the demo shows today's targets, and
    // the components of the scored indices in force (docs/INDEX.md), so the demo has a score.
    const indexed = catalog.indicesFor(unit, today).flatMap((i) => i.indicators);
    const targeted = catalog.indicatorsFor(unit, today);
    const codes = new Set(targeted.map((i) => i.code));
    for (const indicator of [...targeted, ...indexed.filter((i) => !codes.has(i.code))]) {
      for (const period of [previousMonth(current), current]) {
        // Every seventh unit has not reported this month yet, as in any real week.
        if (period === current && (skipCurrent.includes(unit.code) || hash(unit.code) % 7 === 0)) continue;
        const value = demoValue(unit.code, period, indicator.code);
        // A count ("05 bộ dữ liệu mở") is one number, kept over a denominator of 0.
        out.push({
          unitCode: unit.code,
          indicatorCode: indicator.code,
          period,
          ...(indicator.kind === "count" ? { numerator: value.numerator % 8, denominator: 0 } : value),
        });
      }
    }
  }
  return out;
}

export async function seedFigures(
  prisma: Db,
  catalog: Catalog,
  now: Date,
  skipCurrent: readonly string[],
): Promise<number> {
  const items = demoFigures(catalog, now, skipCurrent);
  await writeFigures(prisma, items, { byUser: null, chatId: null, source: "sandbox", at: now });
  return items.length;
}
