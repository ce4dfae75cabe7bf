/**
 * Plain OOXML building blocks for the document templates (scripts/make-dossier-templates.ts), laid
 * out as NĐ 30/2020/NĐ-CP Phụ lục I, Phần I asks: A4, margins 20/15/20/30 mm, Times New Roman,
 * the sizes and styles of mục II and the positions of mục IV (header in two columns, "Số" and
 * the place and date on one line, "Nơi nhận" level with the signer's authority).
 */
import PizZip from "pizzip";

export type Run = { t: string; b?: boolean; i?: boolean; sz?: number };
export type Para = {
  runs: Run[];
  align?: "center" | "both" | "right" | "left";
  indent?: boolean;
  before?: number;
  after?: number;
  /** A rule under the paragraph, this many twips long, centred in its column of `width` twips. */
  rule?: { length: number; width: number };
};

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const sizeOf = (pt: number) => `<w:sz w:val="${pt * 2}"/><w:szCs w:val="${pt * 2}"/>`;
const run = (r: Run) =>
  `<w:r><w:rPr>${r.b ? "<w:b/><w:bCs/>" : ""}${r.i ? "<w:i/><w:iCs/>" : ""}${r.sz ? sizeOf(r.sz) : ""}</w:rPr>` +
  `<w:t xml:space="preserve">${esc(r.t)}</w:t></w:r>`;

/** Cell margins Word puts left and right of a table cell's text (twips). */
const CELL_MARGIN = 108;

export function para(p: Para): string {
  const rule = p.rule;
  const inset = rule ? Math.max(0, Math.round((rule.width - 2 * CELL_MARGIN - rule.length) / 2)) : 0;
  const border = rule ? `<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>` : "";
  const ind = rule ? `<w:ind w:left="${inset}" w:right="${inset}"/>` : p.indent ? '<w:ind w:firstLine="567"/>' : "";
  return (
    `<w:p><w:pPr>${border}<w:spacing w:before="${p.before ?? 0}" w:after="${p.after ?? 120}" w:line="276" w:lineRule="auto"/>${ind}` +
    `<w:jc w:val="${p.align ?? "both"}"/></w:pPr>${p.runs.map(run).join("")}</w:p>`
  );
}

export type ParaOptions = Omit<Para, "runs"> & Omit<Run, "t">;
export const p = (text: string, o: ParaOptions = {}) => para({ ...o, runs: [{ t: text, b: o.b, i: o.i, sz: o.sz }] });
/** Body text (mục II.6.e): justified, first line indented 1 cm, 6 pt between paragraphs. */
export const body = (text: string) => p(text, { indent: true });
/** A line removed from the document when `tag` is empty (docxtemplater section over whole paragraphs). */
export const optional = (tag: string, o: ParaOptions) => [p(`{#${tag}}`), p(`{${tag}}`, o), p(`{/${tag}}`)];
/** A thin rule alone, under the line above it (the paragraph holds no text). */
export const rule = (length: number, width: number) =>
  para({ runs: [], align: "center", after: 0, rule: { length, width } }).replace(
    "</w:pPr>",
    '<w:rPr><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr></w:pPr>',
  );

function cell(width: number, paras: string[]): string {
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paras.join("")}</w:tc>`;
}

/** A borderless table: how Word lays blocks side by side. Each row lists its cells' paragraphs. */
export function table(widths: number[], rows: string[][][]): string {
  const total = widths.reduce((a, b) => a + b, 0);
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/>` +
    `<w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>` +
    rows.map((r) => `<w:tr>${r.map((c, i) => cell(widths[i] ?? 0, c)).join("")}</w:tr>`).join("") +
    `</w:tbl>`
  );
}

/** A4, margins top/bottom 20 mm, left 30 mm, right 20 mm (mục I.1–3). */
export const PAGE = { width: 11906, height: 16838, top: 1134, bottom: 1134, left: 1701, right: 1134 };
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

function document(paras: string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paras.join("")}` +
    `<w:sectPr><w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/><w:pgMar w:top="${PAGE.top}" w:right="${PAGE.right}" ` +
    `w:bottom="${PAGE.bottom}" w:left="${PAGE.left}" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>`
  );
}

/** Times New Roman 14 pt, black (mục I.4; body 13–14 pt, mục II.6.e). */
const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
  `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>` +
  `<w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>` +
  `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`;

export function docx(paras: string[]): Buffer {
  const zip = new PizZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
      `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file("word/styles.xml", STYLES);
  zip.file("word/document.xml", document(paras));
  return zip.generate({ type: "nodebuffer", compression: "DEFLATE" });
}
