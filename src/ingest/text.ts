/**
 * Diacritics-insensitive text folding for header and name matching.
 *
 * A minimal local copy on purpose: `src/domain/text.ts` (`stripDiacritics`) is being written in
 * parallel; once it lands, `stripDiacritics` here can delegate to it. Kept pure and tiny.
 */

/** "Đơn vị" → "Don vi". Also maps the look-alike Icelandic "Ð/ð" that legacy fonts produce. */
export function stripDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đðĐÐ]/g, (ch) => (ch === "đ" || ch === "ð" ? "d" : "D"));
}

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
