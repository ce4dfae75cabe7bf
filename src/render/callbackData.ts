/**
 * Callback data of inline buttons (STYLE.md habit 9): one typed family per kind of button, each
 * with its `pattern` (what a Composer listens to: every press of the family, so a bad one is
 * answered rather than passed on), `encode` (what a button carries, within Telegram's 64 bytes)
 * and `parse` (the press, checked, or null). Any client can send any callback data: ids are
 * bounded here, at the edge, before they reach a query (bot/buttons.ts answers a null). It lives
 * in render/ with the texts because services, jobs and delivery encode the buttons of the
 * messages they queue, and they must not import the grammY edge (bot/) to do it.
 */

import type { GrantableRole, Role } from "../domain/roles.js";

export type CallbackFamily<T> = {
  pattern: RegExp;
  encode(value: T): string;
  parse(data: string | undefined): T | null;
};

/**
 * Every id a button carries is the `Int @id` of a table (prisma/schema.prisma): PostgreSQL's
 * `integer`, at most 2^31 - 1. A larger number is refused by the database as an error, not
 * "not found", so it is refused here.
 */
export const MAX_ROW_ID = 2 ** 31 - 1;

/** Digits only, no leading zero, 1 … MAX_ROW_ID; anything else is null. */
export function parseRowId(text: string | undefined): number | null {
  if (text === undefined || !/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= MAX_ROW_ID ? id : null;
}

/** `<prefix>:<id>`. */
function idFamily<T>(prefix: string, toValue: (id: number) => T, idOf: (value: T) => number): CallbackFamily<T> {
  const whole = new RegExp(`^${prefix}:(\\d+)$`);
  return {
    pattern: new RegExp(`^${prefix}:`),
    encode: (value) => `${prefix}:${idOf(value)}`,
    parse(data) {
      const id = parseRowId(whole.exec(data ?? "")?.[1]);
      return id === null ? null : toValue(id);
    },
  };
}

/** `<prefix>:<code>:<id>`, the code naming one of a few actions. */
function actionFamily<A extends string, T>(
  prefix: string,
  codes: Readonly<Record<string, A>>,
  toValue: (action: A, id: number) => T,
  partsOf: (value: T) => readonly [A, number],
): CallbackFamily<T> {
  const byAction = new Map<string, string>(Object.entries(codes).map(([code, action]) => [action, code]));
  const whole = new RegExp(`^${prefix}:([a-z]+):(\\d+)$`);
  return {
    pattern: new RegExp(`^${prefix}:`),
    encode(value) {
      const [action, id] = partsOf(value);
      return `${prefix}:${byAction.get(action) ?? ""}:${id}`;
    },
    parse(data) {
      const m = whole.exec(data ?? "");
      const code = m?.[1];
      const action = code !== undefined && Object.hasOwn(codes, code) ? codes[code] : undefined;
      const id = parseRowId(m?.[2]);
      return action === undefined || id === null ? null : toValue(action, id);
    },
  };
}

/** "↩️ Hoàn tác" under a `/nop` answer: a FigureRevision. */
export type UndoButton = { revisionId: number };
export const undoButton = idFamily<UndoButton>(
  "undo",
  (revisionId) => ({ revisionId }),
  (v) => v.revisionId,
);

/**
 * "✅ Xong <mã>" under a task reminder: a TaskOccurrence. The press only asks to confirm
 * (taskStepButton "confirm" marks it done), so a slip of the thumb in a busy group marks nothing.
 */
export type TaskButton = { rowId: number };
export const taskButton = idFamily<TaskButton>(
  "task",
  (rowId) => ({ rowId }),
  (v) => v.rowId,
);

/**
 * The steps after "✅ Xong": confirm / keep (the confirmation of the reminder's button), then
 * under the bot's "đã ghi nhận hoàn thành" "📎 Gửi minh chứng" (evidence) / "Bỏ qua" (skip).
 */
export type TaskStep = "confirm" | "keep" | "evidence" | "skip";
export type TaskStepButton = { step: TaskStep; rowId: number };
export const taskStepButton = actionFamily<TaskStep, TaskStepButton>(
  "tk",
  { c: "confirm", k: "keep", e: "evidence", s: "skip" },
  (step, rowId) => ({ step, rowId }),
  (v) => [v.step, v.rowId],
);

/** The administrator's "Duyệt" / "Từ chối" of a Registration. */
export type RegistrationButton = { approve: boolean; registrationId: number };
export const registrationButton = actionFamily<"approve" | "reject", RegistrationButton>(
  "reg",
  { ok: "approve", no: "reject" },
  (action, registrationId) => ({ approve: action === "approve", registrationId }),
  (v) => [v.approve ? "approve" : "reject", v.registrationId],
);

/** "Lưu …" / "Huỷ" under a held upload: a PendingUpload. */
export type HeldUploadButton = { save: boolean; pendingId: number };
export const heldUploadButton = actionFamily<"save" | "cancel", HeldUploadButton>(
  "up",
  { ok: "save", no: "cancel" },
  (action, pendingId) => ({ save: action === "save", pendingId }),
  (v) => [v.save ? "save" : "cancel", v.pendingId],
);

/** "↩️ Hoàn tác" under a held upload once saved: the PendingUpload whose save it reverts. */
export type UploadUndoButton = { pendingId: number };
export const uploadUndoButton = idFamily<UploadUndoButton>(
  "uu",
  (pendingId) => ({ pendingId }),
  (v) => v.pendingId,
);

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

/** The buttons of `/chithi`: pause, resume, remove (asks), remove confirmed, keep. */
export type DirectiveButton = { action: "pause" | "resume" | "remove" | "removeConfirm" | "keep"; rowId: number };
export const directiveButton = actionFamily<DirectiveButton["action"], DirectiveButton>(
  "dv",
  { p: "pause", r: "resume", d: "remove", x: "removeConfirm", k: "keep" },
  (action, rowId) => ({ action, rowId }),
  (v) => [v.action, v.rowId],
);

/** "✅ Áp dụng" / "Huỷ" under the dry run of a directive file. */
export type DirectivePlanButton = { apply: boolean; pendingId: number };
export const directivePlanButton = actionFamily<"apply" | "cancel", DirectivePlanButton>(
  "dp",
  { ok: "apply", no: "cancel" },
  (action, pendingId) => ({ apply: action === "apply", pendingId }),
  (v) => [v.apply ? "apply" : "cancel", v.pendingId],
);

/**
 * The resend buttons under a delivery loss summary: the outbox ids it covers, `first`…`last`.
 * "useful" re-queues the given-up messages no newer one of their kind has replaced; "askAll"
 * asks before "all" re-queues every one; "keep" leaves them. A range wider than MAX_RESEND_SPAN
 * is no summary the bot wrote.
 */
export type ResendAction = "useful" | "askAll" | "all" | "keep";
export type ResendButton = { action: ResendAction; first: number; last: number };
export const MAX_RESEND_SPAN = 1_000_000;
const RESEND_CODES: Readonly<Record<string, ResendAction>> = { u: "useful", a: "askAll", y: "all", n: "keep" };
const RESEND_WHOLE = /^rs:([a-z]):(\d+):(\d+)$/;
export const resendButton: CallbackFamily<ResendButton> = {
  pattern: /^rs:/,
  encode: (v) => `rs:${Object.keys(RESEND_CODES).find((c) => RESEND_CODES[c] === v.action) ?? ""}:${v.first}:${v.last}`,
  parse(data) {
    const m = RESEND_WHOLE.exec(data ?? "");
    const code = m?.[1];
    const action = code !== undefined && Object.hasOwn(RESEND_CODES, code) ? RESEND_CODES[code] : undefined;
    const first = parseRowId(m?.[2]);
    const last = parseRowId(m?.[3]);
    if (action === undefined || first === null || last === null) return null;
    return first <= last && last - first <= MAX_RESEND_SPAN ? { action, first, last } : null;
  },
};

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

/**
 * The buttons under a leaders' digest: remind the units that have not reported ("remind"), the
 * full list ("list"), the figures as .xlsx ("xlsx"), the indicator picker ("pick") and one
 * indicator's chart ("chart", with its code). They carry the subtree's root unit and the month the
 * digest showed, so a press days later still acts on the digest's own month.
 */
export type DigestAction = "remind" | "list" | "xlsx" | "pick" | "chart";
export type DigestButton = { action: DigestAction; root: string; period: string; indicator?: string };
/** Telegram's limit on callback data, in bytes. */
export const CALLBACK_DATA_MAX = 64;
const DIGEST_CODES: Readonly<Record<string, DigestAction>> = {
  r: "remind",
  l: "list",
  x: "xlsx",
  i: "pick",
  c: "chart",
};
const CODE = "[A-Za-z0-9_.-]{1,40}";
const DIGEST_WHOLE = new RegExp(`^dg:([a-z]):(${CODE}):(\\d{4})(\\d{2})(?::(${CODE}))?$`);
export const digestButton: CallbackFamily<DigestButton> = {
  pattern: /^dg:/,
  encode: (v) =>
    `dg:${Object.keys(DIGEST_CODES).find((c) => DIGEST_CODES[c] === v.action) ?? ""}:${v.root}:${v.period.replace("-", "")}${
      v.indicator !== undefined ? `:${v.indicator}` : ""
    }`,
  parse(data) {
    const m = DIGEST_WHOLE.exec(data ?? "");
    const code = m?.[1];
    const action = code !== undefined && Object.hasOwn(DIGEST_CODES, code) ? DIGEST_CODES[code] : undefined;
    const [root, year, month, indicator] = [m?.[2], m?.[3], m?.[4], m?.[5]];
    if (action === undefined || root === undefined || year === undefined || month === undefined) return null;
    if (Number(month) < 1 || Number(month) > 12) return null;
    // Only "chart" names an indicator, and it must.
    if ((action === "chart") !== (indicator !== undefined)) return null;
    return { action, root, period: `${year}-${month}`, ...(indicator !== undefined ? { indicator } : {}) };
  },
};

/**
 * The buttons of a `/nop` question (services/figures/questions.ts), its id first: "choose"
 * indicator number `index` of the list shown, "month" 0 (this month) or 1 (last month), "save"
 * (Ghi), "cancel" (Huỷ). An index beyond MAX_NOP_CHOICE is no button the bot drew.
 */
export type NopButton =
  | { action: "choose"; questionId: number; index: number }
  | { action: "month"; questionId: number; index: 0 | 1 }
  | { action: "save" | "cancel"; questionId: number };
export const MAX_NOP_CHOICE = 49;
const NOP_WHOLE = /^nop:([icsp]):(\d+)(?::(\d{1,2}))?$/;
export const nopButton: CallbackFamily<NopButton> = {
  pattern: /^nop:/,
  encode(v) {
    if (v.action === "choose") return `nop:i:${v.questionId}:${v.index}`;
    if (v.action === "month") return `nop:p:${v.questionId}:${v.index}`;
    return `nop:${v.action === "save" ? "s" : "c"}:${v.questionId}`;
  },
  parse(data) {
    const m = NOP_WHOLE.exec(data ?? "");
    const questionId = parseRowId(m?.[2]);
    if (!m || questionId === null) return null;
    const index = m[3] === undefined ? null : Number(m[3]);
    switch (m[1]) {
      case "i":
        return index !== null && index <= MAX_NOP_CHOICE ? { action: "choose", questionId, index } : null;
      case "p":
        return index === 0 || index === 1 ? { action: "month", questionId, index } : null;
      case "s":
        return index === null ? { action: "save", questionId } : null;
      default:
        return index === null ? { action: "cancel", questionId } : null;
    }
  },
};

/**
 * "↩️ Huỷ" under a role grant: the Person row, the role granted and the role before it
 * ("-" none), so the undo puts back exactly what the grant replaced.
 */
export type RoleUndoButton = { rowId: number; granted: GrantableRole; previous: Role | null };
const ROLE_CODES = { a: "admin", l: "leader", o: "officer" } as const;
export const roleUndoButton: CallbackFamily<RoleUndoButton> = {
  pattern: /^rq:/,
  encode: (v) => `rq:${v.granted[0]}${v.previous === null ? "-" : v.previous[0]}:${v.rowId}`,
  parse(data) {
    const m = /^rq:([al])([alo-]):(\d+)$/.exec(data ?? "");
    const rowId = parseRowId(m?.[3]);
    if (!m || rowId === null) return null;
    const granted = m[1] === "a" ? "admin" : "leader";
    const p = m[2];
    const previous = p === "a" || p === "l" || p === "o" ? ROLE_CODES[p] : null;
    return { rowId, granted, previous };
  },
};
