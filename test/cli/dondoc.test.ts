/**
 * The CLI as an administrator runs it: exit codes, stdout, stderr. In-process (test/helpers/cli.ts)
 * but for one case that spawns the real binary, so bin/dondoc.js itself stays covered.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/cli.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixture = "test/cli/fixtures/thu-nghiem.yaml";

type Run = { code: number | null; stdout: string; stderr: string };

function spawnDondoc(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/dondoc.js", ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const dondoc = (...args: string[]): Promise<Run> => runCli(args);

const evaluateArgs = (unit: string[], asOf: string, n: number, d: number, ...rest: string[]) => [
  "evaluate",
  "--directive",
  fixture,
  ...unit,
  "--indicator",
  "hs-truc-tuyen",
  "--as-of",
  asOf,
  "--numerator",
  String(n),
  "--denominator",
  String(d),
  ...rest,
];

async function evaluateJson(unit: string[], asOf: string, n: number, d: number): Promise<Record<string, unknown>> {
  const run = await dondoc(...evaluateArgs(unit, asOf, n, d, "--json"));
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

describe("the binary", () => {
  test("bin/dondoc.js runs the same program: a valid file checked, exit 0, on stdout", async () => {
    const run = await spawnDondoc("directive", "check", fixture);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("hợp lệ");
    expect(run.stderr).toBe("");
  });
});

describe("dondoc directive check", () => {
  test("a valid file: what was understood, exit 0", async () => {
    const run = await dondoc("directive", "check", fixture);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("hợp lệ");
    expect(run.stdout).toContain("Cấp đơn vị: 3 (tinh, huyen, xa)");
    expect(run.stdout).toContain("Nhóm đơn vị: 1 (nhom-1)");
    expect(run.stdout).toContain("Chỉ tiêu: 1 (hs-truc-tuyen)");
    expect(run.stdout).toContain("Mốc chỉ tiêu: 5 (từ 30/09/2023 đến 31/12/2024)");
    expect(run.stdout).toContain("Nhiệm vụ: 0");
    expect(run.stdout).toContain("Danh sách đơn vị: 4 đơn vị");
  });

  test("an invalid file: the problems with their paths and lines, exit 1", async () => {
    const run = await dondoc("directive", "check", "test/cli/fixtures/broken.yaml");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("KHÔNG hợp lệ");
    expect(run.stderr).toMatch(/issuedOn \(dòng 5\): ngày không hợp lệ/);
    expect(run.stderr).toMatch(/milestones\[0\]\.target \(dòng 12\): chỉ tiêu không thể vượt 100%/);
  });

  test("a missing file, exit 1", async () => {
    const run = await dondoc("directive", "check", "khong-co.yaml");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("không đọc được");
  });

  test.runIf(existsSync(`${root}/directives/bac-ninh-10-ct-ubnd-2023.yaml`))("the Bắc Ninh preset", async () => {
    const run = await dondoc("directive", "check", "directives/bac-ninh-10-ct-ubnd-2023.yaml");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Mốc chỉ tiêu: 36");
  });
});

describe("dondoc evaluate --json", () => {
  test("met in force, gap to the next milestone", async () => {
    const e = await evaluateJson(["--unit", "TN-HUYEN-1"], "2023-09-30", 95, 120);
    expect(e.ratio).toBeCloseTo(95 / 120, 12);
    expect(e).toMatchObject({
      percentText: "79,2%",
      met: true,
      level: "xanh",
      inForce: { target: 70, deadline: "2023-09-30", comparison: "atLeast" },
      next: { target: 85, deadline: "2023-12-31" },
      missing: 7,
      missingFor: "next",
    });
  });

  test.each<[string, string[], string, number, number, boolean | null, string, number | null]>([
    ["day before the first deadline", ["--unit", "TN-HUYEN-1"], "2023-09-29", 69, 100, null, "vang", 1],
    ["at the target on the deadline", ["--unit", "TN-HUYEN-1"], "2023-09-30", 70, 100, true, "xanh", 15],
    ["1 item below", ["--unit", "TN-HUYEN-1"], "2023-09-30", 699, 1000, false, "vang", 1],
    ["strict: at 50% is not more than 50%", ["--tier", "xa"], "2023-11-30", 50, 100, false, "vang", 1],
    ["strict: above (gap to the 2024 aspiration)", ["--tier", "xa"], "2023-11-30", 51, 100, true, "xanh", 29],
    ["57/100 against 57% (group)", ["--unit", "TN-XA-1"], "2023-12-31", 57, 100, true, "xanh", 23],
    ["aspiration not reached", ["--unit", "TN-XA-2"], "2024-12-31", 10, 100, null, "vang", 70],
  ])("%s", async (_label, unit, asOf, n, d, met, level, missing) => {
    const e = await evaluateJson(unit, asOf, n, d);
    expect(e).toMatchObject({ met, level, missing });
  });

  test("no dossiers and not reported are not 0%", async () => {
    expect(await evaluateJson(["--unit", "TN-HUYEN-1"], "2023-10-01", 0, 0)).toMatchObject({
      status: "no-data",
      ratio: null,
      met: null,
      level: null,
    });
    const run = await dondoc(
      "evaluate",
      "--directive",
      fixture,
      "--unit",
      "TN-HUYEN-1",
      "--indicator",
      "hs-truc-tuyen",
      "--as-of",
      "2023-10-01",
      "--json",
    );
    expect(JSON.parse(run.stdout)).toMatchObject({ status: "not-reported", ratio: null, met: null });
  });
});

test("dondoc evaluate in Vietnamese", async () => {
  const run = await dondoc(...evaluateArgs(["--unit", "TN-HUYEN-1"], "2023-10-15", 95, 120));
  expect(run.code).toBe(0);
  expect(run.stdout).toBe(
    [
      "Đơn vị: Huyện Một (TN-HUYEN-1), cấp: UBND cấp huyện — ngày đánh giá 15/10/2023",
      // The name every unit sees is the registry's (directives/indicators.yaml), not the file's wording.
      "Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến: 79,2% (95/120) — Đạt chỉ tiêu 70% (đến 30/09/2023). Mức: xanh.",
      "Cần thêm 7 hồ sơ trực tuyến để đạt 85% trước 31/12/2023.",
      "",
    ].join("\n"),
  );
});

describe("bad arguments: a Vietnamese message and exit 1", () => {
  test.each<[string, string[], RegExp]>([
    ["bad date", evaluateArgs(["--unit", "TN-HUYEN-1"], "2023-02-30", 1, 2), /Ngày --as-of không hợp lệ/],
    [
      "numerator > denominator",
      evaluateArgs(["--unit", "TN-HUYEN-1"], "2023-10-01", 5, 4),
      /không được lớn hơn mẫu số/,
    ],
    ["negative", evaluateArgs(["--unit", "TN-HUYEN-1"], "2023-10-01", -1, 4), /số nguyên không âm/],
    ["unknown unit", evaluateArgs(["--unit", "KHONG-CO"], "2023-10-01", 1, 4), /Không tìm thấy đơn vị "KHONG-CO"/],
    ["unknown tier", evaluateArgs(["--tier", "tinh-thanh"], "2023-10-01", 1, 4), /Không có cấp "tinh-thanh"/],
    ["tier mismatch", evaluateArgs(["--unit", "TN-XA-1", "--tier", "huyen"], "2023-10-01", 1, 4), /thuộc cấp "xa"/],
    ["no unit nor tier", evaluateArgs([], "2023-10-01", 1, 4), /Cần --unit/],
    ["unknown option", ["evaluate", "--directive", fixture, "--khong"], /Tùy chọn không hợp lệ: --khong/],
    [
      "missing indicator",
      ["evaluate", "--directive", fixture, "--tier", "xa", "--as-of", "2023-10-01"],
      /Thiếu tùy chọn bắt buộc --indicator/,
    ],
    [
      "broken directive",
      [
        "evaluate",
        "--directive",
        "test/cli/fixtures/broken.yaml",
        "--tier",
        "xa",
        "--indicator",
        "hs",
        "--as-of",
        "2023-10-01",
      ],
      /không hợp lệ/,
    ],
    ["unknown command", ["danh-gia"], /Không có lệnh "danh-gia"/],
    [
      "bad date names both formats",
      evaluateArgs(["--unit", "TN-HUYEN-1"], "30-09-23", 1, 2),
      /Dùng YYYY-MM-DD hoặc dd\/mm\/yyyy/,
    ],
    [
      "missing --as-of",
      ["evaluate", "--directive", fixture, "--tier", "xa", "--indicator", "hs-truc-tuyen"],
      /Thiếu tùy chọn bắt buộc --as-of/,
    ],
    [
      "unknown indicator",
      ["evaluate", "--directive", fixture, "--tier", "xa", "--indicator", "khong-co", "--as-of", "2023-10-01"],
      /Không có chỉ tiêu "khong-co"\. Các mã chỉ tiêu: hs-truc-tuyen\./,
    ],
    ["no command", [], /Chưa chọn lệnh\.\nXem hướng dẫn: dondoc --help/],
  ])("%s", async (_label, args, message) => {
    const run = await dondoc(...args);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
  });

  test("--help exits 0", async () => {
    const run = await dondoc("evaluate", "--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("--as-of");
  });
});
