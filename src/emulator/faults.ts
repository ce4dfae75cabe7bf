import { ApiError, badRequest, forbidden, tooManyRequests } from "./errors.js";

/**
 * Scripted failures: "the next N calls of <method> (for <chat>) fail like this". They are
 * checked before a call does anything, except `lost_response`, which lets the call succeed
 * and then drops the connection — the classic cause of duplicate sends after a retry.
 */
export type Fault =
  | { kind: "retry_after"; retryAfter: number }
  | { kind: "blocked" }
  | { kind: "kicked" }
  | { kind: "migrated"; migrateToChatId: number }
  | { kind: "server_error"; status?: number; description?: string }
  | { kind: "error"; errorCode: number; description: string; retryAfter?: number; migrateToChatId?: number }
  | { kind: "network" }
  | { kind: "lost_response" };

export interface FaultSpec {
  /** Bot API method name (case-insensitive), or "*" for any method. */
  method: string;
  /** Only calls whose chat_id is this chat. */
  chatId?: number;
  /** How many matching calls fail; default 1. */
  times?: number;
  fault: Fault;
}

interface Armed {
  spec: FaultSpec;
  remaining: number;
}

export class FaultBook {
  private armed: Armed[] = [];

  add(spec: FaultSpec): void {
    this.armed.push({ spec, remaining: spec.times ?? 1 });
  }

  clear(): void {
    this.armed = [];
  }

  pending(): FaultSpec[] {
    return this.armed.map((a) => ({ ...a.spec, times: a.remaining }));
  }

  /** Consumes and returns the first fault matching this call, if any. */
  take(method: string, chatId: number | string | undefined): Fault | undefined {
    const m = method.toLowerCase();
    const hit = this.armed.find(
      (a) =>
        (a.spec.method === "*" || a.spec.method.toLowerCase() === m) &&
        (a.spec.chatId === undefined || a.spec.chatId === chatId),
    );
    if (!hit) return undefined;
    hit.remaining -= 1;
    if (hit.remaining <= 0) this.armed = this.armed.filter((a) => a !== hit);
    return hit.spec.fault;
  }
}

/** The Telegram error a fault answers with; network-level faults have none. */
export function faultError(fault: Fault, chatType: string | undefined): ApiError | undefined {
  switch (fault.kind) {
    case "retry_after":
      return tooManyRequests(fault.retryAfter);
    case "blocked":
      return forbidden("bot was blocked by the user");
    case "kicked":
      return forbidden(`bot was kicked from the ${chatType === "supergroup" ? "supergroup" : "group"} chat`);
    case "migrated":
      return badRequest("group chat was upgraded to a supergroup chat", { migrate_to_chat_id: fault.migrateToChatId });
    case "server_error": {
      const status = fault.status ?? 500;
      return new ApiError(status, fault.description ?? (status === 502 ? "Bad Gateway" : "Internal Server Error"));
    }
    case "error": {
      const parameters = {
        ...(fault.retryAfter !== undefined ? { retry_after: fault.retryAfter } : {}),
        ...(fault.migrateToChatId !== undefined ? { migrate_to_chat_id: fault.migrateToChatId } : {}),
      };
      return new ApiError(fault.errorCode, fault.description, Object.keys(parameters).length ? parameters : undefined);
    }
    case "network":
    case "lost_response":
      return undefined;
  }
}
