/**
 * Diacritics-insensitive text folding for header and name matching, on top of
 * `src/domain/text.ts`'s `stripDiacritics`. Pure.
 */
import { stripDiacritics } from "../domain/text.js";

/**
 * Folds text for comparison: no diacritics, lower case, every run of punctuation or white
 * space (including NBSP and line breaks inside a header cell) becomes one space.
 * "Kỳ báo cáo\n(tháng/năm)" → "ky bao cao thang nam".
 */
export function foldText(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Like `foldText`, but drops parenthesised notes first: "Kỳ báo cáo (tháng/năm)" → "ky bao cao". */
export function foldWithoutNotes(text: string): string {
  return foldText(text.replace(/\([^)]*\)/g, " ").replace(/\[[^\]]*\]/g, " "));
}
