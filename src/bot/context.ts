import type { Context } from "grammy";
import type { ChatRecord } from "../db/repos/chats.js";
import type { AppDeps } from "../services/context.js";
import type { Detach } from "./detached.js";
import type { FileFetcher } from "./files.js";

/**
 * grammY context with the application's dependencies and the chat record of this update.
 * `detach` (set by the update guard) runs heavy work beside the update loop (detached.ts).
 */
export type BotContext = Context & {
  deps: AppDeps;
  chatRecord: ChatRecord | null;
  files: FileFetcher;
  detach?: Detach;
};
