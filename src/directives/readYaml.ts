/**
 * Directive and unit-list text → YAML document, bounded: size before the parser runs, alias
 * expansion inside it. Every refusal is a problem the sender can act on, never a throw (a
 * "billion laughs" file used to surface as "bot gặp lỗi").
 */
import { LineCounter, parseDocument, type Document } from "yaml";
import type { DirectiveProblem } from "../domain/directive/problems.js";
import { formatNumber } from "../domain/format.js";
import { MAX_CONFIG_TEXT_BYTES } from "../domain/limits.js";

/**
 * Bounds on a directive or unit-list text, checked before the YAML parser runs: it takes
 * ~0,3 ms per unit line, so a 4 MB list of 50.000 units held the bot for minutes. A province
 * has at most ~170 units and the whole country ~3.321 communes, so 10.000 units and 1 MB leave
 * room for any real list (a 3.500-unit list is ~240 KB). The byte bound is in domain/limits.ts,
 * which the refusal text reads too.
 */
export { MAX_CONFIG_TEXT_BYTES };
export const MAX_UNITS = 10_000;
/** yaml's own bound on alias expansion (its default): a "billion laughs" file stops there. */
const MAX_ALIAS_COUNT = 100;

export type YamlRead =
  | { ok: true; doc: Document; lineCounter: LineCounter; value: unknown }
  | { ok: false; problems: DirectiveProblem[] };

/**
 * The last text read: installing a unit list asks "is this a unit list?" and then parses it,
 * and the chat's dry run asks once more — one parse serves all three.
 */
let lastRead: { text: string; read: YamlRead } | undefined;

/** The refusal of a text over `MAX_CONFIG_TEXT_BYTES`, if it is. */
export function sizeProblem(text: string): DirectiveProblem | undefined {
  const bytes = Buffer.byteLength(text, "utf8");
  return bytes > MAX_CONFIG_TEXT_BYTES ? { path: "(tệp)", message: problemTexts.tooLarge(bytes) } : undefined;
}

/** Text → YAML document and its plain value; every refusal is a problem, never a throw. */
export function readYaml(text: string): YamlRead {
  if (lastRead?.text === text) return lastRead.read;
  const read = readYamlUncached(text);
  lastRead = { text, read };
  return read;
}

function readYamlUncached(text: string): YamlRead {
  const tooLarge = sizeProblem(text);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  // Counted before parsing: the parser is the slow part (a directive has a few dozen codes).
  const codes = countUnitCodes(text, MAX_UNITS);
  if (codes > MAX_UNITS) return { ok: false, problems: [{ path: "units", message: problemTexts.tooManyUnits(codes) }] };
  const lineCounter = new LineCounter();
  // JSON is valid YAML 1.2 flow syntax, so one parser gives line positions for both formats.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const line = e.linePos?.[0].line ?? lineCounter.linePos(e.pos[0]).line;
        return { path: "(cú pháp YAML)", line, message: `lỗi cú pháp YAML ở dòng ${line}: ${firstLine(e.message)}` };
      }),
    };
  }
  try {
    return { ok: true, doc, lineCounter, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (e) {
    // yaml throws a ReferenceError when aliases would expand past the bound (a "billion laughs").
    if (e instanceof ReferenceError)
      return { ok: false, problems: [{ path: "(cú pháp YAML)", message: problemTexts.tooManyAliases }] };
    throw e;
  }
}

export const problemTexts = {
  tooLarge: (bytes: number) =>
    `tệp nặng ${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB, vượt giới hạn ${formatNumber(MAX_CONFIG_TEXT_BYTES / 1024 / 1024)} MB cho một văn bản hoặc danh sách đơn vị: ` +
    "hãy kiểm tra lại tệp (danh sách của một tỉnh chỉ vài chục KB)",
  tooManyAliases:
    "tệp không hợp lệ: dùng quá nhiều bí danh YAML (& và *), bot từ chối để bảo đảm an toàn. Hãy viết đầy đủ từng mục, không dùng & và *, rồi gửi lại",
  tooManyUnits: (n: number) =>
    `danh sách có ${n > MAX_UNITS ? "hơn " : ""}${formatNumber(MAX_UNITS)} đơn vị, vượt giới hạn ${formatNumber(MAX_UNITS)} đơn vị mỗi tệp: ` +
    "hãy kiểm tra lại tệp (một tỉnh có khoảng 170 đơn vị)",
};

/** Top-level `units` entries, counted without parsing: "code:" keys (YAML) or "code": (JSON). */
export function countUnitCodes(text: string, stopAfter: number): number {
  const key = /(?:^|[\s{,])["']?code["']?\s*:/g;
  let n = 0;
  while (key.exec(text) !== null && n <= stopAfter) n++;
  return n;
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}
