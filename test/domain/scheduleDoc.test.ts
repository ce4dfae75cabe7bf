/**
 * docs/SCHEDULES.md states offsets, times and windows that officials and administrators rely on;
 * each is checked here against the constant in src/domain/schedule/, so the doc cannot drift.
 * The two tables are read whole; the numbers repeated in the prose are read by the sentences
 * that carry them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parseConfig } from "../../src/config.js";
import * as schedule from "../../src/domain/schedule/index.js";

const doc = readFileSync("docs/SCHEDULES.md", "utf8");
const flat = doc.replace(/\s+/g, " ");
const HOUR = 3_600_000;
const MINUTE = 60_000;

const cells = (line: string) =>
  line
    .split("|")
    .slice(1, -1)
    .map((c) => c.trim());
const ticked = (cell: string) => /`([^`]+)`/.exec(cell)?.[1] ?? "";

describe("the jobs table", () => {
  const rows = doc
    .split("\n")
    .filter((l) => /^\| `[a-z-]+`/.test(l))
    .map(cells);
  const jobs = rows.map((r) => ({
    name: ticked(r[0] ?? ""),
    variable: ticked(r[1] ?? ""),
    cron: ticked(r[2] ?? ""),
    catchUp: r[3] ?? "",
  }));

  test("lists every job that has a catch-up window, once", () => {
    expect(jobs.map((j) => j.name).sort()).toEqual(Object.keys(schedule.CATCH_UP_MS).sort());
  });

  test.each(jobs)("$name: default cron and catch-up window as in the code", (j) => {
    const variable = j.variable as keyof typeof schedule.DEFAULT_CRON;
    expect(schedule.DEFAULT_CRON[variable]).toBe(j.cron);
    expect(parseConfig({})[variable]).toBe(j.cron);
    const hours = Number(/^(\d+) giờ$/.exec(j.catchUp)?.[1]);
    expect(hours * HOUR).toBe(schedule.CATCH_UP_MS[j.name as schedule.JobName]);
  });

  test("every default cron is in the table", () => {
    expect(new Set(jobs.map((j) => j.variable))).toEqual(new Set(Object.keys(schedule.DEFAULT_CRON)));
  });
});

/** `TASK_OFFSETS`, `STALE_AFTER_DAYS.quarterly` → the value exported by src/domain/schedule. */
function constant(path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>(
      (v, key) => (v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined),
      schedule,
    );
}

/** "7, 3, 1, 0 ngày" → [7, 3, 1, 0]; "10 phút" → 10 minutes in ms; "3 lần" → 3. */
function stated(value: string): number | number[] {
  const numbers = [...value.matchAll(/\d+/g)].map((m) => Number(m[0]));
  if (/phút/.test(value)) return (numbers[0] ?? NaN) * MINUTE;
  if (/giờ/.test(value)) return (numbers[0] ?? NaN) * HOUR;
  return numbers.length === 1 ? (numbers[0] ?? NaN) : numbers;
}

describe("the reminder rules table", () => {
  const rows = doc
    .split("\n")
    .filter((l) => l.startsWith("|"))
    .map(cells)
    .filter((r) => /^`[A-Z_]+(\.[a-z]+)?`/.test(r[2] ?? ""));
  const named = rows.map((r) => ({ name: ticked(r[2] ?? ""), value: r[1] ?? "" }));

  test.each(named)("$name = $value", ({ name, value }) => {
    const code = constant(name);
    expect(code, `${name} is not exported by src/domain/schedule`).toBeDefined();
    expect(Array.isArray(code) ? [...code] : code).toEqual(stated(value));
  });

  test("every numeric rule of src/domain/schedule is in a table", () => {
    const expected = Object.entries(schedule).flatMap(([name, v]): string[] => {
      if (name === "CATCH_UP_MS") return []; // the jobs table
      if (typeof v === "number" || (Array.isArray(v) && v.every((x) => typeof x === "number"))) return [name];
      if (v && typeof v === "object" && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "number")) {
        return Object.keys(v).map((k) => `${name}.${k}`);
      }
      return [];
    });
    expect(named.map((n) => n.name).sort()).toEqual(expected.sort());
  });
});

describe("the numbers repeated in the prose", () => {
  const num = (re: RegExp): number[] => {
    const m = re.exec(flat);
    expect(m, `docs/SCHEDULES.md no longer says ${re}`).not.toBeNull();
    return (m ?? []).slice(1).map(Number);
  };
  const { CATCH_UP_MS: c } = schedule;

  test("timezone", () => {
    expect(flat).toContain(`Giờ theo \`${schedule.SCHEDULE_TIMEZONE}\``);
  });

  test("catch-up windows", () => {
    expect(num(/gửi bù nếu trễ không quá (\d+) giờ, bản tin tuần không quá (\d+) giờ/)).toEqual([
      c["daily-reminder"] / HOUR,
      c["weekly-digest"] / HOUR,
    ]);
    expect(num(/within (\d+) h \(daily\) \/ (\d+) h \(digest\)/)).toEqual([
      c["daily-reminder"] / HOUR,
      c["weekly-digest"] / HOUR,
    ]);
    expect(num(/nếu còn trong (\d+) giờ/)).toEqual([c["weekly-digest"] / HOUR]);
  });

  test("heartbeat and stale runs", () => {
    expect(schedule.HEARTBEAT_MS).toBe(MINUTE); // the prose says "mỗi phút" / "every minute"
    expect(flat).toContain("(`heartbeatAt`, mỗi phút)");
    expect(num(/có nhịp sống cũ hơn \*\*(\d+) phút\*\*/)).toEqual([schedule.STALE_RUN_MS / MINUTE]);
    expect(num(/heartbeat is more than (\d+) minutes old/)).toEqual([schedule.STALE_RUN_MS / MINUTE]);
  });

  test("figure staleness", () => {
    const s = schedule.STALE_AFTER_DAYS;
    expect(
      num(
        /đã cũ từ (\d+) ngày trở lên\*\* \(báo cáo hằng tuần\/tháng: (\d+) ngày; hằng quý: (\d+) ngày; hằng năm: (\d+) ngày; chỉ thị không nêu kỳ: (\d+) ngày/,
      ),
    ).toEqual([s.monthly, s.weekly, s.quarterly, s.yearly, schedule.DEFAULT_STALE_AFTER_DAYS]);
    expect(num(/is missing or ≥ (\d+) days old \(quarterly: (\d+)\)/)).toEqual([s.monthly, s.quarterly]);
  });

  test("reporting day, peak week, task deadlines", () => {
    expect(num(/nhắc trước (\d+) ngày, (\d+) ngày và đúng ngày/)).toEqual(
      schedule.REPORTING_OFFSETS.filter((k) => k > 0),
    );
    expect(num(/\*D-(\d+), D-(\d+), D;/)).toEqual(schedule.REPORTING_OFFSETS.filter((k) => k > 0));
    expect(num(/Ngày 1–(\d+) mỗi tháng/)).toEqual([schedule.PEAK_WEEK_LAST_DAY]);
    expect(num(/được nhắc trước (\d+), (\d+), (\d+) ngày, đúng hạn/)).toEqual(
      schedule.TASK_OFFSETS.filter((k) => k > 0),
    );
    expect(num(/\*(\d+)\/(\d+)\/(\d+)\/(\d+) days before/)).toEqual([...schedule.TASK_OFFSETS]);
  });

  test("escalation", () => {
    const n = schedule.ESCALATE_AFTER;
    expect(num(/\*\*(\d+) lần nhắc \((\d+) ngày\) sau lần báo cáo gần nhất\*\*/)).toEqual([n, n]);
    expect(num(/chỉ bị nêu lại sau (\d+) lần nhắc bị bỏ qua nữa/)).toEqual([n]);
    expect(num(/đơn vị bỏ qua (\d+) lần nhắc/)).toEqual([n]);
  });
});
