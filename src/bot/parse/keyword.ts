/**
 * Keywords typed with or without diacritics and spaces: "lãnh đạo", "Lanh dao", "lanhdao" all
 * mean `lanhdao`. Matches the first one or two words against a table of normalized keys.
 */
import { normalizeForSearch } from "../../domain/text.js";

/** The value of the keyword the first one or two words spell, and how many words it took. */
export function leadingKeyword<V>(
  words: readonly string[],
  table: Readonly<Record<string, V>>,
): { value: V; used: number } | null {
  for (const used of [1, 2]) {
    if (words.length < used) break;
    const key = normalizeForSearch(words.slice(0, used).join(""));
    if (Object.hasOwn(table, key)) return { value: table[key] as V, used };
  }
  return null;
}
