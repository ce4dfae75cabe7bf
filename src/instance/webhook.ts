/**
 * Webhook mode (docs/PERFORMANCE.md, `WEBHOOK_URL`): the alternative to long polling for deployments that
 * can receive HTTPS. Every instance serves the webhook behind the same URL (a load balancer or
 * a reverse proxy terminating TLS in front), so no leader is needed; Telegram retries an update
 * we did not answer with 2xx, and the ProcessedUpdate guard skips a retry already handled.
 *
 * Telegram sends the `secret_token` given to setWebhook in X-Telegram-Bot-Api-Secret-Token; a
 * request without it is not from Telegram and gets 401 before its body is read.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { BotError, type Bot, type Context } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import { ChatQueues, chatKeyOf } from "../bot/concurrency.js";

export interface WebhookOptions<C extends Context> {
  bot: Bot<C>;
  logger: Logger;
  /** The public HTTPS URL Telegram posts to; its path is the one we serve. */
  url: string;
  /** Local port (0 = any free one) and host to listen on. */
  port: number;
  host?: string;
  /** 1–256 of A-Z a-z 0-9 _ -; default derived from the bot token, so all instances agree. */
  secret?: string;
  /** Set the webhook at Telegram on start (default true; the instances all may, it is idempotent). */
  register?: boolean;
  /** Updates handled at once over all chats (default CHAT_CONCURRENCY). */
  concurrency?: number;
}

export interface WebhookServer {
  /** Where this process listens, e.g. http://127.0.0.1:8443/tg/hook */
  localUrl: string;
  secret: string;
  stop(): Promise<void>;
}

/** Telegram's limit on one update is far below this; a bigger body is not an update. */
const MAX_BODY = 1_000_000;

export function secretFromToken(token: string): string {
  return createHash("sha256").update(`dondoc-webhook:${token}`).digest("hex").slice(0, 48);
}

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error("body too large"));
        req.destroy();
      } else chunks.push(c);
    });
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}

function asUpdate(raw: string): Update | undefined {
  const v: unknown = JSON.parse(raw);
  if (typeof v !== "object" || v === null || !("update_id" in v) || typeof v.update_id !== "number") return undefined;
  // Telegram's own payload: grammY reads only the fields each update kind defines.
  return v as Update;
}

export async function startWebhook<C extends Context>(o: WebhookOptions<C>): Promise<WebhookServer> {
  const path = new URL(o.url).pathname;
  const secret = o.secret ?? secretFromToken(o.bot.token);
  const log = o.logger.child({ component: "webhook" });
  const inFlight = new Set<Promise<void>>();
  // Telegram opens several connections at once: each chat's updates still go in the order received.
  const queues = new ChatQueues(o.concurrency);

  const handle = (update: Update): Promise<boolean> =>
    queues.enqueue(chatKeyOf(update), async () => {
      try {
        await o.bot.handleUpdate(update);
      } catch (err) {
        if (err instanceof BotError)
          await Promise.resolve(o.bot.errorHandler(err)).catch((e: unknown) =>
            log.error({ err: e }, "error handler threw"),
          );
        else throw err;
      }
    });

  const server = http.createServer((req, res) => {
    if (req.method !== "POST" || (req.url ?? "").split("?")[0] !== path) return void res.writeHead(404).end();
    if (!sameSecret(req.headers["x-telegram-bot-api-secret-token"], secret))
      return void res.writeHead(401).end("secret token is wrong");
    const work = (async () => {
      let update: Update | undefined;
      try {
        update = asUpdate(await readBody(req));
      } catch {
        update = undefined;
      }
      if (!update) return void res.writeHead(400).end("not an update");
      try {
        await handle(update);
        res.writeHead(200).end();
      } catch (err) {
        log.error({ err, updateId: update.update_id }, "update could not be handled; Telegram will retry");
        res.writeHead(500).end();
      }
    })();
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host ?? "0.0.0.0", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  if (o.register ?? true) await o.bot.api.setWebhook(o.url, { secret_token: secret, drop_pending_updates: false });
  log.info({ url: o.url, port }, "serving the Telegram webhook");
  return {
    localUrl: `http://127.0.0.1:${port}${path}`,
    secret,
    async stop() {
      // Stop accepting, let the updates in hand finish; the webhook stays set for the other instances.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.all([...inFlight]);
      await closed;
    },
  };
}
