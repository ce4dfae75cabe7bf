/**
 * The `/nop` grammar as a table: every accepted form with the request it becomes, every refused
 * form with the exact message the officer reads. The end-to-end cases in test/bot/report.test.ts
 * check that the answers reach the chat; this file pins the parser itself, form by form.
 */
import { describe, expect, it } from "vitest";
import { parseNop, type NopRequest } from "../../../src/bot/parse/nop.js";

const report = (
  numerator: number,
  denominator: number,
  period: string | null = null,
  indicatorCode: string | null = null,
): NopRequest => ({ kind: "report", indicatorCode, numerator, denominator, period });

describe("parseNop: accepted forms", () => {
  it.each<[string, NopRequest]>([
    ["", { kind: "help" }],
    ["   ", { kind: "help" }],
    // The short form is "total, then online": the second number is the numerator.
    ["120 95", report(95, 120)],
    ["  120   95  ", report(95, 120)],
    ["120 120", report(120, 120)],
    ["0 0", report(0, 0)],
    ["1.234 1.000", report(1000, 1234)],
    ["10.000.000 1", report(1, 10_000_000)],
    ["120 95 thang 10/2026", report(95, 120, "2026-10")],
    ["120 95 tháng 10/2026", report(95, 120, "2026-10")],
    ["120 95 Tháng 1/2026", report(95, 120, "2026-01")],
    ["120 95 t10/2026", report(95, 120, "2026-10")],
    ["120 95 10/2026", report(95, 120, "2026-10")],
    ["120 95 10-2026", report(95, 120, "2026-10")],
    ["120 95 2026-10", report(95, 120, "2026-10")],
    // The coded form is "numerator, then denominator", as the directive writes the formula.
    ["thanh-toan-truc-tuyen 30 60", report(30, 60, null, "thanh-toan-truc-tuyen")],
    ["thanh-toan-truc-tuyen 30 60 thang 9/2026", report(30, 60, "2026-09", "thanh-toan-truc-tuyen")],
    // One number after a code is a count; the feature decides whether the indicator is one.
    ["du-lieu-mo 5", { kind: "count", indicatorCode: "du-lieu-mo", count: 5, period: null }],
    ["du-lieu-mo 5 thang 11/2026", { kind: "count", indicatorCode: "du-lieu-mo", count: 5, period: "2026-11" }],
  ])("%j → %j", (args, value) => {
    expect(parseNop(args)).toEqual({ ok: true, value });
  });
});

describe("parseNop: refused forms, with the message the officer reads", () => {
  it.each<[string, string]>([
    ["120", "Thiếu số liệu: cần hai số."],
    ["abc", "Thiếu số liệu: cần tử số và mẫu số sau mã chỉ tiêu."],
    [
      "120 130",
      "Số hồ sơ trực tuyến (130) không được lớn hơn tổng số hồ sơ (120). Gửi: /nop <tổng số> <số trực tuyến>.",
    ],
    ["thanh-toan-truc-tuyen 60 30", "Tử số (60) không được lớn hơn mẫu số (30)."],
    ["-5 3", '"-5" là số âm — số hồ sơ phải từ 0 trở lên'],
    ["120 −3", '"−3" là số âm — số hồ sơ phải từ 0 trở lên'],
    ["du-lieu-mo -5", '"-5" là số âm — số hồ sơ phải từ 0 trở lên'],
    ["12,5 3", '"12,5" không phải số nguyên — nhập số hồ sơ, không nhập tỷ lệ'],
    ["12.5 3", '"12.5" không phải số nguyên — nhập số hồ sơ, không nhập tỷ lệ'],
    ["20.000.000 1", '"20.000.000" quá lớn'],
    ["120 1.23.4", '"1.23.4" không phải là số'],
    // A period alone is not a code: it is read as the first number and refused as one.
    ["thang 10/2026", '"thang" không phải là số'],
    ["120 95 thang 13/2026", 'Không hiểu kỳ báo cáo "thang 13/2026" — viết như "tháng 10/2026".'],
    ["120 95 thang", 'Không hiểu kỳ báo cáo "thang" — viết như "tháng 10/2026".'],
    ["120 95 2026-13", 'Không hiểu kỳ báo cáo "2026-13" — viết như "tháng 10/2026".'],
    ["du-lieu-mo 5 hôm qua", 'Không hiểu kỳ báo cáo "hôm qua" — viết như "tháng 10/2026".'],
  ])("%j → %j", (args, error) => {
    expect(parseNop(args)).toEqual({ ok: false, error });
  });

  it("quotes a long wrong period clipped, never the whole text", () => {
    const r = parseNop(`120 95 ${"x".repeat(200)}`);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.length).toBeLessThan(100);
  });
});
