/**
 * Malformed directive and unit list files are rejected with the path of the bad field, the line
 * when known, and a Vietnamese message saying what is wrong (docs/DIRECTIVES.md).
 */
import { mkdtemp, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  loadDirectiveFile,
  loadPresets,
  parseDirectiveText,
  parseUnitListText,
} from "../../src/directives/loadDirective.js";
import { formatProblem } from "../../src/domain/directive/problems.js";

const BASE = `id: thu-nghiem
number: 1/CT-UBND
kind: chi-thi
issuer: UBND tỉnh Thử
issuedOn: "01/06/2023"
title: Chỉ thị thử
tiers:
  - { code: so-ban-nganh, name: Sở }
  - { code: xa, name: Xã }
indicators:
  - { code: hs-thu, name: Hồ sơ trực tuyến, numerator: trực tuyến, denominator: tổng, default: true }
milestones:
  - { indicator: hs-thu, scope: { tiers: [xa] }, deadline: "30/09/2023", target: 60, comparison: atLeast }
national: true
`;

function problemsOf(text: string, format: "yaml" | "json" = "yaml") {
  const r = parseDirectiveText(text, format);
  if (r.ok) throw new Error("expected the text to be rejected");
  return r.problems;
}

test("the base text is valid", () => {
  const r = parseDirectiveText(BASE, "yaml");
  expect(r.ok).toBe(true);
});

describe("rejected with path and message", () => {
  test.each([
    ["missing field", BASE.replace("title: Chỉ thị thử\n", ""), "title", "thiếu trường bắt buộc"],
    ["missing milestone target", BASE.replace("target: 60, ", ""), "milestones[0].target", "thiếu trường bắt buộc"],
    [
      "impossible milestone date",
      BASE.replace('"30/09/2023"', '"31/02/2023"'),
      "milestones[0].deadline",
      'ngày không hợp lệ "31/02/2023"',
    ],
    ["impossible issue date", BASE.replace('"01/06/2023"', '"31/02/2023"'), "issuedOn", "ngày không hợp lệ"],
    [
      "target above 100%",
      BASE.replace("target: 60", "target: 140"),
      "milestones[0].target",
      "chỉ tiêu không thể vượt 100%",
    ],
    ["unknown comparison", BASE.replace("atLeast }", "toiThieu }"), "milestones[0].comparison", "atLeast"],
    [
      "unknown tier",
      BASE.replace("tiers: [xa]", "tiers: [huyen]"),
      "milestones[0].scope.tiers[0]",
      'cấp "huyen" chưa được khai báo',
    ],
    [
      "unknown indicator",
      BASE.replace("indicator: hs-thu", "indicator: hs-tt"),
      "milestones[0].indicator",
      'chỉ tiêu "hs-tt" chưa được khai báo',
    ],
    [
      "duplicate tier code",
      BASE.replace("code: xa, name: Xã", "code: so-ban-nganh, name: Xã"),
      "tiers[1].code",
      'mã cấp "so-ban-nganh" bị trùng (đã dùng ở tiers[0])',
    ],
    ["unknown top-level key", BASE.replace("title:", "titel: x\ntitle:"), "titel", 'khóa không hợp lệ "titel"'],
    [
      "typo in a milestone key",
      BASE.replace("deadline:", "deadine:"),
      "milestones[0].deadine",
      'khóa không hợp lệ "deadine"',
    ],
    ["non-ASCII code", BASE.replace("code: xa,", "code: xã,"), "tiers[1].code", "mã chỉ gồm chữ không dấu"],
  ])("%s", (_what, text, path, message) => {
    const problems = problemsOf(text);
    const hit = problems.find((p) => p.path === path);
    expect(hit, JSON.stringify(problems)).toBeDefined();
    expect(hit?.message).toContain(message);
  });

  test("zod problems carry the line of the bad field", () => {
    const [p] = problemsOf(BASE.replace("target: 60", "target: 140"));
    expect(p).toMatchObject({ path: "milestones[0].target", line: 13 });
    expect(formatProblem(p ?? { path: "", message: "" })).toBe(
      "milestones[0].target (dòng 13): chỉ tiêu không thể vượt 100%",
    );
  });

  test("cross-field problems carry a line too", () => {
    const [p] = problemsOf(BASE.replace("tiers: [xa]", "tiers: [huyen]"));
    expect(p?.line).toBe(13);
  });

  test("a duplicate milestone is reported at the second one", () => {
    const dup = BASE.replace(
      "national: true\n",
      '  - { indicator: hs-thu, scope: { tiers: [xa] }, deadline: "2023-09-30", target: 65, comparison: atLeast }\nnational: true\n',
    );
    expect(problemsOf(dup)).toEqual([
      { path: "milestones[1]", line: 14, message: "trùng với milestones[0] (cùng chỉ tiêu, phạm vi và hạn)" },
    ]);
  });
});

describe("syntax errors give a line number", () => {
  test("YAML", () => {
    const broken = BASE.replace("tiers:\n", "tiers:\n  - { code: huyen, name: [Huyện }\n");
    const [p] = problemsOf(broken);
    expect(p?.path).toBe("(cú pháp YAML)");
    expect(p?.line).toBe(8);
    expect(p?.message).toMatch(/^lỗi cú pháp YAML ở dòng 8: /);
  });

  test("duplicate YAML key", () => {
    const [p] = problemsOf(BASE.replace("kind: chi-thi\n", "kind: chi-thi\nkind: ke-hoach\n"));
    expect(p?.line).toBe(4);
  });

  test("JSON", () => {
    const [p] = problemsOf('{\n  "id": "x",\n  "tiers": [\n}', "json");
    expect(p?.path).toBe("(cú pháp JSON)");
    expect(p?.line).toBe(4);
    expect(p?.message).toMatch(/^lỗi cú pháp JSON ở dòng 4: /);
  });

  test("valid JSON is parsed like YAML, with lines for schema problems", () => {
    const json = JSON.stringify(
      {
        id: "x",
        number: "1",
        kind: "chi-thi",
        issuer: "a",
        issuedOn: "2023-06-01",
        title: "t",
        tiers: [{ code: "xa", name: "Xã" }],
        levels: { vang: 30, cam: 20 },
        national: true,
      },
      null,
      2,
    );
    const problems = problemsOf(json, "json");
    expect(problems).toEqual([{ path: "levels", line: 14, message: "ngưỡng cam phải lớn hơn hoặc bằng ngưỡng vàng" }]);
  });
});

describe("unit lists", () => {
  test.each([
    [
      "unknown parent",
      "  - { code: A, name: A, tier: tinh, parent: null }\n  - { code: B, name: B, tier: xa, parent: Z }\n",
      "units[1].parent",
      'đơn vị cha "Z"',
    ],
    [
      "duplicate code",
      "  - { code: A, name: A, tier: tinh, parent: null }\n  - { code: A, name: B, tier: xa, parent: A }\n",
      "units[1].code",
      'mã đơn vị "A" bị trùng',
    ],
    [
      "two roots",
      "  - { code: A, name: A, tier: tinh, parent: null }\n  - { code: B, name: B, tier: tinh }\n",
      "units",
      "đang có 2",
    ],
    [
      "cycle",
      "  - { code: R, name: R, tier: tinh, parent: null }\n  - { code: A, name: A, tier: xa, parent: B }\n  - { code: B, name: B, tier: xa, parent: A }\n",
      "units[1].parent",
      "vòng",
    ],
  ])("%s", (_what, units, path, message) => {
    const r = parseUnitListText(`name: Thử\nunits:\n${units}`, "yaml");
    expect(r.ok).toBe(false);
    const hit = r.ok ? undefined : r.problems.find((p) => p.path === path);
    expect(hit?.message).toContain(message);
  });
});

describe("files", () => {
  async function fixture(directive: string, units: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "dondoc-directive-"));
    await mkdir(join(dir, "units"));
    await writeFile(join(dir, "units", "thu.yaml"), units);
    await writeFile(join(dir, "thu.yaml"), directive);
    return dir;
  }
  const UNITS =
    "name: Tỉnh Thử\nunits:\n  - { code: T-UBND, name: UBND, tier: tinh, parent: null }\n  - { code: T-X1, name: Xã 1, tier: xa, parent: T-UBND }\n";

  test("unitsFile is loaded and unit codes in scopes are cross-checked", async () => {
    const dir = await fixture(`${BASE}unitsFile: units/thu.yaml\n`, UNITS);
    const ok = await loadDirectiveFile(join(dir, "thu.yaml"));
    expect(ok.ok && ok.units?.units.length).toBe(2);

    const bad = BASE.replace("tiers: [xa] }", "tiers: [xa], units: [T-X9] }");
    const dir2 = await fixture(`${bad}unitsFile: units/thu.yaml\n`, UNITS);
    const r = await loadDirectiveFile(join(dir2, "thu.yaml"));
    expect(r.ok ? [] : r.problems).toEqual([
      {
        path: "milestones[0].scope.units[0]",
        line: 13,
        message: 'đơn vị "T-X9" không có trong danh sách đơn vị "Tỉnh Thử"',
      },
    ]);
  });

  test("a scope tier with no unit in the list is reported", async () => {
    const dir = await fixture(`${BASE}unitsFile: units/thu.yaml\n`, UNITS.replace("tier: xa", "tier: phuong"));
    const r = await loadDirectiveFile(join(dir, "thu.yaml"));
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(["milestones[0].scope.tiers[0]"]);
  });

  test("problems in the unit file are prefixed with the file", async () => {
    const dir = await fixture(`${BASE}unitsFile: units/thu.yaml\n`, "name: x\nunits: []\n");
    const r = await loadDirectiveFile(join(dir, "thu.yaml"));
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(["unitsFile(units/thu.yaml).units"]);
  });

  test("loadPresets: unit codes must be unique across unit lists", async () => {
    const dir = await fixture(`${BASE}unitsFile: units/thu.yaml\n`, UNITS);
    await writeFile(join(dir, "units", "khac.yaml"), UNITS.replace("Tỉnh Thử", "Tỉnh Khác"));
    await writeFile(
      join(dir, "khac.yaml"),
      `${BASE.replace("id: thu-nghiem", "id: khac")}unitsFile: units/khac.yaml\n`,
    );
    const { presets, failures } = await loadPresets(dir);
    expect(presets).toHaveLength(1);
    expect(failures[0]?.problems[0]?.message).toContain('mã đơn vị "T-UBND" đã dùng trong');
  });
});
