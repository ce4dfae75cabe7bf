/** `/donvi [tên]`: list or search units, diacritics-insensitive (docs/UPLOADS.md). */
import { Composer } from "grammy";
import { clipText } from "../../domain/text.js";
import { registerTexts } from "../../messages/register.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";

export const unitsFeature = new Composer<BotContext>();

const MAX_LISTED = 60;

unitsFeature.command("donvi", async (ctx) => {
  const catalog = ctx.deps.catalog.get();
  if (catalog.units.length === 0) return replyHtml(ctx, registerTexts.noUnitsLoaded);
  const query = clipText((typeof ctx.match === "string" ? ctx.match : "").trim(), 100);
  const found = catalog.search(query);
  if (found.length === 0) return replyHtml(ctx, registerTexts.noUnitsFound(query));
  const shown = found.slice(0, MAX_LISTED);
  const lines = [registerTexts.unitsHeader(query, found.length, shown.length), ...shown.map(registerTexts.unitLine)];
  if (shown.length < found.length) lines.push(registerTexts.unitsMore);
  return replyHtml(ctx, lines.join("\n"));
});
