/**
 * A strict check of an XML part of a .docx: its bytes are UTF-8 (a lone surrogate written out
 * is not) and it holds only the characters XML 1.0 allows (§2.2 "Characters"): #x9 | #xA | #xD
 * | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. Word refuses a file that breaks either.
 */
import PizZip from "pizzip";

/** Written out independently of src/: the test must not trust the code it checks. */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** The part's text, or a description of why it is not a well-formed XML 1.0 character stream. */
export function xmlPart(
  docx: Buffer,
  part = "word/document.xml",
): { ok: true; text: string } | { ok: false; problem: string } {
  const bytes = new PizZip(docx).file(part)?.asNodeBuffer();
  if (!bytes) return { ok: false, problem: `no ${part}` };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: `${part} is not valid UTF-8` };
  }
  const bad = FORBIDDEN.exec(text);
  if (bad)
    return {
      ok: false,
      problem: `${part} holds U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")} at ${bad.index}`,
    };
  return { ok: true, text };
}
