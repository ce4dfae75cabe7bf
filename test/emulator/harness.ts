import { Bot, type Context, type PollingOptions } from "grammy";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../src/emulator/index.js";

export const TOKEN = "123456:TEST-token-for-emulator";
export const BOT_USERNAME = "dondoc_test_bot";

/** Users and chats most tests share. */
export const ALICE = 501;
export const BOB = 502;
export const GROUP = -4001;
export const SUPERGROUP = -1001234567890;

export async function startWorld(opts: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  const emu = await startEmulator({ token: TOKEN, botUsername: BOT_USERNAME, ...opts });
  emu.addUser({ id: ALICE, firstName: "Lan", username: "lan_ubnd" });
  emu.addUser({ id: BOB, firstName: "Minh" });
  emu.addChat({ id: ALICE, type: "private" });
  emu.addChat({ id: BOB, type: "private" });
  emu.addChat({ id: GROUP, type: "group", title: "UBND xã Thử Nghiệm", members: { [ALICE]: "creator" } });
  emu.addChat({ id: SUPERGROUP, type: "supergroup", title: "Tổ công tác DVC" });
  return emu;
}

/** A real grammY bot talking to the emulator. `botInfo` is omitted on purpose to exercise getMe. */
export function makeBot(emu: Emulator): Bot {
  const bot = new Bot(TOKEN, { client: { apiRoot: emu.url } });
  bot.catch((err) => {
    throw err.error;
  });
  return bot;
}

export interface Running {
  bot: Bot;
  stop: () => Promise<void>;
}

/** Starts long polling and resolves once the first getUpdates is about to be sent. */
export async function run(bot: Bot, opts: PollingOptions = {}): Promise<Running> {
  let loop: Promise<void> = Promise.resolve();
  await new Promise<void>((resolve, reject) => {
    loop = bot.start({ ...opts, onStart: () => resolve() });
    loop.catch(reject);
  });
  return {
    bot,
    stop: async () => {
      await bot.stop();
      await loop;
    },
  };
}

/** Records every update the bot's middleware saw, before any other handler. */
export function seen(bot: Bot): number[] {
  const ids: number[] = [];
  bot.use(async (ctx: Context, next) => {
    ids.push(ctx.update.update_id);
    await next();
  });
  return ids;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A tiny valid PNG header (IHDR only) with the given size, padded with awkward bytes. */
export function fakePng(width: number, height: number, padding = 4096): Buffer {
  const header = Buffer.alloc(24);
  header.writeUInt32BE(0x89504e47, 0);
  header.writeUInt32BE(0x0d0a1a0a, 4);
  header.writeUInt32BE(13, 8);
  header.write("IHDR", 12, "latin1");
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  // CRLF, dashes and NULs: the bytes that break naive multipart parsers.
  const tail = Buffer.alloc(padding);
  for (let i = 0; i < padding; i++) tail[i] = [0x0d, 0x0a, 0x2d, 0x2d, 0x00, 0xff][i % 6] ?? 0;
  return Buffer.concat([header, tail]);
}
