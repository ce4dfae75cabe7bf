/**
 * Links unit names as one-stop systems print them ("UBND Phường Long Bình", "P. Long Bình",
 * "PHƯỜNG LONG BÌNH") to the unit list. Deliberately strict — a wrong match would credit one
 * unit's figures to another — so there is no fuzzy matching:
 *  1. equal after folding (case, diacritics, punctuation) and dropping "UBND"/"Ủy ban nhân dân";
 *  2. equal core name when the unit types agree or one side states none
 *     ("Long Bình" = "Phường Long Bình", but "Xã Long Bình" ≠ "Phường Long Bình"); the core
 *     ignores "và" and an office's trailing "thành phố"/"huyện".
 * Two candidates at the same step → no match (the name is listed as unmatched instead).
 */
import { foldText } from "./text.js";

export interface UnitRef {
  code: string;
  name: string;
}

/** Longest first: "thi xa" before "xa", "van phong" before "phong". */
const TYPES = [
  "thi tran",
  "thi xa",
  "thanh pho",
  "trung tam",
  "chi cuc",
  "van phong",
  "phuong",
  "xa",
  "phong",
  "so",
  "ban",
  "quan",
  "huyen",
  "cuc",
];
const OFFICE_TYPES = new Set(["phong", "van phong", "trung tam", "chi cuc", "ban", "so", "cuc"]);
const ABBREVIATIONS = new Map([
  ["p", "phuong"],
  ["x", "xa"],
  ["tt", "thi tran"],
  ["tp", "thanh pho"],
  ["q", "quan"],
  ["h", "huyen"],
]);

interface NameKey {
  full: string;
  type: string | null;
  core: string;
}

export function nameKey(name: string): NameKey {
  // List markers "1.", "a)", "II." — but not "P." / "X." (phường, xã) nor a lone roman "V"/"X".
  const unlisted = name
    .trim()
    .replace(/^(\d{1,3}[.)]|[a-z]\)|(?:I|II|III|IV|VI|VII|VIII|IX)[.)])\s+/, "")
    .replace(/^[-+•*]\s*/, "");
  const words = foldText(unlisted)
    .replace(/^((ubnd|uy ban nhan dan) )+/, "")
    .split(" ")
    .filter((w) => w !== "");
  const first = words[0];
  const expanded = first && words.length > 1 ? ABBREVIATIONS.get(first) : undefined;
  if (expanded) words[0] = expanded;
  const full = words.join(" ");
  const type = TYPES.find((t) => full.startsWith(`${t} `)) ?? null;
  // "và" is written "-" or "&" just as often ("Văn phòng HĐND-UBND"), and offices drop the
  // trailing "thành phố"/"huyện" of their own name ("Phòng Tư pháp" = "Phòng Tư pháp thành phố").
  const coreWords = (type ? full.slice(type.length + 1) : full).split(" ").filter((w) => w !== "va");
  let core = coreWords.join(" ");
  if (type && OFFICE_TYPES.has(type)) core = core.replace(/ (thanh pho|tp|huyen|thi xa|quan)$/, "");
  return { full, type, core };
}

export function matchUnitName<U extends UnitRef>(name: string, units: readonly U[]): U | null {
  return unitMatcher(units)(name);
}

/** Matches many names against one unit list (keys are computed once). */
export function matchUnitNames<U extends UnitRef>(
  names: readonly string[],
  units: readonly U[],
): { matches: Map<string, U>; unmatched: string[] } {
  const match = unitMatcher(units);
  const matches = new Map<string, U>();
  const unmatched: string[] = [];
  for (const name of names) {
    if (matches.has(name) || unmatched.includes(name)) continue;
    const unit = match(name);
    if (unit) matches.set(name, unit);
    else unmatched.push(name);
  }
  return { matches, unmatched };
}

/**
 * Builds a matcher for one unit list; the units' keys are computed once, so matching many
 * names (one per uploaded row) does not refold the whole list each time.
 */
export function unitMatcher<U extends UnitRef>(units: readonly U[]): (name: string) => U | null {
  const keyed = units.map((unit) => ({ unit, key: nameKey(unit.name) }));
  return (name) => {
    const k = nameKey(name);
    if (k.core === "") return null;
    const exact = keyed.filter((u) => u.key.full === k.full);
    if (exact.length > 0) return exact.length === 1 ? (exact[0]?.unit ?? null) : null;
    // A bare number ("1") names no unit unless its type is stated ("Phường 1" is caught above).
    if (!/[a-z]/.test(k.core)) return null;
    const byCore = keyed.filter((u) => u.key.core === k.core && (u.key.type === k.type || !u.key.type || !k.type));
    return byCore.length === 1 ? (byCore[0]?.unit ?? null) : null;
  };
}
