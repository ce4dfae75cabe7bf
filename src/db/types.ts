/**
 * The client type every module is typed against (the SQLite one; PostgreSQL's is cast to it in
 * client.ts). Apart from client.ts so repositories that client.ts runs at open can name it.
 */
import type { PrismaClient } from "./generated/client.js";

export type Db = InstanceType<typeof PrismaClient>;
