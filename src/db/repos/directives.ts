/**
 * Loaded directives are kept as their source text (YAML or JSON — YAML 1.2 reads both) and
 * re-validated by the same schema when read back, so the database can never hold a directive
 * the loader would refuse.
 */
import type { Directive } from "../../domain/directive/schema.js";
import { readStoredDirective } from "../../directives/loadDirective.js";
import type { Db } from "../client.js";

export async function saveDirective(prisma: Db, directive: Directive, sourceText: string, loadedBy?: bigint): Promise<"created" | "updated"> {
  const existing = await prisma.directive.findUnique({ where: { slug: directive.id } });
  const data = { number: directive.number, title: directive.title, body: sourceText, active: true, loadedBy: loadedBy ?? null };
  await prisma.directive.upsert({ where: { slug: directive.id }, create: { slug: directive.id, ...data }, update: data });
  return existing ? "updated" : "created";
}

export async function listActiveDirectives(prisma: Db): Promise<Directive[]> {
  const rows = await prisma.directive.findMany({ where: { active: true }, orderBy: { slug: "asc" } });
  const out: Directive[] = [];
  for (const row of rows) {
    const directive = readStoredDirective(row.body);
    if (directive) out.push(directive);
  }
  return out;
}
