/** The reminder use-cases bound to the application's dependencies: what the morning jobs send. */
import { bindDeps } from "../bind.js";
import type { AppDeps } from "../context.js";
import { recordEscalations } from "./escalation.js";
import { sendMorning } from "./morning.js";
import { sendPeakLeaderStatus } from "./peakSections.js";

export function reminderUseCases(deps: AppDeps) {
  return {
    sendMorning: bindDeps(deps, sendMorning),
    sendPeakLeaderStatus: bindDeps(deps, sendPeakLeaderStatus),
    recordEscalations: bindDeps(deps, recordEscalations),
  };
}
export type ReminderUseCases = ReturnType<typeof reminderUseCases>;
