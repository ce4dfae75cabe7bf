/** Sends one digest part as a direct reply: a photo with its caption and buttons, or an album then the buttons. */
import { InputFile, InputMediaBuilder } from "grammy";
import { albumChunks, type DigestPart } from "../../services/digest/digest.js";
import type { BotContext } from "../context.js";

export async function sendPart(ctx: BotContext, part: DigestPart): Promise<void> {
  const file = (b: Buffer, i: number) => new InputFile(b, `bieu-do-${part.indicator.code}-${i + 1}.jpg`);
  const markup = part.keyboard ? { reply_markup: part.keyboard.markup } : {};
  const [only] = part.images;
  if (part.images.length === 1 && only) {
    await ctx.replyWithPhoto(file(only, 0), { caption: part.caption, parse_mode: "HTML", ...markup });
    return;
  }
  let index = 0;
  for (const [n, chunk] of albumChunks(part.images).entries()) {
    const media = chunk.map((b, j) =>
      InputMediaBuilder.photo(
        file(b, index + j),
        n === 0 && j === 0 ? { caption: part.caption, parse_mode: "HTML" } : {},
      ),
    );
    index += chunk.length;
    await ctx.replyWithMediaGroup(media);
  }
  // An album cannot carry buttons: they follow it.
  if (part.keyboard) await ctx.reply(part.keyboard.text, { parse_mode: "HTML", ...markup });
}
