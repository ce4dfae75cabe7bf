/**
 * A deployment with the QĐ 766 index loaded: its component codes are reported like any figure —
 * `/nop <mã thành phần> <tổng> <số đạt>` in a unit chat of a tier the index scores — and a broken
 * index file is refused whole, nothing stored.
 */
import { readFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bindChat, touchChat } from "../../src/db/repos/chats.js";
import { installText } from "../../src/services/directives/install.js";
import { startHarness, type Harness } from "../helpers/harness.js";

const GROUP = -100766;
const OFFICER = 766;
const PRESET = "directives/indices/qd-766-ttg-2022.yaml";

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ now: "2026-11-20T09:00:00+07:00" });
  h.emu.addUser({ id: OFFICER, firstName: "Lan" });
  h.emu.addChat({ id: GROUP, type: "supergroup", title: "Phường Đức Xuân - Một cửa" });
  await touchChat(h.db.prisma, { chatId: BigInt(GROUP), type: "supergroup", title: "Phường Đức Xuân - Một cửa" });
  await bindChat(h.db.prisma, BigInt(GROUP), "unit", "TN-X1");
});
afterEach(async () => h?.stop());

async function say(text: string) {
  const before = h.emu.botMessages(GROUP).length;
  h.emu.injectText({ chatId: GROUP, fromId: OFFICER, text });
  const msgs = await h.emu.waitForMessages(GROUP, before + 1);
  return msgs[msgs.length - 1]?.text ?? "";
}

/** The QĐ 766 preset installed as an administrator's file would be, and the catalog reloaded. */
async function installPreset(): Promise<Awaited<ReturnType<typeof installText>>> {
  const r = await installText(h.db.prisma, await readFile(PRESET, "utf8"), "yaml");
  await h.deps.catalog.reload();
  return r;
}

/** The codes the unit TN-X1 may report, as the catalog has them now. */
function reportableCodes(): string[] {
  const unit = h.deps.catalog.get().unit("TN-X1");
  return unit
    ? h.deps.catalog
        .get()
        .indicatorsFor(unit)
        .map((i) => i.code)
    : [];
}

describe("a deployment with the QĐ 766 index", () => {
  it("accepts /nop <component code> in a unit chat and stores the figure", async () => {
    expect(await installPreset()).toMatchObject({ ok: true, kind: "index", status: "created" });
    expect(reportableCodes()).toContain("ct766-5.4");

    const reply = await say("/nop ct766-5.4 10 8");
    expect(reply).toContain("Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC");
    expect(
      await h.db.prisma.figure.findFirst({ where: { unitCode: "TN-X1", indicatorCode: "ct766-5.4" } }),
    ).toMatchObject({ numerator: 8, denominator: 10 });
  });

  it("/tinhtrang lists a component once it is reported, not the unreported ones", async () => {
    expect((await installPreset()).ok).toBe(true);
    expect(await say("/tinhtrang")).not.toContain("ct766");
    await say("/nop ct766-5.4 10 8");
    const status = await say("/tinhtrang");
    expect(status).toContain("Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC");
    expect(status).not.toContain("Tỷ lệ TTHC công bố đúng hạn");
  });

  it("/nop without a code never lands on a component: the directive's indicator, or a request for the code", async () => {
    expect((await installPreset()).ok).toBe(true);
    await say("/nop 10 8");
    expect(await h.db.prisma.figure.findMany({ select: { indicatorCode: true } })).toEqual([
      { indicatorCode: "hs-truc-tuyen" },
    ]);
    await bindChat(h.db.prisma, BigInt(GROUP), "unit", "TN");
    const reply = await say("/nop 10 8");
    expect(reply).toContain("Ghi mã chỉ tiêu trước hai số, ví dụ /nop ct766-1.1 120 95.");
    expect(await h.db.prisma.figure.count()).toBe(1);
  });

  it("refuses a broken index file whole: nothing stored, the catalog unchanged", async () => {
    const text = (await readFile(PRESET, "utf8")).replace("totalMaxPoints: 100", "totalMaxPoints: 90");
    const r = await installText(h.db.prisma, text, "yaml");
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
        "totalMaxPoints: tổng điểm tối đa 90 nhưng các nhóm cộng lại 100 điểm",
      ]);
    expect(await h.db.prisma.scoredIndex.count()).toBe(0);
    await h.deps.catalog.reload();
    expect(reportableCodes()).not.toContain("ct766-5.4");
  });
});
