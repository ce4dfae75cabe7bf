/**
 * Features beyond the reporting loop (uploads, digests, tasks, dossiers), registered before
 * "unhandled". Each module appends its Composer here.
 */
import type { Middleware } from "grammy";
import type { BotContext } from "./context.js";

export function extraFeatures(): Middleware<BotContext>[] {
  return [];
}
