/** `dondoc load` / `grant`: the CLI path an administrator uses to load presets into a database. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { runCli } from "../helpers/cli.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), "dondoc-cli-"));
const url = `file:${path.join(dir, "cli.db")}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Standard input is closed at once (no TTY, no answer): a directive loads only with --yes. */
const dondoc = (...args: string[]) => runCli(args, { env: { DATABASE_URL: url } });

describe("dondoc load", () => {
  test("loads a preset with its unit list, then grants a role", async () => {
    const run = await dondoc("load", "--yes", "directives/bac-kan-kh-ubnd-2022.yaml");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("23 đơn vị");
    expect((await dondoc("grant", "4242", "lanhdao")).code).toBe(0);
    const db = await openDatabase(url);
    expect(await db.prisma.directive.count()).toBe(1);
    expect(await db.prisma.unit.count()).toBe(23);
    expect(await db.prisma.person.findUnique({ where: { telegramId: 4242n } })).toMatchObject({ role: "leader" });
    await db.close();
  });

  test("refuses a malformed file with its problems and loads nothing from it", async () => {
    const run = await dondoc("load", "README.md");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("chưa nạp gì");
    expect((await dondoc("grant", "abc", "lanhdao")).stderr).toContain("phải là số");
  });
});

/** Rows a refused command must leave as they were. */
async function counts(): Promise<{ directives: number; units: number; people: number }> {
  const db = await openDatabase(url);
  try {
    return {
      directives: await db.prisma.directive.count(),
      units: await db.prisma.unit.count(),
      people: await db.prisma.person.count(),
    };
  } finally {
    await db.close();
  }
}

describe("refused commands: a Vietnamese message that says what to do, exit 1, nothing changed", () => {
  test("grant with a role that is only an Object.prototype key (constructor)", async () => {
    const before = await counts();
    const run = await dondoc("grant", "1", "constructor");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('Vai trò "constructor" không hợp lệ');
    expect(run.stderr).toContain("quantri hoặc lanhdao");
    expect(run.stderr).toContain("dondoc grant 123456789 lanhdao");
    expect(await counts()).toEqual(before);
    const db = await openDatabase(url);
    expect(await db.prisma.person.findUnique({ where: { telegramId: 1n } })).toBeNull();
    await db.close();
  });

  test("grant with an id that is not a number", async () => {
    const before = await counts();
    const run = await dondoc("grant", "abc", "lanhdao");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^Id Telegram "abc" không hợp lệ: id Telegram phải là số/);
    expect(run.stderr).toContain("dondoc grant 123456789 lanhdao");
    expect(await counts()).toEqual(before);
  });

  test("revoke with an id that is not a number", async () => {
    expect((await dondoc("grant", "4343", "quantri")).code).toBe(0);
    const before = await counts();
    expect(before.people).toBeGreaterThan(0);
    const run = await dondoc("revoke", "4343x");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^Id Telegram "4343x" không hợp lệ/);
    expect(run.stderr).toContain("dondoc revoke 123456789");
    expect(await counts()).toEqual(before);
  });

  test("load of a file that cannot be read", async () => {
    const before = await counts();
    const run = await dondoc("load", "khong-co-tep-nay.yaml");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("khong-co-tep-nay.yaml: không đọc được tệp. Kiểm tra lại đường dẫn");
    expect(await counts()).toEqual(before);
  });

  test("load of a malformed directive: its problems, and how to see them all", async () => {
    const before = await counts();
    const run = await dondoc("load", "test/cli/fixtures/broken.yaml");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/broken\.yaml: \d+ lỗi, chưa nạp gì\./);
    expect(run.stderr).toContain('Chạy "dondoc directive check test/cli/fixtures/broken.yaml" để xem các lỗi');
    expect(run.stderr).toMatch(/issuedOn \(dòng 5\): ngày không hợp lệ/);
    expect(await counts()).toEqual(before);
  });

  test("load of a YAML alias bomb: refused as an invalid file, not a crash", async () => {
    const before = await counts();
    const run = await dondoc("load", "test/fixtures/hostile/alias-bomb.yaml");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/alias-bomb\.yaml: 1 lỗi, chưa nạp gì\./);
    expect(run.stderr).toContain("tệp không hợp lệ: dùng quá nhiều bí danh YAML (& và *)");
    expect(run.stderr).not.toMatch(/ReferenceError|at .*\.ts:\d+/);
    expect(await counts()).toEqual(before);
  });

  test("load of a directive whose units are not loaded yet is refused: its issuer would bind nobody", async () => {
    const file = path.join(dir, "no-units.yaml");
    writeFileSync(
      file,
      readFileSync(path.join(root, "test/cli/fixtures/thu-nghiem.yaml"), "utf8").replace(/^unitsFile:.*$/m, ""),
    );
    const run = await dondoc("load", "--yes", file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /issuingUnit: đơn vị ban hành "TN" chưa có trong hệ thống: .*Nạp danh sách đơn vị \(tệp \.yaml có units\) trước/,
    );
  });
});
