/**
 * Standalone emulator for operators and external suites:
 *
 *   npx tsx src/emulator/cli.ts --port 8081 --token 123456:TEST [--username dondoc_test_bot]
 *       [--host 127.0.0.1] [--privacy off] [--seed world.json] [--quiet]
 *
 * then run the bot with TELEGRAM_API_ROOT=http://127.0.0.1:8081 BOT_TOKEN=123456:TEST and
 * drive users through the control API (README.md). The token may also come from BOT_TOKEN;
 * it is never printed.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { chatBody, userBody } from "./control-schemas.js";
import { startEmulator } from "./start.js";

const seedSchema = z.object({ users: z.array(userBody).default([]), chats: z.array(chatBody).default([]) });

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8081" },
      host: { type: "string", default: "127.0.0.1" },
      token: { type: "string" },
      username: { type: "string", default: "dondoc_test_bot" },
      privacy: { type: "string", default: "on" },
      seed: { type: "string" },
      quiet: { type: "boolean", default: false },
    },
  });
  const token = values.token ?? process.env.BOT_TOKEN;
  if (!token) throw new Error("--token (or BOT_TOKEN) is required");
  const port = z.coerce.number().int().min(0).max(65535).parse(values.port);
  const emu = await startEmulator({
    token,
    botUsername: values.username,
    port,
    host: values.host,
    privacyMode: values.privacy !== "off",
    log: values.quiet ? () => undefined : (line) => console.log(`${new Date().toISOString()} ${line}`),
  });
  if (values.seed) {
    const seed = seedSchema.parse(JSON.parse(readFileSync(values.seed, "utf8")));
    for (const user of seed.users) emu.addUser(dropUndefined(user));
    for (const { members, ...chat } of seed.chats) {
      emu.addChat(
        dropUndefined({
          ...chat,
          members: members && Object.fromEntries(Object.entries(members).map(([k, v]) => [Number(k), v])),
        }),
      );
    }
  }
  console.log(`Telegram Bot API emulator for @${emu.bot.username} listening on ${emu.url}`);
  console.log(`  bot:     TELEGRAM_API_ROOT=${emu.url}`);
  console.log(`  control: ${emu.url}/__emulator/state`);
  const shutdown = (): void => {
    void emu.stop().then(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

main().catch((err: unknown) => {
  console.error(`emulator: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
