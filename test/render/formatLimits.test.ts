/** How a limit is told (src/render/format.ts): megabytes with a Vietnamese comma, minutes. */
import { describe, expect, it } from "vitest";
import { formatMegabytes, formatMinutes } from "../../src/render/format.js";

describe("formatMegabytes", () => {
  it.each([
    [1024 * 1024, "1 MB"],
    [5 * 1024 * 1024, "5 MB"],
    [20 * 1024 * 1024, "20 MB"],
    [1_572_864, "1,5 MB"],
    [52_428_800, "50 MB"],
    [1500 * 1024 * 1024, "1.500 MB"],
    [1024 * 1024 - 1, "1 MB"],
  ])("%d → %s", (bytes, text) => expect(formatMegabytes(bytes)).toBe(text));
});

describe("formatMinutes", () => {
  it.each([
    [10 * 60_000, "10 phút"],
    [30 * 60_000, "30 phút"],
    [90 * 60_000, "90 phút"],
  ])("%d → %s", (ms, text) => expect(formatMinutes(ms)).toBe(text));
});
