/**
 * Cross-field checks that zod cannot express on a single field (docs/DIRECTIVES.md): duplicate codes,
 * scopes naming tiers/groups the directive never declared, milestones of unknown indicators,
 * the same milestone written twice, and — when the unit list is known — unit codes that do
 * not exist. Run after `directiveSchema` has parsed the file.
 *
 * Pure: no I/O. Paths follow `formatPath` (`milestones[3].scope.tiers[0]`).
 */
import type { ParsedDirective, Scope, TaskDeadline, UnitList } from "./schema.js";
import type { DirectiveProblem } from "./problems.js";

export type { DirectiveProblem } from "./problems.js";

export function validateDirective(d: ParsedDirective, units?: UnitList): DirectiveProblem[] {
  const problems: DirectiveProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  for (const [list, what] of [
    ["tiers", "cấp"],
    ["groups", "nhóm"],
    ["indicators", "chỉ tiêu"],
    ["tasks", "nhiệm vụ"],
  ] as const) {
    checkDuplicates(
      d[list].map((x) => x.code),
      (i, first) =>
        add(`${list}[${i}].code`, `mã ${what} "${d[list][i]?.code}" bị trùng (đã dùng ở ${list}[${first}])`),
    );
  }

  const tierCodes = new Set(d.tiers.map((t) => t.code));
  const groupCodes = new Set(d.groups.map((g) => g.code));
  const indicatorCodes = new Set(d.indicators.map((i) => i.code));
  const unitByCode = units ? new Map(units.units.map((u) => [u.code, u])) : null;
  const unitTiers = units ? new Set(units.units.map((u) => u.tier)) : null;

  const checkUnit = (path: string, code: string) => {
    if (unitByCode && units && !unitByCode.has(code)) {
      add(path, `đơn vị "${code}" không có trong danh sách đơn vị "${units.name}"`);
    }
  };
  const checkTier = (path: string, code: string) => {
    if (!tierCodes.has(code)) add(path, `cấp "${code}" chưa được khai báo trong tiers`);
    else if (unitTiers && !unitTiers.has(code)) {
      add(path, `danh sách đơn vị không có đơn vị nào thuộc cấp "${code}"`);
    }
  };
  const checkScope = (path: string, scope: Scope) => {
    scope.tiers.forEach((t, i) => checkTier(`${path}.tiers[${i}]`, t));
    scope.groups.forEach((g, i) => {
      if (!groupCodes.has(g)) add(`${path}.groups[${i}]`, `nhóm "${g}" chưa được khai báo trong groups`);
    });
    scope.units.forEach((u, i) => checkUnit(`${path}.units[${i}]`, u));
  };

  const groupOfUnit = new Map<string, string>();
  d.groups.forEach((g, gi) => {
    checkTier(`groups[${gi}].tier`, g.tier);
    g.units.forEach((u, ui) => {
      const path = `groups[${gi}].units[${ui}]`;
      const other = groupOfUnit.get(u);
      // A unit in two groups would be held to two different targets for the same indicator.
      if (other !== undefined) add(path, `đơn vị "${u}" đã thuộc nhóm "${other}"`);
      else groupOfUnit.set(u, g.code);
      checkUnit(path, u);
      const unit = unitByCode?.get(u);
      if (unit && unit.tier !== g.tier) {
        add(path, `đơn vị "${u}" thuộc cấp "${unit.tier}", không phải cấp "${g.tier}" của nhóm`);
      }
    });
  });

  const defaults = d.indicators.flatMap((ind, i) => (ind.default ? [i] : []));
  defaults
    .slice(1)
    .forEach((i) =>
      add(`indicators[${i}].default`, `chỉ một chỉ tiêu được đặt default (đã có indicators[${defaults[0]}])`),
    );

  if (d.issuingUnit !== undefined && unitByCode && units && !unitByCode.has(d.issuingUnit)) {
    add(
      "issuingUnit",
      `đơn vị ban hành "${d.issuingUnit}" không có trong danh sách đơn vị "${units.name}": văn bản chỉ ràng buộc các đơn vị thuộc quyền của đơn vị ban hành`,
    );
  }
  const effectiveFrom = d.effectiveFrom ?? d.issuedOn;
  if (d.effectiveFrom !== undefined && d.effectiveFrom < d.issuedOn)
    add("effectiveFrom", "ngày có hiệu lực sớm hơn ngày ban hành");
  if (d.effectiveUntil !== undefined && d.effectiveUntil < effectiveFrom)
    add("effectiveUntil", "ngày hết hiệu lực sớm hơn ngày có hiệu lực");
  if (d.replacedBy?.on !== undefined && d.replacedBy.on <= effectiveFrom)
    add("replacedBy.on", "ngày bị thay thế phải sau ngày có hiệu lực");
  if (d.replacedBy?.id === d.id) add("replacedBy.id", "văn bản không thể thay thế chính nó");

  const seenMilestones = new Map<string, number>();
  d.milestones.forEach((m, i) => {
    if (!indicatorCodes.has(m.indicator)) {
      add(`milestones[${i}].indicator`, `chỉ tiêu "${m.indicator}" chưa được khai báo trong indicators`);
    }
    checkScope(`milestones[${i}].scope`, m.scope);
    if (m.deadline.date < d.issuedOn) {
      add(`milestones[${i}].deadline`, `hạn ${m.deadline.text} sớm hơn ngày ban hành văn bản`);
    }
    const key = `${m.indicator}|${scopeKey(m.scope)}|${m.deadline.date}`;
    const first = seenMilestones.get(key);
    if (first !== undefined) {
      add(`milestones[${i}]`, `trùng với milestones[${first}] (cùng chỉ tiêu, phạm vi và hạn)`);
    } else seenMilestones.set(key, i);
  });

  if (d.reporting?.owedBy) checkScope("reporting.owedBy", d.reporting.owedBy);
  d.commitments.forEach((c, i) => {
    if (c.scope) checkScope(`commitments[${i}].scope`, c.scope);
  });

  d.tasks.forEach((t, i) => {
    checkScope(`tasks[${i}].lead`, t.lead);
    if (t.cooperating) checkScope(`tasks[${i}].cooperating`, t.cooperating);
    if (t.supervisor) checkScope(`tasks[${i}].supervisor`, t.supervisor);
    for (const p of taskDeadlineProblems(t.deadline)) add(`tasks[${i}].deadline.${p.field}`, p.message);
  });

  return problems;
}

function checkDuplicates(codes: readonly string[], report: (index: number, first: number) => void): void {
  const seen = new Map<string, number>();
  codes.forEach((c, i) => {
    const first = seen.get(c);
    if (first !== undefined) report(i, first);
    else seen.set(c, i);
  });
}

/** A scope as a key, whatever the order of its lists: the same milestone written twice is found by it. */
export function scopeKey(s: Scope): string {
  const sorted = (xs: readonly string[]) => [...xs].sort().join(",");
  return `${sorted(s.tiers)}/${sorted(s.groups)}/${sorted(s.units)}`;
}

function taskDeadlineProblems(dl: TaskDeadline): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  // Month fields are well-formed here: `isoMonthSchema` rejected anything else when parsing.
  if (dl.kind === "monthRange" && dl.from > dl.to) {
    out.push({ field: "to", message: "tháng kết thúc sớm hơn tháng bắt đầu" });
  }
  if (dl.kind === "yearRange" && dl.from > dl.to) {
    out.push({ field: "to", message: "năm kết thúc sớm hơn năm bắt đầu" });
  }
  if (dl.kind === "recurring" && dl.rule === "monthlyBeforeDay" && dl.day === undefined) {
    out.push({ field: "day", message: '"trước ngày … hằng tháng" cần nêu ngày (day)' });
  }
  return out;
}

/**
 * A unit list must form one tree: unique codes, one root (the issuing People's Committee),
 * every `parent` an existing unit, no cycles.
 */
export function validateUnitList(list: UnitList): DirectiveProblem[] {
  const problems: DirectiveProblem[] = [];
  const byCode = new Map(list.units.map((u) => [u.code, u]));
  checkDuplicates(
    list.units.map((u) => u.code),
    (i, first) =>
      problems.push({
        path: `units[${i}].code`,
        message: `mã đơn vị "${list.units[i]?.code}" bị trùng (đã dùng ở units[${first}])`,
      }),
  );
  const roots = list.units.flatMap((u, i) => (u.parent === null ? [i] : []));
  if (roots.length !== 1) {
    problems.push({ path: "units", message: `cần đúng một đơn vị gốc (parent: null), đang có ${roots.length}` });
  }
  list.units.forEach((u, i) => {
    const ids = (u.approvers ?? []).map((a) => String(a.telegramId));
    checkDuplicates(ids, (j, first) =>
      problems.push({
        path: `units[${i}].approvers[${j}].telegramId`,
        message: `người duyệt ${ids[j]} bị trùng (đã có ở approvers[${first}])`,
      }),
    );
    if (u.parent === null) return;
    if (!byCode.has(u.parent)) {
      problems.push({ path: `units[${i}].parent`, message: `đơn vị cha "${u.parent}" không có trong danh sách` });
      return;
    }
    const visited = new Set<string>([u.code]);
    for (let p: string | null = u.parent; p !== null; p = byCode.get(p)?.parent ?? null) {
      if (visited.has(p)) {
        problems.push({ path: `units[${i}].parent`, message: `quan hệ cha–con của "${u.code}" tạo thành vòng` });
        break;
      }
      visited.add(p);
    }
  });
  return problems;
}
