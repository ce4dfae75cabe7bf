/**
 * What the Mini App page shows (docs/WEBAPP.md "Trang"), as plain data: the page renders it to
 * HTML and charts, the export to .xlsx. Only units and counts: no citizen's personal data.
 */
import type { IsoDate, IsoMonth } from "../../domain/directive/dates.js";
import type { Level, MilestoneRef } from "../../domain/evaluation/index.js";

/** Who may be shown (the server's `DashboardScope`, structurally): never widened here. */
export interface DashboardQueryScope {
  rootUnitIds: readonly string[];
  /** false: the root units themselves (a unit head); true: the units below them (a leader). */
  subtree: boolean;
}

export interface DashboardQueryFilters {
  directive?: string;
  indicator?: string;
  tier?: string;
  level?: Level;
  unit?: string;
}

export type UnitRef = { code: string; name: string; tier: string };
export type Option = { value: string; label: string };

/** One unit's standing on one indicator: what a row of the ranking and a cell of the export show. */
export interface RankRow {
  unit: UnitRef;
  status: "evaluated" | "not-reported" | "no-milestone" | "no-data";
  numerator: number | null;
  denominator: number | null;
  /** 0..100, for the chart only; the text is the exact one (`percentText`). */
  percent: number | null;
  percentText: string | null;
  level: Level | null;
  inForce: MilestoneRef | null;
  next: MilestoneRef | null;
  /** Points below its own target (negative: above), for the export. */
  gap: number | null;
}

export interface IndicatorSection {
  code: string;
  name: string;
  /** The chat's short label ("hồ sơ trực tuyến"): sheet names, the changes list. */
  shortName: string;
  kind: "ratio" | "count";
  /** Reported units worst first (farthest below their own target), then those with no target. */
  ranked: RankRow[];
  /** Units bound by the indicator with no figure, or no dossier, this month. */
  others: RankRow[];
  counts: Record<Level | "notReported", number>;
}

export interface LevelDrop {
  unit: UnitRef;
  indicator: string;
  from: Level;
  to: Level;
  fromText: string | null;
  toText: string | null;
}

export interface TaskLine {
  unit: UnitRef;
  due: number;
  overdue: number;
  /** Titles of the open tasks, overdue first: the directive's own words, no personal data. */
  titles: { title: string; due: IsoDate; overdue: boolean }[];
}

export interface HistoryPoint {
  period: IsoMonth;
  percent: number | null;
  percentText: string | null;
  level: Level | null;
  /** The target in force at the end of that month (percent), for the target line. */
  target: number | null;
}

export interface UnitHistory {
  unit: UnitRef;
  indicator: { code: string; name: string };
  points: HistoryPoint[];
  /** Every milestone binding the unit for this indicator, by deadline. */
  milestones: { deadline: IsoDate; deadlineText: string; targetText: string; target: number; directive: string }[];
}

/** One unit's score on a scored index, as `/chiso` and the digest's chart print it. */
export interface IndexRow {
  unit: UnitRef;
  /** "52,5/80 điểm" while a component lacks figures (points over those that have them), else "72,5 điểm". */
  scoreText: string;
  /** Points rounded as shown, and what they are out of (the export's numbers). */
  points: number;
  maxAvailable: number;
  band: string | null;
  /** The band's colour (the digest chart's), null without a band. */
  color: string | null;
  /** Last month's points and the change as shown ("▲4,2", "▼1", "="), when last month was scored. */
  previous: number | null;
  changeText: string | null;
  /** The largest gain available: "thêm 9 hồ sơ trực tuyến → +0,3 điểm". */
  gain: string | null;
}

/** The chosen unit's groups on the index: "▰▰▰▰▱ 37,5/50 Dịch vụ công trực tuyến" and what it lacks. */
export interface IndexUnitDetail {
  unit: UnitRef;
  scoreText: string;
  groups: { name: string; text: string; bar: string }[];
  missing: string[];
  gains: string[];
}

export interface IndexSection {
  code: string;
  name: string;
  shortName: string;
  max: number;
  /** Best first, with the colour the digest's chart gives each. */
  bands: { name: string; color: string }[];
  /** Units with a component reported, lowest first (share of what they could earn, as `/chiso`). */
  rows: IndexRow[];
  /** Units the index applies to that reported none of its components this month. */
  notReported: UnitRef[];
  /** With a unit chosen (the unit filter) that the index applies to: its groups. */
  unit: IndexUnitDetail | null;
}

export interface DashboardModel {
  /** The day the page speaks for, and the month it shows (the digest's month: domain/digest/period.ts). */
  day: IsoDate;
  period: IsoMonth;
  previous: IsoMonth;
  filters: DashboardQueryFilters;
  options: { directives: Option[]; indicators: Option[]; tiers: Option[]; units: Option[] };
  sections: IndicatorSection[];
  changes: { dropped: LevelDrop[]; notReported: { unit: UnitRef; indicators: string[] }[] };
  tasks: TaskLine[];
  dossiers: { unit: UnitRef; overdue: number }[];
  history: UnitHistory[];
  /** Scored indices (docs/INDEX.md) applying to units in the scope; empty in a deployment without one. */
  index: IndexSection[];
}
