/**
 * How long each kind of outbox message is worth sending (docs/RELIABILITY.md). Until then a
 * Telegram outage (5xx, network) is waited out, however long it lasts; after it the message
 * is given up and counted in one summary alert. A morning reminder sent at 19:00 tells a unit
 * to report "today" when the office is closed; a digest sent after the next digest shows
 * last week's chart next to this week's. Pure: `at` is the application clock's now.
 */

/** 17:00 in Vietnam (UTC+7 all year): the end of the administrative working day. */
const END_OF_WORKDAY_UTC_HOUR = 10;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A message enqueued late (a catch-up, a resend in the evening) still gets this long. */
export const MIN_USEFUL_MS = HOUR;

type Policy = { until: "end-of-workday" } | { forMs: number };

/**
 * Per kind (the `kind` values passed to enqueue, src/services/notify.ts and its callers).
 * Kinds not listed get DEFAULT_POLICY.
 */
export const USEFUL_POLICIES: Readonly<Record<string, Policy>> = {
  // Daily, about today: the 08:00 message, the leaders' peak-week note, the 09:00 late list.
  reminder: { until: "end-of-workday" },
  "peak-week": { until: "end-of-workday" },
  "late-list": { until: "end-of-workday" },
  // Weekly (Monday 08:00): until the next digest.
  digest: { forMs: 7 * DAY },
  // Overdue dossiers (08:30 sweep): the apology is still owed for days; three working days' worth.
  "dossier-prompt": { forMs: 3 * DAY },
  "dossier-escalation": { forMs: 3 * DAY },
  // Answers to someone's action (a draft to approve, an issued letter, a registration): a week.
  "dossier-draft": { forMs: 7 * DAY },
  "dossier-approval": { forMs: 7 * DAY },
  "dossier-decision": { forMs: 7 * DAY },
  "dossier-issued": { forMs: 7 * DAY },
  "registration-request": { forMs: 7 * DAY },
  "registration-result": { forMs: 7 * DAY },
  // What went wrong, including the loss summary with its resend button.
  "admin-alert": { forMs: 7 * DAY },
};

export const DEFAULT_POLICY: Policy = { forMs: DAY };

/** 17:00 Vietnam time on the Vietnamese calendar day of `at`. */
export function endOfWorkday(at: Date): Date {
  const vn = new Date(at.getTime() + 7 * HOUR);
  return new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate(), END_OF_WORKDAY_UTC_HOUR));
}

/** When a message of `kind` enqueued at `at` stops being worth sending. */
export function usefulUntilFor(kind: string, at: Date): Date {
  const policy = (Object.hasOwn(USEFUL_POLICIES, kind) ? USEFUL_POLICIES[kind] : undefined) ?? DEFAULT_POLICY;
  const until = "until" in policy ? endOfWorkday(at).getTime() : at.getTime() + policy.forMs;
  return new Date(Math.max(until, at.getTime() + MIN_USEFUL_MS));
}
