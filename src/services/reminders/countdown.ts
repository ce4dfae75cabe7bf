/**
 * The countdown rules live in domain/schedule/countdown.ts; this name stays for the importers
 * outside the schedules (bot/features/digest.ts, messages/tasks.ts) until they import the domain.
 */
export {
  countdownSendDays,
  deadlineHit,
  isoWeekKey,
  lastWorkingOnOrBefore,
  type DeadlineHit,
} from "../../domain/schedule/index.js";
