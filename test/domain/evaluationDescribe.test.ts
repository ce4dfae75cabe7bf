import { describe, expect, test } from "vitest";
import { describeEvaluation } from "../../src/domain/evaluation/describe.js";
import { evaluate } from "../../src/domain/evaluation/evaluate.js";
import type { Figures } from "../../src/domain/evaluation/ratio.js";
import { makeDirective, province } from "./evaluationFixtures.js";

const indicator = { name: "Tỷ lệ hồ sơ trực tuyến", shortName: "hồ sơ trực tuyến", itemWord: "hồ sơ" };
const lines = (unit: { code?: string; tier: string }, figures: Figures | null, asOf: string, directives = [province]) =>
  describeEvaluation(evaluate({ unit, indicatorCode: "hs-truc-tuyen", figures, asOf, directives }), indicator);
const huyen = { code: "huyen-a", tier: "huyen" };

describe("describeEvaluation", () => {
  test("met, with the gap to the next target", () => {
    expect(lines(huyen, { numerator: 95, denominator: 120 }, "2023-10-15")).toMatchInlineSnapshot(`
      [
        "Tỷ lệ hồ sơ trực tuyến: 79,2% (95/120) — Đạt chỉ tiêu 70% (đến 30/09/2023). Mức: xanh.",
        "Cần thêm 7 hồ sơ trực tuyến để đạt 85% trước 31/12/2023.",
      ]
    `);
  });

  test("not met, with thousands separators", () => {
    expect(lines(huyen, { numerator: 1100, denominator: 2000 }, "2023-10-15")).toMatchInlineSnapshot(`
      [
        "Tỷ lệ hồ sơ trực tuyến: 55% (1.100/2.000) — Chưa đạt chỉ tiêu 70% (đến 30/09/2023). Mức: cam.",
        "Cần thêm 300 hồ sơ trực tuyến để đạt 70% (hạn 30/09/2023).",
        "Cần thêm 600 hồ sơ trực tuyến để đạt 85% trước 31/12/2023.",
      ]
    `);
  });

  test("before the first deadline", () => {
    expect(lines(huyen, { numerator: 60, denominator: 100 }, "2023-09-01")).toMatchInlineSnapshot(`
      [
        "Tỷ lệ hồ sơ trực tuyến: 60% (60/100) — Chưa đến hạn; chỉ tiêu gần nhất 70% (đến 30/09/2023). Mức: vàng.",
        "Cần thêm 10 hồ sơ trực tuyến để đạt 70% trước 30/09/2023.",
      ]
    `);
  });

  test("strict and aspirational wording", () => {
    expect(lines({ tier: "xa" }, { numerator: 50, denominator: 100 }, "2023-11-30")[0]).toBe(
      "Tỷ lệ hồ sơ trực tuyến: 50% (50/100) — Chưa đạt chỉ tiêu trên 50% (đến 30/11/2023). Mức: vàng.",
    );
    expect(lines({ tier: "xa" }, { numerator: 60, denominator: 100 }, "2023-12-31")).toMatchInlineSnapshot(`
      [
        "Tỷ lệ hồ sơ trực tuyến: 60% (60/100) — Chưa đạt mức phấn đấu 80% (đến 31/12/2023). Mức: vàng.",
        "Cần thêm 20 hồ sơ trực tuyến để đạt mức phấn đấu 80% (hạn 31/12/2023).",
      ]
    `);
  });

  test("aspiration reached", () => {
    expect(lines({ tier: "xa" }, { numerator: 80, denominator: 100 }, "2023-12-31")).toEqual([
      "Tỷ lệ hồ sơ trực tuyến: 80% (80/100) — Đạt mức phấn đấu 80% (đến 31/12/2023). Mức: xanh.",
    ]);
  });

  test("after the directive's last year its target is said to have ended, never shown as today's", () => {
    expect(lines({ tier: "xa" }, { numerator: 60, denominator: 100 }, "2024-01-05")).toEqual([
      "Tỷ lệ hồ sơ trực tuyến: 60% (60/100) — hiện không có chỉ tiêu nào đang áp dụng (chỉ tiêu mức phấn đấu 80% đến 31/12/2023 của 10/CT-UBND đã hết kỳ).",
    ]);
    expect(lines({ tier: "xa" }, null, "2024-01-05")).toEqual([
      "Tỷ lệ hồ sơ trực tuyến: chưa báo cáo.",
      "Hiện không có chỉ tiêu nào đang áp dụng; chỉ tiêu mức phấn đấu 80% (đến 31/12/2023) của 10/CT-UBND đã hết kỳ.",
    ]);
  });

  test("already ahead of the next target", () => {
    expect(lines(huyen, { numerator: 90, denominator: 100 }, "2023-10-15")[1]).toBe(
      "Đã đạt sớm chỉ tiêu tiếp theo 85% (đến 31/12/2023).",
    );
  });

  test("unreachable target", () => {
    const strict = makeDirective({
      milestones: [
        {
          indicator: "hs-truc-tuyen",
          scope: { tiers: ["huyen"] },
          deadline: "30/09/2023",
          target: 100,
          comparison: "moreThan",
        },
      ],
    });
    expect(lines(huyen, { numerator: 99, denominator: 100 }, "2023-10-01", [strict])[1]).toBe(
      "Chỉ tiêu trên 100% không thể đạt được với 100 hồ sơ hiện có.",
    );
  });

  test("not reported and no dossiers", () => {
    expect(lines(huyen, null, "2023-10-15")).toMatchInlineSnapshot(`
      [
        "Tỷ lệ hồ sơ trực tuyến: chưa báo cáo.",
        "Chỉ tiêu hiện hành: 70% (đến 30/09/2023).",
        "Chỉ tiêu tiếp theo: 85% (đến 31/12/2023).",
      ]
    `);
    expect(lines(huyen, { numerator: 0, denominator: 0 }, "2026-01-01")).toMatchInlineSnapshot(`
      [
        "Tỷ lệ hồ sơ trực tuyến: chưa phát sinh hồ sơ (mẫu số bằng 0) — chưa tính tỷ lệ.",
        "Hiện không có chỉ tiêu nào đang áp dụng; chỉ tiêu 100% (đến 31/12/2025) của 10/CT-UBND đã hết kỳ.",
      ]
    `);
  });

  test("no milestone, and an item word that is not the short name", () => {
    const e = evaluate({
      unit: { tier: "khac" },
      indicatorCode: "hs-truc-tuyen",
      figures: { numerator: 8, denominator: 10 },
      asOf: "2023-10-01",
      directives: [province],
    });
    expect(describeEvaluation(e, { name: "Tỷ lệ TTHC có phát sinh hồ sơ trực tuyến", itemWord: "TTHC" })).toEqual([
      "Tỷ lệ TTHC có phát sinh hồ sơ trực tuyến: 80% (8/10) — chưa có chỉ tiêu nào áp dụng cho đơn vị.",
    ]);
  });
});
