import { loadImage } from "@napi-rs/canvas";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Message } from "../../src/emulator/index.js";
import { FOOTNOTE_HEIGHT, imageHeightFor } from "../../src/render/chart-layout.js";
import { parseConfig } from "../../src/config.js";
import { createJobs, jobsNamed } from "../../src/jobs/index.js";
import type { AppDeps } from "../../src/services/context.js";
import { createAppServices } from "../../src/services/useCases.js";

const weeklyDigestJob = (deps: AppDeps, cron: string) => {
  const [job] = jobsNamed(
    createJobs(createAppServices(deps), parseConfig({ WEEKLY_DIGEST_CRON: cron })),
    "weekly-digest",
  );
  if (!job) throw new Error("no weekly-digest job");
  return job;
};
import { startWorld, type World } from "./helpers.js";

const LEADERS = -2001;
const X1 = -1001;
const X2 = -1002;

let w: World | undefined;
afterEach(async () => w?.stop());

async function photoSize(world: World, msg: Message | undefined): Promise<{ width: number; height: number }> {
  const fileId = msg?.photo?.at(-1)?.file_id ?? "";
  const file = world.emu.file(fileId);
  if (!file) throw new Error(`no file ${fileId}`);
  const img = await loadImage(file.bytes);
  return { width: img.width, height: img.height };
}

/** Fixture province, week 48 of 2026 (digest Monday 23/11 is week 48): figures a week ago and now. */
async function provinceWithFigures(files?: string[]): Promise<World> {
  const world = await startWorld({ now: "2026-11-01T07:00:00+07:00", ...(files ? { files } : {}) });
  await world.bind(LEADERS, "leaders", "TN", "Lãnh đạo tỉnh");
  await world.report("TN-STP", "hs-truc-tuyen", "2026-11", 80, 100, "2026-11-10T09:00");
  await world.report("TN-X1", "hs-truc-tuyen", "2026-11", 50, 100, "2026-11-12T09:00");
  await world.report("TN-STP", "hs-truc-tuyen", "2026-11", 90, 100, "2026-11-19T09:00");
  await world.report("TN-SYT", "hs-truc-tuyen", "2026-11", 70, 100, "2026-11-19T09:00");
  await world.report("TN-H1", "hs-truc-tuyen", "2026-11", 40, 100, "2026-11-20T09:00");
  await world.report("TN-X1", "hs-truc-tuyen", "2026-11", 65, 100, "2026-11-20T09:00");
  return world;
}

/** `n` communes under one province, one indicator: 60 make a chart of two images (one album). */
async function bigProvince(n = 60): Promise<World> {
  const dir = mkdtempSync(path.join(tmpdir(), "dondoc-digest-"));
  const units = Array.from(
    { length: n },
    (_, i) => `  - { code: BIG-X${i + 1}, name: "Xã Số ${i + 1}", tier: xa, parent: BIG }`,
  );
  writeFileSync(
    path.join(dir, "units.yaml"),
    ["name: Tỉnh Lớn", "units:", "  - { code: BIG, name: UBND tỉnh Lớn, tier: tinh, parent: null }", ...units].join(
      "\n",
    ),
  );
  writeFileSync(
    path.join(dir, "directive.yaml"),
    [
      "id: tinh-lon-01",
      "number: 01/CT-UBND",
      "kind: chi-thi",
      "issuer: UBND tỉnh Lớn",
      "issuingUnit: BIG",
      "issuedOn: 01/01/2026",
      "title: Thử nghiệm 60 xã",
      "tiers: [{ code: xa, name: UBND cấp xã }]",
      "indicators: [{ code: hs-tt, name: Tỷ lệ hồ sơ trực tuyến, shortName: hồ sơ trực tuyến, numerator: Hồ sơ trực tuyến, denominator: Tổng hồ sơ, default: true }]",
      "milestones: [{ indicator: hs-tt, scope: { tiers: [xa] }, deadline: 30/06/2026, target: 60, comparison: atLeast }]",
    ].join("\n"),
  );
  return startWorld({
    now: "2026-11-01T07:00:00+07:00",
    files: [path.join(dir, "units.yaml"), path.join(dir, "directive.yaml")],
  });
}

describe("weekly digest", () => {
  it("one portrait chart per indicator; a caption of ≤ 6 lines: change in words, farthest below own target, who to chase; buttons on the first", async () => {
    w = await provinceWithFigures();
    const detail = await w.runAt("weekly-digest", "2026-11-23T08:00");
    expect(detail).toMatchObject({ week: "2026-W48", chats: 1, enqueued: 2, failed: 0 });
    const msgs = w.emu.botMessages(LEADERS);
    expect(msgs).toHaveLength(2);
    const [main, second] = msgs;
    expect(await photoSize(w, main)).toEqual({ width: 1080, height: imageHeightFor(6) });
    const caption = main?.caption ?? "";
    expect(caption.length).toBeLessThanOrEqual(1024);
    // Đông Anh (huyện, 60%) is 20 points short; Sở Y tế at 70% meets its own 70%.
    expect(caption.split("\n")).toEqual([
      "📊 Hồ sơ trực tuyến — tuần 23/11–27/11",
      "UBND tỉnh Thử Nghiệm · tháng 11/2026: chung 66,3%, tăng 1,3 điểm so với tuần trước",
      "🟢 xanh 3 · 🟡 vàng 0 · 🟠 cam 1 · 🔴 đỏ 0 · ⚪ chưa báo cáo 2",
      "⚠️ Xa chỉ tiêu nhất: UBND huyện Đông Anh 40% (chỉ tiêu 60%)",
      "👉 Cần đôn đốc — chưa báo cáo (2): Xã Nông Thượng, Xã Dương Quang",
    ]);
    expect(caption).not.toContain("mới");
    expect(main?.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual([
      "🔔 Nhắc 6 đơn vị chưa báo cáo",
      "📋 Danh sách đầy đủ",
      "📥 Tải .xlsx",
      "📊 Xem một chỉ tiêu",
    ]);
    expect(second?.caption).toContain("Thanh toán trực tuyến — tuần 23/11–27/11");
    expect(second?.caption).toContain("chưa báo cáo 6");
    expect(second?.reply_markup).toBeUndefined();
    expect((await w.db.prisma.outboxMessage.findMany()).map((m) => m.dedupKey).sort()).toEqual([
      `digest:2026-W48:chat:${LEADERS}:hs-truc-tuyen`,
      `digest:2026-W48:chat:${LEADERS}:thanh-toan-truc-tuyen`,
    ]);
  });

  it("re-running the same fire time sends nothing twice; unit chats get no digest", async () => {
    w = await provinceWithFigures();
    await w.bind(X1, "unit", "TN-X1");
    await w.runAt("weekly-digest", "2026-11-23T08:00");
    const again = await w.runAt("weekly-digest", "2026-11-23T08:00");
    expect(again).toMatchObject({ enqueued: 0, skipped: 1 });
    expect(w.emu.botMessages(LEADERS)).toHaveLength(2);
    expect(w.emu.botMessages(X1)).toHaveLength(0);
  });

  it("a stop between leaders' chats (the scheduler's signal) ends the run; running it again sends only the rest", async () => {
    w = await provinceWithFigures();
    const LEADERS_2 = -2002;
    await w.bind(LEADERS_2, "leaders", "TN", "Lãnh đạo tỉnh (2)");
    const stop = new AbortController();
    const world = w;
    // The stop arrives right after the first chat's digest is queued (enqueueDigest kicks delivery).
    const job = weeklyDigestJob({ ...world.deps, kickDelivery: () => stop.abort() }, "0 8 * * 1");
    const fireTime = new Date("2026-11-23T08:00:00+07:00");
    world.clock.set(fireTime.toISOString());
    await expect(job.run({ fireTime, now: fireTime, signal: stop.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
    const queued = await world.db.prisma.outboxMessage.findMany({ select: { chatId: true } });
    expect(queued).toHaveLength(2);
    expect(new Set(queued.map((m) => m.chatId)).size).toBe(1);
    const again = await world.runAt("weekly-digest", "2026-11-23T08:00");
    expect(again).toMatchObject({ chats: 2, enqueued: 2, skipped: 1, failed: 0 });
    expect([...world.emu.botMessages(LEADERS), ...world.emu.botMessages(LEADERS_2)]).toHaveLength(4);
  });

  it("more than 10 units: ONE portrait image of the 10 farthest below their own target, never an album", async () => {
    w = await bigProvince();
    await w.bind(LEADERS, "leaders", "BIG");
    for (let i = 1; i <= 45; i++) await w.report(`BIG-X${i}`, "hs-tt", "2026-11", i + 40, 100, "2026-11-20T09:00");
    await w.runAt("weekly-digest", "2026-11-23T08:00");
    expect(w.emu.calls("sendMediaGroup")).toBe(0);
    const msgs = w.emu.botMessages(LEADERS);
    expect(msgs).toHaveLength(1);
    const [only] = msgs;
    expect(await photoSize(w, only)).toEqual({ width: 1080, height: imageHeightFor(10) + FOOTNOTE_HEIGHT });
    expect(only?.caption).toContain("chưa báo cáo (15)");
    // 19 communes (41%…59%) are below their 60%: the two farthest named, the others counted.
    expect(only?.caption).toContain(
      "⚠️ Xa chỉ tiêu nhất: Xã Số 1 41% (chỉ tiêu 60%), Xã Số 2 42% (chỉ tiêu 60%), … +17",
    );
    expect(only?.reply_markup?.inline_keyboard[0]?.[0]?.text).toBe("🔔 Nhắc 15 đơn vị chưa báo cáo");
  });

  it("a unit that ignored three reminders is named in the next digest, once; overdue tasks are listed", async () => {
    w = await provinceWithFigures([
      "test/fixtures/province.units.yaml",
      "test/fixtures/province.directive.yaml",
      "test/jobs/fixtures/tasks.directive.yaml",
    ]);
    await w.bind(X1, "unit", "TN-X1");
    await w.bind(X2, "unit", "TN-X2");
    // X1 is up to date on both indicators; X2 never reports.
    await w.report("TN-X1", "thanh-toan-truc-tuyen", "2026-11", 60, 100, "2026-11-20T09:00");
    for (const d of ["2026-11-24", "2026-11-25", "2026-11-26"]) await w.runAt("daily-reminder", `${d}T08:00`);
    await w.runAt("weekly-digest", "2026-11-30T08:00");
    const first = w.emu.botMessages(LEADERS).at(-2)?.caption ?? "";
    expect(first).toContain("bỏ qua 3 lần nhắc: Xã Nông Thượng");
    expect(first).not.toMatch(/lần nhắc:.*Phường Đức Xuân/);
    // T-M's October occurrence is overdue; its November one (due today, 30/11) is not yet.
    expect(first).toContain("⏰ 3 nhiệm vụ quá hạn, sớm nhất T-M (Xã Nông Thượng, hạn 31/10/2026)");
    // Another digest with no new reminders in between: not named again.
    await w.runAt("weekly-digest", "2026-12-07T08:00");
    const next = w.emu.botMessages(LEADERS).at(-2)?.caption ?? "";
    // 07/12 is in the first days of December: November's final figures.
    expect(next).toContain("tuần 07/12–11/12");
    expect(next).toContain("số liệu chốt tháng 11/2026");
    expect(next).not.toContain("lần nhắc:");
    expect(await w.db.prisma.reminderLog.count({ where: { kind: "escalation" } })).toBe(1);
  });

  it("a crash between a chat's outbox rows leaves none queued: the re-run sends the whole digest", async () => {
    w = await provinceWithFigures();
    const world = w;
    // The process "dies" as the second indicator's row is written (thrown, not committed).
    const dying = new Proxy(world.db.prisma.outboxMessage, {
      get(t, p): unknown {
        const v: unknown = Reflect.get(t, p, t);
        if (p !== "create" || typeof v !== "function") return typeof v === "function" ? v.bind(t) : v;
        return (args: { data: { dedupKey: string } }) => {
          if (args.data.dedupKey.endsWith(":thanh-toan-truc-tuyen")) throw new Error("killed");
          return Reflect.apply(v, t, [args]);
        };
      },
    });
    const prisma = new Proxy(world.db.prisma, {
      get(t, p): unknown {
        if (p === "outboxMessage") return dying;
        const v: unknown = Reflect.get(t, p, t);
        return typeof v === "function" ? v.bind(t) : v;
      },
    });
    const fireTime = new Date("2026-11-23T08:00:00+07:00");
    world.clock.set(fireTime.toISOString());
    const crashed = await weeklyDigestJob({ ...world.deps, prisma }, "0 8 * * 1").run({ fireTime, now: fireTime });
    expect(crashed).toMatchObject({ failed: 1, enqueued: 0 });
    expect(await world.db.prisma.outboxMessage.count()).toBe(0);
    expect(await world.runAt("weekly-digest", "2026-11-23T08:00")).toMatchObject({
      enqueued: 2,
      skipped: 0,
      failed: 0,
    });
    expect(world.emu.botMessages(LEADERS)).toHaveLength(2);
  });
});
