/**
 * Cross-field checks of a scored index (docs/INDEX.md "Kiểm tra"): duplicate codes, components of
 * groups never declared, a group's maximum that is not the sum of its components', a total that
 * is not the sum of the groups', a missing fact without its reason (`unknown`), rules that
 * contradict their target, bands out of range, tiers never declared. Run after `indexSchema` has
 * parsed the file; indicator meanings are checked against the registry by
 * `indexRegistryProblems` (resolveIndex.ts).
 *
 * Pure: no I/O. Paths follow `formatPath` (`components[3].rule.steps[0]`).
 */
import type { DirectiveProblem } from "../directive/problems.js";
import { formatPoints, pointsOf } from "./points.js";
import type { IndexComponent, ParsedIndex } from "./schema.js";

/** Points compared exactly: in hundredths, as the file allows two decimals. */
const hundredths = (n: number): number => Math.round(n * 100);
const shown = (n: number): string => formatPoints(pointsOf(n));

export function validateIndex(index: ParsedIndex): DirectiveProblem[] {
  const problems: DirectiveProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  for (const [list, what] of [
    ["tiers", "cấp"],
    ["groups", "nhóm"],
    ["components", "thành phần"],
    ["indicators", "chỉ tiêu"],
  ] as const) {
    const seen = new Map<string, number>();
    index[list].forEach((x, i) => {
      const first = seen.get(x.code);
      if (first !== undefined)
        add(`${list}[${i}].code`, `mã ${what} "${x.code}" bị trùng (đã dùng ở ${list}[${first}])`);
      else seen.set(x.code, i);
    });
  }

  const tiers = new Set(index.tiers.map((t) => t.code));
  index.appliesTo.tiers.forEach((t, i) => {
    if (!tiers.has(t)) add(`appliesTo.tiers[${i}]`, `cấp "${t}" chưa được khai báo trong tiers`);
  });

  const from = index.validFrom ?? index.issuedOn;
  if (index.validTo !== undefined && index.validTo < from)
    add("validTo", "ngày hết hiệu lực sớm hơn ngày bắt đầu hiệu lực");

  const groups = new Set(index.groups.map((g) => g.code));
  index.components.forEach((c, i) => {
    if (!groups.has(c.group)) add(`components[${i}].group`, `nhóm "${c.group}" chưa được khai báo trong groups`);
    for (const p of componentProblems(c)) add(`components[${i}]${p.field}`, p.message);
  });

  index.groups.forEach((g, gi) => {
    const mine = index.components.filter((c) => c.group === g.code);
    if (mine.length === 0) {
      add(`groups[${gi}]`, `nhóm "${g.code}" chưa có thành phần nào`);
      return;
    }
    const known = mine.reduce((s, c) => s + hundredths(c.maxPoints ?? 0), 0);
    const allKnown = mine.every((c) => c.maxPoints !== undefined);
    if (allKnown && known !== hundredths(g.maxPoints))
      add(
        `groups[${gi}].maxPoints`,
        `nhóm "${g.code}" có tối đa ${shown(g.maxPoints)} điểm nhưng các thành phần cộng lại ${shown(known / 100)} điểm`,
      );
    if (!allKnown && known >= hundredths(g.maxPoints))
      add(
        `groups[${gi}].maxPoints`,
        `nhóm "${g.code}": các thành phần đã biết điểm đã cộng đủ ${shown(known / 100)}/${shown(g.maxPoints)} điểm, nên thành phần chưa biết điểm không còn điểm nào`,
      );
  });

  const sum = index.groups.reduce((s, g) => s + hundredths(g.maxPoints), 0);
  if (sum !== hundredths(index.totalMaxPoints))
    add(
      "totalMaxPoints",
      `tổng điểm tối đa ${shown(index.totalMaxPoints)} nhưng các nhóm cộng lại ${shown(sum / 100)} điểm`,
    );

  const seenFrom = new Set<number>();
  index.bands?.bands.forEach((b, i) => {
    if (b.from > index.totalMaxPoints)
      add(`bands.bands[${i}].from`, `mức "${b.name}" bắt đầu từ ${shown(b.from)} điểm, vượt tổng điểm tối đa`);
    if (seenFrom.has(b.from)) add(`bands.bands[${i}].from`, `hai mức xếp loại cùng bắt đầu từ ${shown(b.from)} điểm`);
    seenFrom.add(b.from);
  });

  const components = new Set(index.components.map((c) => c.code));
  index.notes.forEach((n, ni) =>
    n.components.forEach((c, ci) => {
      if (!components.has(c)) add(`notes[${ni}].components[${ci}]`, `thành phần "${c}" không có trong components`);
    }),
  );
  return problems;
}

/** A component's own facts: the reason for what is missing, and a rule that agrees with its target. */
function componentProblems(c: IndexComponent): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (c.maxPoints === 0) {
    // Tracked only: no target or rule can give points, so none may be written.
    if (c.target !== undefined || c.rule !== undefined)
      out.push({
        field: ".maxPoints",
        message: "thành phần 0 điểm chỉ để theo dõi: không ghi chỉ tiêu (target) hay cách tính (rule)",
      });
    return out;
  }
  const missing = [
    c.maxPoints === undefined ? "điểm tối đa (maxPoints)" : null,
    c.target === undefined ? "chỉ tiêu (target)" : null,
    c.rule === undefined ? "cách tính (rule)" : null,
  ].filter((x): x is string => x !== null);
  if (missing.length > 0 && c.unknown === undefined)
    out.push({
      field: ".unknown",
      message: `thiếu ${missing.join(", ")}: nêu trong unknown vì sao (chưa tìm thấy văn bản nào ghi) — không tự đặt số`,
    });
  const rule = c.rule;
  if (rule?.kind === "linear" && rule.floor !== undefined && c.target !== undefined && rule.floor >= c.target)
    out.push({ field: ".rule.floor", message: "ngưỡng sàn (floor) phải nhỏ hơn chỉ tiêu (target)" });
  if (rule?.kind === "thresholds") {
    rule.steps.forEach((s, i) => {
      const prev = rule.steps[i - 1];
      if (prev && (s.atLeast <= prev.atLeast || s.points <= prev.points))
        out.push({
          field: `.rule.steps[${i}]`,
          message: "các bậc phải tăng dần cả về tỷ lệ (atLeast) lẫn số điểm (points)",
        });
    });
    const last = rule.steps[rule.steps.length - 1];
    if (last && c.target !== undefined && last.atLeast !== c.target)
      out.push({ field: ".rule.steps", message: "bậc cao nhất phải bắt đầu đúng ở chỉ tiêu (target)" });
    if (last && c.maxPoints !== undefined && hundredths(last.points) !== hundredths(c.maxPoints))
      out.push({ field: ".rule.steps", message: "bậc cao nhất phải cho đúng điểm tối đa (maxPoints)" });
  }
  return out;
}
