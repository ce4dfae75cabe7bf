/** The Mini App page's use-cases bound to the application's dependencies (docs/WEBAPP.md "Trang"). */
import { bindDeps } from "../bind.js";
import type { AppDeps } from "../context.js";
import { dashboardView } from "./view.js";

export function dashboardUseCases(deps: AppDeps) {
  return {
    /** Everything the page shows for a scope and its filters, as plain data. */
    view: bindDeps(deps, dashboardView),
  };
}
export type DashboardUseCases = ReturnType<typeof dashboardUseCases>;
export type * from "./types.js";
