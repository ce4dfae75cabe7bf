/**
 * `/hoso <mã>` — one dossier's state; `/quahan` — the unit's overdue and soon-due dossiers
 * (docs/DOSSIERS.md). Where a code is wanted (bare `/hoso`, under `/quahan`) the codes the chat
 * should look at are offered as buttons: a 25-character code is not something to type on a phone. Only in the chats allowed to see them; a dossier of another unit reads as
 * "not found", so its existence does not leak either.
 */
import { Composer, InlineKeyboard } from "grammy";
import { clipText } from "../../domain/text.js";
import { dossierTexts as t } from "../../messages/dossiers.js";
import { dossierButtonTexts as bt } from "../../messages/dossiersButtons.js";
import { dossierViewButton } from "../../render/callbackData.js";
import { plainText } from "../../render/html.js";
import { todayOf, workCalendar } from "../../services/calendar.js";
import { briefOf, overdueDays } from "../../services/dossiers/query.js";
import { inForce, phaseOf, reappointmentOf } from "../../services/dossiers/state.js";
import { alert, onButton } from "../buttons.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";
import { visibleUnits } from "./dossiersAccess.js";

export const dossiersViewFeature = new Composer<BotContext>();

/** Codes offered as buttons at most: a screenful on a phone; the rest are typed or in /quahan's list. */
const MAX_CODE_BUTTONS = 8;
type Scope = NonNullable<ReturnType<typeof visibleUnits>>;

/** The view of the dossiers with `code` among `units` (codes are unique per unit; a subtree may hold two). */
async function viewOf(
  ctx: BotContext,
  code: string,
  units: ReadonlySet<string>,
  kind: Scope["kind"],
): Promise<string | null> {
  const found = await ctx.uc.dossiers.findDossiers(code, units);
  if (found.length === 0) return null;
  const cal = await workCalendar();
  const today = todayOf(ctx.deps);
  return found
    .map(({ dossier: d, documents }) => {
      const tracked = inForce(d, reappointmentOf(documents));
      return t.hosoView({
        ...d,
        // The letter froze the date it answered for; a later export may show another one.
        dueAt: tracked.reappointment?.originalDueDate ?? d.dueAt,
        reappointedTo: tracked.reappointment?.newDueDate ?? null,
        unitName: ctx.deps.catalog.get().unit(d.unitCode)?.name ?? d.unitCode,
        // The citizen's name stays with the unit that handles the dossier (NĐ 13/2023).
        applicantName: kind === "unit" ? d.applicantName : null,
        phase: phaseOf(tracked, today, cal),
        overdueDays: overdueDays(tracked, today, cal),
        documents,
      });
    })
    .join("\n\n");
}

/** Buttons for the dossiers the chat should look at first (overdue, then due soon), one code each. */
function codeButtons(list: readonly { dossier: { id: number; code: string } }[]): InlineKeyboard | undefined {
  if (list.length === 0) return undefined;
  const kb = new InlineKeyboard();
  for (const { dossier } of list.slice(0, MAX_CODE_BUTTONS))
    kb.text(bt.codeButton(dossier.code), dossierViewButton.encode({ dossierId: dossier.id })).row();
  return kb;
}

dossiersViewFeature.command("hoso", async (ctx) => {
  const scope = visibleUnits(ctx);
  if (!scope) return replyHtml(ctx, t.hosoNotHere);
  const codeText = (typeof ctx.match === "string" ? ctx.match : "").trim().split(/\s+/)[0] ?? "";
  if (!codeText) {
    // Nothing typed: the codes to look at are offered as buttons rather than asked for.
    const list = await attention(ctx, scope.units);
    const buttons = codeButtons(list);
    return replyHtml(ctx, buttons ? bt.hosoPick : bt.hosoUsage, buttons);
  }
  const code = clipText(codeText, 80);
  const view = await viewOf(ctx, code, scope.units, scope.kind);
  return replyHtml(ctx, view ?? t.hosoNotFound(code));
});

onButton(dossiersViewFeature, dossierViewButton, async (ctx, { dossierId }) => {
  const scope = visibleUnits(ctx);
  const dossier = scope ? await ctx.uc.dossiers.dossierById(dossierId) : null;
  if (!scope || !dossier || !scope.units.has(dossier.unitCode)) return alert(ctx, plainText(t.notThisChat));
  await ctx.answerCallbackQuery();
  const view = await viewOf(ctx, dossier.code, new Set([dossier.unitCode]), scope.kind);
  return replyHtml(ctx, view ?? t.hosoNotFound(dossier.code));
});

/** Overdue first, then due soon, over the units the chat sees. */
async function attention(ctx: BotContext, units: ReadonlySet<string>) {
  const cal = await workCalendar();
  const today = todayOf(ctx.deps);
  const all = [];
  for (const unitCode of units) all.push(...(await ctx.uc.dossiers.dossiersNeedingAttention({ unitCode }, today, cal)));
  return [...all.filter((x) => x.phase === "overdue"), ...all.filter((x) => x.phase === "due-soon")];
}

dossiersViewFeature.command("quahan", async (ctx) => {
  const scope = visibleUnits(ctx);
  if (!scope) return replyHtml(ctx, t.hosoNotHere);
  const cal = await workCalendar();
  const today = todayOf(ctx.deps);
  const catalog = ctx.deps.catalog.get();
  const parts: string[] = [];
  const all = await attention(ctx, scope.units);
  for (const unitCode of scope.units) {
    const list = all.filter((x) => x.dossier.unitCode === unitCode);
    if (list.length === 0) continue;
    const overdue = list.filter((x) => x.phase === "overdue").map((x) => briefOf(x.dossier, today, cal));
    const soon = list.filter((x) => x.phase === "due-soon").map((x) => briefOf(x.dossier, today, cal));
    parts.push(t.quahanList(catalog.unit(unitCode)?.name ?? unitCode, overdue, soon));
  }
  if (parts.length === 0) {
    const only = scope.units.size === 1 ? [...scope.units][0] : undefined;
    return replyHtml(ctx, t.quahanNone(only ? (catalog.unit(only)?.name ?? only) : "Các đơn vị theo dõi"));
  }
  const buttons = codeButtons(all);
  return replyHtml(ctx, [...parts, ...(buttons ? [bt.quahanPick] : [])].join("\n\n"), buttons);
});
