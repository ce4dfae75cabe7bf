/**
 * CPU of the bot's thread per Bot API call (docs/PERFORMANCE.md, burst section): grammY's default
 * client (node-fetch) against ours (src/bot/botApiFetch.ts), `sendMessage` with a `/nop`-sized HTML
 * answer, 32 calls in flight, the emulator in a worker thread as in scripts/bench-nop.ts. The two
 * clients alternate, four rounds each, so a busy machine weighs on both alike.
 *   npx tsx scripts/bench-client.ts [--n 2000]
 */
import { parseArgs } from "node:util";
import { Bot } from "grammy";
import { botApiClient } from "../src/bot/botApiFetch.js";
import { startTelegram, threadCpuMs } from "./bench-nop-worker.js";

const { values } = parseArgs({ options: { n: { type: "string", default: "2000" } } });
const N = Number(values.n);
const TOKEN = "123456789:BENCH-nop-token-AAAAAAAAAAAAAAAAAAAAAAA";
const IN_FLIGHT = 32;
const chats = Array.from({ length: IN_FLIGHT }, (_, i) => ({ id: -100_700 - i, title: `Xã ${i}` }));
const telegram = await startTelegram(false, { token: TOKEN, officer: 7001, chats });
const clients = {
  "node-fetch": new Bot(TOKEN, { client: { apiRoot: telegram.url } }),
  botApiFetch: new Bot(TOKEN, { client: botApiClient(telegram.url) }),
};
const html = "<b>Đã ghi</b> số liệu tháng 11/2026: 512/300 hồ sơ (170,7%), mức xanh. ".repeat(3);

async function calls(bot: Bot, n: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < n; i = next++) {
      const chat = chats[i % chats.length];
      if (chat)
        await bot.api.sendMessage(chat.id, html, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
}

for (const bot of Object.values(clients)) await calls(bot, 300); // warm-up: JIT, sockets
for (let round = 1; round <= 4; round++)
  for (const [name, bot] of Object.entries(clients)) {
    const cpu = threadCpuMs();
    const t = performance.now();
    await calls(bot, N);
    const perCall = (x: number) => (x / N).toFixed(3);
    console.log(
      `round ${round} ${name.padEnd(11)} CPU ${perCall(threadCpuMs() - cpu)} ms a call, wall ${perCall(performance.now() - t)} ms`,
    );
  }
await telegram.stop();
