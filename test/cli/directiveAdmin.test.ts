/**
 * `dondoc load` asks before applying a directive (dry run, then "Áp dụng? (c/k)"), `--yes`
 * skips the question; `dondoc directive pause|resume|remove`; `directive check` refuses an
 * issuer outside the unit list. Every refusal: a Vietnamese message, exit 1, nothing changed.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { isYes } from "../../src/cli/io.js";
import { openDatabase } from "../../src/db/client.js";
import { runCli, type CliRun } from "../helpers/cli.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), "dondoc-cli-admin-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURE = "test/cli/fixtures/thu-nghiem.yaml";
let dbCount = 0;
const freshDb = () => `file:${path.join(dir, `db-${++dbCount}.db`)}`;

type Run = CliRun;

/** Runs the CLI with `input` piped to standard input (not a TTY), then closed. */
const dondoc = (url: string, args: string[], input = ""): Promise<Run> =>
  runCli(args, { env: { DATABASE_URL: url }, input });

async function rows(url: string) {
  const db = await openDatabase(url);
  try {
    const directives = await db.prisma.directive.findMany({
      select: { slug: true, active: true, body: true },
      orderBy: { slug: "asc" },
    });
    return { directives, units: await db.prisma.unit.count(), figures: await db.prisma.figure.count() };
  } finally {
    await db.close();
  }
}

async function loaded(): Promise<string> {
  const url = freshDb();
  expect((await dondoc(url, ["load", "--yes", FIXTURE])).code).toBe(0);
  return url;
}

// Each case has its own database. One after another: in-process, the CLI reads DATABASE_URL from
// the one process environment (test/helpers/cli.ts sets it for the call).
describe("dondoc load: the dry run, then the question", () => {
  it.each([
    ["no answer (end of input)", ""],
    ["k", "k\n"],
  ])("%s → nothing applied, how to apply, exit 1", async (_, input) => {
    const url = freshDb();
    const run = await dondoc(url, ["load", FIXTURE], input);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Xem trước: 01/CT-UBND — Thử nghiệm công cụ dòng lệnh");
    expect(run.stdout).toContain("Văn bản mới (chưa nạp lần nào).");
    expect(run.stdout).toContain("Ràng buộc 3 đơn vị: 1 UBND cấp huyện; 2 UBND cấp xã.");
    expect(run.stdout).toContain("Mốc chỉ tiêu: 5.");
    expect(run.stdout).toContain("Áp dụng? (c/k)");
    expect(run.stderr).toContain(
      `Chưa áp dụng văn bản nào (cần trả lời c). Để áp dụng không cần hỏi: dondoc load --yes ${FIXTURE}`,
    );
    // The unit list loads without a question; the directive does not.
    expect(await rows(url)).toMatchObject({ directives: [], units: 4 });
  });

  it.each(["c", "có"])("%s → applied, exit 0", async (answer) => {
    const url = freshDb();
    const run = await dondoc(url, ["load", FIXTURE], `${answer}\n`);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`✓ ${FIXTURE}: 01/CT-UBND — đã nạp.`);
    expect((await rows(url)).directives).toMatchObject([{ slug: "thu-nghiem-cli", active: true }]);
  });

  it("a unit list loads at once, without a question", async () => {
    const url = freshDb();
    const run = await dondoc(url, ["load", "test/cli/fixtures/thu-nghiem-units.yaml"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("✓ test/cli/fixtures/thu-nghiem-units.yaml: 4 đơn vị (4 mới, 0 cập nhật).\n");
    expect(await rows(url)).toMatchObject({ directives: [], units: 4 });
  });

  it.each(["--yes", "-y"])("%s applies without asking", async (flag) => {
    const url = freshDb();
    const run = await dondoc(url, ["load", flag, FIXTURE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Xem trước: 01/CT-UBND");
    expect(run.stdout).not.toContain("Áp dụng?");
    expect((await rows(url)).directives).toHaveLength(1);
  });

  it("a changed version: targets added and changed against the loaded one; declined, the loaded text stays", async () => {
    const url = await loaded();
    const before = await rows(url);
    const file = path.join(dir, "thu-nghiem.yaml");
    copyFileSync(path.join(root, "test/cli/fixtures/thu-nghiem-units.yaml"), path.join(dir, "thu-nghiem-units.yaml"));
    writeFileSync(
      file,
      readFileSync(path.join(root, FIXTURE), "utf8")
        .replace('deadline: "30/09/2023", target: 70', 'deadline: "30/09/2023", target: 75')
        .replace(
          "milestones:\n",
          'milestones:\n  - { indicator: hs-truc-tuyen, scope: { tiers: [huyen] }, deadline: "31/03/2024", target: 90, comparison: atLeast }\n',
        ),
    );
    const run = await dondoc(url, ["load", file], "k\n");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Thay bản đã nạp.");
    expect(run.stdout).toContain("Mốc chỉ tiêu: 6 (thêm 1, bỏ 0, đổi 1).");
    expect(run.stdout).toContain("~ hs-truc-tuyen · huyen · 30/09/2023: tối thiểu 70% → tối thiểu 75%");
    expect((await rows(url)).directives).toEqual(before.directives);
  });
});

describe("the answers that apply", () => {
  it.each([
    ["c", true],
    ["C", true],
    ["co", true],
    ["có", true],
    ["Có", true],
    ["co\u0301", true],
    [" y ", true],
    ["yes", true],
    ["YES", true],
    ["k", false],
    ["không", false],
    ["", false],
    ["cc", false],
    ["n", false],
    [null, false],
  ] as const)("%j → %s", (answer, yes) => {
    expect(isYes(answer)).toBe(yes);
  });
});

describe("dondoc directive pause | resume | remove", () => {
  it("pause, resume, then remove: the row goes, figures stay", async () => {
    const url = await loaded();
    const db = await openDatabase(url);
    await db.prisma.figure.create({
      data: { unitCode: "TN-XA-1", indicatorCode: "hs-truc-tuyen", period: "2023-09", numerator: 60, denominator: 100 },
    });
    await db.close();

    const pause = await dondoc(url, ["directive", "pause", "thu-nghiem-cli"]);
    expect(pause.code).toBe(0);
    expect(pause.stdout).toContain("✓ Đã tạm dừng 01/CT-UBND (thu-nghiem-cli)");
    expect(pause.stdout).toContain("dondoc directive resume thu-nghiem-cli");
    expect((await rows(url)).directives).toMatchObject([{ active: false }]);

    const again = await dondoc(url, ["directive", "pause", "thu-nghiem-cli"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("đang tạm dừng rồi, không thay đổi gì");

    expect((await dondoc(url, ["directive", "resume", "thu-nghiem-cli"])).stdout).toContain(
      "✓ Đã áp dụng lại 01/CT-UBND",
    );
    expect((await rows(url)).directives).toMatchObject([{ active: true }]);

    const remove = await dondoc(url, ["directive", "remove", "thu-nghiem-cli"]);
    expect(remove.code).toBe(0);
    expect(remove.stdout).toContain("✓ Đã gỡ 01/CT-UBND (thu-nghiem-cli). Số liệu các đơn vị đã báo cáo vẫn được giữ");
    expect(await rows(url)).toMatchObject({ directives: [], units: 4, figures: 1 });
  });

  let shared: Promise<string> | null = null;
  it.each(["pause", "resume", "remove"])(
    "%s of an id not loaded: the loaded ids, exit 1, nothing changed",
    async (action) => {
      const url = await (shared ??= loaded());
      const before = await rows(url);
      const run = await dondoc(url, ["directive", action, "khong-co"]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain('Chưa nạp văn bản nào có mã "khong-co". Các mã đã nạp: thu-nghiem-cli.');
      expect(await rows(url)).toEqual(before);
    },
  );
});

describe("dondoc directive check: the issuer must be in the unit list", () => {
  it("an issuingUnit missing from unitsFile is refused with its line", async () => {
    const file = path.join(dir, "ngoai.yaml");
    copyFileSync(path.join(root, "test/cli/fixtures/thu-nghiem-units.yaml"), path.join(dir, "thu-nghiem-units.yaml"));
    writeFileSync(
      file,
      readFileSync(path.join(root, FIXTURE), "utf8").replace(/^issuingUnit: TN$/m, "issuingUnit: TN-KHAC"),
    );
    const run = await dondoc(freshDb(), ["directive", "check", file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("KHÔNG hợp lệ: 1 lỗi");
    expect(run.stderr).toMatch(
      /issuingUnit \(dòng \d+\): đơn vị ban hành "TN-KHAC" không có trong danh sách đơn vị "Tỉnh Thử Nghiệm"/,
    );
  });

  it("dondoc load refuses it too, before loading its unit list", async () => {
    const file = path.join(dir, "ngoai-load.yaml");
    copyFileSync(path.join(root, "test/cli/fixtures/thu-nghiem-units.yaml"), path.join(dir, "thu-nghiem-units.yaml"));
    writeFileSync(
      file,
      readFileSync(path.join(root, FIXTURE), "utf8").replace(/^issuingUnit: TN$/m, "issuingUnit: TN-KHAC"),
    );
    const url = freshDb();
    const run = await dondoc(url, ["load", "--yes", file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`✗ ${file}: 1 lỗi, chưa nạp gì.`);
    expect(run.stderr).toContain('đơn vị ban hành "TN-KHAC" không có trong danh sách đơn vị');
    expect(await rows(url)).toEqual({ directives: [], units: 0, figures: 0 });
  });

  it("a valid file names its issuer", async () => {
    const run = await dondoc(freshDb(), ["directive", "check", FIXTURE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Đơn vị ban hành: TN (ràng buộc các đơn vị thuộc TN)");
  });
});
