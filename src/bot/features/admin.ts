/**
 * The administrator's private chat: loading directives (after a dry run and "✅ Áp dụng", see
 * directives.ts) and unit lists (at once). Roles: roles.ts.
 */
import { Composer } from "grammy";
import { adminTexts } from "../../messages/admin.js";
import { common } from "../../messages/common.js";
import { vnDate } from "../../domain/directive/dates.js";
import { MAX_CONFIG_TEXT_BYTES } from "../../directives/loadDirective.js";
import { directivePlanButton } from "../../render/callbackData.js";
import type { BotContext } from "../context.js";
import { FileDownloadError, FileTooLargeError } from "../files.js";
import { replyHtml } from "../reply.js";
import { isAdmin } from "./access.js";

export const adminFeature = new Composer<BotContext>();
/** Directive and unit-list files: a province's list is a few dozen KB (loadDirective.ts). */
const MAX_FILE_BYTES = MAX_CONFIG_TEXT_BYTES;

adminFeature.command("id", (ctx) => replyHtml(ctx, adminTexts.yourId(ctx.from?.id ?? 0)));

/** Directive and unit-list files sent privately by an administrator. */
adminFeature.on("message:document", async (ctx, next) => {
  const name = ctx.message.document.file_name ?? "";
  const ext = name.toLowerCase().match(/\.(ya?ml|json)$/)?.[1];
  if (!ext || ctx.chat.type !== "private") return next();
  if (!(await isAdmin(ctx))) return replyHtml(ctx, common.adminOnly);
  let bytes: Buffer;
  try {
    bytes = await ctx.files.download(ctx.message.document.file_id, MAX_FILE_BYTES);
  } catch (e) {
    if (e instanceof FileTooLargeError) return replyHtml(ctx, adminTexts.fileTooLarge);
    if (e instanceof FileDownloadError) return replyHtml(ctx, common.fileDownloadFailed);
    throw e;
  }
  const text = bytes.toString("utf8");
  const format = ext === "json" ? "json" : "yaml";
  const planned = await ctx.uc.directives.planDirectiveText(text, format, vnDate(ctx.deps.clock.now()));
  if (!planned.ok) return replyHtml(ctx, adminTexts.rejected(planned.problems));
  if (planned.kind === "directive") {
    const preview = adminTexts.planPreview(planned.plan);
    const pendingId = await ctx.uc.directives.holdDirective({
      text,
      format,
      preview,
      userId: BigInt(ctx.from.id),
      chatId: BigInt(ctx.chat.id),
    });
    return replyHtml(ctx, adminTexts.planPrompt(preview), {
      inline_keyboard: [
        [
          { text: adminTexts.applyButton, callback_data: directivePlanButton.encode({ apply: true, pendingId }) },
          { text: adminTexts.cancelButton, callback_data: directivePlanButton.encode({ apply: false, pendingId }) },
        ],
      ],
    });
  }
  const result = await ctx.uc.directives.installText(text, format, BigInt(ctx.from.id));
  if (!result.ok) return replyHtml(ctx, adminTexts.rejected(result.problems));
  return replyHtml(ctx, adminTexts.installed(result));
});
