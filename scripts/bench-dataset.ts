/**
 * A generated national-size dataset for `npm run bench` (docs/PERFORMANCE.md): 34
 * provinces, 3,321 communes, 500 departments, 6 indicators × 12 months of figures, 200,000
 * dossiers. Deterministic (seeded), so two runs measure the same work.
 *
 * Directives: one national directive whose milestones bind by tier (4 deadlines × 3 tiers × 6
 * indicators), plus each province's own directive binding its units through a group listing
 * them (2 deadlines × 6 indicators) — what a national deployment hosting every province holds.
 */
import type { Directive, DirectiveInput } from "../src/domain/directive/schema.js";
import { parseDirective } from "../src/domain/registry.js";
import type { Figures } from "../src/domain/evaluation/index.js";

export const PROVINCES = 34;
export const COMMUNES = 3_321;
export const DEPARTMENTS = 500;
export const MONTHS = [
  "2025-12",
  "2026-01",
  "2026-02",
  "2026-03",
  "2026-04",
  "2026-05",
  "2026-06",
  "2026-07",
  "2026-08",
  "2026-09",
  "2026-10",
  "2026-11",
];
export const INDICATORS = [
  "hs-truc-tuyen",
  "thanh-toan-truc-tuyen",
  "so-hoa-ho-so",
  "tai-su-dung-du-lieu",
  "dung-han",
  "hai-long",
];
export const DOSSIERS = 200_000;

export interface BenchUnit {
  code: string;
  name: string;
  tier: "tinh" | "so" | "xa";
  parentCode: string | null;
  province: number;
}

/** mulberry32: small, fast, good enough to spread figures. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pad = (n: number, w: number): string => String(n).padStart(w, "0");
/** `count` split over the provinces as evenly as integers allow. */
const share = (count: number, p: number): number => Math.floor(count / PROVINCES) + (p < count % PROVINCES ? 1 : 0);

export function nationalUnits(): BenchUnit[] {
  const units: BenchUnit[] = [];
  for (let p = 0; p < PROVINCES; p++) {
    const prov = `T${pad(p + 1, 2)}`;
    units.push({ code: prov, name: `UBND tỉnh số ${p + 1}`, tier: "tinh", parentCode: null, province: p });
    for (let d = 0; d < share(DEPARTMENTS, p); d++) {
      units.push({
        code: `${prov}-S${pad(d + 1, 2)}`,
        name: `Sở số ${d + 1} tỉnh ${p + 1}`,
        tier: "so",
        parentCode: prov,
        province: p,
      });
    }
    for (let c = 0; c < share(COMMUNES, p); c++) {
      units.push({
        code: `${prov}-X${pad(c + 1, 3)}`,
        name: `Xã số ${c + 1} tỉnh ${p + 1}`,
        tier: "xa",
        parentCode: prov,
        province: p,
      });
    }
  }
  return units;
}

const TIERS = [
  { code: "tinh", name: "UBND tỉnh" },
  { code: "so", name: "Sở, ban, ngành" },
  { code: "xa", name: "UBND cấp xã" },
];
const indicators = INDICATORS.map((code, i) => ({
  code,
  name: `Chỉ tiêu ${code}`,
  numerator: "Số đạt",
  denominator: "Tổng số",
  default: i === 0,
}));

export function nationalDirectiveInputs(units: readonly BenchUnit[]): DirectiveInput[] {
  const national: DirectiveInput = {
    id: "quoc-gia-2026",
    number: "01/QĐ-TTg",
    kind: "quyet-dinh",
    issuer: "Thủ tướng Chính phủ",
    national: true,
    issuedOn: "05/01/2026",
    title: "Chỉ tiêu dịch vụ công trực tuyến 2026",
    tiers: TIERS,
    indicators,
    milestones: INDICATORS.flatMap((indicator) =>
      ["so", "xa", "tinh"].flatMap((tier, t) =>
        ["31/03/2026", "30/06/2026", "30/09/2026", "31/12/2026"].map((deadline, k) => ({
          indicator,
          scope: { tiers: [tier] },
          deadline,
          target: 50 + 10 * k + 2 * t,
          comparison: "atLeast" as const,
        })),
      ),
    ),
  };
  const provinces: DirectiveInput[] = [];
  for (let p = 0; p < PROVINCES; p++) {
    const mine = units.filter((u) => u.province === p && u.tier !== "tinh").map((u) => u.code);
    const group = `nhom-t${pad(p + 1, 2)}`;
    provinces.push({
      id: `tinh-${pad(p + 1, 2)}-2026`,
      number: `${p + 1}/KH-UBND`,
      kind: "ke-hoach",
      issuer: `UBND tỉnh số ${p + 1}`,
      issuingUnit: `T${pad(p + 1, 2)}`,
      issuedOn: "15/01/2026",
      title: "Kế hoạch chuyển đổi số 2026",
      tiers: TIERS,
      indicators,
      groups: [{ code: group, tier: "xa", name: `Đơn vị tỉnh ${p + 1}`, units: mine }],
      milestones: INDICATORS.flatMap((indicator) =>
        ["30/06/2026", "31/12/2026"].map((deadline, k) => ({
          indicator,
          scope: { groups: [group] },
          deadline,
          target: 70 + 15 * k,
          comparison: "atLeast" as const,
        })),
      ),
    });
  }
  return [national, ...provinces];
}

export function nationalDirectives(units: readonly BenchUnit[]): Directive[] {
  return nationalDirectiveInputs(units).map((d) => parseDirective(d));
}

export interface BenchFigure {
  unitCode: string;
  indicatorCode: string;
  period: string;
  figures: Figures;
}

/** Every unit × indicator × month; about 4% of them not reported (absent). */
export function* nationalFigures(units: readonly BenchUnit[], seed = 7): Generator<BenchFigure> {
  const r = rng(seed);
  for (const u of units) {
    for (const indicatorCode of INDICATORS) {
      for (const period of MONTHS) {
        if (r() < 0.04) continue;
        const denominator = Math.floor(r() * 400);
        const numerator = Math.min(denominator, Math.floor(denominator * (0.4 + 0.6 * r())));
        yield { unitCode: u.code, indicatorCode, period, figures: { numerator, denominator } };
      }
    }
  }
}

export interface BenchDossier {
  code: string;
  unitCode: string;
  status: string;
  receivedAt: string;
  dueAt: string;
  finishedAt: string | null;
}

export function* nationalDossiers(units: readonly BenchUnit[], seed = 11): Generator<BenchDossier> {
  const r = rng(seed);
  const handling = units.filter((u) => u.tier !== "tinh");
  const STATUSES = ["dang-xu-ly", "da-tra-ket-qua", "cho-bo-sung", "qua-han"];
  for (let i = 0; i < DOSSIERS; i++) {
    const u = handling[Math.floor(r() * handling.length)] ?? handling[0];
    if (!u) throw new Error("no units");
    const day = 1 + Math.floor(r() * 28);
    const month = MONTHS[Math.floor(r() * MONTHS.length)] ?? "2026-11";
    const status = STATUSES[Math.floor(r() * STATUSES.length)] ?? "dang-xu-ly";
    yield {
      code: `H${pad(u.province + 1, 2)}.${pad(i, 7)}`,
      unitCode: u.code,
      status,
      receivedAt: `${month}-${pad(day, 2)}T08:00`,
      dueAt: `${month}-${pad(Math.min(28, day + 7), 2)}T17:00`,
      finishedAt: status === "da-tra-ket-qua" ? `${month}-${pad(Math.min(28, day + 5), 2)}T16:00` : null,
    };
  }
}
