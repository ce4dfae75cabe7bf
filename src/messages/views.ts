/**
 * The data the templates take. messages/ renders plain data and imports nothing above domain/
 * and render/, so the shapes a template reads are declared here, once, and the use-cases that
 * produce them (services/) are checked against them where they call a template: TypeScript's
 * structural typing makes a drifting field a compile error at that call, without an import
 * from messages/ back up into services/ (that import made the cycle
 * messages/upload → services/uploads/oneStop → services/uploads/figures → messages/upload).
 */
import type { CatalogUnit } from "../domain/catalog.js";
import type { IsoDate } from "../domain/directive/dates.js";
import type { DirectiveProblem } from "../domain/directive/problems.js";
import type { Directive, Indicator, UnitList } from "../domain/directive/schema.js";
import type { ScoredIndex } from "../domain/index/schema.js";
import type { DirectiveEnd, ValidityStatus } from "../domain/directive/validity.js";
import type { Evaluation, Figures, LevelCounts } from "../domain/evaluation/index.js";

export type { DeadlineHit } from "../domain/schedule/countdown.js";

/** A row a file reader could not accept; `rowNumber` is the row number the user sees in Excel. */
export type RejectedRow = { rowNumber: number; reason: string };

/** Why a press on a held upload's (or directive plan's) button did nothing. */
export type PressRefusal = "not-found" | "forbidden" | "expired" | "already-saved" | "cancelled";

/** Why a press on "↩️ Hoàn tác" under a saved upload did nothing. */
export type UploadUndoRefusal = "not-found" | "forbidden" | "expired" | "already-undone";

/** A figure an upload's undo left as it was: it was changed again after the save. */
export type KeptFigure = { unitName: string; indicatorCode: string; period: string };

/** What loading a directive or unit-list file did. */
export type InstallResult =
  | { ok: true; kind: "directive"; directive: Directive; status: "created" | "updated"; unknownUnits: string[] }
  | { ok: true; kind: "units"; list: UnitList; created: number; updated: number }
  | { ok: true; kind: "index"; index: ScoredIndex; status: "created" | "updated" }
  | { ok: false; problems: DirectiveProblem[] };

/** One loaded directive in `/chithi`, dated against the active ones (null: its body is unreadable). */
export type DirectiveOverview = {
  rowId: number;
  slug: string;
  number: string;
  title: string;
  active: boolean;
  directive: Directive | null;
  dates: { effectiveFrom: IsoDate; end: DirectiveEnd; validity: ValidityStatus } | null;
};

export type UnitIndicatorStatus = { indicator: Indicator; evaluation: Evaluation };
export type SubtreeRow = { unit: CatalogUnit; evaluation: Evaluation };
export type SubtreeStatus = {
  indicator: Indicator;
  rows: SubtreeRow[];
  counts: LevelCounts;
  notReported: CatalogUnit[];
};

export type DigestRow = { unit: CatalogUnit; evaluation: Evaluation; weekAgo: Figures | null };
export type IndicatorDigest = {
  indicator: Indicator;
  period: string;
  /** A month that has ended, shown in the first days of the next (domain/digest/period.ts). */
  closed: boolean;
  day: IsoDate;
  rows: DigestRow[];
  counts: LevelCounts;
  total: { now: Figures | null; weekAgo: Figures | null };
  /** Units with a ratio, farthest below their own target first (domain/evaluation/gap.ts). */
  ranked: DigestRow[];
  /** The part of `ranked` below their own target: who to chase first. */
  belowTarget: DigestRow[];
  notReported: CatalogUnit[];
};

/** What an upload saved, one line per unit × indicator of its latest month. */
export type SummaryLine = { unit: CatalogUnit; indicator: Indicator; period: string; evaluation: Evaluation };
export type SavedSummary = { saved: number; replaced: number; lines: SummaryLine[] };

/** A one-stop report read and matched, before the officer confirms it. */
export type PreviewItem = {
  unitCode: string;
  numerator: number;
  denominator: number;
  unitName: string;
  indicatorName: string;
};
export type OneStopPreview = {
  period: string;
  /** False: the title states no month, so the current month is used (and the preview says so). */
  periodFromTitle: boolean;
  items: readonly PreviewItem[];
  unmatched: readonly { rowNumber: number; name: string }[];
  rejected: readonly RejectedRow[];
  /** Figures left out because no directive assigns the indicator to the unit. */
  notAssigned: readonly { indicatorCode: string; unitNames: readonly string[] }[];
  /** Unit chat: rows of other units left out; whether the chat's own unit had a row. */
  otherUnitRows: number;
  ownUnitFound: boolean;
  scope: { kind: "unit"; unit: CatalogUnit } | { kind: "all" };
};
