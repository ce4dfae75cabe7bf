/**
 * The caption under the digest's index chart (docs/INDEX.md "Trong nhóm chat"), held to the digest's own limits
 * (messages/digest.ts: DIGEST_LINES lines, DIGEST_LINE_CHARS visible characters a line, 1,024 in
 * all): the index and month, the units per band, the largest gains available below the chat, and
 * where to see every unit.
 */
import { formatViMonth } from "../domain/directive/dates.js";
import { comparePoints } from "../domain/index/points.js";
import { escapeHtml } from "../render/html.js";
import { shortenUnitName } from "../render/unit-name.js";
import { CAPTION_LIMIT, DIGEST_LINE_CHARS, DIGEST_LINES } from "./digest.js";
import { gainPhrase } from "./indexScore.js";
import type { IndexGainView, SubtreeIndexView, UnitIndexView } from "./indexViews.js";

/** Each unit's largest gain, the largest first: what moves the subtree's scores the most. */
export function largestGains(s: SubtreeIndexView): { unit: UnitIndexView; gain: IndexGainView }[] {
  return s.rows
    .flatMap((unit) => {
      const best = [...unit.gains].sort((a, b) => comparePoints(b.points, a.points))[0];
      return best ? [{ unit, gain: best }] : [];
    })
    .sort(
      (a, b) => comparePoints(b.gain.points, a.gain.points) || a.unit.unit.name.localeCompare(b.unit.unit.name, "vi"),
    );
}

/** "Khá 5 · Yếu 4 · chưa đủ số liệu 2 · chưa báo cáo 3". */
export function bandCounts(s: SubtreeIndexView): string {
  const parts = s.bands.map((b) => `${b.name} ${s.rows.filter((r) => r.band === b.name).length}`);
  const partial = s.rows.filter((r) => r.band === null).length;
  if (partial > 0) parts.push(`chưa đủ số liệu ${partial}`);
  if (s.notReported.length > 0) parts.push(`chưa báo cáo ${s.notReported.length}`);
  return parts.join(" · ");
}

const visible = (line: string) => line.replace(/<[^>]+>/g, "").length;
const GAIN_LINES = DIGEST_LINES - 3;

export function indexCaption(s: SubtreeIndexView, closed: boolean): string {
  const month = `${closed ? "số liệu chốt " : ""}tháng ${formatViMonth(s.period)}`;
  const lines = [`📈 <b>${escapeHtml(s.index.shortName)} — ${month}</b>`, escapeHtml(bandCounts(s))];
  const gains = largestGains(s).slice(0, GAIN_LINES);
  gains.forEach(({ unit, gain }, i) => {
    const line = `${i === 0 ? "⬆️ Tăng điểm nhiều nhất: " : "⬆️ "}${escapeHtml(shortenUnitName(unit.unit.name))}: ${escapeHtml(gainPhrase(gain))}`;
    // A unit name long enough to break the line's budget loses its line, never the numbers.
    if (visible(line) <= DIGEST_LINE_CHARS) lines.push(line);
  });
  if (gains.length === 0 && s.rows.length > 0)
    lines.push("✅ Các đơn vị đã đạt điểm tối đa mọi thành phần có số liệu.");
  lines.push("Từng đơn vị, thiếu gì, làm gì trước: /chiso");
  const text = lines.join("\n");
  return text.length <= CAPTION_LIMIT
    ? text
    : lines
        .slice(0, 2)
        .concat(lines.at(-1) ?? "")
        .join("\n");
}

export const indexDigestTexts = {
  title: (s: Pick<SubtreeIndexView, "index" | "period">, closed: boolean) =>
    `${s.index.shortName} — ${closed ? "chốt " : ""}tháng ${formatViMonth(s.period)}`,
  /** Drawn on the image (no emoji: the chart font has none). */
  subtitle: (rootName: string, day: string) => `${shortenUnitName(rootName)} · đến ngày ${day} · điểm trên 100`,
  footnote: (shown: number, left: number) =>
    `Hiện ${shown}/${shown + left} đơn vị, điểm thấp nhất trước · xem đủ: /chiso`,
};
