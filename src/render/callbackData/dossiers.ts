/** Buttons of overdue dossiers: the dossier's actions, its code, the date picker, Ông / Bà. */
import { idFamily, actionFamily, type CallbackFamily } from "./core.js";

/**
 * The buttons of an overdue Dossier: under the prompt "Lập văn bản xin lỗi" (apology) and "Đã
 * trả kết quả" (returned, which asks: returnedConfirm / returnedKeep); "Lập báo cáo giải trình"
 * (explanation); "Gửi thủ trưởng duyệt" (sendToHead); in the head's chat "Duyệt" (approve) and
 * "Trả lại" (sendBack).
 */
export type DossierAction =
  | "apology"
  | "explanation"
  | "returned"
  | "returnedConfirm"
  | "returnedKeep"
  | "sendToHead"
  | "approve"
  | "sendBack";
export type DossierButton = { action: DossierAction; dossierId: number };
export const dossierButton = actionFamily<DossierAction, DossierButton>(
  "dx",
  {
    a: "apology",
    g: "explanation",
    r: "returned",
    rc: "returnedConfirm",
    rk: "returnedKeep",
    s: "sendToHead",
    ok: "approve",
    no: "sendBack",
  },
  (action, dossierId) => ({ action, dossierId }),
  (v) => [v.action, v.dossierId],
);

/** A dossier code offered as a button (bare `/hoso`, `/quahan`): opens that Dossier's view. */
export type DossierViewButton = { dossierId: number };
export const dossierViewButton = idFamily<DossierViewButton>(
  "hs",
  (dossierId) => ({ dossierId }),
  (v) => v.dossierId,
);

/**
 * The inline date picker (render/datePicker.ts): "month" shows another month, "pick" chooses a
 * day, "past" is a day that cannot be chosen (answered with why), "none" a label (weekday
 * names, the month's title, padding). The question it answers is the message it is on (the
 * pending-question store keys on it), so no id travels in the data.
 */
export type DatePickerButton =
  | { kind: "month"; year: number; month: number }
  | { kind: "pick" | "past"; date: string }
  | { kind: "none" };
const DATE_PICK_WHOLE = /^cal:(?:(m):(\d{4})(\d{2})|([dp]):(\d{4})(\d{2})(\d{2})|(n))$/;
const validDay = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};
export const datePickerButton: CallbackFamily<DatePickerButton> = {
  pattern: /^cal:/,
  encode(v) {
    if (v.kind === "none") return "cal:n";
    if (v.kind === "month") return `cal:m:${v.year}${String(v.month).padStart(2, "0")}`;
    return `cal:${v.kind === "pick" ? "d" : "p"}:${v.date.replace(/-/g, "")}`;
  },
  parse(data) {
    const m = DATE_PICK_WHOLE.exec(data ?? "");
    if (!m) return null;
    if (m[8]) return { kind: "none" };
    if (m[1]) {
      const year = Number(m[2]);
      const month = Number(m[3]);
      return year >= 2000 && year <= 2100 && month >= 1 && month <= 12 ? { kind: "month", year, month } : null;
    }
    const [y, mo, d] = [Number(m[5]), Number(m[6]), Number(m[7])];
    if (y < 2000 || y > 2100 || !validDay(y, mo, d)) return null;
    return { kind: m[4] === "d" ? "pick" : "past", date: `${m[5]}-${m[6]}-${m[7]}` };
  },
};

/**
 * "Ông" / "Bà" under the question of how to address a dossier's applicant. Like the date picker,
 * the question is the message the buttons are on (the pending-question store keys on it).
 */
export type SalutationButton = { salutation: "Ông" | "Bà" };
export const salutationButton: CallbackFamily<SalutationButton> = {
  pattern: /^sal:/,
  encode: (v) => (v.salutation === "Ông" ? "sal:o" : "sal:b"),
  parse: (data) => (data === "sal:o" ? { salutation: "Ông" } : data === "sal:b" ? { salutation: "Bà" } : null),
};
