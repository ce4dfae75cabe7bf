-- AlterTable
ALTER TABLE "DossierDocument" ADD COLUMN "numberYear" INTEGER;

-- CreateTable
CREATE TABLE "DocumentCounter" (
    "year" INTEGER NOT NULL,
    "symbol" TEXT NOT NULL,
    "last" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("year", "symbol")
);

-- CreateIndex
CREATE UNIQUE INDEX "DossierDocument_numberYear_number_key" ON "DossierDocument"("numberYear", "number");

