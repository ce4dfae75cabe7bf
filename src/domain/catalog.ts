/**
 * What a deployment knows at a moment: its unit tree and the directives loaded into it.
 * Pure and immutable — rebuilt from the database whenever an administrator loads a file.
 */
import type { IsoDate } from "./directive/dates.js";
import type { Directive, Indicator } from "./directive/schema.js";
import { validityOn } from "./directive/validity.js";
import type { LetterheadInput } from "./letterheadSchema.js";
import { createEvaluator, type Evaluator } from "./evaluation/evaluator.js";
import { scopeBindsUnit, type EvaluationUnit } from "./evaluation/milestones.js";
import { normalizeForSearch } from "./text.js";
import { indexAppliesTo } from "./index/applies.js";
import type { ScoredIndex } from "./index/schema.js";

/**
 * The indicator with this exact code. Every directive holds the registry's meaning and name for
 * it (src/domain/registry.ts), so the first one found is as good as any.
 */
export function indicatorByCode(directives: readonly Directive[], code: string): Indicator | undefined {
  for (const d of directives) {
    const found = d.indicators.find((i) => i.code === code);
    if (found) return found;
  }
  return undefined;
}

export type CatalogUnit = {
  code: string;
  name: string;
  tier: string;
  parentCode: string | null;
  /** A one-stop centre: its dossiers are its departments', never added to theirs in a roll-up. */
  oneStop?: boolean;
  /** What the unit list says of its letterhead; the rest is derived (letterhead.ts). */
  letterhead?: LetterheadInput;
};

export class Catalog {
  private readonly byCode = new Map<string, CatalogUnit>();
  private readonly children = new Map<string, CatalogUnit[]>();
  /** The engine for these directives: what binds each unit is worked out once per catalog. */
  readonly evaluator: Evaluator;

  constructor(
    readonly units: readonly CatalogUnit[],
    readonly directives: readonly Directive[],
    /** Scored indices (docs/INDEX.md): their component indicators are reported like any other. */
    readonly indices: readonly ScoredIndex[] = [],
  ) {
    this.evaluator = createEvaluator(directives);
    for (const u of units) this.byCode.set(u.code, u);
    for (const u of units) {
      if (!u.parentCode) continue;
      const list = this.children.get(u.parentCode) ?? [];
      list.push(u);
      this.children.set(u.parentCode, list);
    }
  }

  unit(code: string): CatalogUnit | undefined {
    return this.byCode.get(code);
  }

  /** Looks a code up case-insensitively: officers type "bk-px-ducxuan" as often as not. */
  findUnitCode(text: string): CatalogUnit | undefined {
    const t = text.trim();
    return this.byCode.get(t) ?? this.units.find((u) => u.code.toLowerCase() === t.toLowerCase());
  }

  childrenOf(code: string): CatalogUnit[] {
    return this.children.get(code) ?? [];
  }

  /** Every unit below `code` (not itself), depth first. */
  descendants(code: string): CatalogUnit[] {
    const out: CatalogUnit[] = [];
    const walk = (c: string) => {
      for (const child of this.childrenOf(c)) {
        out.push(child);
        walk(child.code);
      }
    };
    walk(code);
    return out;
  }

  /** Diacritics-insensitive search on name and code: "duc xuan" finds "Phường Đức Xuân". */
  search(query: string): CatalogUnit[] {
    const words = normalizeForSearch(query).split(" ").filter(Boolean);
    if (words.length === 0) return [...this.units];
    return this.units.filter((u) => {
      const hay = `${normalizeForSearch(u.name)} ${u.code.toLowerCase()}`;
      return words.every((w) => hay.includes(w));
    });
  }

  /** Codes above the unit, parent first: what jurisdiction is decided on. */
  ancestorsOf(code: string): string[] {
    const out: string[] = [];
    const seen = new Set<string>([code]);
    for (
      let p = this.byCode.get(code)?.parentCode ?? null;
      p !== null && !seen.has(p);
      p = this.byCode.get(p)?.parentCode ?? null
    ) {
      out.push(p);
      seen.add(p);
    }
    return out;
  }

  private readonly placed = new Map<string, EvaluationUnit>();

  /** The unit as the engine sees it, one object per unit so the engine's caches are reused. */
  evaluationUnit(unit: CatalogUnit): EvaluationUnit {
    let eu = this.placed.get(unit.code);
    if (!eu || eu.tier !== unit.tier)
      this.placed.set(unit.code, (eu = { code: unit.code, tier: unit.tier, ancestors: this.ancestorsOf(unit.code) }));
    return eu;
  }

  /**
   * Directives with a milestone or task whose scope binds this unit inside the directive's
   * jurisdiction; on `asOf`, only those in force that day.
   */
  bindingDirectives(unit: CatalogUnit, asOf?: IsoDate): Directive[] {
    const eu = this.evaluationUnit(unit);
    return this.directives.filter(
      (d) =>
        (asOf === undefined || validityOn(d, asOf, this.directives) === "in-force") &&
        (d.milestones.some((m) => scopeBindsUnit(m.scope, eu, d)) ||
          d.tasks.some(
            (t) => scopeBindsUnit(t.lead, eu, d) || (t.cooperating ? scopeBindsUnit(t.cooperating, eu, d) : false),
          )),
    );
  }

  /**
   * Indicators this unit has milestones for, across directives, one per code. Without `asOf`:
   * every one it may report (a lapsed target still takes figures), and the components of the
   * scored indices that score it. With `asOf`: only those with a target in force or still to
   * come that day — what reminders and digests chase.
   */
  indicatorsFor(unit: CatalogUnit, asOf?: IsoDate): Indicator[] {
    if (asOf === undefined) {
      // Every `/nop` asks this (plan.ts), and the answer depends only on the unit's place, which
      // `evaluationUnit` keys by code and tier: kept per catalog, a copy handed out.
      const known = this.reportable.get(unit.code);
      if (known && known.tier === unit.tier) return [...known.list];
      const list = this.indicatorsOf(unit);
      this.reportable.set(unit.code, { tier: unit.tier, list });
      return [...list];
    }
    return this.indicatorsOf(unit, asOf);
  }

  private readonly reportable = new Map<string, { tier: string; list: readonly Indicator[] }>();

  private indicatorsOf(unit: CatalogUnit, asOf?: IsoDate): Indicator[] {
    const eu = this.evaluationUnit(unit);
    const seen = new Map<string, Indicator>();
    for (const d of this.directives) {
      for (const ind of d.indicators) {
        if (seen.has(ind.code)) continue;
        if (!d.milestones.some((m) => m.indicator === ind.code && scopeBindsUnit(m.scope, eu, d))) continue;
        if (asOf !== undefined && !this.hasLiveTarget(eu, ind.code, asOf)) continue;
        seen.set(ind.code, ind);
      }
    }
    // A component of a scored index that scores this unit is reported like a target's indicator
    // (`/nop <mã> a b`, the guided /nop, /mau, uploads). It has no directive target to chase, so
    // with `asOf` — reminders, digests — it is left out: nineteen QĐ 766 figures would otherwise
    // join every morning reminder (docs/INDEX.md).
    if (asOf === undefined) {
      for (const index of this.indicesFor(unit)) {
        for (const ind of index.indicators) if (!seen.has(ind.code)) seen.set(ind.code, ind);
      }
    }
    return [...seen.values()];
  }

  /** The code is read only by scored indices' components, by no directive. */
  isIndexOnly(code: string): boolean {
    return (
      indicatorByCode(this.directives, code) === undefined &&
      this.indices.some((i) => i.indicators.some((x) => x.code === code))
    );
  }

  /** The scored indices that score this unit (on `asOf`, when given). */
  indicesFor(unit: CatalogUnit, asOf?: IsoDate): ScoredIndex[] {
    return this.indices.filter((index) => indexAppliesTo(index, unit, asOf));
  }

  /** A milestone for this unit and indicator is in force on `asOf` or still to come. */
  private hasLiveTarget(eu: EvaluationUnit, indicatorCode: string, asOf: IsoDate): boolean {
    for (const b of this.evaluator.bindingMilestones(eu, indicatorCode)) {
      if (asOf >= b.from && (b.until === null || asOf <= b.until)) return true;
    }
    return false;
  }

  /**
   * The indicator `/nop <tổng> <trực tuyến>` reports: the one marked default among those with a
   * live target on `asOf` (if given), else among all the unit may report, else the first.
   */
  defaultIndicator(unit: CatalogUnit, asOf?: IsoDate): Indicator | undefined {
    const live = asOf === undefined ? [] : this.indicatorsFor(unit, asOf);
    const list = live.length > 0 ? live : this.indicatorsFor(unit);
    // Never a scored index's component: a figure sent without a code means a directive's.
    return list.find((i) => i.default) ?? list.find((i) => !this.isIndexOnly(i.code));
  }

  indicator(code: string): Indicator | undefined {
    return (
      indicatorByCode(this.directives, code) ??
      this.indices.flatMap((index) => index.indicators).find((i) => i.code === code)
    );
  }
}
