/**
 * A harness whose catalog carries the fixture province's scored index (test/fixtures/province.index.yaml)
 * beside its directives, for `/chiso`, the digest's index chart and the template. The index is
 * added to every catalog the holder builds, so a reload keeps it.
 */
import { loadIndexFile } from "../../src/directives/loadIndex.js";
import { Catalog } from "../../src/domain/catalog.js";
import type { ScoredIndex } from "../../src/domain/index/schema.js";
import type { CatalogReader } from "../../src/services/context.js";
import { bindChat, touchChat } from "../../src/db/repos/chats.js";
import type { Db } from "../../src/db/client.js";

export const INDEX_FIXTURE = "test/fixtures/province.index.yaml";

export async function fixtureIndex(path = INDEX_FIXTURE): Promise<ScoredIndex> {
  const r = await loadIndexFile(path);
  if (!r.ok) throw new Error(`fixture ${path}: ${JSON.stringify(r.problems)}`);
  return r.index;
}

/** Makes the holder's catalogs carry `indices` (the same holder object the bot and the jobs read). */
export function withIndices(holder: CatalogReader, indices: readonly ScoredIndex[]): void {
  const base = holder.get.bind(holder);
  let last: { from: Catalog; to: Catalog } | undefined;
  holder.get = () => {
    const from = base();
    if (last?.from !== from) last = { from, to: new Catalog(from.units, from.directives, [...from.indices, ...indices]) };
    return last.to;
  };
}

export async function bindGroup(prisma: Db, id: number, kind: "unit" | "leaders" | "head", unit: string): Promise<void> {
  await touchChat(prisma, { chatId: BigInt(id), type: "supergroup", title: null });
  await bindChat(prisma, BigInt(id), kind, unit);
}
