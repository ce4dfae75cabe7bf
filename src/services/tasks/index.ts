/** The task use-cases bound to the application's dependencies: `/nhiemvu`, `/xong`, evidence. */
import { bindDeps } from "../bind.js";
import type { AppDeps } from "../context.js";
import { checkRow, markRowDone, markTaskDone, openLeadRows } from "./done.js";
import {
  attachEvidenceFile,
  attachEvidenceNote,
  evidenceGate,
  evidencePromptRow,
  quotaRefusal,
  recordEvidencePrompt,
} from "./evidence.js";
import { taskItems, unitTaskList } from "./tasks.js";

export function taskUseCases(deps: AppDeps) {
  return {
    unitTaskList: bindDeps(deps.prisma, unitTaskList),
    taskItems: bindDeps(deps.prisma, taskItems),
    markTaskDone: bindDeps(deps, markTaskDone),
    markRowDone: bindDeps(deps, markRowDone),
    /** A reminder's "✅ Xong" before it is confirmed, and the open tasks bare `/xong` offers. */
    checkRow: bindDeps(deps, checkRow),
    openLeadRows: bindDeps(deps, openLeadRows),
    recordEvidencePrompt: bindDeps(deps, recordEvidencePrompt),
    evidencePromptRow: bindDeps(deps, evidencePromptRow),
    evidenceGate: bindDeps(deps, evidenceGate),
    quotaRefusal: bindDeps(deps, quotaRefusal),
    attachEvidenceFile: bindDeps(deps, attachEvidenceFile),
    attachEvidenceNote: bindDeps(deps, attachEvidenceNote),
  };
}
export type TaskUseCases = ReturnType<typeof taskUseCases>;
