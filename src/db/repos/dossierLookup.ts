/**
 * A dossier found by its row id, as the bot's dossier buttons and questions carry it: what
 * they show (the code), whose it is (the unit) and what the letter needs of the applicant.
 * Plain records, never Prisma models.
 */
import type { Db } from "../client.js";

export type DossierBrief = {
  id: number;
  code: string;
  unitCode: string;
  applicantName: string | null;
  /** "Ông"/"Bà" when the export says it. */
  applicantTitle: string | null;
};

export async function dossierById(prisma: Db, id: number): Promise<DossierBrief | null> {
  return prisma.dossier.findUnique({
    where: { id }, select: { id: true, code: true, unitCode: true, applicantName: true, applicantTitle: true },
  });
}

/** The code of a dossier, "" when it is gone (a text then names no dossier rather than failing). */
export async function dossierCodeById(prisma: Db, id: number): Promise<string> {
  return (await prisma.dossier.findUnique({ where: { id }, select: { code: true } }))?.code ?? "";
}
