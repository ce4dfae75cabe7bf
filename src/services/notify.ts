/**
 * Pushes (anything that is not a direct reply) go through the outbox (docs/SCHEDULES.md "One delivery
 * path"): stored with a dedup key, then delivered by the worker with retries and pacing.
 */
import type { InlineKeyboardMarkup } from "grammy/types";
import { enqueue } from "../delivery/outbox.js";
import type { AppDeps } from "./context.js";

export type PushText = {
  chatId: bigint;
  dedupKey: string;
  kind: string;
  text: string;
  replyMarkup?: InlineKeyboardMarkup;
};

export async function pushText(deps: Pick<AppDeps, "prisma" | "kickDelivery" | "clock">, msg: PushText): Promise<void> {
  await enqueue(deps.prisma, {
    dedupKey: msg.dedupKey,
    chatId: msg.chatId,
    kind: msg.kind,
    now: deps.clock.now(),
    method: "sendMessage",
    payload: {
      text: msg.text,
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(msg.replyMarkup ? { reply_markup: msg.replyMarkup } : {}),
    },
  });
  deps.kickDelivery();
}
