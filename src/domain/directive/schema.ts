/**
 * The directive file format (YAML or JSON) — "configuration as code" (docs/DIRECTIVES.md).
 * Every directive preset in `directives/` is validated by this schema; errors carry the
 * path of the bad field (see `formatDirectiveIssues`). Cross-field rules (references to
 * tiers, groups, indicators; duplicate codes) live in `validateDirective.ts`.
 *
 * Objects are strict (unknown keys rejected) so that a typo such as `deadine:` is an error
 * rather than a silently dropped field.
 *
 * This module is pure: zod only, no I/O.
 */
import { z } from "zod";
import { endOfMonth, isValidIsoDate, parseViDate, type IsoDate } from "./dates.js";
import { letterheadSchema } from "../letterheadSchema.js";

/** Codes are ASCII slugs so they can be typed on a phone: `so-ban-nganh`, `hs-truc-tuyen`. */
export const codeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "mã chỉ gồm chữ không dấu, số, '.', '_' hoặc '-'");

/**
 * A milestone deadline: a day ("30/09/2023", "2023-09-30") or a month ("tháng 11/2023",
 * "11/2023", "2023-11"), the latter meaning the last day of that month (docs/DIRECTIVES.md).
 */
export const deadlineSchema = z.string().transform((text, ctx) => {
  const parsed = parseDeadline(text);
  if (!parsed) {
    ctx.addIssue({
      code: "custom",
      message: `ngày không hợp lệ "${text}" (dùng dd/mm/yyyy hoặc "tháng mm/yyyy")`,
    });
    return z.NEVER;
  }
  return parsed;
});
export type Deadline = { date: IsoDate; precision: "day" | "month"; text: string };

export function parseDeadline(raw: string): Deadline | null {
  const text = raw.trim();
  const day = parseViDate(text);
  if (day) return { date: day, precision: "day", text };
  const m = /^(?:th[aá]ng\s+)?(\d{1,2})[/-](\d{4})$/i.exec(text) ?? /^(\d{4})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month] =
    text.includes("-") && /^\d{4}-/.test(text) ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
  if (month < 1 || month > 12) return null;
  return { date: endOfMonth(year, month), precision: "month", text };
}

/** `2023-11` with a real month (01–12): `2023-13` is a typo, not the first month of 2024. */
export function isValidIsoMonth(text: string): boolean {
  const m = /^\d{4}-(\d{2})$/.exec(text);
  const month = m ? Number(m[1]) : 0;
  return month >= 1 && month <= 12;
}

/** A month field (task deadlines, peak weeks): `yyyy-mm`, checked here and only here. */
export const isoMonthSchema = z.string().refine(isValidIsoMonth, {
  error: (issue) => `tháng "${String(issue.input)}" không hợp lệ (dùng yyyy-mm, tháng từ 01 đến 12, ví dụ 2023-09)`,
});

/** A date field of the directive's identity or a task: a day only. */
export const daySchema = z
  .string()
  .refine((s) => parseViDate(s) !== null, {
    message: "ngày không hợp lệ (dùng dd/mm/yyyy hoặc yyyy-mm-dd)",
  })
  .transform((s) => parseViDate(s) as IsoDate);

/**
 * Which units a milestone or task addresses. At least one list must be non-empty.
 * `tiers` are codes from the directive's `tiers`, `groups` from its `groups`, `units` are
 * unit codes of the unit list.
 */
export const scopeSchema = z
  .strictObject({
    tiers: z.array(codeSchema).default([]),
    groups: z.array(codeSchema).default([]),
    units: z.array(codeSchema).default([]),
    /** The words of the seed, e.g. "Các phòng chuyên môn UBND thành phố; UBND xã, phường". */
    label: z.string().optional(),
  })
  .refine((s) => s.tiers.length + s.groups.length + s.units.length > 0, {
    message: "phạm vi phải nêu ít nhất một cấp (tiers), nhóm (groups) hoặc đơn vị (units)",
  });
export type Scope = z.infer<typeof scopeSchema>;

/**
 * `atLeast` = "Tối thiểu", "ít nhất" (ratio ≥ target); `moreThan` = "trên" (ratio > target);
 * `reach` = "Đạt 100%" (ratio ≥ target); `aspiration` = "Phấn đấu" — a goal, never a failure.
 */
export const comparisonSchema = z.enum(["atLeast", "moreThan", "reach", "aspiration"]);
export type Comparison = z.infer<typeof comparisonSchema>;

/** Targets are percentages with at most two decimals, 0 < target ≤ 100. */
export const targetSchema = z
  .number()
  .gt(0, "chỉ tiêu phải lớn hơn 0%")
  .lte(100, "chỉ tiêu không thể vượt 100%")
  .refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, {
    message: "chỉ tiêu tối đa hai chữ số thập phân",
  });

/**
 * Which period of figures a milestone measures ("mục tiêu năm 2022" measures 2022's figures,
 * "đến tháng 11/2023" the figures up to then). Without it, see docs/DIRECTIVES.md "Hiệu lực":
 * a directive's last milestone stays in force to the end of its deadline's year.
 */
export const measuresSchema = z
  .strictObject({ from: isoMonthSchema.optional(), to: isoMonthSchema, text: z.string().optional() })
  .refine((m) => m.from === undefined || m.from <= m.to, { message: "kỳ đo: tháng bắt đầu muộn hơn tháng kết thúc" });
export type Measures = z.infer<typeof measuresSchema>;

export const milestoneSchema = z.strictObject({
  indicator: codeSchema,
  scope: scopeSchema,
  deadline: deadlineSchema,
  /**
   * A percentage (ratio indicators, checked by `targetSchema` in validateDirective) or a
   * number of items (count indicators: "tối thiểu 05 bộ dữ liệu mở").
   */
  target: z.number().gt(0, "chỉ tiêu phải lớn hơn 0"),
  comparison: comparisonSchema,
  measures: measuresSchema.optional(),
  /** Free note, e.g. the choice made where the seed is ambiguous. */
  note: z.string().optional(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

/**
 * `ratio`: numerator ÷ denominator against a percentage; `count`: a number of items against a
 * number ("tối thiểu 05 bộ dữ liệu mở mỗi năm") — reported as one figure, no denominator.
 */
export const indicatorKindSchema = z.enum(["ratio", "count"]);
export type IndicatorKind = z.infer<typeof indicatorKindSchema>;

/**
 * An indicator as a directive states it. Its meaning (numerator, denominator, kind) is the
 * deployment's indicator registry's (`directives/indicators.yaml`, src/domain/registry.ts):
 * a directive that states them must agree with the registry, and may keep its own wording in
 * `name` and `formula`.
 */
export const indicatorSchema = z.strictObject({
  code: codeSchema,
  name: z.string().min(1),
  /** Short label used in chat: "hồ sơ trực tuyến". */
  shortName: z.string().min(1).optional(),
  kind: indicatorKindSchema.default("ratio"),
  /** Required when the code is new to the registry; otherwise copied from it. */
  numerator: z.string().min(1).optional(),
  denominator: z.string().min(1).optional(),
  /** Unit word for the numerator in "cần thêm 12 hồ sơ" — "hồ sơ", "TTHC", "giao dịch". */
  itemWord: z.string().min(1).optional(),
  formula: z.string().optional(),
  responsible: z.string().optional(),
  /** The indicator `/nop <tổng> <trực tuyến>` reports when no code is given. */
  default: z.boolean().default(false),
});
export type DirectiveIndicator = z.infer<typeof indicatorSchema>;

/**
 * An indicator with its meaning settled by the registry (src/domain/registry.ts): `name` is the
 * registry's (the one every unit sees), `wording` the directive's own name for it.
 */
export type Indicator = Omit<DirectiveIndicator, "numerator" | "denominator" | "itemWord"> & {
  numerator: string;
  /** Absent for counts. */
  denominator?: string;
  itemWord: string;
  wording: string;
};

export const tierSchema = z.strictObject({ code: codeSchema, name: z.string().min(1) });
export const groupSchema = z.strictObject({
  code: codeSchema,
  tier: codeSchema,
  name: z.string().min(1),
  units: z.array(codeSchema).min(1, "nhóm phải có ít nhất một đơn vị"),
});

/**
 * Task deadlines (docs/DIRECTIVES.md): a date, a month, a month range, a year range or a recurrence,
 * stated explicitly; `text` keeps the seed's own words ("Tháng 9-10/2022", "Thường xuyên").
 */
export const taskDeadlineObjectSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("date"), date: daySchema, text: z.string().optional() }),
  z.strictObject({ kind: z.literal("month"), month: isoMonthSchema, text: z.string().optional() }),
  z.strictObject({
    kind: z.literal("monthRange"),
    from: isoMonthSchema,
    to: isoMonthSchema,
    text: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal("yearRange"),
    from: z.number().int(),
    to: z.number().int(),
    text: z.string().optional(),
  }),
  /**
   * "Từ ngày 01/12/2023 …": a continuous duty that starts on a date (seed 002 mục 3 số hoá,
   * 003 "từ 01/12/2023", 004 II.7) — not a deadline that is done once ticked.
   */
  z.strictObject({ kind: z.literal("from"), date: daySchema, text: z.string().optional() }),
  z.strictObject({
    kind: z.literal("recurring"),
    /** continuous = "Thường xuyên"; monthly = "định kỳ hằng tháng" (no day: due at month end,
     *  seed 000 §2b/§3c, 003 §7.1); yearly = "Hàng năm"; monthlyBeforeDay = "trước ngày 25 hằng tháng";
     *  firstWeekOfMonth = "tuần đầu mỗi tháng"; quarterly = "hằng quý". */
    rule: z.enum(["continuous", "monthly", "yearly", "monthlyBeforeDay", "firstWeekOfMonth", "quarterly"]),
    day: z.number().int().min(1).max(31).optional(),
    /** For yearly: the month/day it falls due, default 31/12. */
    month: z.number().int().min(1).max(12).optional(),
    /** The first month it is owed ("bắt đầu từ tháng 6 năm 2022", seed 002 mục 1): none before. */
    from: isoMonthSchema.optional(),
    text: z.string().optional(),
  }),
]);
export type TaskDeadline = z.infer<typeof taskDeadlineObjectSchema>;

export const taskSchema = z.strictObject({
  code: codeSchema,
  title: z.string().min(1),
  /** Lead units (đơn vị chủ trì). */
  lead: scopeSchema,
  cooperating: scopeSchema.optional(),
  /** Supervising unit (cơ quan đôn đốc), e.g. Bà Rịa's table. */
  supervisor: scopeSchema.optional(),
  expectedResult: z.string().optional(),
  deadline: taskDeadlineObjectSchema,
  note: z.string().optional(),
});
export type Task = z.infer<typeof taskSchema>;

/**
 * Colour levels. A unit whose ratio meets the target in force is xanh; otherwise the gap in
 * percentage points below the target picks vàng (≤ `vang`), cam (≤ `cam`) or đỏ.
 * Default 10 / 20 points: Long An names the four levels but not their bands (seed 002 §1g).
 */
export const levelsSchema = z
  .strictObject({ vang: z.number().min(0).max(100), cam: z.number().min(0).max(100) })
  .refine((l) => l.cam >= l.vang, { message: "ngưỡng cam phải lớn hơn hoặc bằng ngưỡng vàng" });
export const DEFAULT_LEVEL_BANDS = { vang: 10, cam: 20 } as const;

export const reportingSchema = z.strictObject({
  cadence: z.enum(["monthly", "quarterly", "weekly", "yearly"]),
  /** Day of month figures are due ("vào ngày 25 mỗi tháng"). */
  day: z.number().int().min(1).max(31).optional(),
  /** Yearly reports: the month they are due in (with `day`). */
  month: z.number().int().min(1).max(12).optional(),
  /**
   * Who owes the report (Long An mục 4.7a: "Thủ trưởng các sở, ngành, UBND các huyện…" — not
   * communes). Without it, every unit the directive binds owes it.
   */
  owedBy: scopeSchema.optional(),
  text: z.string().optional(),
});

/**
 * A target no figure can measure ("thuộc nhóm 4 nước dẫn đầu ASEAN"): kept with its words and
 * shown wherever the directive is shown, never dropped.
 */
export const commitmentSchema = z.strictObject({
  text: z.string().min(1),
  scope: scopeSchema.optional(),
  deadline: deadlineSchema.optional(),
  note: z.string().optional(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

/** "Được thay thế bởi …": the later directive (by id) and, if known, the day it takes over. */
export const replacedBySchema = z.strictObject({
  id: codeSchema,
  on: daySchema.optional(),
  text: z.string().optional(),
});

export const directiveSchema = z
  .strictObject({
    /** Slug unique in a deployment: `bac-ninh-10-ct-ubnd-2023`. */
    id: codeSchema,
    number: z.string().min(1),
    kind: z.enum(["chi-thi", "quyet-dinh", "ke-hoach", "cong-van"]),
    issuer: z.string().min(1),
    /**
     * Jurisdiction (docs/DIRECTIVES.md "Thẩm quyền"): the unit of the deployment's unit tree that
     * issued it — it binds only that unit's subtree — or `national: true` for a Thủ tướng,
     * Chính phủ or ministry document binding every unit of the deployment. Exactly one.
     */
    issuingUnit: codeSchema.optional(),
    national: z.boolean().default(false),
    issuedOn: daySchema,
    /** The day it takes effect; default `issuedOn`. It binds nothing before. */
    effectiveFrom: daySchema.optional(),
    /** The last day it binds, when the text says so. */
    effectiveUntil: daySchema.optional(),
    replacedBy: replacedBySchema.optional(),
    title: z.string().min(1),
    legalBasis: z.array(z.string().min(1)).default([]),
    source: z.string().optional(),
    /** Unit list file (relative to the directive file) the preset needs to be usable. */
    unitsFile: z.string().optional(),
    tiers: z.array(tierSchema).min(1, "phải có ít nhất một cấp đơn vị"),
    groups: z.array(groupSchema).default([]),
    indicators: z.array(indicatorSchema).default([]),
    milestones: z.array(milestoneSchema).default([]),
    tasks: z.array(taskSchema).default([]),
    commitments: z.array(commitmentSchema).default([]),
    /** Absent = dondoc's default bands, which the directive did not set (shown as such). */
    levels: levelsSchema.optional(),
    reporting: reportingSchema.optional(),
    /** Long An: the first week of every month is a peak week, from `from` (YYYY-MM). */
    peakWeek: z.strictObject({ from: isoMonthSchema, text: z.string().optional() }).optional(),
    notes: z.array(z.string()).default([]),
  })
  .refine((d) => (d.issuingUnit !== undefined) !== d.national, {
    message:
      "văn bản phải nêu đơn vị ban hành (issuingUnit: mã đơn vị trong danh sách đơn vị) hoặc national: true cho văn bản trung ương — đúng một trong hai",
    path: ["issuingUnit"],
  })
  .superRefine(checkTargets, { when: () => true });

/**
 * A milestone's target is a percentage for a ratio indicator and a whole number of items for a
 * count. It depends on the indicator's kind, so it is checked here, over the whole directive —
 * and also when another field is wrong (`when`), so one pass lists every problem. The value may
 * then be partly unparsed: read defensively.
 */
function checkTargets(d: { indicators?: unknown; milestones?: unknown }, ctx: z.RefinementCtx): void {
  const counts = new Set<string>();
  if (Array.isArray(d.indicators)) {
    for (const i of d.indicators as { code?: unknown; kind?: unknown }[])
      if (i?.kind === "count" && typeof i.code === "string") counts.add(i.code);
  }
  if (!Array.isArray(d.milestones)) return;
  (d.milestones as { indicator?: unknown; target?: unknown }[]).forEach((m, index) => {
    if (typeof m?.target !== "number") return;
    const path = ["milestones", index, "target"];
    if (typeof m.indicator === "string" && counts.has(m.indicator)) {
      if (!Number.isInteger(m.target))
        ctx.addIssue({ code: "custom", path, message: "chỉ tiêu đếm (count) phải là số nguyên" });
      return;
    }
    const ratio = targetSchema.safeParse(m.target);
    if (!ratio.success)
      ctx.addIssue({ code: "custom", path, message: ratio.error.issues[0]?.message ?? "chỉ tiêu không hợp lệ" });
  });
}
export type DirectiveInput = z.input<typeof directiveSchema>;
/** A directive as its file says it, before the registry settles its indicators. */
export type ParsedDirective = z.infer<typeof directiveSchema>;
export type Directive = Omit<ParsedDirective, "indicators"> & { indicators: Indicator[] };

/** One approver in a unit list: `{ telegramId: 123456789, name: Nguyễn Văn A, role: deputy }`. */
export const unitApproverSchema = z.strictObject({
  telegramId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  name: z.string().trim().min(2, "họ và tên người duyệt quá ngắn").max(100),
  /** head: thủ trưởng / chủ tịch; deputy: phó. */
  role: z.enum(["head", "deputy"]).default("deputy"),
});

/** A unit list file: `directives/units/*.yaml`. */
export const unitSchema = z.strictObject({
  code: codeSchema,
  name: z.string().min(1),
  tier: codeSchema,
  parent: codeSchema.nullable().default(null),
  /**
   * A one-stop centre (Trung tâm Hành chính công / Phục vụ hành chính công): the dossiers it
   * receives are the departments' dossiers, so a roll-up never adds it to them.
   */
  oneStop: z.boolean().default(false),
  /**
   * Who approves the unit's letters besides the registrar of its heads' chat (docs/DOSSIERS.md
   * "Ai được duyệt"). Given here, they are the list's: a reload replaces them.
   */
  approvers: z.array(unitApproverSchema).optional(),
  /** Agency name, abbreviation, place, parent agency, head's office on its letters (NĐ 30/2020); absent = derived. */
  letterhead: letterheadSchema.optional(),
});
export type Unit = z.infer<typeof unitSchema>;
export const unitListSchema = z.strictObject({
  name: z.string().min(1),
  units: z.array(unitSchema).min(1),
});
export type UnitList = z.infer<typeof unitListSchema>;

export { isValidIsoDate };
