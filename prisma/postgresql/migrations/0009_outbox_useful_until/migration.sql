-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "usefulUntil" TIMESTAMP(3);

