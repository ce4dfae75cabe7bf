/** Shapes produced by the evaluation engine (docs/DIRECTIVES.md). Pure data, JSON-serialisable. */
import type { Comparison } from "../directive/schema.js";
import type { IsoDate } from "../directive/dates.js";
import type { Figures } from "./ratio.js";

/** Colour levels named by Long An (seed 002 §1g): xanh, vàng, cam, đỏ. */
export type Level = "xanh" | "vang" | "cam" | "do";
export const LEVELS: readonly Level[] = ["xanh", "vang", "cam", "do"];

export type EvaluationStatus =
  /** Figures and a binding milestone: met/level/missing are meaningful. */
  | "evaluated"
  /** No figures: "chưa báo cáo", its own state, never read as zero. */
  | "not-reported"
  /** Figures but no milestone of any directive binds this unit for this indicator today. */
  | "no-milestone"
  /** Denominator 0: "chưa phát sinh hồ sơ" — no ratio, not a failure, not 0%. */
  | "no-data";

export type MilestoneRef = {
  target: number;
  /** "70%", "57,5%". */
  targetText: string;
  comparison: Comparison;
  deadline: IsoDate;
  /** dd/mm/yyyy; a month deadline ("tháng 11/2023") shows its last day. */
  deadlineText: string;
  /** The seed's own words for the deadline ("tháng 11/2023", "30/09/2023"). */
  deadlineSource: string;
  directiveId: string;
  directiveNumber: string;
};

export type Evaluation = {
  status: EvaluationStatus;
  /** `count` indicators: `figures.numerator` is the count, `percentText` its text, no ratio. */
  kind: "ratio" | "count";
  indicatorCode: string;
  asOf: IsoDate;
  figures: Figures | null;
  /** 0..1, for display and JSON only; every decision is made on the integers. */
  ratio: number | null;
  percentText: string | null;
  /** Against the in-force milestone; null when nothing is in force yet or an aspiration is not reached. */
  met: boolean | null;
  level: Level | null;
  /** Which milestone the level was judged against ("next" before the first deadline). */
  levelAgainst: "inForce" | "next" | null;
  inForce: MilestoneRef | null;
  next: MilestoneRef | null;
  /**
   * Nothing in force and nothing coming, but a target that bound the unit has ended (its
   * directive's horizon or end passed, src/domain/directive/validity.ts): said as ended, never
   * as today's target.
   */
  lapsed: MilestoneRef | null;
  /** Extra numerator items needed at the current denominator; null when not applicable. */
  missing: number | null;
  missingFor: "inForce" | "next" | null;
  /**
   * Extra items for the next milestone, also when the in-force one is still unmet, so a unit
   * behind today's target also sees what the coming deadline asks (docs/UPLOADS.md reply).
   */
  missingNext: number | null;
  /** The target of `missingFor` cannot be met at this denominator (e.g. "trên 100%"). */
  missingUnreachable: boolean;
};
