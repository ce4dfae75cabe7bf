/**
 * A Composer's handler for one family of buttons (callbackData.ts): the press is parsed at the
 * edge, and one the bot cannot read — forged, or carrying an id beyond the database's range —
 * is answered with an alert and goes no further (STYLE.md habit 5).
 */
import type { CallbackQueryContext, Composer } from "grammy";
import { common } from "../messages/common.js";
import type { CallbackFamily } from "../render/callbackData.js";
import type { BotContext } from "./context.js";

export type ButtonContext = CallbackQueryContext<BotContext>;

export function onButton<T>(
  composer: Composer<BotContext>,
  family: CallbackFamily<T>,
  handle: (ctx: ButtonContext, press: T) => Promise<unknown>,
): void {
  composer.callbackQuery(family.pattern, async (ctx) => {
    const press = family.parse(ctx.callbackQuery.data);
    if (press === null) {
      ctx.deps.logger.info(
        { updateId: ctx.update.update_id, family: family.pattern.source },
        "unreadable callback data refused",
      );
      return ctx.answerCallbackQuery({ text: common.badButton, show_alert: true });
    }
    return handle(ctx, press);
  });
}

/** An alert the user dismisses: what a press did not do, and why. Plain text, no HTML. */
export const alert = (ctx: ButtonContext, text: string) => ctx.answerCallbackQuery({ text, show_alert: true });
