/**
 * The worker's own Prisma client, wrapped to count what it asks the database: claims (and the
 * rows they return), inactive-chat sweeps and blob reads. Hand-written Proxy rather than a
 * Prisma extension: an extended client has another type, and the worker must get a plain `Db`.
 */
import type { Db } from "../../src/db/client.js";

export interface StatementCounts {
  claims: number;
  claimedRows: number;
  sweeps: number;
  blobReads: number;
}

type Fn = (...args: unknown[]) => unknown;

export const sqlOf = (args: unknown[]): string => {
  const first = args[0];
  return Array.isArray(first) ? first.join("?") : String(first);
};

export function intercept<T extends object>(
  target: T,
  hooks: Record<string, (call: () => unknown, args: unknown[]) => unknown>,
): T {
  return new Proxy(target, {
    get(t, prop) {
      const value: unknown = Reflect.get(t, prop, t);
      if (typeof value !== "function") return value;
      const fn = value as Fn;
      const hook = typeof prop === "string" ? hooks[prop] : undefined;
      if (!hook) return fn.bind(t);
      return (...args: unknown[]) => hook(() => fn.apply(t, args), args);
    },
  });
}

export function countingPrisma(prisma: Db): { prisma: Db; counts: StatementCounts } {
  const counts: StatementCounts = { claims: 0, claimedRows: 0, sweeps: 0, blobReads: 0 };
  const blob = intercept(prisma.blob, {
    findMany: (call) => {
      counts.blobReads += 1;
      return call();
    },
  });
  const wrapped = intercept(prisma, {
    $queryRaw: (call, args) => {
      if (!sqlOf(args).includes(`SET "lockedBy"`)) return call();
      counts.claims += 1;
      return (call() as Promise<unknown[]>).then((rows) => {
        counts.claimedRows += rows.length;
        return rows;
      });
    },
    $executeRaw: (call, args) => {
      if (sqlOf(args).includes("'chat inactive'")) counts.sweeps += 1;
      return call();
    },
  });
  return { prisma: new Proxy(wrapped, { get: (t, p) => (p === "blob" ? blob : Reflect.get(t, p)) }), counts };
}
