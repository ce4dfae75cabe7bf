/**
 * The boundary between the Mini App's server (authentication, scoping, routes: src/webapp/) and
 * its page (what a leader sees: src/webapp/page/). The server verifies Telegram's `initData`,
 * decides what the person may see, and hands the page a `DashboardScope`; the page never sees
 * `initData` and never widens the scope. Plain data only.
 */
import type { Level } from "../domain/evaluation/types.js";

/** Who may see what, decided by the server from verified `initData` and the person's role. */
export interface DashboardScope {
  /** The Telegram user the verified `initData` names. */
  userId: bigint;
  /** A leader sees the subtrees their leaders' chat follows; a unit head only their own unit. */
  kind: "leader" | "unitHead";
  /** The chat the page was opened from, when the launch names one. */
  chatId: bigint | null;
  /** Units whose subtree (leader) or only themselves (unit head) may be shown; never empty. */
  rootUnitIds: readonly string[];
  /** false for a unit head: the root units themselves, not their descendants. */
  subtree: boolean;
}

/** The page's filters, parsed (zod) by the server from the request; absent = all. */
export interface DashboardFilters {
  directive?: string;
  indicator?: string;
  tier?: string;
  level?: Level;
  /** A unit whose history over the months is shown; must be inside the scope. */
  unit?: string;
}

/** What the page module gives the server. */
export interface DashboardPage {
  /** GET /app: the HTML shell; its script reads the launch parameters from the URL hash. */
  shell(): string;
  /** GET /app/assets/<name>: the page's own script, style and chart library; undefined = 404. */
  asset(name: string): Promise<{ contentType: string; body: Uint8Array } | undefined>;
  /** POST /app/api/view: the server-rendered HTML of the view and the data its charts draw. */
  view(scope: DashboardScope, filters: DashboardFilters): Promise<{ html: string; charts: unknown }>;
  /** POST /app/api/export: the current view as .xlsx. */
  exportXlsx(scope: DashboardScope, filters: DashboardFilters): Promise<{ fileName: string; body: Uint8Array }>;
}
