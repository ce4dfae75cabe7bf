/**
 * Comments in prisma/schema.prisma change no table: editing one re-derives the PostgreSQL schema
 * without asking for a migration, while a change to a model still does (scripts/derive-pg-lib.ts
 * `withoutComments`). Before, a comment edit could land neither way: `npm run db:derive-pg` asked
 * for a migration and `npm run db:migration` refused to write an empty one.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DeriveError, derivePgSchema, readCommitted, writeDerived } from "../../scripts/derive-pg-lib.js";
import { suiteOnPostgres } from "../helpers/pg.js";

function scratchProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), "dondoc-derive-comments-"));
  cpSync("prisma", path.join(root, "prisma"), { recursive: true });
  cpSync("prisma.config.ts", path.join(root, "prisma.config.ts"));
  symlinkSync(path.resolve("node_modules"), path.join(root, "node_modules"));
  return root;
}

function editSchema(root: string, edit: (text: string) => string): string {
  const file = path.join(root, "prisma", "schema.prisma");
  const text = edit(readFileSync(file, "utf8"));
  writeFileSync(file, text);
  return text;
}

describe.skipIf(suiteOnPostgres())("npm run db:derive-pg and comments", () => {
  it("re-derives a comment-only edit without a migration, and the derived schema carries the new comment", () => {
    const root = scratchProject();
    try {
      const before = readCommitted(root).migrations.map((m) => m.name);
      const source = editSchema(root, (t) =>
        t.replace(/^(model Unit \{)$/m, "/// Một đơn vị hành chính: sở, xã, phường (chú thích mới).\n$1"),
      );
      expect(() => writeDerived(root, () => {})).not.toThrow();
      const after = readCommitted(root);
      expect(after.schema).toBe(derivePgSchema(source));
      expect(after.schema).toContain("/// Một đơn vị hành chính: sở, xã, phường (chú thích mới).");
      expect(after.migrations.map((m) => m.name)).toEqual(before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  it("still refuses a model change that has no migration", () => {
    const root = scratchProject();
    try {
      editSchema(root, (t) => t.replace(/^( {2}searchName String)$/m, "$1\n  nickname   String?"));
      expect(() => writeDerived(root, () => {})).toThrow(DeriveError);
      expect(() => writeDerived(root, () => {})).toThrow(/changed without a SQLite migration/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
