/**
 * `/mau` pre-filled (docs/UPLOADS.md): for a unit chat, the unit's code and name, one row per
 * indicator the directives binding it set, the month being reported, and an example row that is
 * the unit itself; for a leaders' chat, the rows of every unit below it. Columns in the
 * grammar's order (render/figuresTemplate.ts), so the file sent back parses like any upload.
 */
import type { CatalogUnit } from "../../domain/catalog.js";
import { formatViMonth, vnDate } from "../../domain/directive/dates.js";
import { closingPeriod } from "../../domain/month.js";
import { uploadTexts } from "../../messages/upload.js";
import { buildFiguresTemplate, type TemplateRow } from "../../render/figuresTemplate.js";
import type { Clock } from "../../clock.js";
import type { CatalogReader } from "../context.js";

export type TemplateScope = { kind: "unit"; unit: CatalogUnit } | { kind: "leaders"; root: CatalogUnit };

export type FilledTemplate = {
  bytes: Buffer;
  fileName: string;
  period: string;
  /** The name the caption gives: the unit, or the leaders' root. */
  name: string;
  units: number;
};

/** The example's figures: the `/nop 120 95` every text shows. */
const EXAMPLE = { total: 120, part: 95 };

export async function filledFiguresTemplate(
  deps: { catalog: CatalogReader; clock: Clock },
  scope: TemplateScope,
): Promise<FilledTemplate> {
  const catalog = deps.catalog.get();
  // In the first days of a month the month being filled in is the one just closed.
  const period = closingPeriod(vnDate(deps.clock.now()));
  const periodText = formatViMonth(period);
  const owner = scope.kind === "unit" ? scope.unit : scope.root;
  const units = scope.kind === "unit" ? [scope.unit] : [scope.root, ...catalog.descendants(scope.root.code)];
  const rows: TemplateRow[] = [];
  let reporting = 0;
  for (const unit of units) {
    // A count ("05 bộ dữ liệu mở") has no total: it is reported with /nop <mã> <số>.
    const indicators = catalog.indicatorsFor(unit).filter((i) => i.kind !== "count");
    if (indicators.length === 0) continue;
    reporting++;
    const def = catalog.defaultIndicator(unit);
    const first = indicators.find((i) => i.code === def?.code);
    for (const i of first ? [first, ...indicators.filter((x) => x !== first)] : indicators) {
      const base = {
        unitCode: unit.code,
        unitName: unit.name,
        indicatorCode: i.code,
        indicatorName: i.name,
        periodText,
      };
      if (rows.length === 0) rows.push({ ...base, ...EXAMPLE, example: true });
      rows.push(base);
    }
  }
  const bytes = await buildFiguresTemplate({ instruction: uploadTexts.templateInstruction(period), rows });
  return {
    bytes,
    fileName: uploadTexts.templateFileName(owner.code, period),
    period,
    name: owner.name,
    units: reporting,
  };
}
