/** Buttons of administration: registrations, directives, resending, role grants. */
import type { GrantableRole, Role } from "../../domain/roles.js";
import { actionFamily, parseRowId, type CallbackFamily } from "./core.js";

/** The administrator's "Duyệt" / "Từ chối" of a Registration. */
export type RegistrationButton = { approve: boolean; registrationId: number };
export const registrationButton = actionFamily<"approve" | "reject", RegistrationButton>(
  "reg",
  { ok: "approve", no: "reject" },
  (action, registrationId) => ({ approve: action === "approve", registrationId }),
  (v) => [v.approve ? "approve" : "reject", v.registrationId],
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
