/** The figures use-cases bound to the application's dependencies: `/nop`, its undo, `/tinhhinh`. */
import { bindDeps } from "../bind.js";
import type { AppDeps } from "../context.js";
import { submitFigures, undoFigures } from "./figures.js";
import { askNop, closeNopQuestion, findNopQuestion, moveNopQuestion, nopQuestionRepliedTo } from "./questions.js";
import { subtreeStatus, unitStatus } from "./status.js";

export function figureUseCases(deps: AppDeps) {
  return {
    submitFigures: bindDeps(deps, submitFigures),
    undoFigures: bindDeps(deps, undoFigures),
    unitStatus: bindDeps(deps, unitStatus),
    subtreeStatus: bindDeps(deps, subtreeStatus),
    /** The guided `/nop`'s question: asked, found by its button or by the reply, moved a step, closed. */
    askNop: bindDeps(deps, askNop),
    findNopQuestion: bindDeps(deps, findNopQuestion),
    nopQuestionRepliedTo: bindDeps(deps, nopQuestionRepliedTo),
    moveNopQuestion: bindDeps(deps, moveNopQuestion),
    closeNopQuestion: bindDeps(deps, closeNopQuestion),
  };
}
export type FigureUseCases = ReturnType<typeof figureUseCases>;
