/**
 * Letters (model DossierDocument): the apology letters and explanation reports of a dossier. A
 * document belongs to its dossier by `dossierId`: codes are unique per unit only.
 */
import type { Db } from "../client.js";

/**
 * Links documents written while dossier codes were unique across units to their dossier. Then a
 * code named one dossier, the one holding it now with the lowest id (dossiers are never deleted,
 * and a same code in another unit can only have been stored later). Runs at every opening: it
 * touches only rows still unlinked, so after the first opening it changes nothing.
 */
export async function linkLegacyDocuments(db: Db): Promise<number> {
  return db.$executeRaw`UPDATE "DossierDocument" SET "dossierId" = (
    SELECT MIN("Dossier"."id") FROM "Dossier" WHERE "Dossier"."code" = "DossierDocument"."dossierCode"
  ) WHERE "dossierId" IS NULL`;
}
