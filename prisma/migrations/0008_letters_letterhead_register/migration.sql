-- DropIndex
DROP INDEX "DossierDocument_numberYear_number_key";

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN "letterhead" TEXT;

-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN "applicantTitle" TEXT;

-- AlterTable
ALTER TABLE "DossierDocument" ADD COLUMN "register" TEXT;
ALTER TABLE "DossierDocument" ADD COLUMN "salutation" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "DossierDocument_numberYear_register_number_key" ON "DossierDocument"("numberYear", "register", "number");

