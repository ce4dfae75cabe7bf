/**
 * `/bieudo [mã chỉ tiêu]`: the weekly digest on demand (docs/SCHEDULES.md), as a direct reply rather than
 * through the outbox — the person asking is waiting for it. In a leaders' chat: the units below
 * it; in a leader's private chat: the units below each top-level unit. Asking does not count as
 * telling the chat about escalated units: only the weekly digest records that.
 */
import { Composer, InputFile, InputMediaBuilder } from "grammy";
import type { CatalogUnit } from "../../domain/catalog.js";
import { vnDate } from "../../domain/directive/dates.js";
import { clipText } from "../../domain/text.js";
import { digestTexts } from "../../messages/digest.js";
import { isoWeekKey } from "../../services/reminders/countdown.js";
import { albumChunks, digestParts, type DigestPart } from "../../services/digest/digest.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";
import { isGroup, isLeader, leadersRootOfChat } from "./access.js";

export const digestFeature = new Composer<BotContext>();

async function sendPart(ctx: BotContext, part: DigestPart): Promise<void> {
  const file = (b: Buffer, i: number) => new InputFile(b, `bieu-do-${part.indicator.code}-${i + 1}.jpg`);
  const [only] = part.images;
  if (part.images.length === 1 && only) {
    await ctx.replyWithPhoto(file(only, 0), { caption: part.caption, parse_mode: "HTML" });
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
}

async function replyDigest(ctx: BotContext, root: CatalogUnit, requested: string): Promise<void> {
  if (!ctx.chat) return;
  const at = ctx.deps.clock.now();
  const week = isoWeekKey(vnDate(at));
  await ctx.replyWithChatAction("upload_photo").catch(() => undefined);
  const rendered = await ctx.uc.digest.renderDigest(root, at, week, requested || undefined);
  if (rendered.length === 0) {
    await replyHtml(ctx, requested ? digestTexts.unknownIndicator(clipText(requested, 40)) : digestTexts.noUnits(root));
    return;
  }
  const extras = await ctx.uc.digest.digestExtras(BigInt(ctx.chat.id), root, at);
  for (const part of digestParts(rendered, root, week, extras)) await sendPart(ctx, part);
}

digestFeature.command("bieudo", async (ctx) => {
  const requested = (typeof ctx.match === "string" ? ctx.match : "").trim().split(/\s+/)[0] ?? "";
  const root = leadersRootOfChat(ctx);
  if (root) return replyDigest(ctx, root, requested);
  if (!isGroup(ctx) && (await isLeader(ctx))) {
    for (const top of ctx.deps.catalog.get().units.filter((u) => !u.parentCode)) await replyDigest(ctx, top, requested);
    return;
  }
  return replyHtml(ctx, digestTexts.notLeaders);
});
