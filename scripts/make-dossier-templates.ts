/**
 * Writes the dossier document templates (issue #5) into templates/: plain OOXML, Times New Roman
 * 13 pt, the header block of NĐ 30/2020 (agency left, national motto right), `{field}` tags that
 * src/services/apologyRender.ts fills (names: DocumentFields in apologyFields.ts). An office may
 * open them in Word and replace the letterhead or wording without touching code; keep the tags.
 * Run: `npx tsx scripts/make-dossier-templates.ts` and commit the result.
 * Wording follows the forms' structure (TT 01/2018/TT-VPCP and TT 03/2025/TT-VPCP, Mẫu số 04);
 * check it against the official text before first use.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import PizZip from "pizzip";

type Run = { t: string; b?: boolean; i?: boolean; sz?: number };
type Para = { runs: Run[]; align?: "center" | "both" | "right" | "left"; indent?: boolean; after?: number };

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const run = (r: Run) =>
  `<w:r><w:rPr>${r.b ? "<w:b/>" : ""}${r.i ? "<w:i/>" : ""}${r.sz ? `<w:sz w:val="${r.sz * 2}"/>` : ""}</w:rPr>`
  + `<w:t xml:space="preserve">${esc(r.t)}</w:t></w:r>`;
const para = (p: Para) =>
  `<w:p><w:pPr><w:spacing w:after="${p.after ?? 60}" w:line="300" w:lineRule="auto"/>${p.indent ? '<w:ind w:firstLine="567"/>' : ""}`
  + `<w:jc w:val="${p.align ?? "both"}"/></w:pPr>${p.runs.map(run).join("")}</w:p>`;
const p = (text: string, o: Omit<Para, "runs"> & Omit<Run, "t"> = {}) => para({ ...o, runs: [{ t: text, b: o.b, i: o.i, sz: o.sz }] });
const body = (text: string) => p(text, { indent: true });

function cell(width: number, paras: string[]): string {
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paras.join("")}</w:tc>`;
}

/** The two-column header: agency / number on the left, motto / place and date on the right. */
function header(numberLabel: string): string {
  const left = [p("{agencyParent}", { align: "center", sz: 12 }), p("{agency}", { align: "center", b: true, sz: 12 }),
    p(`${numberLabel}{number}`, { align: "center", sz: 12 })];
  const right = [p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { align: "center", b: true, sz: 12 }),
    p("Độc lập - Tự do - Hạnh phúc", { align: "center", b: true }), p("{placeDate}", { align: "center", i: true })];
  return table([[3700, left], [5600, right]]);
}

/** A borderless one-row table: how Word lays out two blocks side by side. */
function table(cols: [number, string[]][]): string {
  return `<w:tbl><w:tblPr><w:tblW w:w="9300" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/>`
    + `<w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr>`
    + `<w:tblGrid>${cols.map(([w]) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid><w:tr>${cols.map(([w, c]) => cell(w, c)).join("")}</w:tr></w:tbl>`;
}

/** "Nơi nhận" on the left, the signer centred in the right half (NĐ 30/2020, Phụ lục I). */
function signature(title: string, note: string, name = ""): string[] {
  const left = [p("Nơi nhận:", { b: true, i: true, sz: 12, align: "left" }), p("- Như trên;", { sz: 11, align: "left" }),
    p("- Lưu: VT.", { sz: 11, align: "left" })];
  const right = [p(title, { align: "center", b: true }), p(note, { align: "center", i: true }), p("", { after: 900 }),
    p(name, { align: "center", b: true })];
  return [p(""), table([[3700, left], [5600, right]])];
}

function document(paras: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`
    + `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paras.join("")}`
    + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>`
    + `</w:body></w:document>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`
  + `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>`
  + `<w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>`
  + `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`;

function docx(paras: string[]): Buffer {
  const zip = new PizZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`
    + `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>`
    + `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
    + `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file("word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
    + `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`);
  zip.file("word/styles.xml", STYLES);
  zip.file("word/document.xml", document(paras));
  return zip.generate({ type: "nodebuffer", compression: "DEFLATE" });
}

const mark = p("{draftMark}", { align: "center", b: true, sz: 14 });

const TT01 = docx([
  p("{formNo} ban hành kèm theo {circular}", { align: "right", i: true, sz: 11 }), header("Số: "), mark,
  p("{title}", { align: "center", b: true, sz: 14, after: 200 }),
  p("Kính gửi: {recipient}", { align: "center" }),
  body("Ngày {receivedDate}, {agencyName} tiếp nhận giải quyết hồ sơ đề nghị giải quyết thủ tục hành chính «{procedure}» của Ông/Bà/Tổ chức. Mã hồ sơ: {dossierCode}."),
  body("Ngày hẹn trả kết quả giải quyết hồ sơ: {originalDueDate}."),
  body("Tuy nhiên, đến nay {agencyName} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà/Tổ chức đúng hạn quy định do {reasonInline}."),
  body("Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của Ông/Bà/Tổ chức. {agencyName} xin lỗi Ông/Bà/Tổ chức và hẹn trả kết quả giải quyết hồ sơ vào ngày {newDueDate}."),
  body("Xin trân trọng cảm ơn sự hợp tác của Ông/Bà/Tổ chức./."),
  ...signature("{signerTitle}", "(Ký, ghi rõ họ tên và đóng dấu)"),
]);

const TT03 = docx([
  p("{formNo} ban hành kèm theo {circular}", { align: "right", i: true, sz: 11 }), header("Số: "), mark,
  p("{title}", { align: "center", b: true, sz: 14, after: 200 }),
  p("Kính gửi: {recipient}", { align: "center" }),
  body("Ngày {receivedDate}, {agencyName} tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính «{procedure}», mã hồ sơ {dossierCode}, thời hạn giải quyết đến ngày {originalDueDate}."),
  body("Do {reasonInline}, {agencyName} chưa thể trả kết quả giải quyết hồ sơ đúng thời hạn."),
  body("{agencyName} trân trọng xin lỗi Ông/Bà/Tổ chức vì sự chậm trễ này và đề nghị Ông/Bà/Tổ chức đồng ý gia hạn thời gian giải quyết hồ sơ đến ngày {newDueDate}."),
  body("Xin trân trọng cảm ơn sự hợp tác của Ông/Bà/Tổ chức./."),
  ...signature("{signerTitle}", "(Ký, ghi rõ họ tên và đóng dấu)"),
]);

const REPORT = docx([
  header("Số: "), mark,
  p("{title}", { align: "center", b: true, sz: 14, after: 200 }),
  p("Kính gửi: {headTitle} {agencyName}", { align: "center" }),
  body("Căn cứ {legalBasis} về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính;"),
  body("Hồ sơ mã {dossierCode}, thủ tục «{procedure}», tiếp nhận ngày {receivedDate}, hẹn trả kết quả ngày {originalDueDate}, đã không được giải quyết đúng hạn."),
  body("Lý do chậm trễ: {reason}."),
  body("Ngày hẹn trả kết quả mới (nếu có): {newDueDate}. Bộ phận xử lý cam kết khẩn trương hoàn thành, trả kết quả cho tổ chức, cá nhân và rút kinh nghiệm để không tái diễn."),
  body("Kính báo cáo./."),
  ...signature("NGƯỜI BÁO CÁO", "(Ký, ghi rõ họ tên)", "{preparedBy}"),
]);

const DIR = new URL("../templates/", import.meta.url);
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [name, bytes] of [["tt01-2018-mau04-phieu-xin-loi.docx", TT01], ["tt03-2025-mau04-van-ban-xin-loi.docx", TT03],
    ["bao-cao-giai-trinh.docx", REPORT]] as const) {
    await writeFile(new URL(name, DIR), bytes);
    console.log(`wrote templates/${name}`);
  }
}
