/**
 * The Mini App's page (docs/WEBAPP.md "Trang"): the shell, its assets, the server-rendered view
 * and its .xlsx. It reads only through the use-cases (`uc.dashboard`), with the scope the server
 * decided; it never sees `initData` and never widens the scope.
 */
import { formatViMonth } from "../../domain/directive/dates.js";
import type { UseCases } from "../../services/useCases.js";
import type { DashboardFilters, DashboardPage, DashboardScope } from "../contract.js";
import { readAsset } from "./assets.js";
import { pageCharts } from "./charts.js";
import { renderView } from "./render.js";
import { shellHtml } from "./shell.js";
import { dashboardXlsx } from "./xlsx.js";

export function createDashboardPage(services: { uc: Pick<UseCases, "dashboard"> }): DashboardPage {
  const model = (scope: DashboardScope, filters: DashboardFilters) =>
    services.uc.dashboard.view({ rootUnitIds: scope.rootUnitIds, subtree: scope.subtree }, filters);
  return {
    shell: shellHtml,
    asset: readAsset,
    async view(scope, filters) {
      const m = await model(scope, filters);
      return { html: renderView(m), charts: pageCharts(m) };
    },
    async exportXlsx(scope, filters) {
      const m = await model(scope, filters);
      const body = await dashboardXlsx(m);
      return {
        fileName: `dondoc-tinh-hinh-${formatViMonth(m.period).replace("/", "-")}.xlsx`,
        body: new Uint8Array(body),
      };
    },
  };
}
