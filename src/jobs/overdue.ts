/**
 * The overdue-dossier jobs (issue #5): the daily sweep (OVERDUE_SWEEP_CRON; it skips days off
 * by the holiday calendar itself, so the cron may say "every day" and still reach make-up
 * Saturdays) and the monthly late list (LATE_LIST_CRON, see lateList.ts).
 */
import { vnDate } from "../domain/directive/dates.js";
import { workCalendar } from "../services/calendar.js";
import { sweepOverdue } from "../services/dossiers/sweep.js";
import type { JobFactory } from "./index.js";
import { lateListJob } from "./lateList.js";

/** A sweep missed by a restart still runs the same morning; a day late, the next one does it. */
export const OVERDUE_CATCH_UP_MS = 6 * 3_600_000;

export const overdueJobs: JobFactory = (deps, config) => [
  {
    name: "overdue-sweep",
    cron: config.OVERDUE_SWEEP_CRON,
    catchUpWithinMs: OVERDUE_CATCH_UP_MS,
    async run({ fireTime }) {
      const day = vnDate(fireTime);
      return { day, ...(await sweepOverdue(deps, day, await workCalendar())) };
    },
  },
  lateListJob(deps, config.LATE_LIST_CRON),
];
