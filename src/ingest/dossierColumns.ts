/**
 * Column names of dossier exports (folded: no diacritics, lower case). The address column
 * ("Địa chỉ") is deliberately absent: it is never read (Nghị định 13/2023/NĐ-CP, data minimisation).
 */
import type { ColumnSpec } from "./header.js";

export type DossierKey =
  | "stt"
  | "unit"
  | "procedure"
  | "code"
  | "status"
  | "submitter"
  | "owner"
  | "title"
  | "officer"
  | "submitted"
  | "received"
  | "due"
  | "finished";

export const DOSSIER_COLUMNS: readonly ColumnSpec<DossierKey>[] = [
  {
    key: "code",
    label: "Mã hồ sơ",
    aliases: ["ma ho so", "so ho so", "ma so ho so", "so bien nhan", "ma tiep nhan", "ma hs", "so hs", "ma bien nhan"],
    keywords: [
      ["ma", "ho", "so"],
      ["bien", "nhan"],
    ],
  },
  { key: "stt", label: "STT", aliases: ["stt", "so thu tu", "tt"] },
  {
    key: "unit",
    label: "Đơn vị tiếp nhận",
    aliases: ["don vi tiep nhan", "co quan tiep nhan", "noi tiep nhan", "don vi", "don vi xu ly", "co quan giai quyet"],
  },
  {
    key: "procedure",
    label: "Tên thủ tục hành chính",
    aliases: ["ten thu tuc hanh chinh", "ten thu tuc", "thu tuc hanh chinh", "thu tuc", "ten tthc", "tthc"],
    keywords: [["thu", "tuc"]],
  },
  {
    key: "status",
    label: "Trạng thái",
    aliases: ["trang thai", "trang thai ho so", "tinh trang", "tinh trang ho so"],
    keywords: [["trang", "thai"]],
  },
  { key: "owner", label: "Chủ hồ sơ", aliases: ["chu ho so", "ten chu ho so", "chu hs"] },
  // "Ông"/"Bà" before the owner's name on the apology letter; without the column the officer is asked.
  { key: "title", label: "Danh xưng", aliases: ["danh xung", "gioi tinh", "xung ho", "ong ba", "ong ba to chuc"] },
  {
    key: "submitter",
    label: "Người nộp",
    aliases: ["nguoi nop", "nguoi nop ho so", "ten nguoi nop", "nguoi dung ten"],
  },
  {
    key: "officer",
    label: "Cán bộ xử lý",
    aliases: [
      "can bo xu ly",
      "can bo dang xu ly",
      "nguoi xu ly",
      "nguoi dang xu ly",
      "can bo thu ly",
      "chuyen vien xu ly",
      "can bo giai quyet",
    ],
  },
  {
    key: "submitted",
    label: "Ngày nộp hồ sơ",
    aliases: ["ngay nop ho so", "ngay nop", "ngay gio nop", "thoi gian nop"],
  },
  {
    key: "received",
    label: "Ngày nhận",
    aliases: ["ngay nhan", "ngay tiep nhan", "ngay nhan ho so", "ngay gio tiep nhan", "thoi gian tiep nhan"],
  },
  {
    key: "due",
    label: "Ngày hẹn trả",
    aliases: [
      "ngay hen tra",
      "ngay hen tra ket qua",
      "hen tra",
      "han xu ly",
      "ngay het han",
      "han giai quyet",
      "ngay hen",
    ],
  },
  {
    key: "finished",
    label: "Ngày kết thúc xử lý",
    aliases: [
      "ngay ket thuc xu ly",
      "ngay ket thuc",
      "ngay hoan thanh",
      "ngay xu ly xong",
      "ngay tra ket qua",
      "ngay tra",
    ],
  },
];
