/**
 * Nightly housekeeping of personal data (docs/DOSSIERS.md "Dữ liệu cá nhân: lưu giữ và xoá"):
 * letter files past their purpose are erased (services/apology/letterRetention.ts). Applicants' names
 * are dropped by the morning overdue sweep (dossiers/applicant.ts), which already reads dossiers.
 */
import type { AppDeps } from "../services/context.js";
import { eraseLetterFiles } from "../services/apology/letterRetention.js";
import type { JobContext } from "./types.js";

export const runRetention = (deps: AppDeps, { now }: JobContext): Promise<unknown> => eraseLetterFiles(deps, now);
