import { createHash } from "node:crypto";
import { InputFile, InputMediaBuilder } from "grammy";
import type { Message } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../src/emulator/index.js";
import { ALICE, fakePng, GROUP, makeBot, run, startWorld, TOKEN, type Running } from "./harness.js";

let emu: Emulator;
let running: Running | undefined;

beforeEach(async () => {
  emu = await startWorld();
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
  await emu.stop();
});

const sha = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex");

async function download(path: string): Promise<Buffer> {
  const res = await fetch(`${emu.url}/file/bot${TOKEN}/${path}`);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe("editMessageCaption", () => {
  it("edits a photo's caption and keyboard; entities sent as such are kept; a text message is refused", async () => {
    const bot = makeBot(emu);
    const msg = await bot.api.sendPhoto(GROUP, new InputFile(fakePng(10, 10, 100), "a.png"), {
      caption: "<b>Tỷ lệ</b> tuần 3",
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [[{ text: "Nhắc", callback_data: "r" }]] },
    });
    const edited = await bot.api.editMessageCaption(GROUP, msg.message_id, {
      caption: `${msg.caption ?? ""}\nĐã nhắc`,
      caption_entities: msg.caption_entities ?? [],
      reply_markup: { inline_keyboard: [] },
    });
    expect(edited).toMatchObject({
      caption: "Tỷ lệ tuần 3\nĐã nhắc",
      caption_entities: [{ type: "bold", offset: 0, length: 5 }],
    });
    const stored = emu.message(GROUP, msg.message_id);
    expect(stored?.caption).toBe("Tỷ lệ tuần 3\nĐã nhắc");
    expect(stored?.reply_markup?.inline_keyboard ?? []).toEqual([]);
    const text = await bot.api.sendMessage(GROUP, "chữ");
    await expect(bot.api.editMessageCaption(GROUP, text.message_id, { caption: "x" })).rejects.toMatchObject({
      error_code: 400,
    });
  });
});

describe("files over multipart", () => {
  it("sendPhoto keeps the bytes intact and reports PNG dimensions", async () => {
    const bot = makeBot(emu);
    const png = fakePng(1200, 700, 300_000);
    const msg = await bot.api.sendPhoto(GROUP, new InputFile(png, "bieu-do.png"), {
      caption: "<b>Tỷ lệ</b> DVC tuần 3",
      parse_mode: "HTML",
    });
    const size = msg.photo?.at(-1);
    expect(size).toMatchObject({ width: 1200, height: 700, file_size: png.length });
    expect(msg.caption).toBe("Tỷ lệ DVC tuần 3");
    expect(msg.caption_entities).toEqual([{ type: "bold", offset: 0, length: 5 }]);
    const stored = emu.file(size?.file_id ?? "");
    expect(sha(stored?.bytes ?? Buffer.alloc(0))).toBe(sha(png));
    const file = await bot.api.getFile(size?.file_id ?? "");
    expect(sha(await download(file.file_path ?? ""))).toBe(sha(png));
  });

  it("sendDocument keeps a Vietnamese file name with spaces (grammY sends it unquoted)", async () => {
    const bot = makeBot(emu);
    const bytes = Buffer.from("PK\u0003\u0004 giả lập docx\r\n--boundary--\r\n", "utf8");
    const msg = await bot.api.sendDocument(ALICE, new InputFile(bytes, "Báo cáo tuần 3; bản cuối.docx"));
    expect(msg.document?.file_name).toBe("Báo cáo tuần 3; bản cuối.docx");
    expect(msg.document?.mime_type).toContain("wordprocessingml");
    expect(sha(emu.file(msg.document?.file_id ?? "")?.bytes ?? Buffer.alloc(0))).toBe(sha(bytes));
    // Re-sending by file_id reuses the stored file without an upload.
    const again = await bot.api.sendDocument(ALICE, msg.document?.file_id ?? "");
    expect(again.document?.file_id).toBe(msg.document?.file_id);
  });

  it("sendMediaGroup sends an album with attach:// parts", async () => {
    const bot = makeBot(emu);
    const pngs = [fakePng(800, 600, 10), fakePng(640, 480, 20), fakePng(320, 240, 30)];
    const album: Message[] = await bot.api.sendMediaGroup(
      GROUP,
      pngs.map((png, i) =>
        InputMediaBuilder.photo(new InputFile(png, `anh-${i}.png`), i === 0 ? { caption: "Ảnh hiện trường" } : {}),
      ),
    );
    expect(album).toHaveLength(3);
    expect(new Set(album.map((m) => m.media_group_id)).size).toBe(1);
    expect(album.map((m) => m.message_id)).toEqual([1, 2, 3]);
    expect(album[0]?.caption).toBe("Ảnh hiện trường");
    album.forEach((m, i) => {
      const png = pngs[i] ?? Buffer.alloc(0);
      expect(sha(emu.file(m.photo?.[0]?.file_id ?? "")?.bytes ?? Buffer.alloc(0))).toBe(sha(png));
    });
    expect(emu.counters()[GROUP]).toEqual({ sent: 3, rejected: 0 });
  });

  it("lets the bot getFile and download a document a user uploaded", async () => {
    const bot = makeBot(emu);
    const csv = Buffer.from("ma_xa,ho_so\n001,12\n002,7\n", "utf8");
    let downloaded: Buffer | undefined;
    bot.on("message:document", async (ctx) => {
      const file = await ctx.getFile();
      downloaded = await download(file.file_path ?? "");
      await ctx.reply(`Đã nhận ${ctx.message.document.file_name ?? ""} (${file.file_size ?? 0} byte)`);
    });
    running = await run(bot);
    emu.injectDocument({ chatId: ALICE, fromId: ALICE, fileName: "so-lieu.csv", mimeType: "text/csv", bytes: csv });
    const [reply] = await emu.waitForMessages(ALICE, 1);
    expect(reply?.text).toBe(`Đã nhận so-lieu.csv (${csv.length} byte)`);
    expect(downloaded?.equals(csv)).toBe(true);
  });

  it("refuses an unknown file_id and a download with the wrong token", async () => {
    const bot = makeBot(emu);
    await expect(bot.api.sendPhoto(ALICE, "nonexistent-file-id")).rejects.toMatchObject({ error_code: 400 });
    const res = await fetch(`${emu.url}/file/botWRONG/photos/file_1.png`);
    expect(res.status).toBe(401);
  });
});
