/** The upload use-cases bound to the application's dependencies: `/nhap`, a table sent, its held save and its undo. */
import { bindDeps } from "../bind.js";
import type { AppDeps } from "../context.js";
import { cancelPending, confirmPending, isUploadPrompt, recordUploadPrompt } from "./pending.js";
import { undoSavedUpload } from "./undo.js";
import { processUpload } from "./uploads.js";

export function uploadUseCases(deps: AppDeps) {
  return {
    recordUploadPrompt: bindDeps(deps, recordUploadPrompt),
    isUploadPrompt: bindDeps(deps, isUploadPrompt),
    processUpload: bindDeps(deps, processUpload),
    confirmPending: bindDeps(deps, confirmPending),
    cancelPending: bindDeps(deps, cancelPending),
    undoSavedUpload: bindDeps(deps, undoSavedUpload),
  };
}
export type UploadUseCases = ReturnType<typeof uploadUseCases>;
