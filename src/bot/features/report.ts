/**
 * `/nop` (docs/UPLOADS.md "Cú pháp /nop"): parse the one grammar → plan the report (service) →
 * save it, or ask first (a swap guessed, a month long past), or open the guided flow.
 * The questions' buttons and the guided flow's answers are in reportQuestions.ts.
 */
import { Composer } from "grammy";
import { common } from "../../messages/common.js";
import { nopCommand } from "../../messages/grammar.js";
import { reportTexts } from "../../messages/report.js";
import { undoButton } from "../../render/callbackData.js";
import { currentPeriod } from "../../services/figures/figures.js";
import { offeredPeriods, planReport, reportableIndicators } from "../../services/figures/plan.js";
import { alert, onButton } from "../buttons.js";
import { pressedTexts } from "../../messages/pressed.js";
import { markPressed, presserName, setButtons } from "../pressed.js";
import type { BotContext } from "../context.js";
import { parseNop } from "../parse/nop.js";
import { replyHtml } from "../reply.js";
import { headOfChat, isGroup, leadersRootOfChat, unitOfChat } from "./access.js";
import { answerPlan } from "./reportAnswer.js";
import { reportQuestionsFeature, startGuide } from "./reportQuestions.js";

export const reportFeature = new Composer<BotContext>();

reportFeature.command("nop", async (ctx) => {
  const unit = unitOfChat(ctx);
  if (!unit) {
    if (leadersRootOfChat(ctx)) return replyHtml(ctx, reportTexts.leadersCannotReport);
    const head = headOfChat(ctx);
    if (head) return replyHtml(ctx, common.headsChatNoReports(head.name));
    return replyHtml(ctx, isGroup(ctx) ? common.strangerGroup : common.notOfficerPrivate);
  }
  const indicators = reportableIndicators(ctx.deps, unit);
  if (indicators.length === 0) return replyHtml(ctx, reportTexts.noIndicators(unit.name));
  const parsed = parseNop(typeof ctx.match === "string" ? ctx.match : "", currentPeriod(ctx.deps));
  if (!parsed.ok) {
    if (parsed.swap)
      return answerPlan(ctx, unit, planReport(ctx.deps, unit, parsed.swap, indicators), { kind: "swap" });
    const example = nopCommand({ indicatorCode: null, total: 120, part: 95, period: null });
    return replyHtml(ctx, reportTexts.invalid(parsed.error, example));
  }
  const req = parsed.value;
  if (req.kind === "guide") return startGuide(ctx, unit, indicators);
  if (req.kind === "help") {
    const { current, previous } = offeredPeriods(ctx.deps);
    return replyHtml(ctx, reportTexts.help(unit.name, current, previous, indicators, indicators[0]));
  }
  return answerPlan(ctx, unit, planReport(ctx.deps, unit, req, indicators), { kind: "typed" });
});

reportFeature.use(reportQuestionsFeature);

onButton(reportFeature, undoButton, async (ctx, { revisionId }) => {
  const unit = unitOfChat(ctx);
  if (!unit) return alert(ctx, reportTexts.undoNoUnit);
  const prov = {
    byUser: BigInt(ctx.from.id),
    chatId: ctx.chat ? BigInt(ctx.chat.id) : null,
    source: "undo",
    at: ctx.deps.clock.now(),
  };
  const outcome = await ctx.uc.figures.undoFigures({ id: revisionId, unitCode: unit.code }, prov);
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
  // The "✅ Đã ghi số liệu…" the button was on no longer holds: struck through, it says so, and by whom.
  await markPressed(ctx, pressedTexts.line("undone", presserName(ctx.from), prov.at), undefined, { strike: true });
  return replyHtml(ctx, reportTexts.undone(outcome.restored));
});
