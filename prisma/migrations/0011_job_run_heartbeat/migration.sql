-- AlterTable
ALTER TABLE "JobRun" ADD COLUMN "heartbeatAt" DATETIME;

