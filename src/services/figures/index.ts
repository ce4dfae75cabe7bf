/** The figures use-cases bound to the application's dependencies: `/nop`, its undo, `/tinhhinh`. */
import { bindDeps } from "../bind.js";
import type { AppDeps } from "../context.js";
import { submitFigures, undoFigures } from "./figures.js";
import { subtreeStatus, unitStatus } from "./status.js";

export function figureUseCases(deps: AppDeps) {
  return {
    submitFigures: bindDeps(deps, submitFigures),
    undoFigures: bindDeps(deps, undoFigures),
    unitStatus: bindDeps(deps, unitStatus),
    subtreeStatus: bindDeps(deps, subtreeStatus),
  };
}
export type FigureUseCases = ReturnType<typeof figureUseCases>;
