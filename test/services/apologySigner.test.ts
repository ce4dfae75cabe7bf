/**
 * The approver recorded on a letter reaches the renderer as `signer` (docs/DOSSIERS.md "Ai được
 * duyệt"), so the signer block prints the name and role of who really approved. Read from the
 * issued .docx files the unit receives, as the văn thư would.
 */
import { afterEach, describe, expect, it } from "vitest";
import { approveDrafts } from "../../src/services/apology/decision.js";
import { submitDrafts } from "../../src/services/apology/flow.js";
import { docxText, exportXlsx, HEAD_USER, OFFICER, row, startWorld, UNIT, type World } from "../bot/dossiersWorld.js";

let w: World | undefined;
afterEach(async () => w?.stop());

describe("approveDrafts", () => {
  it("prints the recorded approver in the issued letter's signer block", async () => {
    const world = await startWorld("2026-11-20T09:00:00+07:00");
    w = world;
    await world.upload(await exportXlsx([row("H15.50.05.13-261120-0001")]));
    const d = await world.h.db.prisma.dossier.findFirstOrThrow();
    await submitDrafts(world.h.deps, {
      dossierId: d.id,
      unitCode: "TN-X1",
      reason: "Chờ kết quả xác minh",
      newDate: "2026-12-01",
      by: { id: BigInt(OFFICER), name: "Lan" },
      chatId: BigInt(UNIT),
    });
    const before = world.count(UNIT);
    const r = await approveDrafts(world.h.deps, {
      dossierId: d.id,
      headUnitCode: "TN-X1",
      by: { id: BigInt(HEAD_USER), telegramName: "Hùng" },
    });
    expect(r.ok).toBe(true);
    await world.drained();
    const issued = world.h.emu
      .botMessages(UNIT)
      .slice(before)
      .flatMap((m) => (m.document ? [m.document] : []));
    expect(issued.map((f) => f.file_name)).toEqual([
      "xin-loi-H15.50.05.13-261120-0001-so-01.docx",
      "giai-trinh-H15.50.05.13-261120-0001-so-01.docx",
    ]);
    const [letter, report] = issued.map((f) => docxText(world.h.emu.file(f.file_id)?.bytes ?? Buffer.alloc(0)));
    // The letter: the head signs for the ward's committee, the approver's name under the office.
    expect(letter?.slice(-200)).toMatch(/TM\. ỦY BAN NHÂN DÂN\s*CHỦ TỊCH\s*Hùng\s*$/);
    // The report is signed by the officer who handles the dossier, whoever approved it.
    expect(report?.slice(-200)).toMatch(/NGƯỜI BÁO CÁO\s*Phạm Văn D\s*$/);
  });
});
