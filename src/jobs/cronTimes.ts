/** Kept for importers of the old path (src/sandbox/time.ts); the cron rules are src/domain/schedule/cron.ts. */
export { latestFireAtOrBefore, nextFireAfter } from "../domain/schedule/index.js";
