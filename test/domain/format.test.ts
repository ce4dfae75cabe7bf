import { describe, expect, test } from "vitest";
import { formatNumber, formatRatioPercent, formatTargetPercent } from "../../src/domain/format.js";
import { normalizeForSearch, stripDiacritics } from "../../src/domain/text.js";

describe("formatRatioPercent — one decimal, half-up, Vietnamese comma", () => {
  test.each<[number, number, string | null]>([
    // Bắc Kạn worked examples (seed 004, Phụ lục I); the seed truncates 96,77…% to 96,7%.
    [15, 20, "75%"],
    [8, 10, "80%"],
    [150, 155, "96,8%"],
    [95, 120, "79,2%"],
    [0, 5, "0%"],
    [1, 3, "33,3%"],
    [2, 3, "66,7%"],
    [1, 8, "12,5%"],
    [1, 16, "6,3%"],
    [1, 400, "0,3%"],
    [1, 2000, "0,1%"],
    [1, 2001, "0%"],
    [7, 8, "87,5%"],
    [999, 1000, "99,9%"],
    // below 100% never reads "100%"
    [9999, 10000, "99,9%"],
    [1000, 1000, "100%"],
    [1234567, 2000000, "61,7%"],
    [0, 0, null],
  ])("%i/%i → %s", (n, d, expected) => {
    expect(formatRatioPercent(n, d)).toBe(expected);
  });
});

test.each<[number, string]>([
  [0, "0"],
  [999, "999"],
  [1000, "1.000"],
  [1234, "1.234"],
  [1234567, "1.234.567"],
  [-1234, "-1.234"],
])("formatNumber(%i) → %s", (n, expected) => {
  expect(formatNumber(n)).toBe(expected);
  expect(formatNumber(BigInt(n))).toBe(expected);
});

test.each<[number, string]>([
  [70, "70%"],
  [57.5, "57,5%"],
  [33.33, "33,33%"],
  [12.05, "12,05%"],
  [0.5, "0,5%"],
  [100, "100%"],
])("formatTargetPercent(%f) → %s", (t, expected) => {
  expect(formatTargetPercent(t)).toBe(expected);
});

describe("Vietnamese text", () => {
  test.each<[string, string]>([
    ["Phường Đức Xuân", "Phuong Duc Xuan"],
    ["xã Dương Quang", "xa Duong Quang"],
    ["Phòng Văn hoá và Thông tin", "Phong Van hoa va Thong tin"],
    ["ĐẮK LẮK", "DAK LAK"],
    ["Thừa Thiên Huế".normalize("NFD"), "Thua Thien Hue"],
    ["Ủy ban", "Uy ban"],
    ["abc 123", "abc 123"],
  ])("stripDiacritics(%s) → %s", (input, expected) => {
    expect(stripDiacritics(input)).toBe(expected);
  });

  test("normalizeForSearch matches NFC, NFD and plain typing", () => {
    const typed = "  xa   DUONG quang ";
    const nfc = "Xã Dương Quang".normalize("NFC");
    const nfd = "Xã Dương Quang".normalize("NFD");
    expect(normalizeForSearch(typed)).toBe("xa duong quang");
    expect(normalizeForSearch(nfc)).toBe("xa duong quang");
    expect(normalizeForSearch(nfd)).toBe("xa duong quang");
    expect(normalizeForSearch("Đồng\tXoài\n")).toBe("dong xoai");
  });
});
