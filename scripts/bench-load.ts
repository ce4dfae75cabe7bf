/**
 * Writes the national dataset (scripts/bench-dataset.ts) into a migrated database for the
 * benchmarks. Units and directives go through the app's own repositories; the 266k figures and
 * 200k dossiers go in bulk (one transaction on SQLite, unnest() batches on PostgreSQL), because
 * loading is set-up, not what is measured.
 */
import Database from "better-sqlite3";
import type { OpenedDb } from "../src/db/client.js";
import { saveDirective } from "../src/db/repos/directives.js";
import { withPgClient } from "../src/db/postgres.js";
import { sqlitePath } from "../src/db/sqlite.js";
import {
  nationalDirectiveInputs,
  nationalDossiers,
  nationalFigures,
  type BenchDossier,
  type BenchFigure,
  type BenchUnit,
} from "./bench-dataset.js";
import { parseDirective } from "../src/domain/registry.js";

/** Prisma's own text form of a DateTime on SQLite ("2026-11-22T01:12:11.279+00:00"). */
const sqliteNow = (): string => new Date().toISOString().replace("Z", "+00:00");

export interface LoadCounts {
  units: number;
  directives: number;
  figures: number;
  dossiers: number;
}

export async function loadNational(db: OpenedDb, url: string, units: readonly BenchUnit[]): Promise<LoadCounts> {
  await db.prisma.unit.createMany({
    data: units.map((u) => ({
      code: u.code,
      name: u.name,
      searchName: u.name.toLowerCase(),
      tier: u.tier,
      parentCode: u.parentCode,
    })),
  });
  const inputs = nationalDirectiveInputs(units);
  for (const input of inputs) await saveDirective(db.prisma, parseDirective(input), JSON.stringify(input));
  const figures = [...nationalFigures(units)];
  const dossiers = [...nationalDossiers(units)];
  if (db.dialect === "sqlite") loadSqlite(url, figures, dossiers);
  else await loadPostgres(url, figures, dossiers);
  return { units: units.length, directives: inputs.length, figures: figures.length, dossiers: dossiers.length };
}

function loadSqlite(url: string, figures: readonly BenchFigure[], dossiers: readonly BenchDossier[]): void {
  const raw = new Database(sqlitePath(url));
  const now = sqliteNow();
  const fig = raw.prepare(
    `INSERT INTO "Figure" ("unitCode","indicatorCode","period","numerator","denominator","source","createdAt","updatedAt") VALUES (?,?,?,?,?,'import',?,?)`,
  );
  const dos = raw.prepare(
    `INSERT INTO "Dossier" ("code","unitCode","status","receivedAt","dueAt","finishedAt","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?)`,
  );
  raw.transaction(() => {
    for (const f of figures)
      fig.run(f.unitCode, f.indicatorCode, f.period, f.figures.numerator, f.figures.denominator, now, now);
    for (const d of dossiers) dos.run(d.code, d.unitCode, d.status, d.receivedAt, d.dueAt, d.finishedAt, now, now);
  })();
  raw.close();
}

async function loadPostgres(
  url: string,
  figures: readonly BenchFigure[],
  dossiers: readonly BenchDossier[],
): Promise<void> {
  const BATCH = 20_000;
  await withPgClient(url, async (c) => {
    for (let i = 0; i < figures.length; i += BATCH) {
      const b = figures.slice(i, i + BATCH);
      await c.query(
        `INSERT INTO "Figure" ("unitCode","indicatorCode","period","numerator","denominator","source","updatedAt")
         SELECT u, ind, p, n, d, 'import', now() FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[]) AS t(u, ind, p, n, d)`,
        [
          b.map((f) => f.unitCode),
          b.map((f) => f.indicatorCode),
          b.map((f) => f.period),
          b.map((f) => f.figures.numerator),
          b.map((f) => f.figures.denominator),
        ],
      );
    }
    for (let i = 0; i < dossiers.length; i += BATCH) {
      const b = dossiers.slice(i, i + BATCH);
      await c.query(
        `INSERT INTO "Dossier" ("code","unitCode","status","receivedAt","dueAt","finishedAt","updatedAt")
         SELECT code, u, s, r, due, fin, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(code, u, s, r, due, fin)`,
        [
          b.map((d) => d.code),
          b.map((d) => d.unitCode),
          b.map((d) => d.status),
          b.map((d) => d.receivedAt),
          b.map((d) => d.dueAt),
          b.map((d) => d.finishedAt),
        ],
      );
    }
  });
}
