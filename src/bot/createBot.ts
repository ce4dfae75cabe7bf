/**
 * Composition of the grammY bot (grammY template habit): dependencies, then the update guard
 * (updateGuard.ts: each update handled once), then chat tracking, then one Composer per feature
 * in a deliberate order, the "unhandled" feature last, and an error boundary so one bad update
 * never stops polling.
 */
import { Bot, GrammyError, HttpError, type Middleware } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { redactSecrets } from "../logger.js";
import { common } from "../messages/common.js";
import { createMenuPublisher } from "../services/menus/publish.js";
import type { AppServices } from "../services/useCases.js";
import type { BotContext } from "./context.js";
import { botApiClient } from "./botApiFetch.js";
import { createFileFetcher } from "./files.js";
import { adminFeature } from "./features/admin.js";
import { dashboardFeature } from "./features/dashboard.js";
import { directivesFeature } from "./features/directives.js";
import { membershipFeature } from "./features/membership.js";
import { registerFeature } from "./features/register.js";
import { rememberSenders, rolesFeature } from "./features/roles.js";
import { reportFeature } from "./features/report.js";
import { startFeature } from "./features/start.js";
import { statusFeature } from "./features/status.js";
import { indexScoreFeature } from "./features/indexScore.js";
import { unhandledFeature } from "./features/unhandled.js";
import { unitsFeature } from "./features/units.js";
import { attachDetachedWork, DetachedWork } from "./detached.js";
import { updatesInHand } from "./abandonedUpdates.js";
import { createUpdateGuard } from "./updateGuard.js";

export type BotOptions = {
  token: string;
  /** Bot API root; undefined = Telegram itself. The emulator in tests and the sandbox. */
  apiRoot?: string;
  botInfo?: UserFromGetMe;
  /** Features added by later modules (uploads, digests, dossiers), before "unhandled". */
  extraFeatures?: Middleware<BotContext>[];
};

const trackChat: Middleware<BotContext> = async (ctx, next) => {
  const chat = ctx.chat;
  if (chat) {
    const chatId = BigInt(chat.id);
    const title = "title" in chat ? (chat.title ?? null) : null;
    ctx.chatRecord = await ctx.uc.chats.track({ chatId, type: chat.type, title });
  } else ctx.chatRecord = null;
  await next();
};

/** `services`: the use-cases and harmless values (src/services/useCases.ts), never the database client. */
export function createBot(services: AppServices, options: BotOptions): Bot<BotContext> {
  const { uc: _plain, withMenus, ...deps } = services;
  const bot = new Bot<BotContext>(options.token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: botApiClient(options.apiRoot),
  });
  const files = createFileFetcher(bot.api, options.token, options.apiRoot ?? "https://api.telegram.org");
  // Menus follow registrations and grants (services/menus/); a failed menu never fails the update.
  const uc = withMenus(createMenuPublisher(bot.api, deps.logger, () => deps.catalog.get().indices.length > 0));
  bot.use(async (ctx, next) => {
    ctx.uc = uc;
    ctx.deps = deps;
    ctx.files = files;
    await next();
  });
  const detached = new DetachedWork();
  attachDetachedWork(bot, detached);
  bot.use(createUpdateGuard(detached, updatesInHand(bot)), trackChat, rememberSenders(uc.roles, deps.logger));
  bot.use(
    membershipFeature,
    startFeature,
    registerFeature(uc.registration),
    unitsFeature,
    adminFeature,
    rolesFeature(uc.roles),
    directivesFeature,
    reportFeature,
    statusFeature,
    dashboardFeature,
    indexScoreFeature,
  );
  for (const f of options.extraFeatures ?? []) bot.use(f);
  bot.use(unhandledFeature);

  bot.catch(async (err) => {
    const e = err.error;
    const detail =
      e instanceof GrammyError
        ? `${e.error_code} ${e.description}`
        : e instanceof HttpError
          ? "network error"
          : String(e);
    deps.logger.error(
      { updateId: err.ctx.update.update_id, err: e, detail: redactSecrets(detail, [options.token]) },
      "update failed",
    );
    if (err.ctx.chat && !(e instanceof GrammyError && e.error_code === 403)) {
      await err.ctx.reply(common.internalError).catch(() => undefined);
    }
  });
  return bot;
}
