-- DropTable
DROP TABLE "ProcessedUpdate";

