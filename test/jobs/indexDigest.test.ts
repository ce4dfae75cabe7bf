/**
 * The Monday digest's index chart (docs/INDEX.md "Trong nhóm chat") for the fixture province with its fixture
 * index (test/fixtures/province.index.yaml). Expected numbers are worked out by hand from the
 * index's rules — hs-tt 50 points linear to 80%, so-hoa-kq 30 points in steps (50% → 15, 100% →
 * 30), tt-tt 20 points all or nothing at 50%; bands Tốt ≥ 80, Khá ≥ 50, Yếu ≥ 0:
 *   Sở Tư pháp  60/100 → 37,5; 25/40 → 15; 6/10 → 20        = 72,5  Khá
 *   Sở Y tế     90/100 → 50;   40/40 → 30; 2/10 → 0         = 80    Tốt
 *   Đức Xuân    20/100 → 12,5, nothing else                 = 12,5 of 50, no band yet
 *   Nông Thượng, Dương Quang: nothing reported. Đông Anh (a district) is not scored.
 * Largest gains: Đức Xuân 60 more online files to 80% (+37,5); Sở Y tế 3 more online payments to
 * 5/10 = 50% (+20); Sở Tư pháp 15 more digitised results to 100% (+15; its 20 files give only +12,5).
 * The chart is kept as a golden image; regenerate with `UPDATE_GOLDEN=1 npx vitest run
 * test/jobs/indexDigest.test.ts` after an intended change — and look at it again.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { imageHeightFor } from "../../src/render/chart-layout.js";
import { DIGEST_LINE_CHARS, DIGEST_LINES } from "../../src/messages/digest.js";
import { FILES_WITH_INDEX } from "../bot/indexWorld.js";
import { pixelDifference, pngSize } from "../render/image-diff.js";
import { startWorld, type World } from "./helpers.js";
import { renderIndexDigest } from "../../src/services/index/digest.js";
import { ict } from "./helpers.js";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { subtreeIndicators } from "../../src/services/figures/status.js";

const LEADERS = -2001;

async function asPng(bytes: Buffer): Promise<Buffer> {
  const img = await loadImage(bytes);
  const canvas = createCanvas(img.width, img.height);
  canvas.getContext("2d").drawImage(img, 0, 0);
  return canvas.encode("png");
}
const GOLDEN = "test/render/golden/digest-index.png";
let w: World | undefined;
afterEach(async () => w?.stop());

async function provinceWithIndex(): Promise<World> {
  const world = await startWorld({ now: "2026-11-01T07:00:00+07:00", files: FILES_WITH_INDEX });
  await world.bind(LEADERS, "leaders", "TN", "Lãnh đạo tỉnh");
  const at = "2026-11-19T09:00";
  for (const [unit, code, n, d] of [
    ["TN-STP", "hs-truc-tuyen", 60, 100],
    ["TN-STP", "so-hoa-ket-qua", 25, 40],
    ["TN-STP", "thanh-toan-truc-tuyen", 6, 10],
    ["TN-SYT", "hs-truc-tuyen", 90, 100],
    ["TN-SYT", "so-hoa-ket-qua", 40, 40],
    ["TN-SYT", "thanh-toan-truc-tuyen", 2, 10],
    ["TN-X1", "hs-truc-tuyen", 20, 100],
  ] as const)
    await world.report(unit, code, "2026-11", n, d, at);
  return world;
}

describe("the digest's index chart", () => {
  it("follows the indicators' charts: units by score in band colours, a caption naming the largest gains", async () => {
    w = await provinceWithIndex();
    const detail = await w.runAt("weekly-digest", "2026-11-23T08:00");
    // One part per indicator a directive sets a target for below the root — the index's own component
    // (so-hoa-ket-qua) is not chased by a chart of its own (src/domain/catalog.ts) — then the index's.
    const charted = subtreeIndicators(w.deps, "TN", "2026-11-23").length;
    expect(charted).toBe(2);
    expect(detail).toMatchObject({ chats: 1, enqueued: charted + 1, failed: 0 });
    const msgs = w.emu.botMessages(LEADERS);
    expect(msgs).toHaveLength(charted + 1);
    const last = msgs.at(-1);
    const caption = last?.caption ?? "";
    const lines = caption.split("\n");
    expect(lines).toEqual([
      "📈 Chỉ số 01/CS-TN — tháng 11/2026",
      "Tốt 1 · Khá 1 · Yếu 0 · chưa đủ số liệu 1 · chưa báo cáo 2",
      "⬆️ Tăng điểm nhiều nhất: Phường Đức Xuân: thêm 60 hồ sơ trực tuyến → +37,5 điểm",
      "⬆️ Sở Y tế: thêm 3 hồ sơ → +20 điểm",
      "⬆️ Sở Tư pháp: số hoá 15 kết quả → +15 điểm",
      "Từng đơn vị, thiếu gì, làm gì trước: /chiso",
    ]);
    expect(lines.length).toBeLessThanOrEqual(DIGEST_LINES);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(DIGEST_LINE_CHARS);
    const file = w.emu.file(last?.photo?.at(-1)?.file_id ?? "");
    if (!file) throw new Error("no index chart");
    const keys = (await w.db.prisma.outboxMessage.findMany()).map((m) => m.dedupKey);
    expect(keys).toContain(`digest:2026-W48:chat:${LEADERS}:chiso:thu-nghiem-chi-so`);
    // A re-run finds every part queued, the index's too, and sends nothing twice.
    expect(await w.runAt("weekly-digest", "2026-11-23T08:00")).toMatchObject({ enqueued: 0, skipped: 1 });
    expect(w.emu.botMessages(LEADERS)).toHaveLength(charted + 1);
  });

  it("matches the golden image: three scored units lowest first, two not reported, 1080 px portrait", async () => {
    w = await provinceWithIndex();
    const root = w.deps.catalog.get().unit("TN");
    if (!root) throw new Error("fixture root missing");
    const [part] = await renderIndexDigest(w.deps, root, ict("2026-11-23T08:00"));
    expect(part?.images).toHaveLength(1);
    const s = part?.caption ?? "";
    expect(s).toContain("Chỉ số 01/CS-TN");
    const { indexChartRows } = await import("../../src/services/index/digest.js");
    const { subtreeIndex } = await import("../../src/services/index/scores.js");
    const [view] = await subtreeIndex(w.deps, root, "2026-11", "2026-11-23");
    if (!view) throw new Error("no index view");
    const { rows } = indexChartRows(view);
    expect(rows.map((r) => [r.label, r.scoreText, r.band])).toEqual([
      ["Phường Đức Xuân", "12,5/50 điểm", null],
      ["Sở Tư pháp", "72,5 điểm", "Khá"],
      ["Sở Y tế", "80 điểm", "Tốt"],
      ["Xã Nông Thượng", "", null],
      ["Xã Dương Quang", "", null],
    ]);
    // The digest's own image (JPEG), kept as PNG; compared loosely (JPEG and font hinting move pixels a hair).
    const jpeg = part?.images[0];
    if (!jpeg) throw new Error("no image");
    const png = await asPng(jpeg);
    expect(pngSize(png)).toEqual({ width: 1080, height: imageHeightFor(5) });
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(GOLDEN)) writeFileSync(GOLDEN, png);
    expect(await pixelDifference(png, readFileSync(GOLDEN))).toBeLessThan(0.01);
  });
});
