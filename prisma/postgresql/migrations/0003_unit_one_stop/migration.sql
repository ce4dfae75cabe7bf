-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "oneStop" BOOLEAN NOT NULL DEFAULT false;

