/**
 * An update whose old row is pruned while it is being claimed is handled, not dropped
 * (src/db/repos/processedUpdates.ts `claimUpdate`). Pruning runs beside the update (the guard's
 * housekeeping) and on other instances: the claim's insert can meet the old row, and the row can
 * be gone by the time the claim tries to take it over. Before, that update was called a
 * "duplicate" and never answered (seen as test/bot/updateGuard.test.ts "remembered beyond the
 * window" timing out now and then). Here the prune is made to land exactly in between.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { claimUpdate, pruneProcessedUpdates } from "../../src/db/repos/processedUpdates.js";
import type { Db } from "../../src/db/types.js";
import { createTestDb, type TestDb } from "../helpers/db.js";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db.cleanup());

const DAY = 86_400_000;
const now = new Date("2026-12-05T03:00:00Z");
const forgetBefore = new Date(now.getTime() - DAY);

/** The client, except that the first row update of ProcessedUpdate is preceded by a prune. */
function pruningInBetween(prisma: Db): Db {
  let pruned = false;
  const table = new Proxy(prisma.processedUpdate, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (prop !== "update" || typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        if (!pruned) {
          pruned = true;
          await pruneProcessedUpdates(prisma, forgetBefore);
        }
        return Reflect.apply(value, target, args);
      };
    },
  });
  return new Proxy(prisma, {
    get: (target, prop, receiver) => (prop === "processedUpdate" ? table : Reflect.get(target, prop, receiver)),
  });
}

it("a reused id whose old row is pruned mid-claim is claimed as new, and a second claim is a duplicate", async () => {
  const key = { botId: 42n, updateId: 9001n };
  await db.prisma.processedUpdate.create({
    data: { ...key, fingerprint: "old", status: "done", createdAt: new Date(now.getTime() - DAY - 3_600_000) },
  });
  const claim = (prisma: Db) =>
    claimUpdate(prisma, {
      ...key,
      fingerprint: "new",
      now,
      forgetBefore,
      staleBefore: new Date(now.getTime() - 60_000),
    });

  expect(await claim(pruningInBetween(db.prisma))).toBe("new");
  const row = await db.prisma.processedUpdate.findUnique({ where: { botId_updateId: key } });
  expect(row).toMatchObject({ fingerprint: "new", status: "processing" });
  // The same update delivered again is still recognised as a duplicate.
  expect(await claim(db.prisma)).toBe("duplicate");
});
