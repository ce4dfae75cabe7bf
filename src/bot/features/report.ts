/** `/nop` and its undo button (docs/UPLOADS.md). */
import { Composer, InlineKeyboard } from "grammy";
import { describeEvaluation } from "../../domain/evaluation/index.js";
import { common } from "../../messages/common.js";
import { reportTexts } from "../../messages/report.js";
import { currentPeriod, submitFigures, undoFigures } from "../../services/figures/figures.js";
import { alert, onButton } from "../buttons.js";
import { pressedTexts } from "../../messages/pressed.js";
import { undoButton } from "../../render/callbackData.js";
import { markPressed, presserName, setButtons } from "../pressed.js";
import type { BotContext } from "../context.js";
import { parseNop } from "../parse/nop.js";
import { replyHtml } from "../reply.js";
import { headOfChat, isGroup, leadersRootOfChat, unitOfChat } from "./access.js";

export const reportFeature = new Composer<BotContext>();

reportFeature.command("nop", async (ctx) => {
  const unit = unitOfChat(ctx);
  if (!unit) {
    if (leadersRootOfChat(ctx)) return replyHtml(ctx, reportTexts.leadersCannotReport);
    const head = headOfChat(ctx);
    if (head) return replyHtml(ctx, common.headsChatNoReports(head.name));
    return replyHtml(ctx, isGroup(ctx) ? common.strangerGroup : common.notOfficerPrivate);
  }
  const catalog = ctx.deps.catalog.get();
  const indicators = catalog.indicatorsFor(unit);
  const nowPeriod = currentPeriod(ctx.deps);
  if (indicators.length === 0) return replyHtml(ctx, reportTexts.noIndicators(unit.name));
  const parsed = parseNop(typeof ctx.match === "string" ? ctx.match : "");
  if (!parsed.ok) return replyHtml(ctx, reportTexts.invalid(parsed.error));
  const req = parsed.value;
  if (req.kind === "help")
    return replyHtml(ctx, reportTexts.help(unit.name, nowPeriod, indicators, catalog.defaultIndicator(unit)));
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
    prov: {
      byUser: ctx.from ? BigInt(ctx.from.id) : null,
      chatId: BigInt(ctx.chat.id),
      source: "chat",
      at: ctx.deps.clock.now(),
    },
  });
  const text = reportTexts.saved(unit.name, period, describeEvaluation(result.evaluation, indicator), result.previous);
  const keyboard = new InlineKeyboard().text(
    reportTexts.undoButton,
    undoButton.encode({ revisionId: result.revisionId }),
  );
  return replyHtml(ctx, text, keyboard);
});

onButton(reportFeature, undoButton, async (ctx, { revisionId }) => {
  const unit = unitOfChat(ctx);
  if (!unit) return alert(ctx, reportTexts.undoNoUnit);
  const prov = {
    byUser: BigInt(ctx.from.id),
    chatId: ctx.chat ? BigInt(ctx.chat.id) : null,
    source: "undo",
    at: ctx.deps.clock.now(),
  };
  const outcome = await undoFigures(ctx.deps, { id: revisionId, unitCode: unit.code }, prov);
  if (!outcome.ok) {
    if (outcome.reason === "not-found" || outcome.reason === "not-a-report") {
      return alert(ctx, outcome.reason === "not-found" ? reportTexts.undoNotFound : reportTexts.undoOfUndo);
    }
    const text =
      outcome.reason === "expired"
        ? reportTexts.undoExpired
        : outcome.reason === "superseded"
          ? reportTexts.undoSuperseded
          : reportTexts.undoAlready;
    await alert(ctx, text);
    return setButtons(ctx);
  }
  await ctx.answerCallbackQuery({ text: "Đã hoàn tác." });
  // The "✅ Đã ghi số liệu…" the button was on no longer holds: it says so, and by whom.
  await markPressed(ctx, pressedTexts.line("undone", presserName(ctx.from), prov.at));
  return replyHtml(ctx, reportTexts.undone(outcome.restored));
});
