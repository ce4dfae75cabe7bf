/**
 * pino logger that can never print the bot token: Telegram URLs embed it (`/bot123:ABC/…`),
 * and grammY errors quote those URLs. Every string that reaches a log line goes through
 * `redactSecrets`.
 */
import pino, { type DestinationStream, type Logger } from "pino";
import { prettyFactory } from "pino-pretty";

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
    return {
      type: value.name,
      message: redactSecrets(value.message, extra),
      stack: value.stack ? redactSecrets(value.stack, extra) : undefined,
    };
  }
  if (Array.isArray(value)) return value.map((v) => deepRedact(v, extra, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = deepRedact(v, extra, depth + 1);
  return out;
}

/** Wall time in Vietnam (UTC+7, no daylight saving), as a person at a terminal reads it. */
const VN_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

export function vnLogTime(epochMs: number): string {
  return VN_TIME.format(new Date(epochMs)).replace(",", "");
}

/**
 * One readable line per event for a person at a terminal ("[05/12/2026 20:05:07] INFO: sandbox
 * ready {"url":…}"). pino-pretty's formatter does the layout; it is called in line, on the
 * logging call, so lines keep their order with what the program prints itself and none is lost
 * on exit (its stream form is asynchronous).
 */
export function prettyDestination(out: NodeJS.WritableStream = process.stdout, colorize = false): DestinationStream {
  const format = prettyFactory({
    colorize,
    singleLine: true,
    ignore: "pid,hostname",
    translateTime: false,
    customPrettifiers: { time: (t) => (typeof t === "number" ? `[${vnLogTime(t)}]` : String(t)) },
  });
  return { write: (line: string) => void out.write(format(line)) };
}

/** "auto": readable lines when the output is a terminal, JSON otherwise (a service manager, a pipe). */
export type LogFormat = "auto" | "json" | "pretty";

export function resolveLogFormat(format: LogFormat, isTty: boolean): "json" | "pretty" {
  return format === "auto" ? (isTty ? "pretty" : "json") : format;
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
