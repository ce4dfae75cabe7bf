/**
 * What delivering one row needs, and what it tells the batch dispatcher. Apart from deliver.ts so
 * the helpers it calls (retry.ts) can name these types without importing deliver.ts back.
 */
import type { Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Logger } from "pino";
import type { Clock } from "../clock.js";
import type { Db } from "../db/client.js";
import type { AlertGate } from "./alerts.js";
import type { UnrecordedSends } from "./bookkeeping.js";
import type { RetryPolicy } from "./failures.js";
import type { ChatHolds } from "./holds.js";
import type { OutageTracker } from "./outage.js";
import type { Pacer } from "./pacer.js";
import type { FileIdCache } from "./send.js";
import type { SharedOutage } from "./sharedOutage.js";

export interface DeliverDeps {
  prisma: Db;
  api: Api;
  logger: Logger;
  clock: Clock;
  instanceId: string;
  pacer: Pacer;
  holds: ChatHolds;
  fileIds: FileIdCache;
  retry: RetryPolicy;
  leaseMs: number;
  gate: AlertGate;
  outage: OutageTracker;
  shared: SharedOutage;
  unrecorded: UnrecordedSends;
  stats: DeliveryStats;
  /** A row failed past its useful-until: give it up soon (expiry.ts) rather than at the next sweep. */
  expired(): void;
  onAdminAlert(text: string, keyboard?: InlineKeyboardMarkup): void | Promise<void>;
  onChatMigrated?(from: bigint, to: bigint): void | Promise<void>;
  onChatBlocked?(chatId: bigint, reason: string): void | Promise<void>;
}

export interface DeliveryStats {
  sent: number;
  failed: number;
  dropped: number;
  retried: number;
  rateLimited: number;
  migrated: number;
}

/** What the batch dispatcher does with the rest of this chat's rows. */
export type LaneAction = "next" | "requeue_chat" | "drop_chat";
