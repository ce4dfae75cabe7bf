/**
 * pino logger that can never print the bot token: Telegram URLs embed it (`/bot123:ABC/…`),
 * and grammY errors quote those URLs. Every string that reaches a log line goes through
 * `redactSecrets`.
 */
import pino, { type DestinationStream, type Logger } from "pino";

const TOKEN_PATTERN = /\d{5,}:[A-Za-z0-9_-]{20,}/g;

export function redactSecrets(text: string, extra: readonly string[] = []): string {
  let out = text.replace(TOKEN_PATTERN, "<token>");
  for (const secret of extra) if (secret) out = out.split(secret).join("<token>");
  return out;
}

function deepRedact(value: unknown, extra: readonly string[], depth = 0): unknown {
  if (typeof value === "string") return redactSecrets(value, extra);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) {
    return { type: value.name, message: redactSecrets(value.message, extra), stack: value.stack ? redactSecrets(value.stack, extra) : undefined };
  }
  if (Array.isArray(value)) return value.map((v) => deepRedact(v, extra, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = deepRedact(v, extra, depth + 1);
  return out;
}

export function createLogger(level: string, secrets: readonly string[] = [], destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    serializers: { err: (e: unknown) => deepRedact(e, secrets) },
    hooks: {
      logMethod(args, method) {
        const cleaned = args.map((a) => deepRedact(a, secrets)) as Parameters<typeof method>;
        method.apply(this, cleaned);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
