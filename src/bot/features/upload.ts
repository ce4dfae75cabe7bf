/**
 * `/mau`, `/nhap` and the spreadsheet files sent to the bot (docs/UPLOADS.md).
 * Group privacy mode hides a plain document from a bot that is not a group administrator, so
 * `/nhap` answers with a force-reply prompt: Telegram delivers replies to the bot's messages.
 * Also taken: a document captioned `/nhap`, any document in an administrator's private chat,
 * and — when the bot is an administrator and so sees everything — documents in a unit chat.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Composer, InputFile } from "grammy";
import { common } from "../../messages/common.js";
import { uploadTexts } from "../../messages/upload.js";
import { filledFiguresTemplate, type TemplateScope } from "../../services/figures/template.js";
import type { UploadScope } from "../../services/uploads/uploads.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";
import { headOfChat, isAdmin, leadersRootOfChat, unitOfChat } from "./access.js";
import { handleUploadedFile } from "./uploadFile.js";
import { uploadConfirmFeature } from "./uploadConfirm.js";

export const uploadFeature = new Composer<BotContext>();

const TEMPLATE_PATH = fileURLToPath(new URL("../../../templates/mau-bao-cao-so-lieu.xlsx", import.meta.url));

/** Who may upload here, and for which units; otherwise what to tell them. */
async function scopeOf(ctx: BotContext): Promise<UploadScope | { refusal: string }> {
  if (ctx.chat?.type === "private")
    return (await isAdmin(ctx)) ? { kind: "all" } : { refusal: uploadTexts.privateNotAdmin };
  const unit = unitOfChat(ctx);
  if (unit) return { kind: "unit", unit };
  const head = headOfChat(ctx);
  if (head) return { refusal: common.headsChatNoReports(head.name) };
  return { refusal: leadersRootOfChat(ctx) ? uploadTexts.leadersCannotUpload : common.strangerGroup };
}

/** "/nhap" or "/nhap@thisbot" as the caption's first word ("/nhap@otherbot" is not ours). */
function captionCommand(ctx: BotContext): string | null {
  const m = /^\/([a-z]+)(?:@(\w+))?(?:\s|$)/i.exec(ctx.message?.caption ?? "");
  if (!m?.[1] || (m[2] && m[2].toLowerCase() !== ctx.me.username.toLowerCase())) return null;
  return m[1].toLowerCase();
}

uploadFeature.on("message:document", async (ctx, next) => {
  const command = captionCommand(ctx);
  const repliesToBot = ctx.message.reply_to_message?.from?.id === ctx.me.id;
  if (ctx.chat.type === "private" || command === "nhap" || repliesToBot) {
    const scope = await scopeOf(ctx);
    if ("refusal" in scope) return replyHtml(ctx, scope.refusal);
    return handleUploadedFile(ctx, scope, { quiet: false });
  }
  // Delivered unasked: the bot is an administrator here and sees every file. Only a unit
  // chat's files are taken, and quietly: a file that is not a figures table is not for us.
  const unit = unitOfChat(ctx);
  if (command !== null || !unit) return next();
  return handleUploadedFile(ctx, { kind: "unit", unit }, { quiet: true });
});

/** A unit chat or a leaders' chat gets its own units pre-filled; anyone else the blank template. */
uploadFeature.command("mau", async (ctx) => {
  const reply = { message_id: ctx.msg.message_id, allow_sending_without_reply: true };
  const unit = unitOfChat(ctx);
  const root = unit ? null : leadersRootOfChat(ctx);
  const scope: TemplateScope | null = unit ? { kind: "unit", unit } : root ? { kind: "leaders", root } : null;
  if (scope) {
    const filled = await filledFiguresTemplate(ctx.deps, scope);
    return ctx.replyWithDocument(new InputFile(filled.bytes, filled.fileName), {
      caption: uploadTexts.templateCaptionFor(filled.name, filled.period, filled.units, scope.kind === "leaders"),
      parse_mode: "HTML",
      reply_parameters: reply,
    });
  }
  const bytes = await readFile(TEMPLATE_PATH);
  return ctx.replyWithDocument(new InputFile(bytes, uploadTexts.templateName), {
    caption: uploadTexts.templateCaption,
    reply_parameters: reply,
  });
});

uploadFeature.command("nhap", async (ctx) => {
  const scope = await scopeOf(ctx);
  if ("refusal" in scope) return replyHtml(ctx, scope.refusal);
  // selective + a reply to the sender's /nhap: only they get the reply box opened.
  const prompt = await ctx.reply(uploadTexts.prompt(scope.kind === "unit" ? scope.unit.name : null), {
    parse_mode: "HTML",
    reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
    reply_markup: { force_reply: true, selective: true, input_field_placeholder: uploadTexts.promptPlaceholder },
  });
  await ctx.uc.uploads.recordUploadPrompt({
    chatId: BigInt(ctx.chat.id),
    userId: BigInt(ctx.from?.id ?? 0),
    messageId: prompt.message_id,
  });
});

/** Text or a photo in reply to the prompt: the file is what we need. */
uploadFeature.on("message", async (ctx, next) => {
  const replyTo = ctx.message.reply_to_message;
  if (!replyTo || replyTo.from?.id !== ctx.me.id || ctx.message.text?.startsWith("/")) return next();
  if (!(await ctx.uc.uploads.isUploadPrompt(BigInt(ctx.chat.id), replyTo.message_id))) return next();
  return replyHtml(ctx, uploadTexts.replyWithFile);
});

uploadFeature.use(uploadConfirmFeature);
