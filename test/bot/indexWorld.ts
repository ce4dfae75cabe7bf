/**
 * The fixture province with its scored index (test/fixtures/province.index.yaml) installed like
 * any file an administrator sends (services/directives/install.ts), for `/chiso`, the digest's
 * index chart and the template.
 */
import { readFileSync } from "node:fs";
import { bindChat, touchChat } from "../../src/db/repos/chats.js";
import type { Db } from "../../src/db/client.js";
import type { CatalogHolder } from "../../src/services/context.js";
import { installText } from "../../src/services/directives/install.js";

export const INDEX_FIXTURE = "test/fixtures/province.index.yaml";
/** The harness's default files and the index after them. */
export const FILES_WITH_INDEX = [
  "test/fixtures/province.units.yaml",
  "test/fixtures/province.directive.yaml",
  INDEX_FIXTURE,
];

/** Installs the fixture index into a running world and reloads its catalog. */
export async function installIndex(prisma: Db, catalog: CatalogHolder, path = INDEX_FIXTURE): Promise<void> {
  const r = await installText(prisma, readFileSync(path, "utf8"), "yaml");
  if (!r.ok || r.kind !== "index") throw new Error(`fixture ${path}: ${JSON.stringify(r)}`);
  await catalog.reload();
}

export async function bindGroup(
  prisma: Db,
  id: number,
  kind: "unit" | "leaders" | "head",
  unit: string,
): Promise<void> {
  await touchChat(prisma, { chatId: BigInt(id), type: "supergroup", title: null });
  await bindChat(prisma, BigInt(id), kind, unit);
}
