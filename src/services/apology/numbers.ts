/**
 * Numbers of issued dossier documents: restarting every year per register — the form's symbol
 * and the unit ("XL-TN-X1") — and printed with the agency's own abbreviation ("12/XL-UBND").
 * Counting the documents already issued gave two heads approving at the same moment the same
 * number; now each register is one DocumentCounter row, bumped inside the approval's
 * transaction: the row lock makes concurrent approvals queue, so each takes the next number.
 * The unique index on (numberYear, register, number) is the guarantee behind it (two communes
 * both issue a "01/XL-UBND", each in its own register), and the approval is retried when a
 * unique index refuses it (two approvals opening the same new register, see `withNumberRetry`).
 */
import { isUniqueViolation } from "../../db/errors.js";

export { takeNumber, type Register } from "../../db/repos/letterRegisters.js";

/** Enough for every approval of one register racing to open it; a persistent clash is a bug, so it surfaces. */
const ATTEMPTS = 5;

/** Runs a numbering transaction again when a unique index refused it (the transaction was rolled back whole). */
export async function withNumberRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= ATTEMPTS) throw e;
    }
  }
}
