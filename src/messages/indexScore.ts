/**
 * The words of a scored index's numbers (docs/INDEX.md): a gain as the unit would say it and a
 * total that never hides what is missing. Plain text (no HTML): the caller escapes it where the
 * reply is HTML. Chat replies (/chiso, the digest caption) build on these.
 */
import type { IndexGain } from "../domain/index/gains.js";
import { formatPoints } from "../domain/index/points.js";
import type { IndexScore } from "../domain/index/score.js";
import { formatNumber } from "../domain/format.js";

/** "thêm 12 hồ sơ trực tuyến → +1,8 điểm"; "số hoá 30 kết quả → +2,4 điểm". */
export function gainLine(g: IndexGain): string {
  return `${g.verb} ${formatNumber(g.items)} ${g.itemWord} → +${formatPoints(g.points)} điểm`;
}

/**
 * "57,5/100 điểm" when every component is scored; otherwise "5,7/6 điểm trên các thành phần đã
 * có số liệu": a total over part of the index never reads as a total over all of it.
 */
export function totalLine(s: IndexScore): string {
  if (s.complete) return `${formatPoints(s.total)}/${formatPoints(s.max)} điểm`;
  return `${formatPoints(s.total)}/${formatPoints(s.maxAvailable)} điểm trên các thành phần đã có số liệu`;
}
