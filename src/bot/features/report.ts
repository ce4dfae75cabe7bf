/** `/nop` and its undo button (issue #3 "Reporting"). */
import { Composer, InlineKeyboard } from "grammy";
import { describeEvaluation } from "../../domain/evaluation/index.js";
import { common } from "../../messages/common.js";
import { reportTexts } from "../../messages/report.js";
import { currentPeriod, submitFigures, undoFigures } from "../../services/figures.js";
import type { BotContext } from "../context.js";
import { parseNop } from "../parse/nop.js";
import { replyHtml } from "../reply.js";
import { isGroup, leadersRootOfChat, unitOfChat } from "./access.js";

export const reportFeature = new Composer<BotContext>();

reportFeature.command("nop", async (ctx) => {
  const unit = unitOfChat(ctx);
  if (!unit) {
    if (leadersRootOfChat(ctx)) return replyHtml(ctx, reportTexts.leadersCannotReport);
    return replyHtml(ctx, isGroup(ctx) ? common.strangerGroup : common.notOfficerPrivate);
  }
  const catalog = ctx.deps.catalog.get();
  const indicators = catalog.indicatorsFor(unit);
  const nowPeriod = currentPeriod(ctx.deps);
  if (indicators.length === 0) return replyHtml(ctx, reportTexts.noIndicators(unit.name));
  const parsed = parseNop(typeof ctx.match === "string" ? ctx.match : "");
  if (!parsed.ok) return replyHtml(ctx, reportTexts.invalid(parsed.error));
  const req = parsed.value;
  if (req.kind === "help") return replyHtml(ctx, reportTexts.help(unit.name, nowPeriod, indicators, catalog.defaultIndicator(unit)));
  const indicator = req.indicatorCode
    ? indicators.find((i) => i.code.toLowerCase() === req.indicatorCode?.toLowerCase())
    : catalog.defaultIndicator(unit);
  if (!indicator) return replyHtml(ctx, reportTexts.unknownIndicator(req.indicatorCode ?? "", indicators));
  // A count indicator takes one number (kept over a denominator of 0); a ratio takes two.
  const isCount = indicator.kind === "count";
  if (req.kind === "count" && !isCount) return replyHtml(ctx, reportTexts.ratioNeedsTwo(indicator.code));
  if (req.kind === "report" && isCount) return replyHtml(ctx, reportTexts.countNeedsOne(indicator.code));
  const [numerator, denominator] = req.kind === "count" ? [req.count, 0] : [req.numerator, req.denominator];
  const period = req.period ?? nowPeriod;
  if (period > nowPeriod) return replyHtml(ctx, reportTexts.futurePeriod(period));
  const result = await submitFigures(ctx.deps, {
    unit,
    indicator,
    period,
    numerator,
    denominator,
    prov: { byUser: ctx.from ? BigInt(ctx.from.id) : null, chatId: BigInt(ctx.chat.id), source: "chat", at: ctx.deps.clock.now() },
  });
  const text = reportTexts.saved(unit.name, period, describeEvaluation(result.evaluation, indicator), result.previous);
  const keyboard = new InlineKeyboard().text(reportTexts.undoButton, `undo:${result.revisionId}`);
  return replyHtml(ctx, text, keyboard);
});

reportFeature.callbackQuery(/^undo:(\d+)$/, async (ctx) => {
  const unit = unitOfChat(ctx);
  if (!unit) return ctx.answerCallbackQuery({ text: "Nhóm này không còn gắn với đơn vị. Gửi /dangky <mã đơn vị> để đăng ký lại.", show_alert: true });
  const revisionId = Number(ctx.match[1]);
  const rev = await ctx.deps.prisma.figureRevision.findUnique({ where: { id: revisionId } });
  if (!rev || rev.unitCode !== unit.code) return ctx.answerCallbackQuery({ text: "Không tìm thấy báo cáo này.", show_alert: true });
  const outcome = await undoFigures(ctx.deps, revisionId, { byUser: BigInt(ctx.from.id), chatId: ctx.chat ? BigInt(ctx.chat.id) : null, source: "undo", at: ctx.deps.clock.now() });
  if (!outcome.ok) {
    const text = outcome.reason === "expired" ? reportTexts.undoExpired
      : outcome.reason === "superseded" ? reportTexts.undoSuperseded
        : reportTexts.undoAlready;
    await ctx.answerCallbackQuery({ text, show_alert: true });
    return ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
  }
  await ctx.answerCallbackQuery({ text: "Đã hoàn tác." });
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
  return replyHtml(ctx, reportTexts.undone(outcome.restored));
});
