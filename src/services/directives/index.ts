/**
 * The directive use-cases bound to the application's dependencies: the administrator's file (dry
 * run, held until "✅ Áp dụng"), `/chithi` and its pause / resume / remove. Whatever changes the
 * loaded directives or units reloads the running bot's catalog before it returns.
 */
import { bindDeps } from "../bind.js";
import type { AppDeps } from "../context.js";
import type { TextFormat } from "../../directives/loadDirective.js";
import {
  changeDirective,
  findDirective,
  overviewDirectives,
  type ActionOutcome,
  type DirectiveAction,
  type DirectiveTarget,
} from "./admin.js";
import { installText, type InstallResult } from "./install.js";
import { applyHeldDirective, cancelHeldDirective, holdDirective } from "./pending.js";
import { planDirectiveText } from "./plan.js";
import type { MenuPublisher } from "../menus/publish.js";
import { withIndexMenus } from "../menus/indexMenus.js";

export type { DirectiveOverview } from "./admin.js";

/** `menus`: a change that loads the first scored index or removes the last sets every menu again. */
export function directiveUseCases(deps: AppDeps, menus?: MenuPublisher) {
  const db = deps.prisma;
  return {
    planDirectiveText: bindDeps(db, planDirectiveText),
    holdDirective: bindDeps(deps, holdDirective),
    applyHeldDirective: (req: Parameters<typeof applyHeldDirective>[1]) =>
      withIndexMenus(deps, menus, () => applyHeldDirective(deps, req)),
    cancelHeldDirective: bindDeps(deps, cancelHeldDirective),
    installText(text: string, format: TextFormat, loadedBy?: bigint): Promise<InstallResult> {
      return withIndexMenus(deps, menus, async () => {
        const result = await installText(db, text, format, loadedBy);
        if (result.ok) await deps.catalog.reload();
        return result;
      });
    },
    overviewDirectives: bindDeps(db, overviewDirectives),
    findDirective: bindDeps(db, findDirective),
    changeDirective(target: DirectiveTarget, action: DirectiveAction): Promise<ActionOutcome> {
      return withIndexMenus(deps, menus, async () => {
        const result = await changeDirective(db, target, action);
        if (result.ok) await deps.catalog.reload();
        return result;
      });
    },
  };
}
export type DirectiveUseCases = ReturnType<typeof directiveUseCases>;
