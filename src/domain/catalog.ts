/**
 * What a deployment knows at a moment: its unit tree and the directives loaded into it.
 * Pure and immutable — rebuilt from the database whenever an administrator loads a file.
 */
import type { Directive, Indicator } from "./directive/schema.js";
import { scopeBindsUnit, type EvaluationUnit } from "./evaluation/milestones.js";
import { normalizeForSearch } from "./text.js";

/** The indicator with this exact code, from the first directive that declares it. */
export function indicatorByCode(directives: readonly Directive[], code: string): Indicator | undefined {
  for (const d of directives) {
    const found = d.indicators.find((i) => i.code === code);
    if (found) return found;
  }
  return undefined;
}

export type CatalogUnit = { code: string; name: string; tier: string; parentCode: string | null };

export class Catalog {
  private readonly byCode = new Map<string, CatalogUnit>();
  private readonly children = new Map<string, CatalogUnit[]>();

  constructor(readonly units: readonly CatalogUnit[], readonly directives: readonly Directive[]) {
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

  evaluationUnit(unit: CatalogUnit): EvaluationUnit {
    return { code: unit.code, tier: unit.tier };
  }

  /** Directives with a milestone or task whose scope names this unit's tier, group or code. */
  bindingDirectives(unit: CatalogUnit): Directive[] {
    const eu = this.evaluationUnit(unit);
    return this.directives.filter((d) =>
      d.milestones.some((m) => scopeBindsUnit(m.scope, eu, d))
      || d.tasks.some((t) => scopeBindsUnit(t.lead, eu, d) || (t.cooperating ? scopeBindsUnit(t.cooperating, eu, d) : false)),
    );
  }

  /** Indicators this unit has milestones for, across directives, one per code (first directive wins). */
  indicatorsFor(unit: CatalogUnit): Indicator[] {
    const eu = this.evaluationUnit(unit);
    const seen = new Map<string, Indicator>();
    for (const d of this.directives) {
      for (const ind of d.indicators) {
        if (seen.has(ind.code)) continue;
        if (d.milestones.some((m) => m.indicator === ind.code && scopeBindsUnit(m.scope, eu, d))) seen.set(ind.code, ind);
      }
    }
    return [...seen.values()];
  }

  /** The indicator `/nop <tổng> <trực tuyến>` reports: the one marked default, else the first. */
  defaultIndicator(unit: CatalogUnit): Indicator | undefined {
    const list = this.indicatorsFor(unit);
    return list.find((i) => i.default) ?? list[0];
  }

  indicator(code: string): Indicator | undefined {
    return indicatorByCode(this.directives, code);
  }
}
