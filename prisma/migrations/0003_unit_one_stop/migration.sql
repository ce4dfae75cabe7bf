-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Unit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "parentCode" TEXT,
    "oneStop" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Unit" ("code", "createdAt", "id", "name", "parentCode", "searchName", "tier", "updatedAt") SELECT "code", "createdAt", "id", "name", "parentCode", "searchName", "tier", "updatedAt" FROM "Unit";
DROP TABLE "Unit";
ALTER TABLE "new_Unit" RENAME TO "Unit";
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");
CREATE INDEX "Unit_parentCode_idx" ON "Unit"("parentCode");
CREATE INDEX "Unit_tier_idx" ON "Unit"("tier");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

