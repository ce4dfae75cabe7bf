/**
 * The only reader of process.env (STYLE.md). Parsed once at start; a bad value stops the
 * program with a message naming the variable and what is allowed (docs/DIRECTIVES.md).
 */
import { z } from "zod";
import { assertCron, DEFAULT_CRON } from "./domain/schedule/cron.js";

// The same check the scheduler applies (assertCron), run here so the error names the variable
// instead of surfacing later from the job registry.
const cronField = z.string().superRefine((expr, ctx) => {
  try {
    assertCron(expr);
  } catch (err) {
    ctx.addIssue({ code: "custom", message: err instanceof Error ? err.message : String(err) });
  }
});

const idList = z
  .string()
  .default("")
  .transform((s, ctx) => {
    const parts = s.split(/[\s,;]+/).filter(Boolean);
    const ids: bigint[] = [];
    for (const p of parts) {
      if (!/^-?\d{1,20}$/.test(p)) {
        ctx.addIssue({ code: "custom", message: `"${p}" không phải id Telegram (số nguyên)` });
        return z.NEVER;
      }
      ids.push(BigInt(p));
    }
    return ids;
  });

/** `VAR=` in a .env file means unset, not 0 or an empty URL. */
function unsetWhenEmpty<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === "" ? undefined : v), schema);
}

export const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "phải bắt đầu bằng file: (SQLite) hoặc postgresql:// (PostgreSQL)")
    .default("file:./data/dondoc.db"),
  TZ: z.literal("Asia/Ho_Chi_Minh", { message: "chỉ hỗ trợ Asia/Ho_Chi_Minh" }).default("Asia/Ho_Chi_Minh"),
  BOT_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]+$/, "dạng <số>:<chuỗi> do @BotFather cấp")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  TELEGRAM_API_ROOT: z
    .url({ message: "phải là URL, ví dụ http://127.0.0.1:8081" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  ADMIN_IDS: idList,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** auto: readable lines on a terminal, JSON lines otherwise (src/logger.ts). */
  LOG_FORMAT: z.enum(["auto", "json", "pretty"]).default("auto"),
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DIRECTIVES_DIR: z.string().default("directives"),
  DAILY_REMINDER_CRON: cronField.default(DEFAULT_CRON.DAILY_REMINDER_CRON),
  WEEKLY_DIGEST_CRON: cronField.default(DEFAULT_CRON.WEEKLY_DIGEST_CRON),
  OVERDUE_SWEEP_CRON: cronField.default(DEFAULT_CRON.OVERDUE_SWEEP_CRON),
  LATE_LIST_CRON: cronField.default(DEFAULT_CRON.LATE_LIST_CRON),
  RETENTION_CRON: cronField.default(DEFAULT_CRON.RETENTION_CRON),
  WEBHOOK_URL: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Issue #7: local port of the webhook server (TLS is terminated in front of it). */
  WEBHOOK_PORT: z.coerce.number().int().min(0).max(65535).default(8443),
  /** Issue #7: X-Telegram-Bot-Api-Secret-Token; default derived from BOT_TOKEN (same on every instance). */
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "1–256 ký tự A-Z a-z 0-9 _ -")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Issue #7: the polling lease; another instance takes over within TTL + TTL/3 of the poller dying. */
  POLL_LEASE_TTL_MS: z.coerce.number().int().min(1_000).max(300_000).default(15_000),
  /** Issue #7: instances sending on this bot token; each paces at 1/N of Telegram's limits. */
  DELIVERY_INSTANCES: z.coerce.number().int().min(1).max(50).default(1),
  /** Issue #7: how long a claimed outbox row stays locked; rows of an instance that died wait this long. */
  DELIVERY_LEASE_MS: z.coerce.number().int().min(1_000).max(600_000).default(60_000),
  INSTANCE_ID: z.string().optional(),
  /**
   * The dashboard Mini App (docs/WEBAPP.md): local port of its server, 0 = any free port; unset
   * or empty = no Mini App (no server, no buttons).
   */
  WEBAPP_PORT: unsetWhenEmpty(
    z.coerce.number({ message: "phải là số cổng 0–65535" }).int().min(0).max(65535).optional(),
  ),
  /** The public HTTPS base the operator's reverse proxy serves it at; empty = http://127.0.0.1:<port>. */
  WEBAPP_URL: unsetWhenEmpty(
    z
      .url({ protocol: /^https?$/, message: "phải là URL http(s), ví dụ https://dondoc.example.gov.vn" })
      .transform((u) => u.replace(/\/+$/, ""))
      .optional(),
  ),
});
export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Parses an environment; throws ConfigError whose message names each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success && !(result.data.WEBAPP_URL !== undefined && result.data.WEBAPP_PORT === undefined))
    return result.data;
  // A public address for a dashboard whose server is not started would print buttons that open nothing.
  const issues = result.success
    ? [{ path: ["WEBAPP_URL"], message: "cần đặt cả WEBAPP_PORT (cổng của Mini App)" }]
    : result.error.issues;
  const lines = issues.map((i) => `- ${i.path.join(".")}: ${i.message}`);
  throw new ConfigError(`Cấu hình không hợp lệ (xem .env.example):\n${lines.join("\n")}`);
}
