/** Buttons under a leaders' digest. */
import type { CallbackFamily } from "./core.js";

/**
 * The buttons under a leaders' digest: remind the units that have not reported ("remind"), the
 * full list ("list"), the figures as .xlsx ("xlsx"), the indicator picker ("pick") and one
 * indicator's chart ("chart", with its code). They carry the subtree's root unit and the month the
 * digest showed, so a press days later still acts on the digest's own month.
 */
export type DigestAction = "remind" | "list" | "xlsx" | "pick" | "chart";
export type DigestButton = { action: DigestAction; root: string; period: string; indicator?: string };
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
