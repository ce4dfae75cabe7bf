/**
 * The colour of a level as every text shows it. Apart from status.ts so the grammar's result line
 * (grammar.ts) and `/tinhtrang` (status.ts, whose examples the grammar builds) can both use it.
 */
import type { Evaluation, Level } from "../domain/evaluation/index.js";

export const LEVEL_ICONS: Record<Level, string> = { xanh: "🟢", vang: "🟡", cam: "🟠", do: "🔴" };
export const levelIcon = (e: Pick<Evaluation, "level">) => (e.level ? LEVEL_ICONS[e.level] : "⚪");
