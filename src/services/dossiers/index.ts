/**
 * The dossier use-cases bound to the application's dependencies: `/nhaphoso`, `/hoso`, `/quahan`,
 * `/dsquahan`, the answers to the bot's questions about a dossier, and the overdue sweep.
 */
import { dossierById, dossierCodeById } from "../../db/repos/dossiers.js";
import { bindDeps } from "../bind.js";
import type { AppDeps } from "../context.js";
import { importDossierFile } from "./importList.js";
import { buildLateList } from "./lateList.js";
import { askPending, closePending, findPending } from "./pending.js";
import { dossiersNeedingAttention, findDossiers } from "./query.js";
import { sweepOverdue } from "./sweep.js";
import { markResultReturned } from "./write.js";

export function dossierUseCases(deps: AppDeps) {
  return {
    importDossierFile: bindDeps(deps, importDossierFile),
    askPending: bindDeps(deps, askPending),
    findPending: bindDeps(deps, findPending),
    closePending: bindDeps(deps, closePending),
    dossierById: bindDeps(deps.prisma, dossierById),
    /** The dossier's code, "" when it is gone. */
    dossierCodeById: bindDeps(deps.prisma, dossierCodeById),
    findDossiers: bindDeps(deps, findDossiers),
    dossiersNeedingAttention: bindDeps(deps, dossiersNeedingAttention),
    buildLateList: bindDeps(deps, buildLateList),
    markResultReturned: bindDeps(deps, markResultReturned),
    sweepOverdue: bindDeps(deps, sweepOverdue),
  };
}
export type DossierUseCases = ReturnType<typeof dossierUseCases>;
