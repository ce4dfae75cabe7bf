/** `/tinhtrang`: a unit's standing in its chat; the units below in a leaders' chat (docs/UPLOADS.md). */
import { Composer } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { CatalogUnit } from "../../domain/catalog.js";
import { common } from "../../messages/common.js";
import { statusTexts } from "../../messages/status.js";
import { currentPeriod } from "../../services/figures/figures.js";
import { subtreeIndicators } from "../../services/figures/status.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";
import { vnDate } from "../../domain/directive/dates.js";
import { clipText } from "../../domain/text.js";
import { dashboardMarkup } from "./dashboard.js";
import { headOfChat, isGroup, isLeader, leadersRootOfChat, unitOfChat } from "./access.js";

export const statusFeature = new Composer<BotContext>();

async function rootsForPrivate(ctx: BotContext): Promise<CatalogUnit[]> {
  if (!(await isLeader(ctx))) return [];
  return ctx.deps.catalog.get().units.filter((u) => !u.parentCode);
}

/** `markup`: the dashboard button under a leaders' chat's answer (the standing, in more depth). */
export async function replySubtree(
  ctx: BotContext,
  root: CatalogUnit,
  requested: string,
  markup?: InlineKeyboardMarkup,
): Promise<unknown> {
  const indicators = subtreeIndicators(ctx.deps, root.code, vnDate(ctx.deps.clock.now()));
  if (indicators.length === 0) {
    const catalog = ctx.deps.catalog.get();
    const everAssigned = catalog.descendants(root.code).some((u) => catalog.indicatorsFor(u).length > 0);
    return replyHtml(ctx, everAssigned ? statusTexts.nothingInForceBelow(root) : statusTexts.noUnitsBelow(root));
  }
  const indicator = requested
    ? indicators.find((i) => i.code.toLowerCase() === requested.toLowerCase())
    : indicators[0];
  if (!indicator) return replyHtml(ctx, statusTexts.unknownIndicator(clipText(requested, 40), indicators));
  const period = currentPeriod(ctx.deps);
  const s = await ctx.uc.figures.subtreeStatus(root.code, indicator, period);
  return replyHtml(
    ctx,
    statusTexts.subtree(
      root,
      period,
      s,
      indicators.filter((i) => i.code !== indicator.code),
    ),
    markup,
  );
}

statusFeature.command("tinhtrang", async (ctx) => {
  const requested = (typeof ctx.match === "string" ? ctx.match : "").trim();
  // A heads' chat sees its own unit's standing, as the unit's chat does.
  const unit = unitOfChat(ctx) ?? headOfChat(ctx);
  if (unit) {
    const period = currentPeriod(ctx.deps);
    return replyHtml(ctx, statusTexts.unit(unit, period, await ctx.uc.figures.unitStatus(unit, period), period));
  }
  const root = leadersRootOfChat(ctx);
  if (root) return replySubtree(ctx, root, requested, dashboardMarkup(ctx));
  if (!isGroup(ctx)) {
    const roots = await rootsForPrivate(ctx);
    if (roots.length === 0) return replyHtml(ctx, common.notOfficerPrivate);
    for (const r of roots) await replySubtree(ctx, r, requested);
    return;
  }
  return replyHtml(ctx, common.strangerGroup);
});
