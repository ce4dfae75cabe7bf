/**
 * `/bieudo [mã chỉ tiêu]`: the weekly digest on demand (docs/SCHEDULES.md), as a direct reply rather than
 * through the outbox — the person asking is waiting for it. In a leaders' chat: the units below
 * it; in a leader's private chat: the units below each top-level unit. Asking does not count as
 * telling the chat about escalated units: only the weekly digest records that.
 */
import { dashboardButton } from "../../render/dashboardButton.js";
import { Composer } from "grammy";
import type { CatalogUnit } from "../../domain/catalog.js";
import { vnDate } from "../../domain/directive/dates.js";
import { clipText } from "../../domain/text.js";
import { digestTexts } from "../../messages/digest.js";
import { digestParts } from "../../services/digest/digest.js";
import { subtreeIndicators } from "../../services/figures/status.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";
import { isGroup, isLeader, leadersRootOfChat } from "./access.js";
import { digestButtonsFeature } from "./digestButtons.js";
import { sendPart } from "./digestSend.js";

export const digestFeature = new Composer<BotContext>();
digestFeature.use(digestButtonsFeature);

async function replyDigest(ctx: BotContext, root: CatalogUnit, requested: string): Promise<void> {
  if (!ctx.chat) return;
  const at = ctx.deps.clock.now();
  await ctx.replyWithChatAction("upload_photo").catch(() => undefined);
  const rendered = await ctx.uc.digest.renderDigest(root, at, requested || undefined);
  if (rendered.length === 0) {
    await replyHtml(ctx, requested ? digestTexts.unknownIndicator(clipText(requested, 40)) : digestTexts.noUnits(root));
    return;
  }
  const extras = await ctx.uc.digest.digestExtras(BigInt(ctx.chat.id), root, at);
  const indicators = subtreeIndicators(ctx.deps, root.code, vnDate(at)).length;
  const dashboard = dashboardButton(ctx.deps.dashboardLink(), { chatId: BigInt(ctx.chat.id), type: ctx.chat.type });
  for (const part of digestParts(rendered, root, extras, indicators, dashboard)) await sendPart(ctx, part);
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
