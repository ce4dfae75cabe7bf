-- AlterTable
ALTER TABLE "ProcessedUpdate" ADD COLUMN "chatId" BIGINT;
ALTER TABLE "ProcessedUpdate" ADD COLUMN "kind" TEXT;

