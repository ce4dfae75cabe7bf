import type { Core } from "./core.js";
import type { TranscriptEntry } from "./types.js";

export interface WaitOptions {
  /** Default 5000 ms. */
  timeoutMs?: number;
  /** Says what was awaited in the timeout error. */
  label?: string;
  /** Adds this chat's latest transcript to the timeout error. */
  chatId?: number;
}

/**
 * Re-evaluates `probe` whenever anything happens (a transcript entry, an update, an API
 * call) until it returns a truthy value, so a wait resolves in the tick the bot's reply is
 * recorded. A slow re-check also runs, for probes over state the emulator cannot see
 * (e.g. what a test's bot middleware collected).
 */
const RECHECK_MS = 20;

export function waitFor<T>(core: Core, probe: () => T | undefined | null | false, opts: WaitOptions = {}): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  return new Promise<T>((resolve, reject) => {
    const check = (): boolean => {
      try {
        const value = probe();
        if (value === undefined || value === null || value === false) return false;
        done();
        resolve(value);
      } catch (err) {
        done();
        reject(err instanceof Error ? err : new Error(String(err)));
      }
      return true;
    };
    const offs = [
      core.events.on("transcript", () => void check()),
      core.events.on("update", () => void check()),
      core.events.on("request", () => void check()),
    ];
    const recheck = setInterval(() => void check(), RECHECK_MS);
    const timer = setTimeout(() => {
      done();
      reject(
        new Error(
          `emulator: timed out after ${timeoutMs} ms waiting for ${opts.label ?? "condition"}${recent(core, opts.chatId)}`,
        ),
      );
    }, timeoutMs);
    const done = (): void => {
      clearTimeout(timer);
      clearInterval(recheck);
      for (const off of offs) off();
    };
    check();
  });
}

function recent(core: Core, chatId: number | undefined): string {
  if (chatId === undefined) return "";
  const entries = core.store.chats.get(chatId)?.transcript.slice(-8) ?? [];
  if (entries.length === 0) return `; chat ${chatId} transcript is empty`;
  return `; last entries in chat ${chatId}:\n${entries.map(describe).join("\n")}`;
}

export function describe(e: TranscriptEntry): string {
  switch (e.kind) {
    case "message": {
      const m = e.message;
      const body =
        m.text ??
        m.caption ??
        (m.photo ? "[photo]" : m.document ? `[document ${m.document.file_name ?? ""}]` : "[service]");
      return `  #${m.message_id} ${e.direction}${e.delivered ? "" : " (not delivered)"}: ${body.slice(0, 120)}`;
    }
    case "edit":
      return `  edit #${e.messageId}: ${(e.message.text ?? e.message.caption ?? "").slice(0, 120)}`;
    case "rejected":
      return `  rejected ${e.method}: ${e.errorCode} ${e.description}`;
    default:
      return `  ${e.kind}`;
  }
}
