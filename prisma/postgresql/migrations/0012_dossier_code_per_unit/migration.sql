-- DropIndex
DROP INDEX "Dossier_code_key";

-- AlterTable
ALTER TABLE "DossierDocument" ADD COLUMN     "dossierId" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "Dossier_unitCode_code_key" ON "Dossier"("unitCode", "code");

-- CreateIndex
CREATE INDEX "DossierDocument_dossierId_idx" ON "DossierDocument"("dossierId");

