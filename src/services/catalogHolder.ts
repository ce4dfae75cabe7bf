import type { Db } from "../db/client.js";
import { listActiveDirectives } from "../db/repos/directives.js";
import { listUnits } from "../db/repos/units.js";
import { Catalog } from "../domain/catalog.js";
import type { CatalogHolder } from "./context.js";

export async function createCatalogHolder(prisma: Db): Promise<CatalogHolder> {
  const build = async () => new Catalog(await listUnits(prisma), await listActiveDirectives(prisma));
  let current = await build();
  return {
    get: () => current,
    async reload() {
      current = await build();
      return current;
    },
  };
}
