/**
 * What every use-case gets: the database, the catalog of units and directives, the clock. Only the
 * services and the composition root hold it: the bot and the jobs get the use-cases bound to it
 * (`AppServices`, useCases.ts).
 */
import type { Db } from "../db/client.js";
import type { Catalog } from "../domain/catalog.js";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import type { DashboardLink } from "../render/dashboardButton.js";

/** The catalog as the bot and the jobs see it: read only; the use-cases that change it reload it. */
export interface CatalogReader {
  get(): Catalog;
}

export interface CatalogHolder extends CatalogReader {
  /** Rebuilds the catalog from the database after a directive or unit list is loaded. */
  reload(): Promise<Catalog>;
}

export interface AppDeps {
  prisma: Db;
  catalog: CatalogHolder;
  clock: Clock;
  logger: Logger;
  adminIds: readonly bigint[];
  /** Wakes the delivery worker after something was put in the outbox. */
  kickDelivery(): void;
  /** Where the dashboard Mini App is; absent or null = off, or not started yet (src/app.ts). */
  dashboardLink?: () => DashboardLink | null;
}
