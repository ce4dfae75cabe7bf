/**
 * "Try it without Telegram" (docs/SANDBOX.md). `npm start` without BOT_TOKEN lands here: the project's
 * Bot API emulator in-process, the real app (db, catalog, bot, delivery worker, scheduler)
 * wired to it under a manual ticking clock, a seeded demo province, and a web page on
 * loopback to play officer, leader and administrator.
 */
import { configSchema, type Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { DashboardPageFactory } from "../webapp/start.js";
import { sqlitePath } from "../db/sqlite.js";
import { assertPortFree } from "./port.js";
import { startRuntime, type Runtime } from "./runtime.js";
import { startPageServer } from "./server.js";

/** The demo never writes into the deployment's database unless DATABASE_URL says so. */
export const SANDBOX_DATABASE_URL = "file:./data/sandbox.db";

export type SandboxOptions = {
  config: Config;
  logger: Logger;
  /** Where the URL line goes; default stdout. */
  print?: (line: string) => void;
  /** The dashboard Mini App's page; with it the leaders' chat's button opens the dashboard in a pane. */
  dashboardPage?: DashboardPageFactory;
};

export type Sandbox = { url: string; runtime: Runtime; stop(): Promise<void> };

/**
 * Config has no "was it set?" bit, so an unset DATABASE_URL shows as the schema's default:
 * that value (the production database) is exactly the one the demo must not touch.
 */
export function sandboxDatabaseUrl(config: Config): string {
  const productionDefault = configSchema.shape.DATABASE_URL.parse(undefined);
  return config.DATABASE_URL === productionDefault ? SANDBOX_DATABASE_URL : config.DATABASE_URL;
}

/** Where the demo keeps its data, without a PostgreSQL URL's password. */
function dataLabel(databaseUrl: string): string {
  return databaseUrl.startsWith("file:") ? sqlitePath(databaseUrl) : "PostgreSQL (DATABASE_URL)";
}

/** What the person who typed `npm start` needs: where to click, where the data is, how to stop. */
export function banner(url: string, data: string): string[] {
  const rule = "─".repeat(64);
  return [
    rule,
    "dondoc — bản dùng thử, không cần Telegram",
    `Sandbox: ${url} — mở trình duyệt để dùng thử`,
    `Dữ liệu: ${data} (bấm "Đặt lại demo" trên trang để làm lại từ đầu)`,
    "Dừng: Ctrl+C",
    rule,
  ];
}

export async function startSandbox(o: SandboxOptions): Promise<Sandbox> {
  const logger = o.logger.child({ component: "sandbox" });
  const databaseUrl = sandboxDatabaseUrl(o.config);
  await assertPortFree(o.config.SANDBOX_PORT);
  const runtime = await startRuntime({
    config: o.config,
    logger: o.logger,
    databaseUrl,
    ...(o.dashboardPage ? { dashboardPage: o.dashboardPage } : {}),
  });
  const page = await startPageServer({ runtime, port: o.config.SANDBOX_PORT, logger }).catch(async (e: unknown) => {
    await runtime.stop();
    throw e;
  });
  const data = dataLabel(databaseUrl);
  logger.info({ url: page.url, data }, "sandbox ready");
  const print = o.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  for (const line of banner(page.url, data)) print(line);
  return {
    url: page.url,
    runtime,
    async stop() {
      await page.stop();
      await runtime.stop();
    },
  };
}
