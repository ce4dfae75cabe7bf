/**
 * Writes the dossier document templates into templates/: the layout of NĐ 30/2020/NĐ-CP Phụ lục I
 * (scripts/docx-ooxml.ts) and `{field}` tags that src/services/apology/render.ts fills (names:
 * DocumentFields in src/services/apology/fields.ts). Nothing of the form's own page is printed on
 * the letter: no "Mẫu số …" label, no "(Ký, ghi rõ họ tên …)" note, no "…" left to fill.
 * An office may open them in Word and replace the letterhead or wording; keep the tags.
 * The letters' body wording is dondoc's own: the full text of neither Mẫu 04 could be found, only the
 * forms' titles and what NĐ 61/2018 Điều 19.9 requires (reason, new date) — docs/DOSSIERS.md «Chưa đối chiếu được».
 * Run: `npx tsx scripts/make-dossier-templates.ts` and commit the result. Sources and the
 * checks made against them: docs/DOSSIERS.md, "Bố cục văn bản và căn cứ".
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { body, docx, optional, p, rule, table, TEXT_WIDTH } from "./docx-ooxml.js";

/** The header's columns (twips): agency and number left, national motto and place-date right. */
const LEFT = 3700;
const RIGHT = TEXT_WIDTH - LEFT;

/** Mục II.1–4: ô 1–4 of the layout, "Số" and the place and date on one line. */
function header(): string {
  const agency = [
    ...optional("parentAgency", { align: "center", sz: 13, after: 0 }),
    p("{agency}", { align: "center", b: true, sz: 13, after: 0 }),
    // 1/3 to 1/2 of the agency's line (mục II.2.b).
    rule(1200, LEFT),
  ];
  const motto = [
    p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { align: "center", b: true, sz: 12, after: 0 }),
    p("Độc lập - Tự do - Hạnh phúc", { align: "center", b: true, sz: 13, after: 0 }),
    // As long as the motto's line (mục II.1.b).
    rule(3250, RIGHT),
  ];
  const number = [p("Số: {number}", { align: "center", sz: 13, before: 120, after: 0 })];
  const placeDate = [p("{placeDate}", { align: "center", i: true, sz: 14, before: 120, after: 0 })];
  return table(
    [LEFT, RIGHT],
    [
      [agency, motto],
      [number, placeDate],
    ],
  );
}

/** Ô 5a: the document's type in capitals, bold (mục II.5.b); "DỰ THẢO" above it on a draft. */
const heading = [
  ...optional("draftMark", { align: "center", b: true, sz: 14, before: 240, after: 0 }),
  p("{title}", { align: "center", b: true, sz: 14, before: 360, after: 240 }),
];

/**
 * Ô 7a–7c and 9b: "Nơi nhận" level with the signer's authority, at the left margin, 12 pt bold
 * italic, the list 11 pt; the authority 14 pt bold capitals; the name 14 pt bold, centred under it
 * with room for the signature and the seal.
 */
function signature(receivers: string[]): string {
  const left = [
    p("Nơi nhận:", { b: true, i: true, sz: 12, align: "left", after: 0 }),
    ...receivers.map((r) => p(r, { sz: 11, align: "left", after: 0 })),
  ];
  const right = [
    p("{signerAuthority}", { align: "center", b: true, sz: 14, after: 0 }),
    p("", { after: 1500 }),
    p("{signerName}", { align: "center", b: true, sz: 14, after: 0 }),
  ];
  const half = Math.round(TEXT_WIDTH / 2) - 300;
  return table([half, TEXT_WIDTH - half], [[left, right]]);
}

const kinhGui = (to: string) => p(`Kính gửi: ${to}`, { align: "center", after: 240 });
const LETTER_RECEIVERS = ["- Như trên;", "- Lưu: VT."];

/** TT 01/2018/TT-VPCP Mẫu số 04, for letters signed before 01/07/2025 (apology/forms.ts). */
const TT01 = docx([
  header(),
  ...heading,
  kinhGui("{recipient}"),
  body(
    "Ngày {receivedDate}, {agencyInText} tiếp nhận giải quyết hồ sơ đề nghị giải quyết thủ tục hành chính “{procedure}” của {addressee}.",
  ),
  body("Mã hồ sơ: {dossierCode}."),
  body("Ngày hẹn trả kết quả giải quyết hồ sơ: {originalDueDate}."),
  body(
    "Tuy nhiên, đến nay {agencyInText} chưa trả kết quả giải quyết hồ sơ cho {addressee} đúng hạn quy định do {reasonInline}.",
  ),
  body(
    "Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của {addressee}. {agencyInText} xin lỗi {addressee} và hẹn trả kết quả giải quyết hồ sơ vào ngày {newDueDate}.",
  ),
  body("Xin trân trọng cảm ơn sự hợp tác của {addressee}./."),
  p(""),
  signature(LETTER_RECEIVERS),
]);

/** TT 03/2025/TT-VPCP Mẫu số 04, from 01/07/2025 (NĐ 118/2025/NĐ-CP). */
const TT03 = docx([
  header(),
  ...heading,
  kinhGui("{recipient}"),
  body(
    "Ngày {receivedDate}, {agencyInText} tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính “{procedure}” của {addressee}, mã hồ sơ {dossierCode}, thời hạn giải quyết đến ngày {originalDueDate}.",
  ),
  body("Do {reasonInline}, {agencyInText} chưa thể trả kết quả giải quyết hồ sơ đúng thời hạn."),
  body(
    "{agencyInText} trân trọng xin lỗi {addressee} vì sự chậm trễ này và đề nghị {addressee} đồng ý gia hạn thời gian giải quyết hồ sơ đến ngày {newDueDate}.",
  ),
  body("Xin trân trọng cảm ơn sự hợp tác của {addressee}./."),
  p(""),
  signature(LETTER_RECEIVERS),
]);

/**
 * The explanation report: from the officer (or section) responsible to the head of the unit
 * (Mẫu 1.4 "Văn bản có tên loại", a báo cáo to one's superior: "Kính gửi" names the head).
 */
const REPORT = docx([
  header(),
  ...heading,
  kinhGui("{headInText}."),
  body("Căn cứ {legalBasis};"),
  body(
    "{reporterIntro} báo cáo giải trình việc giải quyết hồ sơ mã {dossierCode}, thủ tục “{procedure}”, tiếp nhận ngày {receivedDate}, hẹn trả kết quả ngày {originalDueDate}, chưa giải quyết xong đúng hạn, như sau:",
  ),
  body("1. Lý do chậm trễ: {reason}."),
  body("2. Biện pháp khắc phục: {remedy}"),
  body("Kính báo cáo./."),
  p(""),
  table(
    [Math.round(TEXT_WIDTH / 2) - 300, TEXT_WIDTH - Math.round(TEXT_WIDTH / 2) + 300],
    [
      [
        [
          p("Nơi nhận:", { b: true, i: true, sz: 12, align: "left", after: 0 }),
          p("- Như trên;", { sz: 11, align: "left", after: 0 }),
          p("- Lưu: hồ sơ.", { sz: 11, align: "left", after: 0 }),
        ],
        [
          p("NGƯỜI BÁO CÁO", { align: "center", b: true, sz: 14, after: 0 }),
          p("", { after: 1500 }),
          p("{reporterName}", { align: "center", b: true, sz: 14, after: 0 }),
        ],
      ],
    ],
  ),
]);

export const TEMPLATES = {
  "tt01-2018-mau04-phieu-xin-loi.docx": TT01,
  "tt03-2025-mau04-van-ban-xin-loi.docx": TT03,
  "bao-cao-giai-trinh.docx": REPORT,
} as const;

const DIR = new URL("../templates/", import.meta.url);
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [name, bytes] of Object.entries(TEMPLATES)) {
    await writeFile(new URL(name, DIR), bytes);
    console.log(`wrote templates/${name}`);
  }
}
