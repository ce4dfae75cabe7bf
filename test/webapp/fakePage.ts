/**
 * A stand-in for the dashboard page (src/webapp/page/, built beside this work): it echoes the scope
 * and filters the server hands it, so the tests see exactly what a person was allowed.
 */
import type { DashboardFilters, DashboardPage, DashboardScope } from "../../src/webapp/contract.js";

export type FakePage = DashboardPage & { calls: { scope: DashboardScope; filters: DashboardFilters }[] };

export const plainScope = (s: DashboardScope) => ({
  ...s,
  userId: String(s.userId),
  chatId: s.chatId === null ? null : String(s.chatId),
});

export function fakePage(o: { fail?: Error } = {}): FakePage {
  const calls: FakePage["calls"] = [];
  return {
    calls,
    shell: () =>
      '<!doctype html><html lang="vi"><head><script src="/app/assets/app.js"></script></head><body><h1>Bảng điều khiển (giả)</h1></body></html>',
    async asset(name) {
      return name === "app.js"
        ? { contentType: "text/javascript; charset=utf-8", body: Buffer.from("void 0;") }
        : undefined;
    },
    async view(scope, filters) {
      if (o.fail) throw o.fail;
      calls.push({ scope, filters });
      return { html: "<p>ok</p>", charts: { scope: plainScope(scope), filters } };
    },
    async exportXlsx(scope, filters) {
      calls.push({ scope, filters });
      return { fileName: "Bảng điều khiển.xlsx", body: Buffer.from("PK\u0003\u0004") };
    },
  };
}
