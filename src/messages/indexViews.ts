/**
 * What `/chiso` and the digest's index chart show of a scored index (docs/INDEX.md "Trong nhóm chat"): the
 * numbers of the domain's score and gains (src/domain/index/), already put in the unit's words.
 * Apart from the domain types so the texts do not change when the index format grows.
 */
import type { CatalogUnit } from "../domain/catalog.js";
import type { ScoreChange } from "../domain/index/change.js";
import type { Points } from "../domain/index/points.js";

export type IndexLabel = { code: string; name: string; shortName: string };

/** `scorable`: some component of the group has points, a target and a rule in the index's texts. */
export type IndexGroupView = { name: string; points: Points; max: Points; scorable: boolean };

/** A component without a figure this month, and the indicator code `/nop` reports it under. */
/** A component without figures this month; `max`: the points it can bring (the list is ordered by them). */
export type IndexMissingView = { code: string; name: string; kind: "ratio" | "count"; max: Points };

/** "thêm 12 hồ sơ trực tuyến → +1,8 điểm": `action` is the verb phrase before the items. */
export type IndexGainView = { code: string; items: number; itemWord: string; action: string; points: Points };

export type UnitIndexView = {
  unit: CatalogUnit;
  index: IndexLabel;
  period: string;
  /** Points earned, out of `maxAvailable` (the components with figures) and `max` (the whole index). */
  total: Points;
  maxAvailable: Points;
  max: Points;
  /** Null while a component lacks figures, or when the index names no bands. */
  band: string | null;
  /** The index names bands (the text or the practice gives them). */
  bandsNamed: boolean;
  groups: IndexGroupView[];
  missing: IndexMissingView[];
  /** Components no text lets anyone score yet (docs/INDEX.md): reported, never counted. */
  unscorable: number;
  /** Best first. */
  gains: IndexGainView[];
  /** Last month's total, when last month was scored (one component reported or more). */
  previous: Points | null;
  /** The change since last month on the components scored in both (src/domain/index/change.ts). */
  change: ScoreChange | null;
};

export type SubtreeIndexView = {
  root: CatalogUnit;
  index: IndexLabel;
  period: string;
  /** The index's bands, best first, with the colour level the index gives each (the chart's colours). */
  bands: { name: string; level?: "xanh" | "vang" | "cam" | "do" | undefined }[];
  /** Units with at least one component reported, lowest score first (share of what they could earn). */
  rows: UnitIndexView[];
  /** Units the index applies to that reported none of its components. */
  notReported: CatalogUnit[];
};
