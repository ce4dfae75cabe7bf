/**
 * Composition of the grammY bot (grammY template habit): dependencies, then the update
 * guard (dedup), then chat tracking, then one Composer per feature in a deliberate order,
 * the "unhandled" feature last, and an error boundary so one bad update never stops polling.
 */
import { Bot, GrammyError, HttpError, type Middleware } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { isUniqueViolation } from "../db/errors.js";
import { getChat, touchChat } from "../db/repos/chats.js";
import { redactSecrets } from "../logger.js";
import { common } from "../messages/common.js";
import type { AppDeps } from "../services/context.js";
import type { BotContext } from "./context.js";
import { createFileFetcher } from "./files.js";
import { adminFeature } from "./features/admin.js";
import { directivesFeature } from "./features/directives.js";
import { membershipFeature } from "./features/membership.js";
import { registerFeature } from "./features/register.js";
import { reportFeature } from "./features/report.js";
import { startFeature } from "./features/start.js";
import { statusFeature } from "./features/status.js";
import { unhandledFeature } from "./features/unhandled.js";
import { unitsFeature } from "./features/units.js";

export type BotOptions = {
  token: string;
  /** Bot API root; undefined = Telegram itself. The emulator in tests and the sandbox. */
  apiRoot?: string;
  botInfo?: UserFromGetMe;
  /** Features added by later modules (uploads, digests, dossiers), before "unhandled". */
  extraFeatures?: Middleware<BotContext>[];
};

/** A "processing" mark older than this belongs to a process that died mid-update (issue #7 failover). */
export const STALE_UPDATE_MS = 60_000;

/**
 * Duplicate delivery of one update_id is processed once (issue #3 "Bad input"), and an update
 * whose handler died with its process (a failover between instances, issue #7) is taken over
 * once instead of being lost: the mark is "processing" until the handler returns.
 */
const dedupUpdates: Middleware<BotContext> = async (ctx, next) => {
  const prisma = ctx.deps.prisma;
  const updateId = BigInt(ctx.update.update_id);
  const now = ctx.deps.clock.now();
  try {
    await prisma.processedUpdate.create({ data: { updateId, status: "processing", createdAt: now } });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const taken = await prisma.processedUpdate.updateMany({
      where: { updateId, status: "processing", createdAt: { lt: new Date(now.getTime() - STALE_UPDATE_MS) } },
      data: { createdAt: now },
    });
    if (taken.count === 0) {
      ctx.deps.logger.info({ updateId: ctx.update.update_id }, "duplicate update ignored");
      return;
    }
    ctx.deps.logger.warn({ updateId: ctx.update.update_id }, "update left unfinished by a stopped instance; handling it now");
  }
  try {
    await next();
  } finally {
    await prisma.processedUpdate.update({ where: { updateId }, data: { status: "done" } });
  }
};

const trackChat: Middleware<BotContext> = async (ctx, next) => {
  const chat = ctx.chat;
  if (chat) {
    const chatId = BigInt(chat.id);
    const title = "title" in chat ? chat.title ?? null : null;
    const existing = await getChat(ctx.deps.prisma, chatId);
    ctx.chatRecord = existing && existing.title === title ? existing : await touchChat(ctx.deps.prisma, { chatId, type: chat.type, title });
  } else ctx.chatRecord = null;
  await next();
};

export function createBot(deps: AppDeps, options: BotOptions): Bot<BotContext> {
  const bot = new Bot<BotContext>(options.token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: options.apiRoot ? { apiRoot: options.apiRoot } : {},
  });
  const files = createFileFetcher(bot.api, options.token, options.apiRoot ?? "https://api.telegram.org");
  bot.use(async (ctx, next) => {
    ctx.deps = deps;
    ctx.files = files;
    await next();
  });
  bot.use(dedupUpdates, trackChat);
  bot.use(membershipFeature, startFeature, registerFeature, unitsFeature, adminFeature, directivesFeature, reportFeature, statusFeature);
  for (const f of options.extraFeatures ?? []) bot.use(f);
  bot.use(unhandledFeature);

  bot.catch(async (err) => {
    const e = err.error;
    const detail = e instanceof GrammyError ? `${e.error_code} ${e.description}` : e instanceof HttpError ? "network error" : String(e);
    deps.logger.error({ updateId: err.ctx.update.update_id, err: e, detail: redactSecrets(detail, [options.token]) }, "update failed");
    if (err.ctx.chat && !(e instanceof GrammyError && e.error_code === 403)) {
      await err.ctx.reply(common.internalError).catch(() => undefined);
    }
  });
  return bot;
}
