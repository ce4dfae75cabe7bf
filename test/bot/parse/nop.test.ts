/**
 * The one reporting grammar as a table: every accepted form with the request it becomes (total
 * first, then the part, in every form), every refused form with the exact message the officer
 * reads. test/bot/grammarExamples.test.ts checks that every example the bot prints parses to what
 * it says; test/bot/report*.test.ts that the answers reach the chat.
 */
import { describe, expect, it } from "vitest";
import { parseNop, parseTypedFigures, type NopRequest } from "../../../src/bot/parse/nop.js";

const DEC = "2026-12";
const report = (
  total: number,
  part: number,
  period: string | null = null,
  indicatorCode: string | null = null,
): NopRequest => ({ kind: "report", indicatorCode, total, part, period });

describe("parseNop: accepted forms", () => {
  it.each<[string, NopRequest]>([
    ["", { kind: "guide" }],
    ["   ", { kind: "guide" }],
    ["?", { kind: "help" }],
    ["huongdan", { kind: "help" }],
    ["120 95", report(120, 95)],
    ["  120   95  ", report(120, 95)],
    ["120, 95", report(120, 95)],
    ["120 120", report(120, 120)],
    ["0 0", report(0, 0)],
    ["1.234 1.000", report(1234, 1000)],
    ["10.000.000 1", report(10_000_000, 1)],
    // The coded form has the same order as the short one: total, then the part.
    ["hs-truc-tuyen 120 95", report(120, 95, null, "hs-truc-tuyen")],
    ["thanh-toan-truc-tuyen 60 30", report(60, 30, null, "thanh-toan-truc-tuyen")],
    ["thanh-toan-truc-tuyen 60 30 thang 9/2026", report(60, 30, "2026-09", "thanh-toan-truc-tuyen")],
    // Labelled values, either order, with or without diacritics, = or :.
    ["tổng 120 trực tuyến 95", report(120, 95)],
    ["trực tuyến 95 tổng 120", report(120, 95)],
    ["tong=120 tt=95", report(120, 95)],
    ["tong: 120 tt: 95 thang 11/2026", report(120, 95, "2026-11")],
    ["mẫu số 120 tử số 95", report(120, 95)],
    ["hs-dung-han tổng 100 đạt 90", report(100, 90, null, "hs-dung-han")],
    // Months.
    ["120 95 thang 10/2026", report(120, 95, "2026-10")],
    ["120 95 tháng 10/2026", report(120, 95, "2026-10")],
    ["120 95 Tháng 1/2026", report(120, 95, "2026-01")],
    ["120 95 t10/2026", report(120, 95, "2026-10")],
    ["120 95 10/2026", report(120, 95, "2026-10")],
    ["120 95 10-2026", report(120, 95, "2026-10")],
    ["120 95 2026-10", report(120, 95, "2026-10")],
    ["120 95 thang 12/2022", report(120, 95, "2022-12")],
    // Without a four-digit year: this year's month ("10/12" is October, never 2012).
    ["120 95 tháng 10", report(120, 95, "2026-10")],
    ["120 95 10/12", report(120, 95, "2026-10")],
    ["120 95 tháng 10/12", report(120, 95, "2026-10")],
    ["120 95 tháng 11/26", report(120, 95, "2026-11")],
    ["120 95 tháng 12/25", report(120, 95, "2025-12")],
    // One number after a code is a count; the feature decides whether the indicator is one.
    ["du-lieu-mo 5", { kind: "count", indicatorCode: "du-lieu-mo", count: 5, period: null }],
    ["du-lieu-mo 5 thang 11/2026", { kind: "count", indicatorCode: "du-lieu-mo", count: 5, period: "2026-11" }],
  ])("%j → %j", (args, value) => {
    expect(parseNop(args, DEC)).toEqual({ ok: true, value });
  });

  it("a month written without its year that has not come yet this year is last year's", () => {
    expect(parseNop("120 95 tháng 12", "2027-01")).toEqual({ ok: true, value: report(120, 95, "2026-12") });
    expect(parseNop("120 95 10/12", "2027-01")).toEqual({ ok: true, value: report(120, 95, "2026-10") });
  });
});

describe("parseNop: refused forms, with the message the officer reads", () => {
  it.each<[string, string]>([
    ["120", "Thiếu số liệu: cần hai số."],
    ["abc", "Thiếu số liệu: cần tổng rồi số đạt sau mã chỉ tiêu."],
    ["tổng 120", "Thiếu số liệu: cần cả tổng và số trực tuyến (ví dụ: tổng 120 trực tuyến 95)."],
    ["-5 3", '"-5" là số âm — số hồ sơ phải từ 0 trở lên'],
    ["120 −3", '"−3" là số âm — số hồ sơ phải từ 0 trở lên'],
    ["du-lieu-mo -5", '"-5" là số âm — số hồ sơ phải từ 0 trở lên'],
    ["12,5 3", '"12,5" không phải số nguyên — nhập số hồ sơ, không nhập tỷ lệ'],
    ["12.5 3", '"12.5" không phải số nguyên — nhập số hồ sơ, không nhập tỷ lệ'],
    ["20.000.000 1", '"20.000.000" quá lớn'],
    ["120 1.23.4", '"1.23.4" không phải là số'],
    // A period alone is not a code: it is read as the first number and refused as one.
    ["thang 10/2026", '"thang" không phải là số'],
    ["120 95 thang 13/2026", 'Không hiểu kỳ báo cáo "thang 13/2026" — viết như "tháng 11/2026".'],
    ["120 95 thang", 'Không hiểu kỳ báo cáo "thang" — viết như "tháng 11/2026".'],
    ["120 95 2026-13", 'Không hiểu kỳ báo cáo "2026-13" — viết như "tháng 11/2026".'],
    ["du-lieu-mo 5 hôm qua", 'Không hiểu kỳ báo cáo "hôm qua" — viết như "tháng 11/2026".'],
  ])("%j → %j", (args, error) => {
    expect(parseNop(args, DEC)).toEqual({ ok: false, error });
  });

  it.each<[string, NopRequest]>([
    ["120 130", report(130, 120)],
    ["hs-truc-tuyen 95 120", report(120, 95, null, "hs-truc-tuyen")],
    ["thanh-toan-truc-tuyen 30 60 thang 9/2026", report(60, 30, "2026-09", "thanh-toan-truc-tuyen")],
    ["tổng 95 trực tuyến 120", report(120, 95)],
  ])("%j (part above total) is refused with the swapped request to offer", (args, swap) => {
    const r = parseNop(args, DEC);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.swap).toEqual(swap);
    expect(!r.ok && r.error).toMatch(/lớn hơn tổng .* tổng trước/);
  });

  it("quotes a long wrong period clipped, never the whole text", () => {
    const r = parseNop(`120 95 ${"x".repeat(200)}`, DEC);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.length).toBeLessThan(100);
  });
});

describe("parseTypedFigures: the guided flow's answer", () => {
  it.each([
    ["120 95", false, { ok: true, total: 120, part: 95, swapped: false }],
    ["120, 95", false, { ok: true, total: 120, part: 95, swapped: false }],
    ["tổng 120 trực tuyến 95", false, { ok: true, total: 120, part: 95, swapped: false }],
    ["95 120", false, { ok: true, total: 120, part: 95, swapped: true }],
    ["5", true, { ok: true, count: 5, swapped: false }],
    ["120", false, { ok: false, error: "Thiếu số liệu: cần hai số, tổng trước." }],
    ["", false, { ok: false, error: "Thiếu số liệu: cần hai số, tổng trước." }],
    ["120 95 tháng 10/2026", false, { ok: false, error: "Chỉ gửi hai số (tổng, trực tuyến); tháng đã chọn bằng nút." }],
    ["abc", true, { ok: false, error: '"abc" không phải là số' }],
  ] as const)("%j (count: %s) → %j", (text, isCount, expected) => {
    expect(parseTypedFigures(text, isCount, DEC)).toEqual(expected);
  });
});
