/**
 * The digest chart of the fixture province against a golden image that was looked at
 * (docs/SCHEDULES.md). Regenerate after an intended change
 * with `UPDATE_GOLDEN=1 npx vitest run test/jobs/digestGolden.test.ts` — and look at it again.
 */
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { renderDigest } from "../../src/services/digest/digest.js";
import { ict, startWorld, type World } from "./helpers.js";

const GOLDEN = "test/render/golden/digest-province.png";
/** Mean absolute difference per channel (0–255) tolerated: font hinting may differ by a hair. */
const TOLERANCE = 1.5;

let w: World | undefined;
afterEach(async () => w?.stop());

async function pixels(bytes: Buffer): Promise<{ width: number; height: number; data: Uint8ClampedArray; png: Buffer }> {
  const img = await loadImage(bytes);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(img, 0, 0);
  return {
    width: img.width,
    height: img.height,
    data: ctx.getImageData(0, 0, img.width, img.height).data,
    png: await canvas.encode("png"),
  };
}

it("the fixture province's digest chart matches the golden image", async () => {
  w = await startWorld({ now: "2026-11-01T07:00:00+07:00" });
  await w.report("TN-STP", "hs-truc-tuyen", "2026-11", 90, 100, "2026-11-19T09:00");
  await w.report("TN-SYT", "hs-truc-tuyen", "2026-11", 70, 100, "2026-11-19T09:00");
  await w.report("TN-H1", "hs-truc-tuyen", "2026-11", 40, 100, "2026-11-20T09:00");
  await w.report("TN-X1", "hs-truc-tuyen", "2026-11", 65, 100, "2026-11-20T09:00");
  await w.report("TN-X3", "hs-truc-tuyen", "2026-11", 45, 100, "2026-11-20T09:00");
  const root = w.deps.catalog.get().unit("TN");
  if (!root) throw new Error("fixture root missing");
  const [first] = await renderDigest(w.deps, root, ict("2026-11-23T08:00"), "hs-truc-tuyen");
  const image = first?.images[0];
  if (!image) throw new Error("no chart rendered");
  const actual = await pixels(image);
  if (process.env.UPDATE_GOLDEN || !existsSync(GOLDEN)) {
    mkdirSync(path.dirname(GOLDEN), { recursive: true });
    writeFileSync(GOLDEN, actual.png);
  }
  const golden = await pixels(readFileSync(GOLDEN));
  expect([actual.width, actual.height]).toEqual([golden.width, golden.height]);
  let diff = 0;
  for (let i = 0; i < actual.data.length; i++) diff += Math.abs((actual.data[i] ?? 0) - (golden.data[i] ?? 0));
  const mean = diff / actual.data.length;
  if (mean > TOLERANCE) writeFileSync(path.join(tmpdir(), "digest-province.actual.png"), actual.png);
  expect(mean).toBeLessThanOrEqual(TOLERANCE);
});
