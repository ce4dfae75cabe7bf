/** `dondoc load` and `dondoc directive check` with a scored index (docs/INDEX.md). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "dondoc-cli-index-"));
const url = `file:${path.join(dir, "cli.db")}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dondoc = (...args: string[]) => runCli(args, { env: { DATABASE_URL: url } });
const PRESET = "directives/indices/qd-766-ttg-2022.yaml";

describe("a scored index from the command line", () => {
  test("directive check says what it understood", async () => {
    const run = await dondoc("directive", "check", PRESET);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Thành phần chấm được điểm: 13 (ct766-1.3, ct766-2.1,");
  });

  test("a broken index is refused with its problems and the line, nothing stored", async () => {
    const broken = path.join(dir, "broken.yaml");
    writeFileSync(broken, readFileSync(PRESET, "utf8").replace("maxPoints: 18, source", "maxPoints: 17, source"));
    const check = await dondoc("directive", "check", broken);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/totalMaxPoints \(dòng \d+\): tổng điểm tối đa 100 nhưng các nhóm cộng lại 99 điểm/);
    const load = await dondoc("load", broken);
    expect(load.code).toBe(1);
    expect(load.stderr).toContain("chưa nạp gì");
    const db = await openDatabase(url);
    expect(await db.prisma.scoredIndex.count()).toBe(0);
    await db.close();
  });

  test("load stores the index at once (no dry run)", async () => {
    const run = await dondoc("load", PRESET);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("bộ chỉ số 766/QĐ-TTg — đã nạp");
    const db = await openDatabase(url);
    expect(await db.prisma.scoredIndex.findUnique({ where: { code: "qd-766-ttg-2022" } })).toMatchObject({
      number: "766/QĐ-TTg",
      active: true,
    });
    await db.close();
  });

  test("index remove takes it out; an unknown code names the loaded ones", async () => {
    const unknown = await dondoc("index", "remove", "qd-999");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Chưa nạp bộ chỉ số nào có mã "qd-999". Các mã đã nạp: qd-766-ttg-2022.');
    const run = await dondoc("index", "remove", "qd-766-ttg-2022");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Đã gỡ bộ chỉ số 766/QĐ-TTg (qd-766-ttg-2022)");
    const db = await openDatabase(url);
    expect(await db.prisma.scoredIndex.count()).toBe(0);
    await db.close();
  });
});
