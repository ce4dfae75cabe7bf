/**
 * Who was late in a month (docs/DOSSIERS.md): units — and officers, where the
 * export names them — with dossiers whose due date fell in the month and which were returned
 * late or are still open past it; how many had an apology issued in time (signed on or before
 * the last day of the limit); how many missed the re-appointed date that fell in the month
 * ("trễ hẹn lần 2"); worst first. The text for leaders and the .xlsx share this list.
 */
import { onOrNextWorkingDay, type WorkCalendar } from "../../domain/calendar/index.js";
import { lastDayOfMonth, vnDate, type IsoDate, type IsoMonth } from "../../domain/directive/dates.js";
import { dossiersDueBetween, type Dossier } from "../../db/repos/dossiers.js";
import { issuedApologies } from "../../db/repos/letters.js";
import { parsePeriod } from "../../ingest/index.js";
import type { AppDeps } from "../context.js";
import { subtreeCodes } from "./chats.js";
import { wasLate } from "./state.js";

export interface LateCount {
  late: number;
  apologisedInTime: number;
  /** of `late`: past the re-appointed date that fell in the month ("trễ hẹn lần 2") */
  lateAgain: number;
}

export interface LateOfficer extends LateCount {
  name: string;
}

export interface LateUnit extends LateCount {
  unitCode: string;
  unitName: string;
  officers: LateOfficer[];
}

export interface LateList {
  month: IsoMonth;
  asOf: IsoDate;
  units: LateUnit[];
}

const worstFirst =
  <T extends LateCount>(key: (x: T) => string) =>
  (a: T, b: T): number =>
    b.late - a.late ||
    b.late - b.apologisedInTime - (a.late - a.apologisedInTime) ||
    key(a).localeCompare(key(b), "vi");

export async function buildLateList(
  deps: Pick<AppDeps, "prisma" | "catalog">,
  input: { month: IsoMonth; rootCode: string | null; asOf: IsoDate; cal: WorkCalendar },
): Promise<LateList> {
  const catalog = deps.catalog.get();
  const scope = input.rootCode ? subtreeCodes(catalog, input.rootCode) : null;
  const from = `${input.month}-01`;
  const to = `${lastDayOfMonth(input.month)}T99`;
  const apologies = await issuedApologies(deps.prisma);
  const apologyOf = new Map(apologies.flatMap((a) => (a.dossierId === null ? [] : [[a.dossierId, a] as const])));
  // A re-appointment may have moved the export's due date: the apology froze the original one.
  // Its new date counts in the month it falls in: missed, the dossier is late a second time.
  const inMonth = (d: string | null): d is string => d !== null && d >= from && d <= to;
  const movedIds = apologies
    .filter((a) => inMonth(a.originalDueDate) || inMonth(a.newDueDate))
    .flatMap((a) => a.dossierId ?? []);
  const dossiers = await dossiersDueBetween(deps.prisma, {
    from,
    to,
    ids: movedIds,
    unitCodes: scope ? [...scope] : null,
  });
  const units = new Map<string, LateUnit>();
  for (const d of dossiers) {
    const apology = apologyOf.get(d.id);
    const dueAt = apology?.originalDueDate ?? d.dueAt;
    const facts = { ...d, returnedOn: d.resultReturnedAt ? vnDate(d.resultReturnedAt) : null };
    const lateFirst = inMonth(dueAt) && wasLate({ ...facts, dueAt }, input.asOf, input.cal);
    const newDue = apology?.newDueDate ?? null;
    const lateAgain = inMonth(newDue) && wasLate({ ...facts, dueAt: newDue }, input.asOf, input.cal);
    if (!dueAt || (!lateFirst && !lateAgain)) continue;
    const lastDay = onOrNextWorkingDay(dueAt.slice(0, 10), input.cal);
    const inTime = apology?.approvedAt ? vnDate(apology.approvedAt) <= lastDay : false;
    const unit = units.get(d.unitCode) ?? {
      unitCode: d.unitCode,
      unitName: catalog.unit(d.unitCode)?.name ?? d.unitCode,
      late: 0,
      apologisedInTime: 0,
      lateAgain: 0,
      officers: [],
    };
    add(unit, inTime, lateAgain);
    if (d.officerName) addOfficer(unit, d, inTime, lateAgain);
    units.set(d.unitCode, unit);
  }
  const list = [...units.values()].sort(worstFirst((u) => u.unitName));
  for (const u of list) u.officers.sort(worstFirst((o) => o.name));
  return { month: input.month, asOf: input.asOf, units: list };
}

function add(c: LateCount, inTime: boolean, again: boolean): void {
  c.late++;
  if (inTime) c.apologisedInTime++;
  if (again) c.lateAgain++;
}

function addOfficer(unit: LateUnit, d: Dossier, inTime: boolean, again: boolean): void {
  const name = (d.officerName ?? "").trim().replace(/\s+/g, " ");
  let officer = unit.officers.find((o) => o.name.toLocaleLowerCase("vi") === name.toLocaleLowerCase("vi"));
  if (!officer) {
    officer = { name, late: 0, apologisedInTime: 0, lateAgain: 0 };
    unit.officers.push(officer);
  }
  add(officer, inTime, again);
}

/**
 * "10/2026", "thang 10/2026", "tháng 10/2026" → "2026-10" — read as a spreadsheet's period cell
 * is (`parsePeriod`); empty → null (the caller picks last month); anything else → "invalid".
 */
export function parseMonthArg(text: string): IsoMonth | null | "invalid" {
  const period = parsePeriod(text);
  return period.ok ? period.value : "invalid";
}
