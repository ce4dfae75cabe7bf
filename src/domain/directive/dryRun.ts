/**
 * What loading a directive would change, computed before it is loaded (docs/DIRECTIVES.md
 * "Xem trước khi nạp"): the units it binds, its targets and tasks against the version already
 * loaded, the reminders it switches on, whether it is in force today, and the commitments no
 * figure measures. The administrator reads it and only then applies the file.
 *
 * Pure: the units, the loaded version and `today` are parameters.
 */
import { Catalog, type CatalogUnit } from "../catalog.js";
import { scopeBindsUnit } from "../evaluation/milestones.js";
import type { IsoDate } from "./dates.js";
import type { Directive, Milestone, Scope, Task } from "./schema.js";
import { currentOccurrence } from "./taskSchedule.js";
import { scopeKey } from "./validateDirective.js";
import { directiveEnd, effectiveFrom, validityOn, type DirectiveEnd, type ValidityStatus } from "./validity.js";

export type DryRunInput = {
  /** The deployment's unit tree (codes with parents). */
  units: readonly CatalogUnit[];
  directive: Directive;
  /** The version loaded under the same id, if any, and whether it is paused. */
  loaded: { directive: Directive; active: boolean } | null;
  /** The other loaded directives: a `replacedBy` is dated by the directive it names. */
  others: readonly Directive[];
  today: IsoDate;
};

export type TierCount = { tier: string; name: string; count: number };
export type MilestoneChange = { milestone: Milestone; before?: Milestone };
export type TaskDueReminder = { code: string; due: IsoDate };

export type DirectivePlan = {
  directive: Directive;
  today: IsoDate;
  validity: ValidityStatus;
  effectiveFrom: IsoDate;
  end: DirectiveEnd;
  /** null: first load; otherwise whether the loaded version is paused (applying resumes it). */
  previous: { paused: boolean } | null;
  /** The issuing unit is not in the unit list: the directive binds nothing yet. */
  issuerUnknown: boolean;
  bound: TierCount[];
  boundTotal: number;
  milestones: { total: number; added: MilestoneChange[]; removed: MilestoneChange[]; changed: MilestoneChange[] };
  tasks: { total: number; added: string[]; removed: string[]; changed: string[] };
  reminders: {
    reporting: NonNullable<Directive["reporting"]> | null;
    peakWeekFrom: string | null;
    taskDeadlines: TaskDueReminder[];
  };
  commitments: number;
  /** Unit codes the directive names that the unit list lacks. */
  unknownUnits: string[];
};

export function planDirective(input: DryRunInput): DirectivePlan {
  const { directive: d, loaded, today } = input;
  const all = [...input.others.filter((o) => o.id !== d.id), d];
  const validity = validityOn(d, today, all);
  const { bound, total } = boundByTier(d, input.units);
  const known = new Set(input.units.map((u) => u.code));
  return {
    directive: d,
    today,
    validity,
    effectiveFrom: effectiveFrom(d),
    end: directiveEnd(d, all),
    previous: loaded ? { paused: !loaded.active } : null,
    issuerUnknown: d.issuingUnit !== undefined && !known.has(d.issuingUnit),
    bound,
    boundTotal: total,
    milestones: { total: d.milestones.length, ...diffMilestones(loaded?.directive.milestones ?? [], d.milestones) },
    tasks: { total: d.tasks.length, ...diffTasks(loaded?.directive.tasks ?? [], d.tasks) },
    reminders:
      validity === "ended"
        ? { reporting: null, peakWeekFrom: null, taskDeadlines: [] }
        : {
            reporting: d.reporting?.day !== undefined ? d.reporting : null,
            peakWeekFrom: d.peakWeek?.from ?? null,
            taskDeadlines: upcomingTaskDeadlines(d.tasks, today),
          },
    commitments: d.commitments.length,
    unknownUnits: namedUnitCodes(d).filter((c) => !known.has(c)),
  };
}

/** Units bound through a milestone or a task they lead or cooperate on, as `Catalog.bindingDirectives` counts them. */
function boundByTier(d: Directive, units: readonly CatalogUnit[]): { bound: TierCount[]; total: number } {
  const catalog = new Catalog(units, [d]);
  const counts = new Map<string, number>();
  for (const u of units) {
    const eu = catalog.evaluationUnit(u);
    const binds =
      d.milestones.some((m) => scopeBindsUnit(m.scope, eu, d)) ||
      d.tasks.some(
        (t) => scopeBindsUnit(t.lead, eu, d) || (t.cooperating !== undefined && scopeBindsUnit(t.cooperating, eu, d)),
      );
    if (binds) counts.set(u.tier, (counts.get(u.tier) ?? 0) + 1);
  }
  const order = d.tiers.map((t) => t.code);
  const rank = (tier: string) => (order.includes(tier) ? order.indexOf(tier) : order.length);
  const bound = [...counts.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([tier, count]) => ({ tier, name: d.tiers.find((t) => t.code === tier)?.name ?? tier, count }));
  return { bound, total: bound.reduce((s, t) => s + t.count, 0) };
}

/** A milestone is the same target when its indicator, scope and deadline are (validateDirective forbids two such). */
export function milestoneKey(m: Milestone): string {
  return `${m.indicator}|${scopeKey(m.scope)}|${m.deadline.date}`;
}

function diffMilestones(before: readonly Milestone[], after: readonly Milestone[]) {
  const old = new Map(before.map((m) => [milestoneKey(m), m]));
  const now = new Map(after.map((m) => [milestoneKey(m), m]));
  const added: MilestoneChange[] = [];
  const changed: MilestoneChange[] = [];
  for (const [key, m] of now) {
    const was = old.get(key);
    if (!was) added.push({ milestone: m });
    else if (
      was.target !== m.target ||
      was.comparison !== m.comparison ||
      JSON.stringify(was.measures) !== JSON.stringify(m.measures)
    ) {
      changed.push({ milestone: m, before: was });
    }
  }
  const removed = [...old].filter(([key]) => !now.has(key)).map(([, m]) => ({ milestone: m }));
  return { added, removed, changed };
}

function diffTasks(before: readonly Task[], after: readonly Task[]) {
  const old = new Map(before.map((t) => [t.code, t]));
  const now = new Set(after.map((t) => t.code));
  return {
    added: after.filter((t) => !old.has(t.code)).map((t) => t.code),
    removed: before.filter((t) => !now.has(t.code)).map((t) => t.code),
    changed: after
      .filter((t) => old.has(t.code) && JSON.stringify(old.get(t.code)) !== JSON.stringify(t))
      .map((t) => t.code),
  };
}

/** Tasks whose next occurrence falls due after today: the ones the deadline reminders will chase. */
function upcomingTaskDeadlines(tasks: readonly Task[], today: IsoDate): TaskDueReminder[] {
  const out: TaskDueReminder[] = [];
  for (const t of tasks) {
    const due = currentOccurrence(t.deadline, today).due;
    if (due !== null && due > today) out.push({ code: t.code, due });
  }
  return out;
}

/** Every unit code the directive names: issuer, groups, scopes. */
export function namedUnitCodes(d: Directive): string[] {
  const named = new Set<string>();
  if (d.issuingUnit !== undefined) named.add(d.issuingUnit);
  const add = (s: Scope | undefined) => s?.units.forEach((u) => named.add(u));
  d.groups.forEach((g) => g.units.forEach((u) => named.add(u)));
  d.milestones.forEach((m) => add(m.scope));
  d.tasks.forEach((t) => [t.lead, t.cooperating, t.supervisor].forEach(add));
  d.commitments.forEach((c) => add(c.scope));
  add(d.reporting?.owedBy);
  return [...named].sort();
}
