/**
 * Shortening unit names for chart axes: a phone shows ~28 characters of a 22px label beside a bar.
 * Abbreviations are applied in stages, and only while the name is still too long, so that
 * "Phòng Văn hoá và Thông tin" keeps its words and only very long names lose meaning-bearing text.
 */

export const UNIT_LABEL_MAX_CHARS = 28;

type Rule = readonly [RegExp, string];

/** Universally read abbreviations in Vietnamese administration: always applied. */
const ALWAYS: readonly Rule[] = [
  [/(?:Ủy|Uỷ) ban nhân dân/giu, "UBND"],
  [/Hội đồng nhân dân/giu, "HĐND"],
];

/** Applied one at a time, only while the label is still longer than the limit. */
const WHEN_LONG: readonly Rule[] = [
  [/Trung tâm Phục vụ hành chính công/giu, "TT PVHCC"],
  [/Thành phố /gu, "TP. "],
  [/Thị xã /gu, "TX. "],
  [/Trung tâm /gu, "TT "],
  [/Huyện /gu, "H. "],
  [/Phòng /gu, "P. "],
];

export function shortenUnitName(name: string, maxChars = UNIT_LABEL_MAX_CHARS): string {
  let label = name.normalize("NFC").replace(/\s+/gu, " ").trim();
  for (const [pattern, short] of ALWAYS) label = label.replace(pattern, short);
  for (const [pattern, short] of WHEN_LONG) {
    if ([...label].length <= maxChars) return label;
    label = label.replace(pattern, short);
  }
  return truncateAtWord(label, maxChars);
}

/** Cuts at a word boundary when one is near the limit, so "Phường Đức Xu…" is avoided. */
function truncateAtWord(label: string, maxChars: number): string {
  const chars = [...label];
  if (chars.length <= maxChars) return label;
  const head = chars.slice(0, maxChars - 1).join("");
  const lastSpace = head.lastIndexOf(" ");
  const cut = lastSpace >= maxChars * 0.6 ? head.slice(0, lastSpace) : head;
  return `${cut.replace(/[\s,.&-]+$/u, "")}…`;
}
