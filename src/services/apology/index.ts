/**
 * The apology-letter use-cases bound to the application's dependencies (docs/DOSSIERS.md): drafts,
 * the head's decision, who approves, and the nightly erasure of letter files.
 */
import { listApprovers, updateApproverNames } from "../../db/repos/approvers.js";
import { bindDeps } from "../bind.js";
import type { AppDeps } from "../context.js";
import { headChatIds } from "../dossiers/chats.js";
import { deliveredRequests } from "./approvalRequests.js";
import { designate, remove, setOwnName } from "./approvers.js";
import { approveDrafts, canDecide, returnDrafts } from "./decision.js";
import { checkStart, submitDrafts } from "./flow.js";
import { resendDrafts } from "./head.js";
import { eraseLetterFiles } from "./letterRetention.js";

export function apologyUseCases(deps: AppDeps) {
  return {
    checkStart: bindDeps(deps, checkStart),
    submitDrafts: bindDeps(deps, submitDrafts),
    approveDrafts: bindDeps(deps, approveDrafts),
    canDecide: bindDeps(deps, canDecide),
    returnDrafts: bindDeps(deps, returnDrafts),
    resendDrafts: bindDeps(deps, resendDrafts),
    deliveredRequests: bindDeps(deps, deliveredRequests),
    eraseLetterFiles: bindDeps(deps, eraseLetterFiles),
  };
}
export type ApologyUseCases = ReturnType<typeof apologyUseCases>;

/** `/nguoiduyet`: who approves a unit's letters, and the heads' chats where they decide. */
export function approverUseCases(deps: AppDeps) {
  return {
    listApprovers: bindDeps(deps.prisma, listApprovers),
    updateApproverNames: bindDeps(deps.prisma, updateApproverNames),
    designate: bindDeps(deps, designate),
    remove: bindDeps(deps, remove),
    setOwnName: bindDeps(deps, setOwnName),
    headChatIds: bindDeps(deps, headChatIds),
  };
}
export type ApproverUseCases = ReturnType<typeof approverUseCases>;
