/**
 * Fills a Word template (bytes read by src/assets/documents.ts): `{field}` tags in docxtemplater syntax, each
 * inside one run so an office can re-do the letterhead in Word without breaking a tag.
 * User text is XML-escaped by docxtemplater (a reason may hold "<" or "&"); characters XML 1.0
 * forbids are stripped here, from every value, rather than producing a file Word refuses to open.
 */
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import { stripXmlForbidden } from "../domain/text.js";

export type DocumentData = Readonly<Record<string, string | number>>;

export type DocumentTemplateErrorCode = "unknown_template" | "missing_fields" | "template_syntax";

export class DocumentTemplateError extends Error {
  constructor(
    readonly code: DocumentTemplateErrorCode,
    message: string,
    /** Tags the template uses that the data did not provide (code "missing_fields"). */
    readonly missing: readonly string[] = [],
  ) {
    super(message);
    this.name = "DocumentTemplateError";
  }
}

interface DocxtemplaterFailure {
  properties?: { errors?: { properties?: { explanation?: string } }[]; explanation?: string };
}

function describeFailure(error: unknown): string {
  const props = (error as DocxtemplaterFailure).properties;
  const details = props?.errors?.map((e) => e.properties?.explanation).filter((x): x is string => !!x);
  if (details && details.length > 0) return details.join("; ");
  return props?.explanation ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Every value put into a template passes here. XML 1.0 §2.2 allows only #x9 | #xA | #xD |
 * [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; a U+FFFE in an export's procedure, a
 * U+FFFF or a lone surrogate in a typed reason would otherwise make word/document.xml malformed
 * — in the numbered letter too, which the one-re-appointment rule then keeps from being redone.
 * (docxtemplater's own `stripInvalidXMLChars` drops C0 controls only.)
 */
function xmlSafe(data: DocumentData): DocumentData {
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, typeof v === "string" ? stripXmlForbidden(v) : v]),
  );
}

/**
 * Fills an in-memory template. Every tag must have a value: an empty string is a deliberate
 * blank, a missing key is a bug upstream, reported with all missing names at once.
 */
export function fillDocx(template: Buffer, data: DocumentData, templateName = "template"): Buffer {
  const missing = new Set<string>();
  let doc: Docxtemplater<PizZip>;
  try {
    doc = new Docxtemplater(new PizZip(template), {
      paragraphLoop: true,
      linebreaks: true,
      errorLogging: false,
      nullGetter: (part) => {
        missing.add(part.value);
        return "";
      },
    });
    doc.render(xmlSafe(data));
  } catch (error) {
    throw new DocumentTemplateError(
      "template_syntax",
      `Mẫu ${templateName} có thẻ sai cú pháp: ${describeFailure(error)}`,
    );
  }
  if (missing.size > 0) {
    const names = [...missing].sort();
    throw new DocumentTemplateError(
      "missing_fields",
      `Thiếu dữ liệu cho mẫu ${templateName}: ${names.map((n) => `{${n}}`).join(", ")}`,
      names,
    );
  }
  return doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The tags a template asks for (e.g. to check at boot that a replaced letterhead kept them). */
export function templateTags(template: Buffer, templateName = "template"): string[] {
  try {
    fillDocx(template, {}, templateName);
    return [];
  } catch (error) {
    if (error instanceof DocumentTemplateError && error.code === "missing_fields") return [...error.missing];
    throw error;
  }
}
