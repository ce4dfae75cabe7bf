/**
 * Nightly housekeeping of personal data (docs/DOSSIERS.md "Dữ liệu cá nhân: lưu giữ và xoá"):
 * letter files past their purpose are erased (services/apology/letterRetention.ts). Applicants' names
 * are dropped by the morning overdue sweep (dossiers/applicant.ts), which already reads dossiers.
 */
import { eraseLetterFiles } from "../services/apology/letterRetention.js";
import type { JobFactory } from "./index.js";

/** A night missed by a restart is made up the same day; otherwise the next night erases it. */
const RETENTION_CATCH_UP_MS = 12 * 3_600_000;

export const retentionJobs: JobFactory = (deps, config) => [
  {
    name: "retention",
    cron: config.RETENTION_CRON,
    catchUpWithinMs: RETENTION_CATCH_UP_MS,
    run: ({ now }) => eraseLetterFiles(deps, now),
  },
];
