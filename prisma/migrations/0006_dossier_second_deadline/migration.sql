-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN "secondOverdueAt" DATETIME;
ALTER TABLE "Dossier" ADD COLUMN "secondPromptedAt" DATETIME;

