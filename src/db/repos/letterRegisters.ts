/**
 * The registers letters are numbered from (model DocumentCounter): one row per year and symbol
 * ("XL-TN-X1"), bumped inside the approval's transaction so that its row lock makes concurrent
 * approvals queue for consecutive numbers (services/apology/numbers.ts tells the whole story).
 */
import type { Tx } from "../transaction.js";

export interface Register {
  year: number;
  /** "XL-TN-X1": the form's symbol, then the unit. */
  symbol: string;
}

/** Takes the next number of `register` inside `tx`; the caller's transaction holds it until commit. */
export async function takeNumber(tx: Tx, register: Register): Promise<number> {
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
async function lastIssuedBefore(tx: Tx, register: Register): Promise<number> {
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
