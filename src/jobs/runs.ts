/** Kept for importers of the old path (test/db/postgres.test.ts); the repository is src/db/repos/runs.ts. */
export { claimRun, runKey } from "../db/repos/runs.js";
