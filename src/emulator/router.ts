import type { ParsedRequest } from "./body.js";
import type { Core } from "./core.js";
import { ApiError, notFound, redact } from "./errors.js";
import { faultError } from "./faults.js";
import type { MethodDef } from "./methods/common.js";
import { mediaMethods } from "./methods/media.js";
import { messageMethods } from "./methods/messages.js";
import { metaMethods } from "./methods/meta.js";
import { normalizeChatId } from "./params.js";

/** What the HTTP layer should do: answer JSON, or drop the connection (network faults). */
export type Outcome =
  | { kind: "json"; status: number; body: unknown; chatId?: number }
  | { kind: "drop"; chatId?: number };

/** Telegram method names are case-insensitive. */
const METHODS = new Map<string, MethodDef>(
  Object.entries({ ...metaMethods, ...messageMethods, ...mediaMethods }).map(([name, def]) => [
    name.toLowerCase(),
    def,
  ]),
);

export async function dispatch(core: Core, method: string, req: ParsedRequest, signal: AbortSignal): Promise<Outcome> {
  core.callCounts.set(method, (core.callCounts.get(method) ?? 0) + 1);
  const def = METHODS.get(method.toLowerCase());
  if (!def) return errorOutcome(notFound());
  const rawChatId = normalizeChatId(req.params.chat_id);
  const rec = rawChatId === undefined ? undefined : core.store.findChat(rawChatId);
  const chatId = rec?.chat.id;
  const scope = chatId !== undefined ? { chatId } : {};

  const fault = core.faults.take(method, rawChatId);
  const faultErr = fault ? faultError(fault, rec?.chat.type) : undefined;
  let admitted: (() => void) | undefined;
  try {
    if (fault?.kind === "network") return { kind: "drop", ...scope };
    if (faultErr) throw faultErr;
    if (def.sends && rec) {
      const isGroup = rec.chat.type !== "private";
      const count = def.sends(req.params);
      const refusal = core.rateLimiter.admit(rec.chat.id, isGroup, count);
      if (refusal) throw refusal;
      admitted = () => core.rateLimiter.refund(rec.chat.id, isGroup, count);
    }
    const result = await def.handle({ core, req, method, signal });
    if (fault?.kind === "lost_response") return { kind: "drop", ...scope };
    return { kind: "json", status: 200, body: { ok: true, result }, ...scope };
  } catch (err) {
    admitted?.();
    if (!(err instanceof ApiError)) {
      core.log(
        `emulator: ${method} crashed: ${redact(err instanceof Error ? (err.stack ?? err.message) : String(err), core.token)}`,
      );
      return errorOutcome(new ApiError(500, "Internal Server Error"), chatId);
    }
    if (def.sends && rec) {
      rec.counters.rejected += 1;
      core.store.record(rec.chat.id, {
        kind: "rejected",
        at: core.now(),
        method,
        errorCode: err.errorCode,
        description: err.description,
      });
    }
    return errorOutcome(err, chatId);
  }
}

function errorOutcome(err: ApiError, chatId?: number): Outcome {
  return { kind: "json", status: err.errorCode, body: err.toJSON(), ...(chatId !== undefined ? { chatId } : {}) };
}
