-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN     "secondOverdueAt" TIMESTAMP(3),
ADD COLUMN     "secondPromptedAt" TIMESTAMP(3);

