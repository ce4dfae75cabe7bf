/**
 * A small deployment for the Mini App page's tests: province P with three communes and a
 * department, province Q with one commune (never visible from P), one directive each, figures for
 * October and November 2026, open tasks and overdue dossiers. The clock: 20/11/2026.
 */
import { saveDirective } from "../../src/db/repos/directives.js";
import type { DirectiveInput } from "../../src/domain/directive/schema.js";
import { parseDirective } from "../../src/domain/registry.js";
import { createLogger } from "../../src/logger.js";
import { createCatalogHolder } from "../../src/services/catalogHolder.js";
import type { AppDeps } from "../../src/services/context.js";
import type { TestDb } from "../helpers/db.js";

export const NOW = new Date("2026-11-20T09:00:00+07:00");
/** A unit name that must come out escaped in HTML. */
export const TRICKY_NAME = 'Xã <b>Hai</b> & "Co"';
export const APPLICANT = "Nguyễn Văn Bí Mật";

const UNITS = [
  { code: "P", name: "UBND tỉnh P", tier: "tinh", parentCode: null },
  { code: "P-X1", name: "Xã Một", tier: "xa", parentCode: "P" },
  { code: "P-X2", name: TRICKY_NAME, tier: "xa", parentCode: "P" },
  { code: "P-X3", name: "Xã Ba", tier: "xa", parentCode: "P" },
  { code: "P-S1", name: "Sở Một", tier: "so", parentCode: "P" },
  // No directive sets it a target: nothing to rank, no history to offer.
  { code: "P-K1", name: "Ban Không Chỉ Tiêu", tier: "khac", parentCode: "P" },
  { code: "Q", name: "UBND tỉnh Q", tier: "tinh", parentCode: null },
  { code: "Q-X1", name: "Xã Khác Tỉnh", tier: "xa", parentCode: "Q" },
];

const tiers = [
  { code: "tinh", name: "UBND tỉnh" },
  { code: "so", name: "Sở, ngành" },
  { code: "xa", name: "UBND cấp xã" },
];
const indicators = [
  {
    code: "hs-truc-tuyen",
    name: "Tỷ lệ hồ sơ trực tuyến",
    numerator: "Số hồ sơ trực tuyến",
    denominator: "Tổng số hồ sơ",
    default: true,
  },
  {
    code: "thanh-toan-truc-tuyen",
    name: "Tỷ lệ thanh toán trực tuyến",
    numerator: "Số giao dịch trực tuyến",
    denominator: "Tổng số giao dịch",
  },
];

function directive(province: "P" | "Q"): DirectiveInput {
  const m = (indicator: string, tier: string, deadline: string, target: number) => ({
    indicator,
    scope: { tiers: [tier] },
    deadline,
    target,
    comparison: "atLeast" as const,
  });
  return {
    id: `kh-${province.toLowerCase()}-2026`,
    number: `${province === "P" ? 10 : 20}/KH-UBND`,
    kind: "ke-hoach",
    issuer: `UBND tỉnh ${province}`,
    issuingUnit: province,
    issuedOn: "15/01/2026",
    title: "Kế hoạch chuyển đổi số 2026",
    tiers,
    indicators,
    milestones: [
      m("hs-truc-tuyen", "xa", "30/06/2026", 60),
      m("hs-truc-tuyen", "xa", "31/12/2026", 80),
      m("hs-truc-tuyen", "so", "30/06/2026", 70),
      m("hs-truc-tuyen", "so", "31/12/2026", 90),
      m("thanh-toan-truc-tuyen", "xa", "30/06/2026", 40),
    ],
    tasks: [
      {
        code: "ra-soat",
        title: "Rà soát thủ tục hành chính",
        lead: { tiers: ["xa"] },
        deadline: { kind: "date", date: "15/11/2026" },
      },
      {
        code: "bao-cao",
        title: "Báo cáo kết quả quý IV",
        lead: { tiers: ["xa"] },
        deadline: { kind: "date", date: "25/11/2026" },
      },
    ],
  };
}

/** [unit, indicator, period, numerator, denominator] */
const FIGURES: [string, string, string, number, number][] = [
  ["P-X1", "hs-truc-tuyen", "2026-10", 90, 100],
  ["P-X1", "hs-truc-tuyen", "2026-11", 50, 100],
  ["P-X2", "hs-truc-tuyen", "2026-10", 30, 100],
  ["P-X2", "hs-truc-tuyen", "2026-11", 30, 100],
  ["P-X3", "hs-truc-tuyen", "2026-10", 70, 100],
  ["P-S1", "hs-truc-tuyen", "2026-11", 95, 100],
  ["P-X1", "thanh-toan-truc-tuyen", "2026-11", 45, 100],
  ["P-X1", "hs-truc-tuyen", "2026-06", 40, 100],
  ["Q-X1", "hs-truc-tuyen", "2026-11", 10, 100],
];

/** Communes of P beyond the four named ones, with spread figures: the phone test's screenshots show a real-looking ranking. */
const COMMUNE_NAMES = [
  "Xã Đông Tiến",
  "Phường Đức Xuân",
  "Xã Nông Thượng",
  "Phường Sông Cầu",
  "Xã Dương Quang",
  "Xã Xuất Hóa",
  "Phường Huyền Tụng",
  "Xã Nam Cường",
  "Xã Kim Lư",
  "Phường Phùng Chí Kiên",
  "Xã Cao Kỳ",
  "Xã Hòa Mục",
];

function extraCommunes(n: number) {
  const units = COMMUNE_NAMES.slice(0, n).map((name, i) => ({
    code: `P-E${i + 1}`,
    name,
    tier: "xa",
    parentCode: "P",
  }));
  const figures: [string, string, string, number, number][] = units.flatMap((u, i) => [
    [u.code, "hs-truc-tuyen", "2026-10", 50 + ((i * 17) % 50), 100] as [string, string, string, number, number],
    [u.code, "hs-truc-tuyen", "2026-11", 35 + ((i * 23) % 64), 100] as [string, string, string, number, number],
    [u.code, "thanh-toan-truc-tuyen", "2026-11", 20 + ((i * 13) % 60), 100] as [string, string, string, number, number],
    ...["2026-06", "2026-07", "2026-08", "2026-09"].map(
      (p, k) =>
        [u.code, "hs-truc-tuyen", p, 30 + ((i * 7 + k * 9) % 60), 100] as [string, string, string, number, number],
    ),
  ]);
  return { units, figures };
}

export async function loadWorld(db: TestDb, o: { extraCommunes?: number } = {}): Promise<AppDeps> {
  const extra = extraCommunes(o.extraCommunes ?? 0);
  await db.prisma.unit.createMany({
    data: [...UNITS, ...extra.units].map((u) => ({ ...u, searchName: u.name.toLowerCase() })),
  });
  for (const p of ["P", "Q"] as const) {
    const input = directive(p);
    await saveDirective(db.prisma, parseDirective(input), JSON.stringify(input));
  }
  await db.prisma.figure.createMany({
    data: [...FIGURES, ...extra.figures].map(([unitCode, indicatorCode, period, numerator, denominator]) => ({
      unitCode,
      indicatorCode,
      period,
      numerator,
      denominator,
      source: "import",
    })),
  });
  const dossier = (code: string, unitCode: string, dueAt: string, status = "processing") => ({
    code,
    unitCode,
    status,
    dueAt,
    receivedAt: "2026-11-01T08:00",
    applicantName: APPLICANT,
  });
  await db.prisma.dossier.createMany({
    data: [
      dossier("H1", "P-X1", "2026-11-10T17:00"),
      dossier("H2", "P-X1", "2026-11-12T17:00"),
      dossier("H3", "P-X1", "2026-11-12T17:00", "done"),
      dossier("H4", "P-X1", "2026-12-30T17:00"),
      dossier("H5", TRICKY_CODE, "2026-11-05T17:00"),
      dossier("H6", "Q-X1", "2026-11-05T17:00"),
    ],
  });
  return {
    prisma: db.prisma,
    catalog: await createCatalogHolder(db.prisma),
    clock: { now: () => NOW },
    logger: createLogger("silent"),
    adminIds: [],
    kickDelivery: () => undefined,
  };
}
const TRICKY_CODE = "P-X2";

export const leaderOfP = { userId: 1n, kind: "leader" as const, chatId: -1n, rootUnitIds: ["P"], subtree: true };
export const headOfX1 = { userId: 2n, kind: "unitHead" as const, chatId: -2n, rootUnitIds: ["P-X1"], subtree: false };
