-- AlterTable
ALTER TABLE "ProcessedUpdate" ADD COLUMN     "chatId" BIGINT,
ADD COLUMN     "kind" TEXT;

