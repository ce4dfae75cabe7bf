import type { Logger } from "../logger.js";
import type { Db } from "../db/client.js";
import { listActiveDirectives, type InvalidStoredDirective } from "../db/repos/directives.js";
import { listActiveIndices } from "../db/repos/indices.js";
import { listUnits } from "../db/repos/units.js";
import { Catalog } from "../domain/catalog.js";
import type { CatalogHolder } from "./context.js";

/**
 * `logger` hears of every active directive left out of the catalog because its stored text no
 * longer validates: silently dropped, its deadlines and reminders would just stop.
 */
export async function createCatalogHolder(prisma: Db, logger?: Pick<Logger, "warn">): Promise<CatalogHolder> {
  const report = (invalid: InvalidStoredDirective[]) =>
    logger?.warn(
      { directives: invalid.map((d) => d.slug) },
      "active directives left out of the catalog: their stored text no longer validates; reload them (/chithi)",
    );
  const reportIndices = (invalid: { code: string }[]) =>
    logger?.warn(
      { indices: invalid.map((i) => i.code) },
      "active scored indices left out of the catalog: their stored text no longer validates; reload them",
    );
  const build = async () =>
    new Catalog(
      await listUnits(prisma),
      await listActiveDirectives(prisma, report),
      await listActiveIndices(prisma, reportIndices),
    );
  let current = await build();
  return {
    get: () => current,
    async reload() {
      current = await build();
      return current;
    },
  };
}
