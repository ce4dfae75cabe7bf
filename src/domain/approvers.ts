/**
 * Who may approve or send back a unit's apology letters and explanation reports
 * (docs/DOSSIERS.md "Ai được duyệt"). Membership of the heads' chat is not enough: the unit's
 * approvers are named, and nobody decides on a draft they made — an officer approving her own
 * letter would issue it as official with nobody else having read it.
 */

export type ApproverRole = "head" | "deputy";
export type ApproverSource = "registration" | "designated" | "unitList";

export type Approver = {
  telegramId: bigint;
  role: ApproverRole;
  /** The official full name printed on letters; null: the Telegram name is used. */
  name: string | null;
  telegramName: string | null;
  source: ApproverSource;
};

export type DecisionRight =
  | { ok: true; approver: Approver }
  | { ok: false; reason: "not-approver" | "drafter"; others: Approver[] };

/** Heads before deputies, then by name: the order approvers are listed in. */
export function sortApprovers(list: readonly Approver[]): Approver[] {
  const rank = (a: Approver) => (a.role === "head" ? 0 : 1);
  return [...list].sort((a, b) => rank(a) - rank(b) || approverName(a).localeCompare(approverName(b), "vi"));
}

/**
 * May `userId` decide on drafts made by `drafters`? When not, `others` are who may: the
 * approvers who drafted none of them.
 */
export function decisionRight(
  approvers: readonly Approver[],
  userId: bigint,
  drafters: readonly bigint[],
): DecisionRight {
  const others = sortApprovers(approvers.filter((a) => a.telegramId !== userId && !drafters.includes(a.telegramId)));
  const me = approvers.find((a) => a.telegramId === userId);
  if (!me) return { ok: false, reason: "not-approver", others };
  if (drafters.includes(userId)) return { ok: false, reason: "drafter", others };
  return { ok: true, approver: me };
}

/** The name shown and recorded: official name, else the Telegram name, else the id. */
export function approverName(a: Pick<Approver, "name" | "telegramName" | "telegramId">): string {
  return a.name ?? a.telegramName ?? `id ${a.telegramId}`;
}

export const ROLE_LABELS: Record<ApproverRole, string> = { head: "thủ trưởng", deputy: "phó" };

export function isApproverRole(s: string | null | undefined): s is ApproverRole {
  return s === "head" || s === "deputy";
}

/** An official name typed by a person: one line, 2–100 characters. */
export function checkOfficialName(text: string): string | null {
  const name = text.replace(/\s+/g, " ").trim();
  return name.length >= 2 && name.length <= 100 ? name : null;
}
