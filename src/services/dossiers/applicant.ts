/**
 * How long an applicant's name is kept (NĐ 13/2023/NĐ-CP: only the personal data a feature
 * needs, only while it needs it). Two features read Dossier.applicantName: the apology letter,
 * addressed to the citizen (apology/fields.ts `recipient`), and /hoso in the unit's own chat.
 *
 * The rule: the name is kept while the dossier is open (it may still run late and need a letter;
 * the unit handling it sees whose it is), or while an apology letter for it is a draft or before
 * the head — it is rendered again when sent to the head and when approved, even if the dossier
 * closed meanwhile. Otherwise no letter can be written any more (apology/flow.ts checkStart refuses
 * an apology for a closed dossier), so the name goes:
 *  - an export row of a closed dossier without such a letter is stored without it (a dossier
 *    finished on time is never stored with a name);
 *  - once the dossier is closed, when its last letter in flight is issued, returned or replaced;
 *  - when the unit presses "Đã trả kết quả";
 *  - in the daily sweep, for whatever is left (names stored before this rule).
 * The issued letter keeps the name: it is the document the office sends. The explanation report
 * is addressed to the head and names no citizen.
 */
import { forgetApplicantNames } from "../../db/repos/dossiers.js";
import { dossiersWithApology } from "../../db/repos/letters.js";
import type { Tx } from "../../db/transaction.js";
import type { AppDeps } from "../context.js";
import { CLOSED_STATUSES, isClosed, type DossierFacts } from "./state.js";

/** Apology statuses that will be rendered again (sent to the head, approved). */
const IN_FLIGHT = ["draft", "pending"];

/** PURE: whether the rule above keeps the name of a dossier in this state. */
export function keepsApplicant(d: DossierFacts, apologyInFlight: boolean): boolean {
  return apologyInFlight || !isClosed(d);
}

/** The dossiers among `ids` (all dossiers when absent) with an apology letter still to be rendered. */
export function apologiesInFlight(db: Tx, ids?: readonly number[]): Promise<Set<number>> {
  return dossiersWithApology(db, IN_FLIGHT, ids);
}

/**
 * Drops the names the rule no longer keeps, among dossiers `ids` (every dossier when absent);
 * returns how many. The UPDATE re-checks "closed", so a dossier reopened by an upload meanwhile keeps its name.
 */
export async function forgetApplicants(deps: Pick<AppDeps, "prisma">, ids?: readonly number[]): Promise<number> {
  const keep = await apologiesInFlight(deps.prisma, ids);
  const targets = ids?.filter((c) => !keep.has(c));
  if (targets?.length === 0) return 0;
  return forgetApplicantNames(deps.prisma, targets ? { ids: targets } : { except: [...keep] }, [...CLOSED_STATUSES]);
}
