/**
 * Where updates come from (docs/PERFORMANCE.md): with WEBHOOK_URL, every instance serves the webhook;
 * otherwise the instances share one long poll through the polling lease.
 */
import type { Bot, Context } from "grammy";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import { startLeaderPolling } from "./polling.js";
import { startWebhook } from "./webhook.js";

export interface UpdateSource {
  mode: "webhook" | "polling";
  stop(): Promise<void>;
}

export type UpdateSourceConfig = Pick<Config, "WEBHOOK_URL" | "WEBHOOK_PORT" | "WEBHOOK_SECRET" | "POLL_LEASE_TTL_MS">;

export async function startUpdateSource<C extends Context>(o: {
  bot: Bot<C>;
  prisma: Db;
  logger: Logger;
  instanceId: string;
  config: UpdateSourceConfig;
}): Promise<UpdateSource> {
  const { config } = o;
  if (config.WEBHOOK_URL) {
    const hook = await startWebhook({
      bot: o.bot,
      logger: o.logger,
      url: config.WEBHOOK_URL,
      port: config.WEBHOOK_PORT,
      secret: config.WEBHOOK_SECRET,
    });
    return { mode: "webhook", stop: hook.stop };
  }
  const polling = await startLeaderPolling({
    bot: o.bot,
    prisma: o.prisma,
    logger: o.logger,
    holder: o.instanceId,
    ttlMs: config.POLL_LEASE_TTL_MS,
  });
  return { mode: "polling", stop: polling.stop };
}
