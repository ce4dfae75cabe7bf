/**
 * Nightly housekeeping of personal data (docs/DOSSIERS.md "Dữ liệu cá nhân: lưu giữ và xoá"):
 * letter files past their purpose are erased (services/apology/letterRetention.ts). Applicants' names
 * are dropped by the morning overdue sweep (dossiers/applicant.ts), which already reads dossiers.
 */
import type { AppServices } from "../services/useCases.js";
import type { JobContext } from "./types.js";

export const runRetention = ({ uc }: AppServices, { now }: JobContext): Promise<unknown> =>
  uc.apology.eraseLetterFiles(now);
