/**
 * `npm start`. With BOT_TOKEN: talks to Telegram (or to TELEGRAM_API_ROOT, e.g. an emulator).
 * Without it: the offline sandbox — the project's Bot API emulator, the real bot wired to it,
 * a demo province and a web page to play officer and leader (docs/SANDBOX.md).
 */
import { startApp } from "./app.js";
import { systemClock } from "./clock.js";
import { ConfigError, parseConfig } from "./config.js";
import { createLogger, prettyDestination, redactSecrets, resolveLogFormat } from "./logger.js";
import { createDashboardPage } from "./webapp/page/index.js";

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const readable = resolveLogFormat(config.LOG_FORMAT, Boolean(process.stdout.isTTY)) === "pretty";
  const logger = createLogger(
    config.LOG_LEVEL,
    config.BOT_TOKEN ? [config.BOT_TOKEN] : [],
    readable ? prettyDestination(process.stdout, Boolean(process.stdout.isTTY)) : undefined,
  );
  let stop: () => Promise<void>;
  if (config.BOT_TOKEN) {
    const app = await startApp({
      config,
      logger,
      clock: systemClock,
      token: config.BOT_TOKEN,
      apiRoot: config.TELEGRAM_API_ROOT,
      dashboardPage: createDashboardPage,
    });
    stop = app.stop;
  } else {
    const { startSandbox } = await import("./sandbox/index.js");
    stop = (await startSandbox({ config, logger, dashboardPage: createDashboardPage })).stop;
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    stop().then(
      () => process.exit(0),
      (e: unknown) => {
        logger.error({ err: e }, "error while stopping");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((e: unknown) => {
  console.error(
    redactSecrets(e instanceof Error ? e.message : String(e), process.env.BOT_TOKEN ? [process.env.BOT_TOKEN] : []),
  );
  process.exit(1);
});
