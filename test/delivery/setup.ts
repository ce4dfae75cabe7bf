/** A fresh database + the Bot API emulator + a delivery worker wired to both. */
import { Api } from "grammy";
import { botApiClient } from "../../src/bot/botApiFetch.js";
import pino from "pino";
import { systemClock, type Clock } from "../../src/clock.js";
import { storeBlob } from "../../src/delivery/outbox.js";
import { createDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from "../../src/delivery/worker.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { createTestDb } from "../helpers/db.js";

export const TOKEN = "123456789:TEST-delivery-token-AAAAAAAAAAAAAAAAAAAA";

/** 1×1 PNG: the emulator reads real image dimensions. */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

export interface World {
  db: Awaited<ReturnType<typeof createTestDb>>;
  emu: Emulator;
  api: Api;
  alerts: string[];
  logs: string[];
  worker(extra?: Partial<DeliveryWorkerOptions>): DeliveryWorker;
  addGroups(ids: number[]): Promise<void>;
  png(seed?: number): Promise<number>;
  stop(): Promise<void>;
}

export async function startWorld(opts: { clock?: Clock } = {}): Promise<World> {
  const db = await createTestDb();
  const emu = await startEmulator({ token: TOKEN, botUsername: "dondoc_test_bot" });
  const api = new Api(TOKEN, botApiClient(emu.url)); // the HTTP client the app uses (createBot)
  const alerts: string[] = [];
  const logs: string[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => void logs.push(line) });
  const workers: DeliveryWorker[] = [];
  return {
    db,
    emu,
    api,
    alerts,
    logs,
    worker(extra = {}) {
      const w = createDeliveryWorker({
        prisma: db.prisma,
        dialect: db.dialect,
        api,
        logger,
        clock: opts.clock ?? systemClock,
        instanceId: `test-${workers.length}`,
        onAdminAlert: (text) => void alerts.push(text),
        retry: { baseMs: 20, maxMs: 200 },
        ...extra,
      });
      workers.push(w);
      return w;
    },
    async addGroups(ids) {
      for (const id of ids) emu.addChat({ id, type: "supergroup", title: `Nhóm ${id}` });
      await db.prisma.chat.createMany({
        data: ids.map((id) => ({ chatId: BigInt(id), type: "supergroup", kind: "unit" })),
      });
    },
    async png(seed = 0) {
      // Distinct bytes per seed (a trailing chunk-free suffix is ignored by decoders).
      const bytes = Buffer.concat([PNG, Buffer.from([seed])]);
      return (await storeBlob(db.prisma, bytes, "image/png", `chart-${seed}.png`)).id;
    },
    async stop() {
      for (const w of workers) await w.stop();
      await emu.stop();
      await db.cleanup();
    },
  };
}

/** Bot messages per chat, from the emulator's counters. */
export function sentCounts(emu: Emulator, ids: number[]): number[] {
  const c = emu.counters();
  return ids.map((id) => c[id]?.sent ?? 0);
}
