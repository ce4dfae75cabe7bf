/** One meaning per indicator code: the registry settles it, a contradiction is refused. */
import { describe, expect, test } from "vitest";
import { parseDirectiveText, parseRegistryText } from "../../src/directives/loadDirective.js";
import { buildRegistry } from "../../src/domain/registry.js";

const registry = buildRegistry([
  {
    code: "hs-truc-tuyen",
    name: "Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến",
    shortName: "hồ sơ trực tuyến",
    kind: "ratio",
    numerator: "Số hồ sơ TTHC tiếp nhận trực tuyến",
    denominator: "Tổng số hồ sơ TTHC tiếp nhận",
    itemWord: "hồ sơ",
  },
  {
    code: "du-lieu-mo",
    name: "Số bộ dữ liệu mở",
    kind: "count",
    numerator: "Số bộ dữ liệu mở công bố",
    itemWord: "bộ dữ liệu",
  },
]);

const text = (indicator: string, milestone = "") => `id: thu
number: 1/KH-UBND
kind: ke-hoach
issuer: UBND tỉnh Thử
national: true
issuedOn: 01/01/2026
title: Thử
tiers: [{ code: xa, name: Xã }]
indicators:
  - ${indicator}
milestones:
  - ${milestone || "{ indicator: hs-truc-tuyen, scope: { tiers: [xa] }, deadline: 31/12/2026, target: 80, comparison: atLeast }"}
`;

describe("directive indicators against the registry", () => {
  test("a registry code without a definition takes the registry's meaning and name, keeping the directive's wording", () => {
    const r = parseDirectiveText(
      text("{ code: hs-truc-tuyen, name: Tỷ lệ hồ sơ được thực hiện trực tuyến }"),
      "yaml",
      registry,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.directive.indicators[0]).toMatchObject({
      name: "Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến",
      wording: "Tỷ lệ hồ sơ được thực hiện trực tuyến",
      numerator: "Số hồ sơ TTHC tiếp nhận trực tuyến",
      denominator: "Tổng số hồ sơ TTHC tiếp nhận",
      kind: "ratio",
    });
  });

  test("the same definition in other case and spacing is the same measure", () => {
    const r = parseDirectiveText(
      text(
        "{ code: hs-truc-tuyen, name: X, numerator: ' số hồ sơ TTHC  tiếp nhận trực tuyến.', denominator: Tổng số hồ sơ TTHC tiếp nhận }",
      ),
      "yaml",
      registry,
    );
    expect(r.ok).toBe(true);
  });

  test("a contradicting definition is refused, naming both and suggesting a new code", () => {
    const r = parseDirectiveText(
      text(
        "{ code: hs-truc-tuyen, name: X, numerator: Số hồ sơ giải quyết trực tuyến, denominator: Tổng số hồ sơ giải quyết }",
      ),
      "yaml",
      registry,
    );
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems).toEqual([
      {
        path: "indicators[0]",
        line: 10,
        message:
          'chỉ tiêu "hs-truc-tuyen" ở văn bản này (tỷ lệ: tử số "Số hồ sơ giải quyết trực tuyến", mẫu số "Tổng số hồ sơ giải quyết") khác định nghĩa trong danh mục chỉ tiêu (tỷ lệ: tử số "Số hồ sơ TTHC tiếp nhận trực tuyến", mẫu số "Tổng số hồ sơ TTHC tiếp nhận"). Một mã chỉ có một nghĩa trong cả hệ thống: nếu đây là chỉ tiêu khác, đặt mã mới, ví dụ "hs-truc-tuyen-thu"',
      },
    ]);
  });

  test("a new code needs its full definition", () => {
    const r = parseDirectiveText(
      text(
        "{ code: hs-moi, name: Mới }",
        "{ indicator: hs-moi, scope: { tiers: [xa] }, deadline: 31/12/2026, target: 80, comparison: atLeast }",
      ),
      "yaml",
      registry,
    );
    expect(r.ok ? "" : r.problems[0]?.message).toMatch(
      /chưa có trong danh mục chỉ tiêu: nêu đủ numerator và denominator/,
    );
    const full = parseDirectiveText(
      text(
        "{ code: hs-moi, name: Mới, numerator: a, denominator: b }",
        "{ indicator: hs-moi, scope: { tiers: [xa] }, deadline: 31/12/2026, target: 80, comparison: atLeast }",
      ),
      "yaml",
      registry,
    );
    expect(full.ok).toBe(true);
  });

  test("a count target is a whole number of items; a ratio target stays a percentage", () => {
    const count = (target: number) =>
      parseDirectiveText(
        text(
          "{ code: du-lieu-mo, name: Dữ liệu mở, kind: count }",
          `{ indicator: du-lieu-mo, scope: { tiers: [xa] }, deadline: 31/12/2026, target: ${target}, comparison: atLeast }`,
        ),
        "yaml",
        registry,
      );
    expect(count(5).ok).toBe(true);
    expect(count(150).ok).toBe(true);
    const half = count(2.5);
    expect(half.ok ? "" : half.problems[0]?.message).toBe("chỉ tiêu đếm (count) phải là số nguyên");
    const ratio = parseDirectiveText(
      text(
        "{ code: hs-truc-tuyen, name: X }",
        "{ indicator: hs-truc-tuyen, scope: { tiers: [xa] }, deadline: 31/12/2026, target: 150, comparison: atLeast }",
      ),
      "yaml",
      registry,
    );
    expect(ratio.ok ? "" : ratio.problems[0]?.message).toBe("chỉ tiêu không thể vượt 100%");
  });
});

test("the registry file itself: a duplicate code is refused", () => {
  const r = parseRegistryText(
    "indicators:\n  - { code: a, name: A, numerator: n, denominator: d }\n  - { code: a, name: B, numerator: n, denominator: d }\n",
  );
  expect(r.ok ? "" : r.problems[0]?.message).toBe('mã chỉ tiêu "a" bị trùng trong danh mục');
});

test("the shipped registry loads and every preset code is in it", async () => {
  const { defaultRegistry, loadPresets } = await import("../../src/directives/loadDirective.js");
  const reg = defaultRegistry();
  const { presets, failures } = await loadPresets("directives");
  expect(failures).toEqual([]);
  for (const p of presets)
    for (const i of p.directive.indicators) expect(reg.has(i.code), `${p.directive.id}: ${i.code}`).toBe(true);
});
