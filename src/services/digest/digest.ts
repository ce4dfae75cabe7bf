/**
 * The leaders' digest (docs/SCHEDULES.md "Bản tin tuần"): per indicator one portrait chart — the
 * 10 units farthest below their own target, bars coloured by level, each unit's own target
 * ticked on its bar — with a caption of ≤ 6 lines; the first indicator's message carries the
 * buttons (digestKeyboard). A part of several images (a caller drawing more rows than one image
 * holds) is still sent whole, as albums. The weekly job enqueues it
 * (`digest:<week>:chat:<id>:<indicator>`); `/bieudo` replies with the same parts directly.
 */
import type { InlineKeyboardButton } from "grammy/types";
import type { CatalogUnit } from "../../domain/catalog.js";
import type { IsoDate } from "../../domain/directive/dates.js";
import type { Indicator } from "../../domain/directive/schema.js";
import { judgedMilestone } from "../../domain/evaluation/index.js";
import { enqueueAll, storeBlob, type EnqueueInput } from "../../delivery/outbox.js";
import { digestTexts, digestTitle, type DigestExtras, type OverdueTask } from "../../messages/digest.js";
import { registerChartFonts } from "../../assets/fonts.js";
import { renderIndicatorChart, type ChartBarInput } from "../../render/chart.js";
import { CHART_GEOMETRY } from "../../render/chart-layout.js";
import type { AppDeps } from "../context.js";
import { digestData, percentOf, type DigestRow, type IndicatorDigest } from "./data.js";
import { digestKeyboard, type DigestKeyboard } from "./keyboard.js";
import type { TaskItem } from "../tasks/tasks.js";

/** `indicator.code` keys the part in the outbox; the index chart's part uses its own code (services/index/digest.ts). */
export type DigestPart = {
  indicator: Pick<Indicator, "code">;
  images: Buffer[];
  caption: string;
  keyboard: DigestKeyboard | null;
};

/** Telegram albums hold 2–10 items. */
const ALBUM_MAX = 10;

/**
 * One bar per unit. The printed value is the evaluation's own text (`formatRatioAgainst`: as
 * many decimals as it takes so a miss never reads as the target), so 23/80 reads "28,8%" and
 * 9.499/10.000 against 95% "94,99%" on the chart and in the text alike.
 */
export function digestBars(rows: readonly DigestRow[]): ChartBarInput[] {
  return rows.flatMap((r): ChartBarInput[] => {
    const m = judgedMilestone(r.evaluation);
    const target = m ? { target: { value: m.target, text: m.targetText } } : {};
    if (r.evaluation.status === "not-reported")
      return [{ label: r.unit.name, value: 0, level: null, notReported: true, ...target }];
    const f = r.evaluation.figures;
    const pct = percentOf(f);
    const valueText = f ? r.evaluation.percentText : null;
    // "Chưa phát sinh hồ sơ" (denominator 0) has no ratio to draw; the counts line says so.
    return pct === null || valueText === null
      ? []
      : [{ label: r.unit.name, value: pct, valueText, level: r.evaluation.level, ...target }];
  });
}

export type RenderedIndicator = { data: IndicatorDigest; images: Buffer[] };

/**
 * The rows the image shows: the units farthest below their own target, as many as one portrait
 * image holds (CHART_GEOMETRY.maxBarsPerImage, 10), then units that have not reported if room is left.
 * One image, not an album: a phone shows an album as a grid of thumbnails no one can read. The
 * others are counted in the footnote and listed by the "Danh sách đầy đủ" and ".xlsx" buttons.
 */
export function chartRows(d: IndicatorDigest): { rows: DigestRow[]; left: number } {
  const all = [...d.ranked, ...d.rows.filter((r) => r.evaluation.status === "not-reported")];
  const rows = all.slice(0, CHART_GEOMETRY.maxBarsPerImage);
  return { rows, left: all.length - rows.length };
}

/**
 * The charts of every indicator below the root (`only`: one indicator code). Each call draws its
 * chart at once and returns the pending encode, so the next chart is drawn while the previous
 * ones encode on libuv's pool: both cores work (docs/PERFORMANCE.md, "pipelined").
 */
export async function renderDigest(
  deps: AppDeps,
  root: CatalogUnit,
  at: Date,
  only?: string,
  shown?: Parameters<typeof digestData>[4],
): Promise<RenderedIndicator[]> {
  registerChartFonts();
  const rendering = (await digestData(deps, root, at, only, shown)).map((d) => {
    const { rows, left } = chartRows(d);
    return {
      data: d,
      images: renderIndicatorChart({
        title: digestTitle(d),
        subtitle: digestTexts.chartSubtitle(root, d),
        bars: digestBars(rows),
        levelCounts: d.counts,
        ...(left > 0 ? { footnote: digestTexts.chartFootnote(rows.length, left) } : {}),
        format: "jpeg",
      }),
    };
  });
  return Promise.all(rendering.map(async (r) => ({ data: r.data, images: await r.images })));
}

/**
 * Captions per chat; chat-level lines (overdue tasks, escalations) and the buttons ride on the
 * first part only. `indicatorCount`: how many indicators the subtree has (the picker's button
 * shows when there is more than one, also under a `/bieudo <mã>` of one). `dashboard`: the chat's
 * dashboard button (render/dashboardButton.ts), under the others.
 */
export function digestParts(
  rendered: readonly RenderedIndicator[],
  root: CatalogUnit,
  extras: DigestExtras,
  indicatorCount = rendered.length,
  dashboard: InlineKeyboardButton | null = null,
): DigestPart[] {
  return rendered.map((r, i) => ({
    indicator: r.data.indicator,
    images: r.images,
    caption: digestTexts.caption(r.data, root, i === 0 ? extras : null),
    keyboard:
      i === 0
        ? digestKeyboard(
            root,
            rendered.map((x) => x.data),
            indicatorCount,
            dashboard,
          )
        : null,
  }));
}

/** Overdue task parts led by units at or below the root, one entry per task occurrence. */
export function overdueBelow(items: readonly TaskItem[], unitCodes: ReadonlySet<string>, day: IsoDate): OverdueTask[] {
  const byOcc = new Map<string, OverdueTask & { leads: CatalogUnit[] }>();
  for (const it of items) {
    if (it.done || it.occ.due >= day || !unitCodes.has(it.lead.code)) continue;
    const k = `${it.ref.directive.id}|${it.ref.task.code}|${it.occ.key}`;
    const entry = byOcc.get(k) ?? { task: it.ref.task, due: it.occ.due, leads: [] };
    entry.leads.push(it.lead);
    byOcc.set(k, entry);
  }
  return [...byOcc.values()].sort((a, b) => a.due.localeCompare(b.due));
}

/** Balanced albums: 11 images → 6 + 5, never a lone image (an album needs two). */
export function albumChunks<T>(items: readonly T[]): T[][] {
  const n = Math.ceil(items.length / ALBUM_MAX);
  const size = Math.ceil(items.length / n);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const digestDedupKey = (week: string, chatId: bigint, indicatorCode: string): string =>
  `digest:${week}:chat:${chatId}:${indicatorCode}`;

/**
 * Puts one chat's digest in the outbox, all of its rows at once (enqueueAll): the weekly job
 * skips a chat whose indicator keys all exist, so a crash must never leave an album half queued.
 * Returns how many outbox rows it added.
 */
export async function enqueueDigest(
  deps: AppDeps,
  chatId: bigint,
  week: string,
  parts: readonly DigestPart[],
): Promise<number> {
  const rows: EnqueueInput[] = [];
  for (const part of parts) {
    const key = digestDedupKey(week, chatId, part.indicator.code);
    const blobIds: number[] = [];
    for (const [i, img] of part.images.entries()) {
      blobIds.push(
        (await storeBlob(deps.prisma, img, "image/jpeg", `bieu-do-${part.indicator.code}-${week}-${i + 1}.jpg`)).id,
      );
    }
    const first = blobIds[0];
    if (first === undefined) continue;
    const markup = part.keyboard ? { reply_markup: part.keyboard.markup } : {};
    if (blobIds.length === 1) {
      rows.push({
        dedupKey: key,
        chatId,
        kind: "digest",
        now: deps.clock.now(),
        method: "sendPhoto",
        payload: { photo: { blobId: first }, caption: part.caption, parse_mode: "HTML", ...markup },
      });
      continue;
    }
    for (const [n, chunk] of albumChunks(blobIds).entries()) {
      const media = chunk.map((blobId, j) => ({
        type: "photo" as const,
        media: { blobId },
        ...(n === 0 && j === 0 ? { caption: part.caption, parse_mode: "HTML" as const } : {}),
      }));
      rows.push({
        dedupKey: n === 0 ? key : `${key}:${n + 1}`,
        chatId,
        kind: "digest",
        now: deps.clock.now(),
        method: "sendMediaGroup",
        payload: { media },
      });
    }
    // An album cannot carry buttons: they follow it in a short message of their own.
    if (part.keyboard) {
      rows.push({
        dedupKey: `${key}:buttons`,
        chatId,
        kind: "digest",
        now: deps.clock.now(),
        method: "sendMessage",
        payload: { text: part.keyboard.text, parse_mode: "HTML", ...markup },
      });
    }
  }
  const created = await enqueueAll(deps.prisma, rows);
  deps.kickDelivery();
  return created;
}
