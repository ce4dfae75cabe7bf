-- AlterTable
ALTER TABLE "DossierDocument" ADD COLUMN     "approverName" TEXT,
ADD COLUMN     "approverRole" TEXT;

-- CreateTable
CREATE TABLE "UnitApprover" (
    "id" SERIAL NOT NULL,
    "unitCode" TEXT NOT NULL,
    "telegramId" BIGINT NOT NULL,
    "role" TEXT NOT NULL,
    "name" TEXT,
    "telegramName" TEXT,
    "source" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "grantedBy" BIGINT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnitApprover_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UnitApprover_unitCode_telegramId_key" ON "UnitApprover"("unitCode", "telegramId");

