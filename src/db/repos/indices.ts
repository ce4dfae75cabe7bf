/**
 * Loaded scored indices (docs/INDEX.md), kept as their source text and re-validated by the same
 * schema when read back, like directives (directives.ts): the database never holds an index the
 * loader would refuse, and one that no longer validates is left out and reported, never half-read.
 */
import type { ScoredIndex } from "../../domain/index/schema.js";
import { readStoredIndex } from "../../directives/loadIndex.js";
import type { Db } from "../client.js";

export async function saveIndex(
  prisma: Db,
  index: ScoredIndex,
  sourceText: string,
  loadedBy?: bigint,
): Promise<"created" | "updated"> {
  const existing = await prisma.scoredIndex.findUnique({ where: { code: index.code } });
  const data = { number: index.number, name: index.name, body: sourceText, active: true, loadedBy: loadedBy ?? null };
  await prisma.scoredIndex.upsert({ where: { code: index.code }, create: { code: index.code, ...data }, update: data });
  return existing ? "updated" : "created";
}

/** An active index whose stored text the loader now refuses. */
export type InvalidStoredIndex = { code: string; number: string };

/** The active indices that validate; `onInvalid` hears of those left out. */
export async function listActiveIndices(
  prisma: Db,
  onInvalid?: (invalid: InvalidStoredIndex[]) => void,
): Promise<ScoredIndex[]> {
  const rows = await prisma.scoredIndex.findMany({ where: { active: true }, orderBy: { code: "asc" } });
  const out: ScoredIndex[] = [];
  const invalid: InvalidStoredIndex[] = [];
  for (const row of rows) {
    const index = readStoredIndex(row.body);
    if (index) out.push(index);
    else invalid.push({ code: row.code, number: row.number });
  }
  if (invalid.length > 0) onInvalid?.(invalid);
  return out;
}

/** Deletes the index row only (figures are keyed by unit and indicator); its number, or null when none. */
export async function deleteIndex(prisma: Db, code: string): Promise<string | null> {
  const row = await prisma.scoredIndex.findUnique({ where: { code } });
  if (!row) return null;
  await prisma.scoredIndex.deleteMany({ where: { code } });
  return row.number;
}

export async function listIndexCodes(prisma: Db): Promise<string[]> {
  return (await prisma.scoredIndex.findMany({ select: { code: true }, orderBy: { code: "asc" } })).map((r) => r.code);
}
