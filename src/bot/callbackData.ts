/**
 * Callback data of inline buttons (STYLE.md habit 9): one typed family per kind of button, each
 * with its `pattern` (what a Composer listens to), `encode` (what a button carries, within
 * Telegram's 64 bytes) and `parse` (the press, checked, or null). Buttons of other features
 * still build and match their data where they are (task:, up:, dx:, reg:, undo:) and are to
 * move here.
 */

export type CallbackFamily<T> = { pattern: RegExp; encode(value: T): string; parse(data: string | undefined): T | null };

const ID = "(\\d{1,12})";

/** The buttons of `/chithi`: pause, resume, remove (asks), remove confirmed, keep. */
export type DirectiveButton = { action: "pause" | "resume" | "remove" | "removeConfirm" | "keep"; rowId: number };
const DIRECTIVE_ACTIONS = { p: "pause", r: "resume", d: "remove", x: "removeConfirm", k: "keep" } as const;
const directiveLetters = new Map(Object.entries(DIRECTIVE_ACTIONS).map(([letter, action]) => [action, letter]));

export const directiveButton: CallbackFamily<DirectiveButton> = {
  pattern: new RegExp(`^dv:([prdxk]):${ID}$`),
  encode: ({ action, rowId }) => `dv:${directiveLetters.get(action) ?? "p"}:${rowId}`,
  parse(data) {
    const m = directiveButton.pattern.exec(data ?? "");
    const letter = m?.[1] as keyof typeof DIRECTIVE_ACTIONS | undefined;
    return m && letter ? { action: DIRECTIVE_ACTIONS[letter], rowId: Number(m[2]) } : null;
  },
};

/** "✅ Áp dụng" / "Huỷ" under the dry run of a directive file. */
export type DirectivePlanButton = { apply: boolean; pendingId: number };

export const directivePlanButton: CallbackFamily<DirectivePlanButton> = {
  pattern: new RegExp(`^dp:(ok|no):${ID}$`),
  encode: ({ apply, pendingId }) => `dp:${apply ? "ok" : "no"}:${pendingId}`,
  parse(data) {
    const m = directivePlanButton.pattern.exec(data ?? "");
    return m ? { apply: m[1] === "ok", pendingId: Number(m[2]) } : null;
  },
};
