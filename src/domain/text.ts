/**
 * Vietnamese text utilities for matching what people type on a phone (often without
 * diacritics: "bac ninh", "phuong duc xuan") against names as written in the directives.
 * Pure: no I/O.
 */

/**
 * Removes Vietnamese diacritics, whatever the input normalisation (NFC from most keyboards,
 * NFD from some macOS/iOS paths). `đ`/`Đ` is a separate letter, not a base letter plus a
 * combining mark, so NFD leaves it alone and it needs its own mapping — as does the look-alike
 * Icelandic `ð`/`Ð` that legacy Vietnamese fonts (TCVN3/VNI converted files) produce.
 */
export function stripDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/ð/g, "d")
    .replace(/Ð/g, "D")
    .normalize("NFC");
}

/** Key for search and comparison: lowercase, no diacritics, single spaces, trimmed. */
export function normalizeForSearch(text: string): string {
  return stripDiacritics(text).toLowerCase().replace(/\s+/g, " ").trim();
}
