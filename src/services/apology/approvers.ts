/**
 * A unit's approvers as use-cases (docs/DOSSIERS.md "Ai được duyệt"): who may decide on a
 * dossier's drafts, and `/nguoiduyet` — designate, remove, set one's official name. The rules
 * are in domain/approvers.ts; Telegram lookups (is this id in the heads' chat?) stay in the bot.
 */
import { decisionRight, type Approver, type ApproverRole, type DecisionRight } from "../../domain/approvers.js";
import { documentsOfDossier } from "../../db/repos/letters.js";
import { designateApprover, listApprovers, removeApprover, updateApproverNames } from "../../db/repos/approvers.js";
import type { AppDeps } from "../context.js";

/** The right of `userId` to decide on the pending drafts of dossier `dossierId` (unit `unitCode`). */
export async function rightToDecide(
  deps: Pick<AppDeps, "prisma">,
  unitCode: string,
  dossierId: number,
  userId: bigint,
): Promise<DecisionRight> {
  const pending = await documentsOfDossier(deps.prisma, dossierId, "pending");
  return decisionRight(
    await listApprovers(deps.prisma, unitCode),
    userId,
    pending.map((d) => d.createdBy),
  );
}

/** The name recorded on the letter: the official name, else the Telegram name the approver has now. */
export async function recordedDecider(
  deps: Pick<AppDeps, "prisma">,
  unitCode: string,
  approver: Approver,
  telegramName: string,
): Promise<{ name: string; role: ApproverRole }> {
  await updateApproverNames(deps.prisma, { ...approver, unitCode }, { telegramName });
  return { name: approver.name ?? telegramName, role: approver.role };
}

/** Heads (and administrators) name the other approvers; deputies do not name each other. */
export function mayManage(approvers: readonly Approver[], callerId: bigint, callerIsAdmin: boolean): boolean {
  return callerIsAdmin || approvers.some((a) => a.telegramId === callerId && a.role === "head");
}

export type ManageRefusal = "not-allowed" | "not-approver" | "from-unit-list" | "last-head";

export async function designate(
  deps: Pick<AppDeps, "prisma">,
  input: {
    unitCode: string;
    callerId: bigint;
    callerIsAdmin: boolean;
    targetId: bigint;
    telegramName: string | null;
    role: ApproverRole;
    name: string | null;
  },
): Promise<{ ok: true; approver: Approver } | { ok: false; reason: ManageRefusal }> {
  const approvers = await listApprovers(deps.prisma, input.unitCode);
  if (!mayManage(approvers, input.callerId, input.callerIsAdmin)) return { ok: false, reason: "not-allowed" };
  const current = approvers.find((a) => a.telegramId === input.targetId);
  if (current?.source === "unitList") return { ok: false, reason: "from-unit-list" };
  if (current?.role === "head" && input.role === "deputy" && approvers.filter((a) => a.role === "head").length === 1) {
    return { ok: false, reason: "last-head" };
  }
  await designateApprover(deps.prisma, { ...input, telegramId: input.targetId, grantedBy: input.callerId });
  return {
    ok: true,
    approver: {
      telegramId: input.targetId,
      role: input.role,
      name: input.name ?? current?.name ?? null,
      telegramName: input.telegramName ?? current?.telegramName ?? null,
      source: "designated",
    },
  };
}

export async function remove(
  deps: Pick<AppDeps, "prisma">,
  input: { unitCode: string; callerId: bigint; callerIsAdmin: boolean; targetId: bigint },
): Promise<{ ok: true; approver: Approver } | { ok: false; reason: ManageRefusal }> {
  const approvers = await listApprovers(deps.prisma, input.unitCode);
  if (!mayManage(approvers, input.callerId, input.callerIsAdmin)) return { ok: false, reason: "not-allowed" };
  const target = approvers.find((a) => a.telegramId === input.targetId);
  if (!target) return { ok: false, reason: "not-approver" };
  if (target.source === "unitList") return { ok: false, reason: "from-unit-list" };
  // A unit keeps a head: the letters need one to sign "CHỦ TỊCH", and deputies cannot name a new one.
  if (target.role === "head" && approvers.filter((a) => a.role === "head").length === 1)
    return { ok: false, reason: "last-head" };
  await removeApprover(deps.prisma, input.unitCode, input.targetId);
  return { ok: true, approver: target };
}

/** `/nguoiduyet ten <Họ và tên>`: an approver sets the name printed on the letters they approve. */
export async function setOwnName(
  deps: Pick<AppDeps, "prisma">,
  input: { unitCode: string; userId: bigint; name: string; telegramName: string },
): Promise<{ ok: true; approver: Approver } | { ok: false; reason: "not-approver" | "from-unit-list" }> {
  const me = (await listApprovers(deps.prisma, input.unitCode)).find((a) => a.telegramId === input.userId);
  if (!me) return { ok: false, reason: "not-approver" };
  if (me.source === "unitList") return { ok: false, reason: "from-unit-list" };
  await updateApproverNames(
    deps.prisma,
    { ...me, unitCode: input.unitCode },
    { name: input.name, telegramName: input.telegramName },
  );
  return { ok: true, approver: { ...me, name: input.name, telegramName: input.telegramName } };
}
