/**
 * The dry run of a directive file (src/domain/directive/dryRun.ts) with its I/O: the unit list
 * and the loaded directives come from the database. Used by the bot before its "✅ Áp dụng"
 * button and by `dondoc load` before it asks. A unit list has no dry run: it loads at once.
 */
import type { Db } from "../../db/client.js";
import { listLoadedDirectives } from "../../db/repos/directives.js";
import { listUnits } from "../../db/repos/units.js";
import type { IsoDate } from "../../domain/directive/dates.js";
import { planDirective, type DirectivePlan } from "../../domain/directive/dryRun.js";
import type { DirectiveProblem } from "../../domain/directive/problems.js";
import type { Directive } from "../../domain/directive/schema.js";
import type { TextFormat } from "../../directives/loadDirective.js";
import { isIndexText } from "../../directives/loadIndex.js";
import { looksLikeUnitList, parseForDeployment, parseIndexForDeployment } from "./install.js";

export type PlanResult =
  | { ok: true; kind: "units" }
  /** A scored index (docs/INDEX.md): no dry run, it loads at once, checked like a directive. */
  | { ok: true; kind: "index" }
  | { ok: true; kind: "directive"; directive: Directive; plan: DirectivePlan }
  | { ok: false; problems: DirectiveProblem[] };

export async function planDirectiveText(
  prisma: Db,
  text: string,
  format: TextFormat,
  today: IsoDate,
): Promise<PlanResult> {
  if (looksLikeUnitList(text)) return { ok: true, kind: "units" };
  if (isIndexText(text)) {
    const parsed = await parseIndexForDeployment(prisma, text, format);
    return parsed.ok ? { ok: true, kind: "index" } : parsed;
  }
  const parsed = await parseForDeployment(prisma, text, format);
  if (!parsed.ok) return parsed;
  const directive = parsed.directive;
  const [units, loaded] = await Promise.all([listUnits(prisma), listLoadedDirectives(prisma)]);
  const same = loaded.find((r) => r.slug === directive.id);
  const plan = planDirective({
    units,
    directive,
    loaded: same?.directive ? { directive: same.directive, active: same.active } : null,
    others: loaded.flatMap((r) => (r.active && r.directive ? [r.directive] : [])),
    today,
  });
  // A loaded row whose text no longer validates is still "loaded before": applying replaces it.
  if (same && !same.directive) plan.previous = { paused: !same.active };
  return { ok: true, kind: "directive", directive, plan };
}
