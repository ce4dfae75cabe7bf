/**
 * `/chiso`: a unit's score on the scored index (QĐ 766) in its chat, with the figures that would
 * gain it the most points; the units below, lowest first, in a leaders' chat (docs/INDEX.md "Trong nhóm chat").
 */
import { Composer } from "grammy";
import type { CatalogUnit } from "../../domain/catalog.js";
import { common } from "../../messages/common.js";
import { indexTexts } from "../../messages/indexScore.js";
import { currentPeriod } from "../../services/figures/figures.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";
import { headOfChat, isGroup, isLeader, leadersRootOfChat, unitOfChat } from "./access.js";

export const indexScoreFeature = new Composer<BotContext>();

async function replyUnit(ctx: BotContext, unit: CatalogUnit): Promise<unknown> {
  const views = await ctx.uc.index.unitIndex(unit, currentPeriod(ctx.deps));
  if (views.length === 0) return replyHtml(ctx, indexTexts.notForUnit(unit));
  for (const v of views) await replyHtml(ctx, indexTexts.unit(v));
  return;
}

async function replySubtree(ctx: BotContext, root: CatalogUnit): Promise<unknown> {
  const views = await ctx.uc.index.subtreeIndex(root, currentPeriod(ctx.deps));
  if (views.length === 0) return replyHtml(ctx, indexTexts.noUnitsBelow(root));
  // replyHtml splits a long list (a province's communes) into messages at line breaks.
  for (const v of views) await replyHtml(ctx, indexTexts.subtree(v));
  return;
}

indexScoreFeature.command("chiso", async (ctx) => {
  if (!ctx.uc.index.hasIndex()) return replyHtml(ctx, indexTexts.noIndex);
  // A heads' chat sees its own unit's score, as the unit's chat does (as /tinhtrang).
  const unit = unitOfChat(ctx) ?? headOfChat(ctx);
  if (unit) return replyUnit(ctx, unit);
  const root = leadersRootOfChat(ctx);
  if (root) return replySubtree(ctx, root);
  if (!isGroup(ctx)) {
    if (!(await isLeader(ctx))) return replyHtml(ctx, common.notOfficerPrivate);
    for (const r of ctx.deps.catalog.get().units.filter((u) => !u.parentCode)) await replySubtree(ctx, r);
    return;
  }
  return replyHtml(ctx, common.strangerGroup);
});
