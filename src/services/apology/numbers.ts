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
import type { Prisma } from "../../db/generated/client.js";

export interface Register {
  year: number;
  /** "XL-TN-X1": the form's symbol, then the unit. */
  symbol: string;
}

/** Takes the next number of `register` inside `tx`; the caller's transaction holds it until commit. */
export async function takeNumber(tx: Prisma.TransactionClient, register: Register): Promise<number> {
  const where = { year: register.year, symbol: register.symbol };
  const bumped = await tx.documentCounter.updateMany({ where, data: { last: { increment: 1 } } });
  if (bumped.count === 1) {
    const row = await tx.documentCounter.findUnique({ where: { year_symbol: where } });
    if (row) return row.last;
  }
  // A new register. Two approvals opening it together both get here: the second create is
  // refused (P2002) once the first commits, and its approval is retried from the top.
  const last = (await lastIssuedBefore(tx, register)) + 1;
  await tx.documentCounter.create({ data: { ...where, last } });
  return last;
}

/**
 * The highest number of the register among documents issued before the counter existed (they
 * were numbered by counting), so a register opened after the upgrade continues after them.
 */
async function lastIssuedBefore(tx: Prisma.TransactionClient, register: Register): Promise<number> {
  const issued = await tx.dossierDocument.findMany({
    where: {
      status: "issued",
      // Before the register was stored, the number itself ended with it ("12/XL-TN-X1").
      OR: [{ register: register.symbol }, { register: null, number: { endsWith: `/${register.symbol}` } }],
      approvedAt: { gte: vnYearStart(register.year), lt: vnYearStart(register.year + 1) },
    },
    select: { number: true },
  });
  return issued.reduce((max, d) => Math.max(max, Number.parseInt(d.number ?? "", 10) || 0), 0);
}

function vnYearStart(year: number): Date {
  return new Date(`${year}-01-01T00:00:00+07:00`);
}

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
