/**
 * The PostgreSQL pass leaves out the files listed in test/helpers/sameOnEveryDatabase.ts; a listed
 * file that opens the test database fails instead of quietly never running on PostgreSQL.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assertMayOpenTestDatabase, createTestDb, ROOT } from "../helpers/db.js";
import { SAME_ON_EVERY_DATABASE, sameOnEveryDatabase } from "../helpers/sameOnEveryDatabase.js";

describe("the files the PostgreSQL pass leaves out", () => {
  it("a listed file may not open the test database (this one is listed: test/tooling/)", async () => {
    expect(sameOnEveryDatabase("test/tooling/sameOnEveryDatabase.test.ts")).toBe(true);
    await expect(createTestDb()).rejects.toThrow(
      "test/tooling/sameOnEveryDatabase.test.ts opens the test database but is listed in test/helpers/sameOnEveryDatabase.ts",
    );
  });

  it.each([
    ["test/domain/evaluator.test.ts", true],
    ["test/webapp/sandboxPhone.test.ts", true],
    ["test/webapp/phone.test.ts", false],
    ["test/bot/report.test.ts", false],
    ["test/bot/parse/nop.test.ts", true],
    ["test/domainish.test.ts", false],
  ])("%s listed: %s", (file, listed) => {
    expect(sameOnEveryDatabase(file)).toBe(listed);
    const check = () => assertMayOpenTestDatabase(path.join(ROOT, file));
    if (listed) expect(check).toThrow("take it off the list");
    else expect(check).not.toThrow();
  });

  it("names only files and folders that exist", () => {
    expect(SAME_ON_EVERY_DATABASE.filter((entry) => !existsSync(path.join(ROOT, entry)))).toEqual([]);
  });
});
