/**
 * Loaded directives are kept as their source text (YAML or JSON — YAML 1.2 reads both) and
 * re-validated by the same schema when read back, so the database can never hold a directive
 * the loader would refuse.
 */
import type { Directive } from "../../domain/directive/schema.js";
import { readStoredDirective } from "../../directives/loadDirective.js";
import type { Db } from "../client.js";

export async function saveDirective(
  prisma: Db,
  directive: Directive,
  sourceText: string,
  loadedBy?: bigint,
): Promise<"created" | "updated"> {
  const existing = await prisma.directive.findUnique({ where: { slug: directive.id } });
  const data = {
    number: directive.number,
    title: directive.title,
    body: sourceText,
    active: true,
    loadedBy: loadedBy ?? null,
  };
  await prisma.directive.upsert({
    where: { slug: directive.id },
    create: { slug: directive.id, ...data },
    update: data,
  });
  return existing ? "updated" : "created";
}

/** An active directive whose stored text the loader now refuses (e.g. the indicator registry changed). */
export type InvalidStoredDirective = { slug: string; number: string; title: string };

/**
 * The active directives that validate. One that no longer does cannot bind anyone, but leaving it
 * out unseen would let a deployment lose a directive's deadlines without anyone knowing: the
 * caller gets the list of those left out (the catalog logs it; `/chithi` flags them too).
 */
export async function listActiveDirectives(
  prisma: Db,
  onInvalid?: (invalid: InvalidStoredDirective[]) => void,
): Promise<Directive[]> {
  const rows = await prisma.directive.findMany({ where: { active: true }, orderBy: { slug: "asc" } });
  const out: Directive[] = [];
  const invalid: InvalidStoredDirective[] = [];
  for (const row of rows) {
    const directive = readStoredDirective(row.body);
    if (directive) out.push(directive);
    else invalid.push({ slug: row.slug, number: row.number, title: row.title });
  }
  if (invalid.length > 0) onInvalid?.(invalid);
  return out;
}

/** A loaded directive, active or paused; `directive` is null when its text no longer validates. */
export type LoadedDirectiveRecord = {
  rowId: number;
  slug: string;
  number: string;
  title: string;
  active: boolean;
  directive: Directive | null;
};

function toRecord(row: {
  id: number;
  slug: string;
  number: string;
  title: string;
  active: boolean;
  body: string;
}): LoadedDirectiveRecord {
  return {
    rowId: row.id,
    slug: row.slug,
    number: row.number,
    title: row.title,
    active: row.active,
    directive: readStoredDirective(row.body),
  };
}

export async function listLoadedDirectives(prisma: Db): Promise<LoadedDirectiveRecord[]> {
  const rows = await prisma.directive.findMany({ orderBy: { slug: "asc" } });
  return rows.map(toRecord);
}

export async function findLoadedDirective(
  prisma: Db,
  where: { slug: string } | { rowId: number },
): Promise<LoadedDirectiveRecord | null> {
  const row = await prisma.directive.findUnique({
    where: "slug" in where ? { slug: where.slug } : { id: where.rowId },
  });
  return row ? toRecord(row) : null;
}

/** Sets the flag only if it differs, so two presses change it once; true when it changed. */
export async function setDirectiveActive(prisma: Db, rowId: number, active: boolean): Promise<boolean> {
  const r = await prisma.directive.updateMany({ where: { id: rowId, active: !active }, data: { active } });
  return r.count > 0;
}

/** Deletes the directive row only: figures are keyed by unit and indicator, not by directive. */
export async function deleteDirective(prisma: Db, rowId: number): Promise<boolean> {
  const r = await prisma.directive.deleteMany({ where: { id: rowId } });
  return r.count > 0;
}
