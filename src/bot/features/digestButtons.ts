/**
 * The buttons under a leaders' digest (docs/SCHEDULES.md "Bản tin tuần"): remind the units that have
 * not reported (then the digest says who pressed it and how many were reminded), the full list, the
 * figures as .xlsx, one indicator's chart. The logic is in services/digest/; this parses the press,
 * checks who may press it, and replies.
 */
import { Composer, InputFile } from "grammy";
import type { CatalogUnit } from "../../domain/catalog.js";
import { vnDate } from "../../domain/directive/dates.js";
import { CAPTION_LIMIT } from "../../messages/digest.js";
import { digestActionTexts as t } from "../../messages/digestActions.js";
import { digestButton, type DigestButton } from "../../render/callbackData.js";
import { shownPeriod } from "../../services/digest/actions.js";
import { digestParts } from "../../services/digest/digest.js";
import { digestCallback } from "../../services/digest/keyboard.js";
import { digestXlsx } from "../../services/digest/xlsx.js";
import { subtreeIndicators } from "../../services/figures/status.js";
import { alert, onButton, type ButtonContext } from "../buttons.js";
import { pressedKeyboard, withoutButtons } from "../pressed.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";
import { isGroup, isLeader, leadersRootOfChat } from "./access.js";
import { sendPart } from "./digestSend.js";

export const digestButtonsFeature = new Composer<BotContext>();

/** A leaders' chat acts on its own subtree only; in private, a leader on any unit. */
async function rootOf(ctx: ButtonContext, press: DigestButton): Promise<CatalogUnit | null> {
  const own = leadersRootOfChat(ctx);
  if (own) {
    if (own.code === press.root) return own;
    await alert(ctx, t.notYours);
    return null;
  }
  const unit = ctx.deps.catalog.get().unit(press.root);
  if (!isGroup(ctx) && unit && (await isLeader(ctx))) return unit;
  await alert(ctx, t.notLeader);
  return null;
}

async function remind(ctx: ButtonContext, root: CatalogUnit, press: DigestButton): Promise<unknown> {
  const at = ctx.deps.clock.now();
  const result = await ctx.uc.digest.remindNotReported(root, press.period, at);
  if (result.reminded + result.withoutChat === 0) return alert(ctx, t.nobodyToRemind);
  await ctx.answerCallbackQuery({ text: t.remindedAlert(result.reminded) });
  const who = [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(" ");
  const note = t.reminded(who, at, result.reminded, result.withoutChat);
  const message = ctx.callbackQuery.message;
  // The "Nhắc" button has been pressed: it goes, the others stay.
  const reply_markup = withoutButtons(pressedKeyboard(ctx), (d) => digestButton.parse(d)?.action === "remind");
  // The digest's own message: a photo's caption (HTML from the bot), or the buttons' text after an album.
  // Plain text plus the message's own entities: its bold title stays bold, the note adds none.
  if (message?.caption !== undefined) {
    const caption = `${message.caption}\n${note}`;
    // A caption at Telegram's limit has no room for the note: it goes below, the button still goes.
    if (caption.length > CAPTION_LIMIT) {
      await ctx.editMessageReplyMarkup({ reply_markup }).catch(() => undefined);
      return ctx.reply(note, { reply_parameters: { message_id: message.message_id } });
    }
    const entities = message.caption_entities ? { caption_entities: message.caption_entities } : {};
    return ctx.editMessageCaption({ caption, ...entities, reply_markup }).catch(() => undefined);
  }
  const text = `${message?.text ?? ""}\n${note}`;
  const entities = message?.entities ? { entities: message.entities } : {};
  return ctx.editMessageText(text, { ...entities, reply_markup }).catch(() => undefined);
}

onButton(digestButtonsFeature, digestButton, async (ctx, press) => {
  const root = await rootOf(ctx, press);
  if (!root) return;
  if (press.action === "remind") return remind(ctx, root, press);
  await ctx.answerCallbackQuery();
  const at = ctx.deps.clock.now();
  if (press.action === "list") {
    for (const d of await ctx.uc.digest.digestOfPeriod(root, press.period, at)) await replyHtml(ctx, t.list(root, d));
    const { overdue } = await ctx.uc.digest.digestExtras(BigInt(ctx.chat?.id ?? 0), root, at);
    if (overdue.length > 0) await replyHtml(ctx, t.overdue(overdue));
    return;
  }
  if (press.action === "xlsx") {
    const data = await ctx.uc.digest.digestOfPeriod(root, press.period, at);
    const bytes = await digestXlsx(root, data);
    return ctx.replyWithDocument(new InputFile(bytes, `so-lieu-${root.code}-${press.period}.xlsx`), {
      caption: t.xlsxCaption(root, press.period, vnDate(at)),
      parse_mode: "HTML",
    });
  }
  if (press.action === "pick") {
    const rows = subtreeIndicators(ctx.deps, root.code, vnDate(at)).map((i) =>
      digestCallback(t.pickIndicator(i), { action: "chart", root: root.code, period: press.period, indicator: i.code }),
    );
    return replyHtml(ctx, t.pickPrompt(root), { inline_keyboard: rows.filter((r) => r.length > 0) });
  }
  const rendered = await ctx.uc.digest.renderDigest(root, at, press.indicator, shownPeriod(press.period, at));
  for (const part of digestParts(rendered, root, { overdue: [], escalated: [] }, 1)) await sendPart(ctx, part);
});
