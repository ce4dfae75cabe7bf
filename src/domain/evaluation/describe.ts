/** Short Vietnamese lines describing one evaluation (docs/DIRECTIVES.md "Đánh giá"). */
import type { Indicator } from "../directive/schema.js";
import { formatNumber } from "../format.js";
import { normalizeForSearch } from "../text.js";
import { messages, targetPhrase } from "./messages.js";
import type { Evaluation, MilestoneRef } from "./types.js";

export type DescribableIndicator = Pick<Indicator, "name" | "itemWord"> & { shortName?: string };

/**
 * The words for the numerator items in "Cần thêm 12 …": the short name when it is a kind of
 * the item word ("hồ sơ trực tuyến" for "hồ sơ"), else the bare item word ("TTHC").
 */
function itemsWord(indicator: DescribableIndicator): string {
  const short = indicator.shortName;
  if (short && normalizeForSearch(short).startsWith(normalizeForSearch(indicator.itemWord))) return short;
  return indicator.itemWord;
}

const target = (m: MilestoneRef) => targetPhrase(m.targetText, m.comparison);

function verdict(e: Evaluation): string {
  const { inForce, next } = e;
  if (inForce) {
    if (e.met === true) {
      return inForce.comparison === "aspiration"
        ? messages.aspirationReached(target(inForce), inForce.deadlineText)
        : messages.met(target(inForce), inForce.deadlineText);
    }
    if (e.met === false) return messages.notMet(target(inForce), inForce.deadlineText);
    return messages.aspirationNotReached(target(inForce), inForce.deadlineText);
  }
  if (next) return messages.notYetDue(target(next), next.deadlineText);
  if (e.lapsed) return messages.lapsed(target(e.lapsed), e.lapsed.deadlineText, e.lapsed.directiveNumber);
  return messages.noMilestone;
}

function gapLine(e: Evaluation, indicator: DescribableIndicator): string | null {
  const m = e.missingFor === "inForce" ? e.inForce : e.missingFor === "next" ? e.next : null;
  if (!m || !e.figures) return null;
  if (e.missingUnreachable) {
    return messages.unreachable(target(m), formatNumber(e.figures.denominator), indicator.itemWord);
  }
  if (e.missing === null) return null;
  if (e.missing === 0) return messages.alreadyMeetsNext(target(m), m.deadlineText);
  const count = formatNumber(e.missing);
  return e.missingFor === "inForce"
    ? messages.missingInForce(count, itemsWord(indicator), target(m), m.deadlineText)
    : messages.missingNext(count, itemsWord(indicator), target(m), m.deadlineText);
}

export function describeEvaluation(e: Evaluation, indicator: DescribableIndicator): string[] {
  const name = indicator.name;
  if (e.status === "not-reported" || e.status === "no-data") {
    const lines = [
      e.status === "not-reported" ? messages.notReported(name) : messages.noData(name, indicator.itemWord),
    ];
    if (e.inForce) lines.push(messages.currentTarget(target(e.inForce), e.inForce.deadlineText));
    if (e.next) lines.push(messages.nextTarget(target(e.next), e.next.deadlineText));
    if (!e.inForce && !e.next && e.lapsed)
      lines.push(messages.lapsedLine(target(e.lapsed), e.lapsed.deadlineText, e.lapsed.directiveNumber));
    return lines;
  }
  const f = e.figures;
  const figures =
    !f || !e.percentText
      ? ""
      : e.kind === "count"
        ? messages.count(e.percentText, indicator.itemWord)
        : messages.figures(e.percentText, formatNumber(f.numerator), formatNumber(f.denominator));
  const head = messages.headline(name, `${figures} — ${verdict(e)}`);
  const lines = [e.level ? `${head} ${messages.level(e.level)}` : head];
  const gap = gapLine(e, indicator);
  if (gap) lines.push(gap);
  if (e.missingFor === "inForce" && e.next && e.missingNext !== null && e.missingNext > 0) {
    lines.push(
      messages.missingNext(formatNumber(e.missingNext), itemsWord(indicator), target(e.next), e.next.deadlineText),
    );
  }
  return lines;
}
