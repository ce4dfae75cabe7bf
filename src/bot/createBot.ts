/**
 * Composition of the grammY bot (grammY template habit): dependencies, then the update guard
 * (updateGuard.ts: each update handled once), then chat tracking, then one Composer per feature
 * in a deliberate order, the "unhandled" feature last, and an error boundary so one bad update
 * never stops polling.
 */
import { Bot, GrammyError, HttpError, type Middleware } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { getChat, touchChat } from "../db/repos/chats.js";
import { redactSecrets } from "../logger.js";
import { common } from "../messages/common.js";
import type { AppDeps } from "../services/context.js";
import { createMenuPublisher } from "../services/menus/publish.js";
import { registrationUseCases } from "../services/registration/index.js";
import { roleUseCases } from "../services/roles/index.js";
import type { BotContext } from "./context.js";
import { createFileFetcher } from "./files.js";
import { adminFeature } from "./features/admin.js";
import { directivesFeature } from "./features/directives.js";
import { membershipFeature } from "./features/membership.js";
import { registerFeature } from "./features/register.js";
import { rememberSenders, rolesFeature } from "./features/roles.js";
import { reportFeature } from "./features/report.js";
import { startFeature } from "./features/start.js";
import { statusFeature } from "./features/status.js";
import { unhandledFeature } from "./features/unhandled.js";
import { unitsFeature } from "./features/units.js";
import { attachDetachedWork, DetachedWork } from "./detached.js";
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
    const existing = await getChat(ctx.deps.prisma, chatId);
    ctx.chatRecord =
      existing && existing.title === title
        ? existing
        : await touchChat(ctx.deps.prisma, { chatId, type: chat.type, title });
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
  const detached = new DetachedWork();
  attachDetachedWork(bot, detached);
  // Menus follow registrations and grants (services/menus/); a failed menu never fails the update.
  const menus = createMenuPublisher(bot.api, deps.logger);
  const roles = roleUseCases(deps, menus);
  bot.use(createUpdateGuard(detached), trackChat, rememberSenders(roles, deps.logger));
  bot.use(
    membershipFeature,
    startFeature,
    registerFeature(registrationUseCases(deps, menus)),
    unitsFeature,
    adminFeature,
    rolesFeature(roles),
    directivesFeature,
    reportFeature,
    statusFeature,
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
