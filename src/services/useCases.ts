/**
 * The one composition point of the use-cases: every feature's group, bound to the application's
 * dependencies. Bot features and jobs get `AppServices` — the use-cases and the harmless values
 * (catalog reader, clock, logger, configured administrators) — never the database client: a rule
 * of README "Kiến trúc" that `npm run deps` and test/tooling/useCases.test.ts check.
 */
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import type { DashboardLink } from "../render/dashboardButton.js";
import { apologyUseCases, approverUseCases } from "./apology/index.js";
import { chatUseCases } from "./chats/index.js";
import type { AppDeps, CatalogReader } from "./context.js";
import { dashboardUseCases } from "./dashboard/index.js";
import { digestUseCases } from "./digest/index.js";
import { directiveUseCases } from "./directives/index.js";
import { dossierUseCases } from "./dossiers/index.js";
import { figureUseCases } from "./figures/index.js";
import { indexUseCases } from "./index/index.js";
import type { MenuPublisher } from "./menus/publish.js";
import { outboxUseCases } from "./outbox/index.js";
import { registrationUseCases } from "./registration/index.js";
import { reminderUseCases } from "./reminders/index.js";
import { roleUseCases } from "./roles/index.js";
import { taskUseCases } from "./tasks/index.js";
import { updateUseCases } from "./updates/index.js";
import { uploadUseCases } from "./uploads/index.js";

/** `menus`: registrations and grants also set the command menus (the bot passes its publisher). */
export function createUseCases(deps: AppDeps, menus?: MenuPublisher) {
  return {
    apology: apologyUseCases(deps),
    approvers: approverUseCases(deps),
    chats: chatUseCases(deps),
    dashboard: dashboardUseCases(deps),
    digest: digestUseCases(deps),
    directives: directiveUseCases(deps, menus),
    dossiers: dossierUseCases(deps),
    figures: figureUseCases(deps),
    index: indexUseCases(deps),
    outbox: outboxUseCases(deps),
    registration: registrationUseCases(deps, menus),
    reminders: reminderUseCases(deps),
    roles: roleUseCases(deps, menus),
    tasks: taskUseCases(deps),
    updates: updateUseCases(deps),
    uploads: uploadUseCases(deps),
  };
}
export type UseCases = ReturnType<typeof createUseCases>;

/** What the edges hold besides the use-cases. */
export interface EdgeDeps {
  catalog: CatalogReader;
  clock: Clock;
  logger: Logger;
  /** ADMIN_IDS of the configuration: administrators no command can demote. */
  adminIds: readonly bigint[];
  /** Where the dashboard Mini App is, null when it is off (its buttons are then left out). */
  dashboardLink(): DashboardLink | null;
}

export interface AppServices extends EdgeDeps {
  uc: UseCases;
  /**
   * The same use-cases with the bot's command-menu publisher (built from `bot.api`, so only
   * createBot has it): an approved registration and a grant then set the menus.
   */
  withMenus(menus: MenuPublisher): UseCases;
}

export function createAppServices(deps: AppDeps): AppServices {
  return {
    uc: createUseCases(deps),
    withMenus: (menus) => createUseCases(deps, menus),
    // The holder itself, not a copy: a reload is seen at the next `get()`.
    catalog: deps.catalog,
    clock: deps.clock,
    logger: deps.logger,
    adminIds: deps.adminIds,
    // Read at each call: the app learns the link only once its server listens and the bot knows its name.
    dashboardLink: () => deps.dashboardLink?.() ?? null,
  };
}
