import type { Context } from "grammy";
import type { ChatRecord } from "../services/chats/index.js";
import type { EdgeDeps, UseCases } from "../services/useCases.js";
import type { Detach } from "./detached.js";
import type { FileFetcher } from "./files.js";

/**
 * grammY context with the use-cases, the harmless values beside them and the chat record of this
 * update. `uc` is the bot's only way to the database (src/services/useCases.ts); `deps` holds no
 * client. `detach` (set by the update guard) runs heavy work beside the update loop (detached.ts).
 */
export type BotContext = Context & {
  uc: UseCases;
  deps: EdgeDeps;
  chatRecord: ChatRecord | null;
  files: FileFetcher;
  detach?: Detach;
};
