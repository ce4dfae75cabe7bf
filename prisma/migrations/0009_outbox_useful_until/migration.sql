-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "usefulUntil" DATETIME;

