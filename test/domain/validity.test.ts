/**
 * Period of validity (docs/DIRECTIVES.md "Hiệu lực"): before effect, in force, after the end,
 * replaced; a last target's horizon; `measures`. Tables on both sides of every date.
 */
import { describe, expect, test } from "vitest";
import { directiveEnd, validityOn } from "../../src/domain/directive/validity.js";
import { evaluate, type EvaluationUnit } from "../../src/domain/evaluation/index.js";
import { makeDirective } from "./evaluationFixtures.js";

const xa: EvaluationUnit = { code: "x1", tier: "xa" };
const milestone = (deadline: string, target: number) => ({
  indicator: "hs-truc-tuyen",
  scope: { tiers: ["xa"] },
  deadline,
  target,
  comparison: "atLeast" as const,
});
const ladder = [milestone("30/06/2026", 60), milestone("31/12/2026", 80)];
const at = (asOf: string, directives = [plain]) =>
  evaluate({
    unit: xa,
    indicatorCode: "hs-truc-tuyen",
    figures: { numerator: 70, denominator: 100 },
    asOf,
    directives,
  });
const ref = (e: ReturnType<typeof at>) => [e.inForce?.target ?? null, e.next?.target ?? null, e.lapsed?.target ?? null];

const plain = makeDirective({ id: "kh-2026", number: "01/KH", issuedOn: "15/01/2026", milestones: ladder });
const later = makeDirective({
  id: "kh-2026-b",
  number: "02/KH",
  issuedOn: "15/01/2026",
  effectiveFrom: "01/03/2026",
  milestones: ladder,
});
const ended = makeDirective({
  id: "kh-2026-c",
  number: "03/KH",
  issuedOn: "15/01/2026",
  effectiveUntil: "31/08/2026",
  milestones: ladder,
});
const replaced = makeDirective({
  id: "kh-2026-d",
  number: "04/KH",
  issuedOn: "15/01/2026",
  replacedBy: { id: "kh-moi" },
  milestones: ladder,
});
const successor = makeDirective({ id: "kh-moi", number: "09/KH", issuedOn: "20/09/2026", milestones: ladder.slice(1) });

describe("validityOn", () => {
  test.each([
    [later, "2026-02-28", "not-yet"],
    [later, "2026-03-01", "in-force"],
    [ended, "2026-08-31", "in-force"],
    [ended, "2026-09-01", "ended"],
    [plain, "2030-01-01", "in-force"],
    // replaced by a loaded directive: ends the day before the successor takes effect
    [replaced, "2026-09-19", "in-force"],
    [replaced, "2026-09-20", "ended"],
  ] as const)("%#: on %s → %s", (d, day, status) => {
    expect(validityOn(d, day, [plain, later, ended, replaced, successor])).toBe(status);
  });
  test("replaced by a directive that is not loaded and with no date: ended, said as replaced", () => {
    expect(validityOn(replaced, "2026-02-01", [replaced])).toBe("ended");
    expect(directiveEnd(replaced, [replaced])).toEqual({ kind: "replaced", date: null, by: "kh-moi" });
  });
});

describe("what is in force on a date", () => {
  test.each([
    // [directive list, day, [in force, next, lapsed]]
    ["before the issue date nothing binds", [plain], "2026-01-14", [null, null, null]],
    ["issued: the first target is next", [plain], "2026-01-15", [null, 60, null]],
    ["before effect nothing binds", [later], "2026-02-28", [null, null, null]],
    ["from effect", [later], "2026-03-01", [null, 60, null]],
    ["on the first deadline", [plain], "2026-06-30", [60, 80, null]],
    ["last deadline", [plain], "2026-12-31", [80, null, null]],
    ["the year after the last target: lapsed, not today's", [plain], "2027-01-01", [null, null, 80]],
    // the 60% target was in force until the end; the 80% one never came
    ["after effectiveUntil", [ended], "2026-09-01", [null, null, 60]],
    ["still in force the day before", [ended], "2026-08-31", [60, 80, null]],
    ["replaced: the successor's target binds", [replaced, successor], "2026-09-20", [null, 80, null]],
    ["replaced: the old one the day before", [replaced, successor], "2026-09-19", [60, 80, null]],
  ] as const)("%s", (_what, list, day, expected) => {
    expect(ref(at(day, [...list]))).toEqual(expected);
  });

  test("measures: a target for the figures of 2026 only stops at the end of 2026, even with a later one", () => {
    const yearly = makeDirective({
      id: "nam",
      issuedOn: "01/01/2026",
      milestones: [
        { ...milestone("31/12/2026", 60), measures: { from: "2026-01", to: "2026-12", text: "năm 2026" } },
        milestone("31/12/2027", 90),
      ],
    });
    expect(ref(at("2026-12-31", [yearly]))).toEqual([60, 90, null]);
    expect(ref(at("2027-01-01", [yearly]))).toEqual([null, 90, null]);
  });
});
