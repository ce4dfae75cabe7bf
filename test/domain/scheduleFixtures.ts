/**
 * A small synthetic calendar for the schedule tables, so each edge is visible in the test:
 * November 2026 with a holiday on Friday 20/11 and a make-up Saturday on 28/11.
 * 01/11/2026 is a Sunday: Mon 02, 09, 16, 23, 30.
 */
import { parseCalendarText, type WorkCalendar } from "../../src/domain/calendar/schema.js";
import type { DirectiveInput } from "../../src/domain/directive/schema.js";
import { parseDirective } from "../../src/domain/registry.js";

const parsed = parseCalendarText(`
weekend: [6, 7]
years:
  - year: 2026
    holidays:
      - { date: "2026-11-20", name: "Ngày lễ thử" }
    compensatoryDaysOff: []
    makeUpWorkingDays:
      - { date: "2026-11-28", name: "Làm bù thử" }
`);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
export const cal: WorkCalendar = parsed.calendar;

export const directive = (extra: Partial<DirectiveInput>) =>
  parseDirective({
    id: "d",
    number: "01/KH",
    kind: "ke-hoach",
    issuer: "UBND",
    national: true,
    issuedOn: "01/10/2026",
    title: "T",
    tiers: [{ code: "xa", name: "Xã" }],
    ...extra,
  });
