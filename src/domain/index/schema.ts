/**
 * The scored-index file format (docs/INDEX.md): an index such as QĐ 766/QĐ-TTg's "Bộ chỉ số chỉ
 * đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp" as data beside the
 * directives — groups, components with their points, the target at which full points are earned
 * and the scoring rule the text gives. Strict objects (a typo is an error, not a dropped field),
 * Vietnamese messages with the field's path (src/domain/directive/problems.ts). Cross-field rules
 * (group sums, the total, indicator meanings) live in `validateIndex.ts`.
 *
 * Pure: zod only, no I/O.
 */
import { z } from "zod";
import { codeSchema, daySchema, indicatorSchema, tierSchema, type Indicator } from "../directive/schema.js";

/** Points with at most two decimals (the texts give whole points; guidance may halve them). */
export const pointsSchema = z
  .number()
  .gt(0, "số điểm phải lớn hơn 0")
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, { message: "số điểm tối đa hai chữ số thập phân" });

/** A percentage 0–100 with at most two decimals: a target, a floor or a threshold. */
export const percentSchema = z
  .number()
  .min(0, "tỷ lệ không được âm")
  .lte(100, "tỷ lệ không thể vượt 100%")
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, { message: "tỷ lệ tối đa hai chữ số thập phân" });

/**
 * What a month with no items (denominator 0: no petitions, no dossiers) earns. Absent: the
 * component has no data that month and is not counted, as the evaluation's "no-data". The
 * national portal gives full points to a unit with no petitions and 0 to one with no dossiers
 * (docs/INDEX.md), so a file can say which.
 */
export const noItemsSchema = z.enum(["full", "zero"], { error: 'noItems phải là "full" hoặc "zero"' });

/**
 * How a component's ratio becomes points (docs/INDEX.md "Cách tính điểm"):
 * - `linear`: max × ratio ÷ target, capped at max; with `floor`, 0 below the floor and
 *   max × (ratio − floor) ÷ (target − floor) from it.
 * - `thresholds`: the points of the highest step reached (`atLeast` a percentage); below
 *   every step, 0. The last step's points are the maximum and its `atLeast` the target.
 * - `allOrNothing`: max at or above the target, else 0.
 */
export const scoringRuleSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      kind: z.literal("linear"),
      floor: percentSchema.optional(),
      noItems: noItemsSchema.optional(),
      text: z.string().optional(),
    }),
    z.strictObject({
      kind: z.literal("thresholds"),
      steps: z
        .array(
          z.strictObject({
            atLeast: percentSchema,
            points: z
              .number()
              .min(0, "số điểm không được âm")
              .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, {
                message: "số điểm tối đa hai chữ số thập phân",
              }),
          }),
        )
        .min(1, "cần ít nhất một bậc (steps)"),
      noItems: noItemsSchema.optional(),
      text: z.string().optional(),
    }),
    z.strictObject({
      kind: z.literal("allOrNothing"),
      noItems: noItemsSchema.optional(),
      text: z.string().optional(),
    }),
  ],
  { error: 'cách tính (rule.kind) phải là "linear", "thresholds" hoặc "allOrNothing"' },
);
export type ScoringRule = z.infer<typeof scoringRuleSchema>;

/**
 * What the unit does to move the figure, for "what gains the most": "thêm 12 hồ sơ trực tuyến",
 * "số hoá 30 kết quả". `verb` defaults to "thêm", `items` to the indicator's item word.
 */
export const gainWordsSchema = z.strictObject({
  verb: z.string().min(1).default("thêm"),
  items: z.string().min(1).optional(),
});

export const indexGroupSchema = z.strictObject({
  code: codeSchema,
  name: z.string().min(1),
  maxPoints: pointsSchema,
  source: z.string().optional(),
});
export type IndexGroup = z.infer<typeof indexGroupSchema>;

const componentObjectSchema = z.strictObject({
  code: codeSchema,
  name: z.string().min(1),
  group: codeSchema,
  /**
   * The three facts scoring needs. A text may give only some of them (the points but not the
   * rule, the rule but not the points): the missing ones are left out — never guessed — and
   * `unknown` says what no text found gives; the component is then listed, reported and shown,
   * but not scored (docs/INDEX.md "Thành phần chưa chấm được").
   */
  /** 0: tracked only — reported and shown, never scored (the portal's petition classification). */
  maxPoints: z
    .number()
    .min(0, "số điểm không được âm")
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, { message: "số điểm tối đa hai chữ số thập phân" })
    .optional(),
  /** The percentage at which full points are earned (for `thresholds`: the last step's). */
  target: percentSchema.refine((n) => n > 0, { message: "chỉ tiêu phải lớn hơn 0%" }).optional(),
  rule: scoringRuleSchema.optional(),
  unknown: z.string().min(1).optional(),
  /**
   * The registry indicator it reads, or one the index defines in `indicators`. Default: the
   * component's own code, so a unit reports the component by the code it sees (`/nop <mã> a b`).
   */
  indicator: codeSchema.optional(),
  gain: gainWordsSchema.optional(),
  /** Where the component, its points and its target are written (document, clause, URL). */
  source: z.string().min(1, "cần nêu nguồn (source) của thành phần"),
  /** What the bot cannot compute (e.g. read from the national portal) and how a unit reports it. */
  note: z.string().optional(),
});
export type IndexComponent = z.infer<typeof indexComponentSchema>;

export const indexComponentSchema = componentObjectSchema.transform((c) => ({
  ...c,
  indicator: c.indicator ?? c.code,
}));

/** A component whose points, target and rule are all known: the only kind that is scored. */
export type ScorableComponent = IndexComponent & { maxPoints: number; target: number; rule: ScoringRule };

export function isScorable(c: IndexComponent): c is ScorableComponent {
  return c.maxPoints !== undefined && c.maxPoints > 0 && c.target !== undefined && c.rule !== undefined;
}

/** A component of 0 points: its figure is tracked, but it is neither scored nor "unscorable". */
export function isTracked(c: IndexComponent): boolean {
  return c.maxPoints === 0;
}

/** Named bands of the total. `source` says whether the text gives them or only practice does. */
export const indexBandsSchema = z.strictObject({
  source: z.enum(["text", "practice"]),
  citation: z.string().min(1, "cần nêu văn bản hoặc thực tiễn đặt ra các mức xếp loại (citation)"),
  /** From the highest: a total ≥ `from` points is in the band. */
  bands: z
    .array(
      z.strictObject({
        code: codeSchema,
        name: z.string().min(1),
        from: z.number().min(0),
        /** The colour level charts paint it with (dondoc's xanh/vàng/cam/đỏ palette). */
        level: z.enum(["xanh", "vang", "cam", "do"]).optional(),
      }),
    )
    .min(1, "cần ít nhất một mức xếp loại"),
});
export type IndexBands = z.infer<typeof indexBandsSchema>;

/** Later guidance that changed a component or a target: the file follows the later text. */
export const indexNoteSchema = z.strictObject({
  text: z.string().min(1),
  source: z.string().min(1, "cần nêu văn bản hướng dẫn (source)"),
  components: z.array(codeSchema).default([]),
});
export type IndexNote = z.infer<typeof indexNoteSchema>;

/** Which units the index scores: tiers of the deployment's unit lists (like directive scopes). */
export const appliesToSchema = z.strictObject({
  tiers: z.array(codeSchema).min(1, "phải nêu ít nhất một cấp đơn vị (tiers)"),
  label: z.string().optional(),
});

export const indexSchema = z.strictObject({
  /** Slug unique in a deployment: `qd-766-ttg-2022`. */
  code: codeSchema,
  name: z.string().min(1),
  /** "766/QĐ-TTg". */
  number: z.string().min(1),
  issuer: z.string().min(1),
  issuedOn: daySchema,
  /** The first day its scores speak; default `issuedOn`. */
  validFrom: daySchema.optional(),
  /** The last day, when a later text ends it. */
  validTo: daySchema.optional(),
  /** Where the text was read (URL or document), cited in docs/INDEX.md. */
  source: z.string().min(1, "cần nêu nguồn văn bản (source)"),
  totalMaxPoints: pointsSchema,
  tiers: z.array(tierSchema).min(1, "phải có ít nhất một cấp đơn vị"),
  appliesTo: appliesToSchema,
  /** Ratios the index defines itself; they join the registry with this meaning. */
  indicators: z.array(indicatorSchema).default([]),
  groups: z.array(indexGroupSchema).min(1, "phải có ít nhất một nhóm chỉ số"),
  components: z.array(indexComponentSchema).min(1, "phải có ít nhất một thành phần"),
  bands: indexBandsSchema.optional(),
  notes: z.array(indexNoteSchema).default([]),
});
export type IndexInput = z.input<typeof indexSchema>;
/** An index as its file says it, before the registry settles its indicators. */
export type ParsedIndex = z.infer<typeof indexSchema>;
/**
 * An index with every component's indicator settled by the registry: `indicators` holds one entry
 * per indicator its components read (registry meaning and name), in component order.
 */
export type ScoredIndex = Omit<ParsedIndex, "indicators"> & { indicators: Indicator[] };
