/** What every use-case gets: the database, the catalog of units and directives, the clock. */
import type { Db } from "../db/client.js";
import type { Catalog } from "../domain/catalog.js";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";

export interface CatalogHolder {
  get(): Catalog;
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
}
