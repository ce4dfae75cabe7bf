/**
 * `/hoso <mã>` — one dossier's state; `/quahan` — the unit's overdue and soon-due dossiers
 * (docs/DOSSIERS.md). Only in the chats allowed to see them; a dossier of another unit reads as
 * "not found", so its existence does not leak either.
 */
import { Composer } from "grammy";
import { clipText } from "../../domain/text.js";
import { dossierTexts as t } from "../../messages/dossiers.js";
import { todayOf, workCalendar } from "../../services/calendar.js";
import { briefOf, overdueDays } from "../../services/dossiers/query.js";
import { inForce, phaseOf, reappointmentOf } from "../../services/dossiers/state.js";
import type { BotContext } from "../context.js";
import { replyHtml } from "../reply.js";
import { visibleUnits } from "./dossiersAccess.js";

export const dossiersViewFeature = new Composer<BotContext>();

dossiersViewFeature.command("hoso", async (ctx) => {
  const scope = visibleUnits(ctx);
  if (!scope) return replyHtml(ctx, t.hosoNotHere);
  const codeText = (typeof ctx.match === "string" ? ctx.match : "").trim().split(/\s+/)[0] ?? "";
  if (!codeText) return replyHtml(ctx, t.hosoUsage);
  const code = clipText(codeText, 80);
  const found = await ctx.uc.dossiers.findDossiers(code, scope.units);
  if (found.length === 0) return replyHtml(ctx, t.hosoNotFound(code));
  const cal = await workCalendar();
  const today = todayOf(ctx.deps);
  // Codes are unique per unit: a leaders' subtree may hold the same code in two units.
  return replyHtml(
    ctx,
    found
      .map(({ dossier: d, documents }) => {
        const tracked = inForce(d, reappointmentOf(documents));
        return t.hosoView({
          ...d,
          // The letter froze the date it answered for; a later export may show another one.
          dueAt: tracked.reappointment?.originalDueDate ?? d.dueAt,
          reappointedTo: tracked.reappointment?.newDueDate ?? null,
          unitName: ctx.deps.catalog.get().unit(d.unitCode)?.name ?? d.unitCode,
          // The citizen's name stays with the unit that handles the dossier (NĐ 13/2023).
          applicantName: scope.kind === "unit" ? d.applicantName : null,
          phase: phaseOf(tracked, today, cal),
          overdueDays: overdueDays(tracked, today, cal),
          documents,
        });
      })
      .join("\n\n"),
  );
});

dossiersViewFeature.command("quahan", async (ctx) => {
  const scope = visibleUnits(ctx);
  if (!scope) return replyHtml(ctx, t.hosoNotHere);
  const cal = await workCalendar();
  const today = todayOf(ctx.deps);
  const catalog = ctx.deps.catalog.get();
  const parts: string[] = [];
  for (const unitCode of scope.units) {
    const list = await ctx.uc.dossiers.dossiersNeedingAttention({ unitCode }, today, cal);
    if (list.length === 0) continue;
    const overdue = list.filter((x) => x.phase === "overdue").map((x) => briefOf(x.dossier, today, cal));
    const soon = list.filter((x) => x.phase === "due-soon").map((x) => briefOf(x.dossier, today, cal));
    parts.push(t.quahanList(catalog.unit(unitCode)?.name ?? unitCode, overdue, soon));
  }
  if (parts.length === 0) {
    const only = scope.units.size === 1 ? [...scope.units][0] : undefined;
    return replyHtml(ctx, t.quahanNone(only ? (catalog.unit(only)?.name ?? only) : "Các đơn vị theo dõi"));
  }
  return replyHtml(ctx, parts.join("\n\n"));
});
