/**
 * A problem found in a directive or unit list file: where (a path such as
 * `milestones[3].scope.tiers[0]`, and the line when the text is known) and what, in
 * Vietnamese, so that whoever edits the YAML can fix it without reading code (STYLE.md §5).
 *
 * Pure: formats zod issues, no I/O.
 */
import { z } from "zod";

export type DirectiveProblem = { path: string; message: string; line?: number };

/** `["milestones", 3, "scope", "tiers", 0]` → `milestones[3].scope.tiers[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

const viLocale = z.locales.vi();

/**
 * Per-parse error map: the two mistakes people make most when typing YAML by hand get a
 * message that says what to do; everything else falls back to zod's Vietnamese locale.
 * Messages written on the schema itself (targets, dates) take precedence over this map.
 */
export const directiveErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "invalid_type" && issue.input === undefined) {
    return "thiếu trường bắt buộc";
  }
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((k) => `"${k}"`).join(", ");
    return `khóa không hợp lệ ${keys} (viết sai tên trường?)`;
  }
  return viLocale.localeError(issue);
};

/**
 * zod issues → problems; a root-level issue gets the path `(gốc)`. An unknown key is reported
 * at the key itself (`milestones[2].deadine`), which is where the typo is.
 */
export function formatDirectiveIssues(issues: readonly z.core.$ZodIssue[]): DirectiveProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        path: formatPath([...issue.path, key]),
        message: `khóa không hợp lệ "${key}" (viết sai tên trường?)`,
      }));
    }
    return [{ path: issue.path.length === 0 ? "(gốc)" : formatPath(issue.path), message: issue.message }];
  });
}

/** `milestones[2].target (dòng 45): chỉ tiêu không thể vượt 100%`. */
export function formatProblem(p: DirectiveProblem): string {
  const where = p.line !== undefined ? `${p.path} (dòng ${p.line})` : p.path;
  return `${where}: ${p.message}`;
}
