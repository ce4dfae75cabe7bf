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

/**
 * The characters XML 1.0 allows, §2.2 "Characters" (https://www.w3.org/TR/xml/#charsets):
 * Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
 * Everything else — C0 controls, U+FFFE, U+FFFF, and a surrogate not part of a pair (with the
 * `u` flag a lone surrogate is a code point of its own, outside every range) — makes a
 * word/document.xml malformed, and Word then refuses the whole letter.
 */
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` without the characters XML 1.0 forbids (see above); the rest kept as it was. */
export function stripXmlForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, "");
}

const graphemes = new Intl.Segmenter("vi", { granularity: "grapheme" });

/**
 * Cuts what a person typed to at most `max` UTF-16 code units — what `String#length` and
 * Telegram's limits count, so it replaces a `.slice(0, max)` without letting a text grow —
 * but only between grapheme clusters: never between the two halves of an emoji (a lone
 * surrogate, which Telegram refuses to send and a database should not keep) nor between a
 * letter and its combining marks. A cut text ends with `ellipsis`, within `max`.
 */
export function clipText(text: string, max: number, ellipsis = ""): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - ellipsis.length);
  let out = "";
  for (const { segment } of graphemes.segment(text)) {
    if (out.length + segment.length > room) break;
    out += segment;
  }
  return out + ellipsis;
}
