/**
 * The job registry (STYLE.md: one registry [{ name, cron, run }]; each run is a sweep calling
 * services). Job bodies live beside this file, one per file.
 */
import type { Config } from "../config.js";
import type { AppDeps } from "../services/context.js";
import type { JobDefinition } from "./scheduler.js";
import { scheduleJobs } from "./schedules.js";
import { overdueJobs } from "./overdue.js";
import { retentionJobs } from "./retention.js";

export type JobFactory = (deps: AppDeps, config: Config) => JobDefinition[];

/** Every job the app runs; a new job module adds its factory to this list. */
const factories: readonly JobFactory[] = [scheduleJobs, overdueJobs, retentionJobs];

export function createJobs(deps: AppDeps, config: Config): JobDefinition[] {
  return factories.flatMap((f) => f(deps, config));
}
