/**
 * One officer's file must not stall the bot (src/ingest/limits.ts, isolated.ts, detached.ts):
 * a small workbook whose rows each hold one cell in column XFD used to widen every row of the
 * grid to 16.384 columns — 20.001 rows took ~55 s and 2,9 GB with every chat frozen, and killed
 * a process with a 1 GiB heap. Now it is refused in seconds, memory stays flat, and another
 * chat is answered while the file is being read.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { ADMIN_ID, type Harness } from "../helpers/harness.js";
import { GROUP, OFFICER, startUploadWorld, workbook } from "./uploadFixtures.js";

let h: Harness;
beforeEach(async () => {
  h = await startUploadWorld();
});
afterEach(async () => h?.stop());

/** A header in A1 and one number at XFD<r> on each row below: a small file, a huge dense grid. */
const farRight = (rows: number) =>
  workbook((ws) => {
    ws.getCell("A1").value = "Mã đơn vị";
    for (let r = 2; r <= rows + 1; r++) ws.getCell(`XFD${r}`).value = r;
  });

it("a workbook with one cell per row in column XFD is refused quickly, with flat memory, while other chats are answered", async () => {
  const bytes = await farRight(2_000);
  expect(bytes.length).toBeLessThan(40_000);
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const started = Date.now();
    h.emu.injectDocument({ chatId: GROUP, fromId: OFFICER, fileName: "so-lieu.xlsx", bytes, caption: "/nhap" });
    h.emu.injectText({ chatId: ADMIN_ID, fromId: ADMIN_ID, text: "/id" });
    const [idReply] = await h.emu.waitForMessages(ADMIN_ID, 1, 20_000);
    const idAnsweredAfter = Date.now() - started;
    expect(idReply?.text).toContain(String(ADMIN_ID));
    const [refusal] = await h.emu.waitForMessages(GROUP, 1, 20_000);
    const refusedAfter = Date.now() - started;
    expect(refusal?.text).toContain("Bảng tính có dữ liệu ở ô XFD2, vượt giới hạn 200 cột");
    expect(refusal?.text).toContain("hãy xoá các cột thừa bên phải bảng");
    // The file's update came first; the other chat's command did not wait for it.
    expect(idAnsweredAfter).toBeLessThanOrEqual(refusedAfter);
    expect(idAnsweredAfter).toBeLessThan(3_000);
    expect(refusedAfter).toBeLessThan(15_000); // worker start included, on a loaded machine
  } finally {
    clearInterval(sampler);
  }
  // The old dense grid was 2.000 × 16.384 cells (~260 MB here, 2,9 GB for 20.001 rows).
  expect(peak - rssBefore).toBeLessThan(150 * 1024 * 1024);
  expect(await h.db.prisma.figure.count()).toBe(0);
  expect(await h.db.prisma.pendingUpload.count()).toBe(0);
});
