-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "ProcessedUpdate";
PRAGMA foreign_keys=on;

