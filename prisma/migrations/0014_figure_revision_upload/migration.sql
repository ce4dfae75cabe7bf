-- AlterTable
ALTER TABLE "FigureRevision" ADD COLUMN "uploadId" INTEGER;

-- CreateIndex
CREATE INDEX "FigureRevision_uploadId_idx" ON "FigureRevision"("uploadId");

