/** The date in force (docs/DOSSIERS.md "Hẹn lại và trễ hẹn lần 2"): only an issued letter's new date counts. */
import { beforeAll, describe, expect, it } from "vitest";
import type { WorkCalendar } from "../../src/domain/calendar/index.js";
import { workCalendar } from "../../src/services/calendar.js";
import { inForce, phaseOf, reappointmentOf } from "../../src/services/dossiers/state.js";

const letter = (over: Partial<{ kind: string; status: string; newDueDate: string | null }>) => ({
  kind: "apology",
  status: "issued",
  newDueDate: "2026-12-01",
  originalDueDate: "2026-11-26",
  number: "1/XL-TN-X1",
  ...over,
});

describe("reappointmentOf", () => {
  it.each([
    ["an issued apology letter", [letter({})], "2026-12-01"],
    ["a draft", [letter({ status: "draft" })], null],
    ["a letter before the head", [letter({ status: "pending" })], null],
    ["a letter sent back", [letter({ status: "returned" })], null],
    ["a letter replaced by a new draft", [letter({ status: "superseded" })], null],
    ["an issued explanation report", [letter({ kind: "explanation" })], null],
    ["an issued letter without a new date", [letter({ newDueDate: null })], null],
    [
      "a returned letter, then an issued one",
      [letter({ status: "returned", newDueDate: "2026-11-30" }), letter({})],
      "2026-12-01",
    ],
  ])("%s → %s", (_, docs, expected) => {
    expect(reappointmentOf(docs)?.newDueDate ?? null).toBe(expected);
  });
});

describe("a dossier tracked against its re-appointed date (due Thursday 26/11, re-appointed to Tuesday 01/12)", () => {
  let cal: WorkCalendar;
  beforeAll(async () => {
    cal = await workCalendar();
  });
  const dossier = { status: "processing", dueAt: "2026-11-26", finishedAt: null, resultReturnedAt: null };
  const tracked = inForce(dossier, reappointmentOf([letter({})]));
  it.each([
    ["2026-11-27", "overdue", "on-time"],
    ["2026-11-30", "overdue", "due-soon"],
    ["2026-12-01", "overdue", "due-soon"],
    ["2026-12-02", "overdue", "overdue"],
  ])("on %s: %s by the export's date, %s by the date in force", (today, byExport, byLetter) => {
    expect(phaseOf(dossier, today, cal)).toBe(byExport);
    expect(phaseOf(tracked, today, cal)).toBe(byLetter);
  });
});
