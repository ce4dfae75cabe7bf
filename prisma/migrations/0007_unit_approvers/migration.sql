-- AlterTable
ALTER TABLE "DossierDocument" ADD COLUMN "approverName" TEXT;
ALTER TABLE "DossierDocument" ADD COLUMN "approverRole" TEXT;

-- CreateTable
CREATE TABLE "UnitApprover" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitCode" TEXT NOT NULL,
    "telegramId" BIGINT NOT NULL,
    "role" TEXT NOT NULL,
    "name" TEXT,
    "telegramName" TEXT,
    "source" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "grantedBy" BIGINT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "UnitApprover_unitCode_telegramId_key" ON "UnitApprover"("unitCode", "telegramId");

