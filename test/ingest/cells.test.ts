import { describe, expect, it } from "vitest";
import { cellText, excelSerialToDate, parseCount, parseDateTime, parsePeriod } from "../../src/ingest/cells.js";
import { foldText, foldWithoutNotes } from "../../src/ingest/text.js";

describe("excelSerialToDate (1900 system)", () => {
  it.each([
    [45200, "2023-10-01T00:00:00.000Z"],
    [1, "1900-01-01T00:00:00.000Z"],
    [59, "1900-02-28T00:00:00.000Z"],
    [61, "1900-03-01T00:00:00.000Z"],
    [46303.5, "2026-10-08T12:00:00.000Z"],
    [46303 + 8 / 24 + 15 / 1440, "2026-10-08T08:15:00.000Z"],
  ])("%s → %s", (serial, iso) => {
    expect(excelSerialToDate(serial)?.toISOString()).toBe(iso);
  });
  it.each([0, -5, 60, Number.NaN, 3e6])("%s is not a date", (serial) => {
    expect(excelSerialToDate(serial)).toBeNull();
  });
});

describe("parseCount", () => {
  it.each([
    [1234, 1234],
    ["1234", 1234],
    ["1.234", 1234],
    ["1.234.567", 1234567],
    ["1,234", 1234],
    ["1 234", 1234],
    ["0", 0],
    [0, 0],
    [12.0000000001, 12],
    [" 42 ", 42],
  ])("%j → %s", (cell, n) => {
    expect(parseCount(cell)).toEqual({ ok: true, value: n });
  });
  it.each([["12,5"], [12.5], [-1], ["-3"], ["1.23"], ["abc"], ["1.2345"], [new Date(0)]])("%j is refused", (cell) => {
    expect(parseCount(cell).ok).toBe(false);
  });
  it("empty is a value of null, not an error", () => {
    expect(parseCount(null)).toEqual({ ok: true, value: null });
    expect(parseCount("  ")).toEqual({ ok: true, value: null });
  });
});

describe("parseDateTime", () => {
  it.each([
    ["08/10/2026", "2026-10-08"],
    ["8/10/2026 8:15", "2026-10-08T08:15"],
    ["08/10/2026 08:15:59", "2026-10-08T08:15"],
    ["08-10-2026", "2026-10-08"],
    ["08:15 08/10/2026", "2026-10-08T08:15"],
    ["2026-10-08", "2026-10-08"],
    ["2026-10-08T14:30:00", "2026-10-08T14:30"],
    [new Date(Date.UTC(2026, 9, 8, 9, 30)), "2026-10-08T09:30"],
    [new Date(Date.UTC(2026, 9, 8)), "2026-10-08"],
    [45200, "2023-10-01"],
    [46303 + 0.5, "2026-10-08T12:00"],
  ])("%j → %s", (cell, iso) => {
    expect(parseDateTime(cell)).toEqual({ ok: true, value: iso });
  });
  it.each([["31/02/2026"], ["2026"], ["hôm qua"], ["08/13/2026"], [12], ["25:00 08/10/2026"], ["01/01/1900"]])(
    "%j is refused",
    (cell) => {
      expect(parseDateTime(cell).ok).toBe(false);
    },
  );
});

describe("parsePeriod", () => {
  it.each([
    ["10/2026", "2026-10"],
    ["tháng 10/2026", "2026-10"],
    ["Tháng 10 năm 2026", "2026-10"],
    ["T10/2026", "2026-10"],
    ["thang 9-2026", "2026-09"],
    ["2026-10", "2026-10"],
    ["01/10/2026", "2026-10"],
    ["Kỳ 10/2026", "2026-10"],
    [new Date(Date.UTC(2026, 9, 1)), "2026-10"],
    [45200, "2023-10"],
  ])("%j → %s", (cell, month) => {
    expect(parsePeriod(cell)).toEqual({ ok: true, value: month });
  });
  it.each([["13/2026"], ["10/26"], ["quý 3"], [7]])("%j is refused", (cell) => {
    expect(parsePeriod(cell).ok).toBe(false);
  });
});

describe("text folding", () => {
  it("ignores diacritics, case, punctuation and notes", () => {
    expect(foldText("  Mã  ĐƠN vị\n")).toBe("ma don vi");
    expect(foldText("Ma don vi")).toBe("ma don vi");
    expect(foldWithoutNotes("Kỳ báo cáo (tháng/năm)")).toBe("ky bao cao");
    expect(foldText("Người nộp")).toBe("nguoi nop");
    expect(foldText("ÐƠN VỊ")).toBe("don vi"); // Icelandic Ð from legacy fonts
  });
  it("cellText shows dates the Vietnamese way", () => {
    expect(cellText(new Date(Date.UTC(2026, 9, 8, 8, 15)))).toBe("08/10/2026 08:15");
    expect(cellText("  a \n b ")).toBe("a b");
  });
});
