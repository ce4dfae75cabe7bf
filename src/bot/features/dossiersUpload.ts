/**
 * `/nhaphoso`: the dossier list exported from the one-stop system (docs/DOSSIERS.md).
 * Group privacy mode only lets the bot see a document that replies to it or is captioned
 * with a command, so `/nhaphoso` asks with force-reply; a file captioned `/nhaphoso` works too.
 * A unit chat uploads its own dossiers; an administrator, in private, everyone's (the
 * receiving-unit column names the unit). File contents and names never reach a log.
 */
import { Composer } from "grammy";
import { checkUploadMeta, isIngestError } from "../../ingest/index.js";
import { common } from "../../messages/common.js";
import { dossierTexts as t } from "../../messages/dossiers.js";
import type { DossierImportOutcome, DossierScope } from "../../services/dossiers/importList.js";
import type { BotContext } from "../context.js";
import { detachOrRun } from "../detached.js";
import { downloadOrAnswer } from "../download.js";
import { replyHtml } from "../reply.js";
import { isAdmin, isGroup, unitOfChat } from "./access.js";

export const dossiersUploadFeature = new Composer<BotContext>();

const COMMAND = "nhaphoso";

async function scopeOf(ctx: BotContext): Promise<DossierScope | { refusal: string }> {
  if (ctx.chat?.type === "private") return (await isAdmin(ctx)) ? { kind: "all" } : { refusal: t.uploadNotHere };
  const unit = unitOfChat(ctx);
  if (unit) return { kind: "unit", unit };
  return { refusal: isGroup(ctx) && !ctx.chatRecord?.unitCode ? common.strangerGroup : t.uploadNotHere };
}

function captionCommand(ctx: BotContext): string | null {
  const m = /^\/([a-z_]+)(?:@(\w+))?(?:\s|$)/i.exec(ctx.message?.caption ?? "");
  if (!m?.[1] || (m[2] && m[2].toLowerCase() !== ctx.me.username.toLowerCase())) return null;
  return m[1].toLowerCase();
}

dossiersUploadFeature.command(COMMAND, async (ctx) => {
  const scope = await scopeOf(ctx);
  if ("refusal" in scope) return replyHtml(ctx, scope.refusal);
  const prompt = await ctx.reply(t.uploadPrompt(scope.kind === "unit" ? scope.unit.name : null), {
    parse_mode: "HTML",
    reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
    reply_markup: { force_reply: true, selective: true, input_field_placeholder: t.uploadPlaceholder },
  });
  await ctx.uc.dossiers.askPending({
    chatId: BigInt(ctx.chat.id),
    userId: BigInt(ctx.from?.id ?? 0),
    messageId: prompt.message_id,
    kind: "dossier-upload",
    data: {},
  });
});

dossiersUploadFeature.on("message:document", async (ctx, next) => {
  const replyTo = ctx.message.reply_to_message;
  const pending =
    replyTo && replyTo.from?.id === ctx.me.id
      ? await ctx.uc.dossiers.findPending(BigInt(ctx.chat.id), replyTo.message_id)
      : null;
  const asked = pending?.kind === "dossier-upload";
  if (!asked && captionCommand(ctx) !== COMMAND) return next();
  const scope = await scopeOf(ctx);
  if ("refusal" in scope) return replyHtml(ctx, scope.refusal);
  if (pending && asked) await ctx.uc.dossiers.closePending(pending.id);
  return handleDossierFile(ctx, scope);
});

async function handleDossierFile(ctx: BotContext, scope: DossierScope): Promise<unknown> {
  const doc = ctx.message?.document;
  const chat = ctx.chat;
  if (!doc || !chat) return;
  const log = ctx.deps.logger.child({ chatId: chat.id, updateId: ctx.update.update_id, feature: "dossier-upload" });
  const fileName = doc.file_name ?? "";
  try {
    checkUploadMeta(fileName, doc.file_size);
  } catch (e) {
    if (!isIngestError(e)) throw e;
    log.info({ code: e.code }, "dossier upload refused before download");
    return replyHtml(ctx, t.fileRejected(e.userMessage));
  }
  return detachOrRun(ctx, async () => {
    const data = await downloadOrAnswer(ctx, doc.file_id, { log, tooLarge: t.fileTooLarge });
    if (!data) return;
    await ctx.replyWithChatAction("typing").catch(() => undefined);
    const outcome = await ctx.uc.dossiers.importDossierFile({ fileName, data, scope });
    log.info({ outcome: outcome.kind, bytes: data.length }, "dossier upload processed");
    return replyDossierImport(ctx, outcome);
  });
}

export function replyDossierImport(ctx: BotContext, o: DossierImportOutcome): Promise<unknown> {
  switch (o.kind) {
    case "file-rejected":
      return replyHtml(ctx, t.fileRejected(o.message));
    case "rows-rejected":
      return replyHtml(ctx, t.rowsRejected(o.valid, o.rejected));
    case "saved": {
      const catalog = ctx.deps.catalog.get();
      const perUnit = [...o.summary.perUnit].map(([code, n]): [string, number] => [
        catalog.unit(code)?.name ?? code,
        n,
      ]);
      return replyHtml(ctx, t.saved(o.summary, perUnit));
    }
  }
}
