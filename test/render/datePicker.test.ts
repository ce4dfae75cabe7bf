/** The inline date picker: the month grid, its ‹ › bounds, and days before the first allowed one. */
import { describe, expect, it } from "vitest";
import { datePickerButton } from "../../src/render/callbackData.js";
import {
  DATE_PICKER_MONTHS_AHEAD,
  datePickerKeyboard,
  firstMonth,
  inPickerRange,
} from "../../src/render/datePicker.js";

const grid = (kb: ReturnType<typeof datePickerKeyboard>) => kb.inline_keyboard.map((r) => r.map((b) => b.text));
const dataOf = (kb: ReturnType<typeof datePickerKeyboard>, text: string) => {
  const b = kb.inline_keyboard.flat().find((x) => x.text === text);
  return b && "callback_data" in b ? datePickerButton.parse(b.callback_data) : null;
};

describe("datePickerKeyboard", () => {
  it("lays December 2026 out Monday first, days before the minimum as '·'", () => {
    const kb = datePickerKeyboard({ year: 2026, month: 12 }, "2026-12-07");
    expect(grid(kb)).toEqual([
      [" ", "Tháng 12/2026", "›"],
      ["T2", "T3", "T4", "T5", "T6", "T7", "CN"],
      [" ", "·", "·", "·", "·", "·", "·"],
      ["7", "8", "9", "10", "11", "12", "13"],
      ["14", "15", "16", "17", "18", "19", "20"],
      ["21", "22", "23", "24", "25", "26", "27"],
      ["28", "29", "30", "31", " ", " ", " "],
    ]);
    expect(dataOf(kb, "7")).toEqual({ kind: "pick", date: "2026-12-07" });
    expect(dataOf(kb, "·")).toEqual({ kind: "past", date: "2026-12-01" });
    expect(dataOf(kb, "›")).toEqual({ kind: "month", year: 2027, month: 1 });
    expect(dataOf(kb, "T2")).toEqual({ kind: "none" });
    for (const b of kb.inline_keyboard.flat())
      expect(Buffer.byteLength("callback_data" in b ? (b.callback_data ?? "") : "")).toBeLessThanOrEqual(64);
  });

  it("goes back no earlier than the minimum's month and forward at most DATE_PICKER_MONTHS_AHEAD", () => {
    const min = "2026-12-07";
    expect(firstMonth(min)).toEqual({ year: 2026, month: 12 });
    const last = datePickerKeyboard({ year: 2027, month: 12 }, min);
    expect(grid(last)[0]).toEqual(["‹", "Tháng 12/2027", " "]);
    expect(dataOf(last, "‹")).toEqual({ kind: "month", year: 2027, month: 11 });
    expect(DATE_PICKER_MONTHS_AHEAD).toBe(12);
    expect(inPickerRange({ year: 2026, month: 11 }, min)).toBe(false);
    expect(inPickerRange({ year: 2026, month: 12 }, min)).toBe(true);
    expect(inPickerRange({ year: 2027, month: 12 }, min)).toBe(true);
    expect(inPickerRange({ year: 2028, month: 1 }, min)).toBe(false);
  });
});
