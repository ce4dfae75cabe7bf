// Prisma 6.19 with the JS (WebAssembly) schema engine and a driver adapter: the only
// combination that runs fully offline here (shared/ENVIRONMENT-NOTES.md).
import path from "node:path";
import type { PrismaConfig } from "prisma";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/dondoc.db" });
  },
} satisfies PrismaConfig;
