/**
 * The .docx forms bundled in templates/, read from disk. Apart from src/render/docx.ts so the
 * renderers stay free of I/O: a use-case reads a template here and hands its bytes to `fillDocx`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DocumentTemplateError, fillDocx, type DocumentData } from "../render/docx.js";

export const DOCUMENT_TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

/** A template name is a bare file name in templates/, never a path. */
const TEMPLATE_NAME = /^[a-z0-9][a-z0-9._-]*\.docx$/u;

export function loadDocumentTemplate(templateName: string, dir = DOCUMENT_TEMPLATES_DIR): Buffer {
  if (!TEMPLATE_NAME.test(templateName)) {
    throw new DocumentTemplateError("unknown_template", `Tên mẫu văn bản không hợp lệ: "${templateName}"`);
  }
  try {
    return readFileSync(dir + templateName);
  } catch {
    throw new DocumentTemplateError("unknown_template", `Không tìm thấy mẫu văn bản templates/${templateName}`);
  }
}

/** `renderDocument("tt03-2025-mau04-van-ban-xin-loi.docx", fields)` → the filled .docx bytes. */
export function renderDocument(templateName: string, data: DocumentData, dir = DOCUMENT_TEMPLATES_DIR): Buffer {
  return fillDocx(loadDocumentTemplate(templateName, dir), data, templateName);
}
