/** Deadline arithmetic of overdue dossiers (docs/DOSSIERS.md), on the real holiday calendar. */
import { beforeAll, describe, expect, it } from "vitest";
import type { WorkCalendar } from "../../src/domain/calendar/index.js";
import { isFirstWorkingDayOfMonth } from "../../src/domain/schedule/index.js";
import { checkNewDate } from "../../src/services/apology/flow.js";
import { formInForce, LEGAL_FORMS, NoFormError, type LegalForm } from "../../src/services/apology/forms.js";
import { workCalendar } from "../../src/services/calendar.js";
import { previousMonth } from "../../src/domain/month.js";
import { parseMonthArg } from "../../src/services/dossiers/lateList.js";
import { deadlineOf, phaseOf, wasLate } from "../../src/services/dossiers/state.js";

let cal: WorkCalendar;
beforeAll(async () => {
  cal = await workCalendar();
});

const open = (dueAt: string) => ({ status: "processing", dueAt, finishedAt: null, resultReturnedAt: null });

describe("phaseOf", () => {
  it.each([
    // due Friday 27/11/2026: sắp quá hạn from Thursday
    ["2026-11-27", "2026-11-25", "on-time"],
    ["2026-11-27", "2026-11-26", "due-soon"],
    ["2026-11-27", "2026-11-27", "due-soon"],
    ["2026-11-27", "2026-11-28", "overdue"],
    // due Monday 30/11: the working day before is Friday 27/11, not Sunday
    ["2026-11-30", "2026-11-26", "on-time"],
    ["2026-11-30", "2026-11-27", "due-soon"],
    // due Friday 13/02/2026, the last working day before Tết (14/02–22/02 off)
    ["2026-02-13", "2026-02-11", "on-time"],
    ["2026-02-13", "2026-02-12", "due-soon"],
    ["2026-02-13", "2026-02-23", "overdue"],
    // due on 16/02/2026 (Tết): the limit ends on the next working day, 23/02 (BLDS Điều 148)
    ["2026-02-16", "2026-02-12", "on-time"],
    ["2026-02-16", "2026-02-13", "due-soon"],
    ["2026-02-16", "2026-02-23", "due-soon"],
    ["2026-02-16", "2026-02-24", "overdue"],
  ])("due %s, on %s → %s", (due, today, phase) => {
    expect(phaseOf(open(due), today, cal)).toBe(phase);
  });

  it.each(["done", "returned", "stopped"])("a dossier %s is closed", (status) => {
    expect(phaseOf({ ...open("2026-11-01"), status }, "2026-11-20", cal)).toBe("closed");
  });

  it("a result marked returned in the bot closes it, whatever the export says", () => {
    expect(phaseOf({ ...open("2026-11-01"), resultReturnedAt: new Date() }, "2026-11-20", cal)).toBe("closed");
  });

  it("reads a due date written with a time", () => {
    expect(phaseOf(open("2026-11-27T17:00"), "2026-11-26", cal)).toBe("due-soon");
  });
});

describe("escalation days", () => {
  it("one full working day overdue → head, the next → leaders; Tết counts no working day", () => {
    expect(deadlineOf("2026-02-13", cal)).toEqual({
      lastDay: "2026-02-13",
      dueSoonFrom: "2026-02-12",
      headFrom: "2026-02-24",
      leadersFrom: "2026-02-25",
    });
    expect(deadlineOf("2026-11-27", cal)).toMatchObject({ headFrom: "2026-12-01", leadersFrom: "2026-12-02" });
  });
});

describe("wasLate (monthly list)", () => {
  const d = (o: Partial<{ status: string; finishedAt: string | null; returnedOn: string | null }>) => ({
    ...open("2026-10-15"),
    returnedOn: null,
    ...o,
  });
  it.each([
    [d({ status: "returned", finishedAt: "2026-10-15T16:00" }), false],
    [d({ status: "returned", finishedAt: "2026-10-16T08:00" }), true],
    [d({ returnedOn: "2026-10-20" }), true],
    [d({}), true],
    [d({ status: "done" }), false],
  ])("%o → %s", (facts, late) => {
    expect(wasLate(facts, "2026-11-02", cal)).toBe(late);
  });
});

describe("the new appointment date", () => {
  it.each([
    ["25/11/2026", true],
    ["20/11/2026", false], // today
    ["19/11/2026", false],
    ["28/11/2026", false], // Saturday
    ["17/02/2027", true],
    ["08/02/2027", false], // Tết 2027
    ["2026-11-25", false], // ISO is not what the form asks for
    ["31/11/2026", false],
    ["mai", false],
  ])("%s → %s", (text, ok) => {
    expect(checkNewDate(text, "2026-11-20", cal).ok).toBe(ok);
  });

  it("suggests the next working day after a day off", () => {
    const r = checkNewDate("28/11/2026", "2026-11-20", cal);
    expect(r.ok ? "" : r.message).toContain("30/11/2026 (Thứ Hai)");
  });
});

describe("the legal form in force is data", () => {
  it.each([
    // TT 01/2018/TT-VPCP is in force from 06/01/2019 (Bộ pháp điển, Điều 3.3.TT.34.9).
    ["2019-01-06", "apology", "Thông tư số 01/2018/TT-VPCP", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"],
    ["2025-06-30", "apology", "Thông tư số 01/2018/TT-VPCP", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"],
    ["2025-07-01", "apology", "Thông tư số 03/2025/TT-VPCP", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"],
    ["2026-11-20", "apology", "Thông tư số 03/2025/TT-VPCP", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"],
  ] as const)("%s %s → %s", (date, kind, circular, title) => {
    expect(formInForce(kind, date)).toMatchObject({ circular, title });
  });

  it("no form before the circular's first day", () => {
    expect(() => formInForce("apology", "2019-01-05")).toThrow(NoFormError);
  });

  it("a new row switches the form without code", () => {
    const future: LegalForm = {
      kind: "apology",
      from: "2030-01-01",
      decree: "Nghị định mới",
      circular: null,
      formNo: null,
      title: "MẪU MỚI",
      template: "x.docx",
      symbol: "XL",
    };
    expect(formInForce("apology", "2030-01-02", [...LEGAL_FORMS, future]).template).toBe("x.docx");
    expect(formInForce("apology", "2029-12-31", [...LEGAL_FORMS, future]).template).not.toBe("x.docx");
  });
});

describe("the monthly list's day and month", () => {
  it.each([
    ["2026-12-01", true], // Tuesday
    ["2026-12-02", false],
    ["2026-11-02", true], // Monday after 1/11 Sunday
    ["2026-11-01", false],
    ["2026-01-02", false], // swapped day off
    ["2026-01-05", true], // first worked day of January 2026
  ])("%s first working day: %s", (day, yes) => {
    expect(isFirstWorkingDayOfMonth(day, cal)).toBe(yes);
  });

  it.each([
    ["thang 10/2026", "2026-10"],
    ["tháng 1/2027", "2027-01"],
    ["10/2026", "2026-10"],
    ["", null],
    ["13/2026", "invalid"],
  ])("%s → %s", (text, month) => expect(parseMonthArg(text)).toBe(month));
  it("January's previous month is December", () => expect(previousMonth("2027-01-04")).toBe("2026-12"));
});
