import { readdirSync } from "node:fs";
import PizZip from "pizzip";
import { describe, expect, test } from "vitest";
import { DOCUMENT_TEMPLATES_DIR, loadDocumentTemplate, renderDocument } from "../../src/assets/documents.js";
import { DocumentTemplateError, fillDocx, templateTags } from "../../src/render/docx.js";
import { xmlPart } from "../helpers/xml.js";

const TEMPLATES = readdirSync(DOCUMENT_TEMPLATES_DIR).filter((f) => f.endsWith(".docx"));

function documentXml(docx: Buffer): string {
  const xml = new PizZip(docx).file("word/document.xml")?.asText();
  if (xml === undefined) throw new Error("no word/document.xml");
  return xml;
}

function tagsOf(templateName: string): string[] {
  return templateTags(loadDocumentTemplate(templateName), templateName);
}

/** Text of the document with the XML stripped: what a reader sees, run boundaries removed. */
function visibleText(xml: string): string {
  return xml.replace(/<[^>]+>/g, "");
}

test("templates/ holds the three dossier documents", () => {
  expect(TEMPLATES.length).toBeGreaterThanOrEqual(3);
});

describe.each(TEMPLATES)("%s", (name) => {
  test("every tag sits whole inside one run (editable in Word without breaking it)", () => {
    const raw = documentXml(loadDocumentTemplate(name));
    const tags = tagsOf(name);
    expect(tags.length).toBeGreaterThan(5);
    for (const tag of tags) expect(raw).toContain(`{${tag}}`);
  });

  test("fills every field, leaves no tag behind, escapes user text", () => {
    const tags = tagsOf(name);
    const data = Object.fromEntries(tags.map((t) => [t, `«${t}»`]));
    data.reason = "Chờ kết quả xác minh của <Sở TN&MT>";
    const xml = documentXml(renderDocument(name, data));
    for (const tag of tags.filter((t) => t !== "reason")) expect(visibleText(xml)).toContain(`«${tag}»`);
    if (tags.includes("reason")) expect(xml).toContain("Chờ kết quả xác minh của &lt;Sở TN&amp;MT&gt;");
    expect(visibleText(xml)).not.toMatch(/\{[^}]*\}/);
  });

  test("characters XML 1.0 forbids are dropped from every value, the rest of the text kept", () => {
    const tags = tagsOf(name);
    // U+FFFE, U+FFFF, U+0001, a lone low and a lone high surrogate; an emoji (a valid pair) stays.
    const data = Object.fromEntries(tags.map((t) => [t, `«${t}\uFFFE\uFFFF\u0001\uDC00\uD800 ok 😀»`]));
    const xml = xmlPart(renderDocument(name, data));
    expect(xml.ok ? "well-formed" : xml.problem).toBe("well-formed");
    for (const tag of tags) expect(xml.ok && visibleText(xml.text)).toContain(`«${tag} ok 😀»`);
  });

  test("a missing field is an error naming it, not a silent blank", () => {
    const tags = tagsOf(name);
    const [dropped, ...kept] = tags;
    const data = Object.fromEntries(kept.map((t) => [t, "x"]));
    expect(() => renderDocument(name, data)).toThrowError(DocumentTemplateError);
    try {
      renderDocument(name, data);
    } catch (e) {
      expect(e instanceof DocumentTemplateError && e.code).toBe("missing_fields");
      expect(e instanceof DocumentTemplateError && e.missing).toEqual([dropped]);
      expect(String(e)).toContain(`{${dropped}}`);
    }
  });
});

test.each(["../package.json", "khong-co.docx", "Mau.DOCX"])("template name %s is refused", (name) => {
  expect(() => renderDocument(name, {})).toThrowError(DocumentTemplateError);
});

test("a malformed template reports a syntax error", () => {
  const zip = new PizZip(loadDocumentTemplate(TEMPLATES[0] ?? ""));
  zip.file("word/document.xml", documentXml(zip.generate({ type: "nodebuffer" })).replace("{", "{{"));
  const broken = zip.generate({ type: "nodebuffer" });
  expect(() => fillDocx(broken, {}, "broken.docx")).toThrowError(/sai cú pháp/);
});
