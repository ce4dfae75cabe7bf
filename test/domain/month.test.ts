/** The one `previousMonth` (src/domain/month.ts): of a period and of a day, across the year's turn. */
import { describe, expect, it } from "vitest";
import { previousMonth } from "../../src/domain/month.js";

describe("previousMonth", () => {
  it.each([
    ["2026-02", "2026-01"],
    ["2026-01", "2025-12"],
    ["2026-12", "2026-11"],
    ["2026-10", "2026-09"],
    ["2026-11", "2026-10"],
    ["2027-01-04", "2026-12"],
    ["2026-03-31", "2026-02"],
    ["2026-10-01", "2026-09"],
    ["2000-01-01", "1999-12"],
  ])("%s → %s", (of, month) => {
    expect(previousMonth(of)).toBe(month);
  });
});
