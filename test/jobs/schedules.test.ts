/**
 * The schedules wired the way production wires them: the job registry (src/jobs/index.ts), the
 * scheduler without timers, a clock jumped forward and `fireDue`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { runStore } from "../../src/db/repos/runs.js";
import { createJobs } from "../../src/jobs/index.js";
import { startScheduler, type Scheduler } from "../../src/jobs/scheduler.js";
import { ict, startWorld, type World } from "./helpers.js";

const X1 = -1001;
const LEADERS = -2001;
const MINE = ["daily-reminder", "peak-week-leaders", "weekly-digest"];

let w: World | undefined;
let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
  await w?.stop();
});

describe("registered schedules through the scheduler", () => {
  it("the registry holds the schedules; a clock jump to Monday 08:05 fires reminder and digest once", async () => {
    w = await startWorld({ now: "2026-11-22T20:00:00+07:00" });
    await w.bind(X1, "unit", "TN-X1");
    await w.bind(LEADERS, "leaders", "TN");
    const jobs = createJobs(w.services, parseConfig({}));
    expect(jobs.map((j) => [j.name, j.cron])).toEqual(
      expect.arrayContaining([
        ["daily-reminder", "0 8 * * *"],
        ["peak-week-leaders", "0 8 * * *"],
        ["weekly-digest", "0 8 * * 1"],
      ]),
    );
    scheduler = await startScheduler({
      jobs,
      runs: runStore(w.db.prisma),
      clock: w.clock,
      logger: w.deps.logger,
      timers: "none",
    });
    w.clock.set(ict("2026-11-23T08:05").toISOString());
    const reports = await scheduler.fireDue(w.clock.now());
    const mine = reports.filter((r) => MINE.includes(r.job));
    expect(mine.map((r) => [r.job, r.outcome]).sort()).toEqual(MINE.map((j) => [j, "finished"]));
    await scheduler.fireDue(w.clock.now());
    await w.worker.drainOnce();
    expect(w.texts(X1)).toHaveLength(1);
    expect(w.emu.botMessages(LEADERS).filter((m) => m.photo)).toHaveLength(2);
  });

  it("on a public holiday the run is recorded as skipped, and nothing is sent", async () => {
    w = await startWorld({ now: "2026-09-01T20:00:00+07:00" });
    await w.bind(X1, "unit", "TN-X1");
    scheduler = await startScheduler({
      jobs: createJobs(w.services, parseConfig({})),
      runs: runStore(w.db.prisma),
      clock: w.clock,
      logger: w.deps.logger,
      timers: "none",
    });
    w.clock.set(ict("2026-09-02T08:01").toISOString());
    await scheduler.fireDue(w.clock.now());
    await w.worker.drainOnce();
    const run = await w.db.prisma.jobRun.findFirstOrThrow({ where: { job: "daily-reminder" } });
    expect(run).toMatchObject({ status: "finished" });
    expect(run.detail).toContain("Quốc khánh");
    expect(w.texts(X1)).toEqual([]);
  });
});

describe("peak week (Long An's first week of the month)", () => {
  it("a daily status in the unit's morning message and one message to the leaders, working days 1–7 only", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dondoc-peak-"));
    const directive = path.join(dir, "directive.yaml");
    writeFileSync(
      directive,
      `${readFileSync("test/fixtures/province.directive.yaml", "utf8")}\npeakWeek: { from: "2026-06" }\n`,
    );
    w = await startWorld({ now: "2026-11-30T07:00:00+07:00", files: ["test/fixtures/province.units.yaml", directive] });
    await w.bind(X1, "unit", "TN-X1");
    await w.bind(LEADERS, "leaders", "TN");
    await w.report("TN-X1", "hs-truc-tuyen", "2026-12", 40, 100, "2026-11-30T09:00");
    for (const d of ["2026-11-30", "2026-12-01", "2026-12-04", "2026-12-05", "2026-12-07", "2026-12-08"]) {
      await w.runAt("daily-reminder", `${d}T08:00`);
      await w.runAt("peak-week-leaders", `${d}T08:00`);
    }
    const peakDays = w
      .texts(X1)
      .filter((t) => t.includes("Tuần lễ cao điểm"))
      .map((t) => /Nhắc việc ngày (\S+)/.exec(t)?.[1]);
    expect(peakDays).toEqual(["01/12/2026", "04/12/2026", "07/12/2026"]);
    expect(w.texts(X1).find((t) => t.includes("Tuần lễ cao điểm"))).toContain(
      "🟠 hồ sơ trực tuyến: 40% (40/100), chỉ tiêu 60%",
    );
    const leaders = w.texts(LEADERS);
    expect(leaders.map((t) => /tình hình ngày ([\d/]+)/.exec(t)?.[1])).toEqual([
      "01/12/2026",
      "04/12/2026",
      "07/12/2026",
    ]);
    expect(leaders[0]).toContain("Tuần lễ cao điểm 01/12/2026–07/12/2026");
    expect(leaders[0]).toContain("Cần đôn đốc: Phường Đức Xuân");
  });
});
