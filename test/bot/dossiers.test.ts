/** Dossiers in, and who may see them (docs/DOSSIERS.md), end to end through the emulator. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_ID } from "../helpers/harness.js";
import {
  exportCsv,
  exportXlsx,
  HEADER,
  LEADERS,
  OTHER,
  OTHER_OFFICER,
  row,
  startWorld,
  UNIT,
  type World,
} from "./dossiersWorld.js";

let w: World;
beforeEach(async () => {
  w = await startWorld("2026-11-20T09:00:00+07:00");
});
afterEach(async () => w?.stop());

const A = "H15.50.05.13-261120-0001";
const B = "H15.50.05.13-261120-0002";
const C = "H15.50.05.13-261120-0003";

async function snapshot() {
  const rows = await w.h.db.prisma.dossier.findMany({ orderBy: { code: "asc" } });
  return rows.map(({ code, status, dueAt, unitCode }) => ({ code, status, dueAt, unitCode }));
}

describe("uploading a one-stop export", () => {
  it("stores what the features need, never the address, and says what happened", async () => {
    const reply = await w.upload(
      await exportXlsx([row(A), row(B, { "Trạng thái": "Mới đăng ký", "Ngày hẹn trả": "30/11/2026" })]),
    );
    expect(reply.text).toContain("2 hồ sơ mới, 0 cập nhật, 0 không đổi");
    const stored = await w.h.db.prisma.dossier.findFirst({ where: { code: A } });
    expect(stored).toMatchObject({
      unitCode: "TN-X1",
      procedure: "Đăng ký khai sinh",
      status: "processing",
      applicantName: "Trần Thị B",
      officerName: "Phạm Văn D",
      receivedAt: "2026-11-20T08:15",
      dueAt: "2026-11-27",
      finishedAt: null,
    });
    expect(JSON.stringify(await w.h.db.prisma.dossier.findMany())).not.toMatch(/khu phố|Nguyễn Văn A/);
  });

  it("re-upload updates by code without duplicating; a partial file keeps the others", async () => {
    await w.upload(await exportXlsx([row(A), row(B), row(C)]));
    const again = await w.upload(
      await exportXlsx([row(A, { "Trạng thái": "Đã trả kết quả", "Ngày kết thúc xử lý": "26/11/2026 10:00" }), row(B)]),
    );
    expect(again.text).toContain("0 hồ sơ mới, 1 cập nhật, 1 không đổi");
    expect(again.text).toContain("Hồ sơ không có trong tệp được giữ nguyên");
    expect(await snapshot()).toEqual([
      { code: A, status: "returned", dueAt: "2026-11-27", unitCode: "TN-X1" },
      { code: B, status: "processing", dueAt: "2026-11-27", unitCode: "TN-X1" },
      { code: C, status: "processing", dueAt: "2026-11-27", unitCode: "TN-X1" },
    ]);
  });

  it("accepts a .csv captioned /nhaphoso", async () => {
    const before = w.count(UNIT);
    w.h.emu.injectDocument({
      chatId: UNIT,
      fromId: 501,
      fileName: "hoso.csv",
      bytes: exportCsv([row(A)]),
      caption: "/nhaphoso",
    });
    const [reply] = (await w.h.emu.waitForMessages(UNIT, before + 1)).slice(before);
    expect(reply?.text).toContain("1 hồ sơ mới");
  });

  it("refuses a file missing a column, naming it, and changes nothing", async () => {
    await w.upload(await exportXlsx([row(A)]));
    const header = HEADER.filter((h) => h !== "Ngày hẹn trả");
    const reply = await w.upload(await exportXlsx([row(A).filter((_, i) => HEADER[i] !== "Ngày hẹn trả")], header));
    expect(reply.text).toContain("thiếu cột: Ngày hẹn trả");
    expect(await snapshot()).toEqual([{ code: A, status: "processing", dueAt: "2026-11-27", unitCode: "TN-X1" }]);
  });

  it("reports every bad row by number and writes nothing, not even the good rows", async () => {
    await w.upload(await exportXlsx([row(A)]));
    const before = await snapshot();
    const reply = await w.upload(
      await exportXlsx([
        row(A, { "Trạng thái": "Đã trả kết quả" }), // row 4: valid, must not be applied
        row(B, { "Ngày hẹn trả": "31/11/2026" }), // 5: unparseable date
        row(C, { "Ngày hẹn trả": "19/11/2026" }), // 6: due before received
        row("X-1"),
        row("X-1"), // 7, 8: duplicate codes in one file
        row("X-2", { "Đơn vị tiếp nhận": "UBND Xã Nông Thượng" }), // 9: another unit's dossier
      ]),
    );
    expect(reply.text).toContain("5 dòng lỗi nên bot chưa lưu gì (kể cả 1 dòng hợp lệ)");
    expect(reply.text).toContain('Dòng 5: Ngày hẹn trả "31/11/2026" không phải ngày hợp lệ');
    expect(reply.text).toContain("Dòng 6: Ngày hẹn trả trước Ngày nhận");
    expect(reply.text).toContain("Dòng 7: mã hồ sơ X-1 bị trùng ở các dòng 7, 8");
    expect(reply.text).toContain("Dòng 8: mã hồ sơ X-1 bị trùng");
    expect(reply.text).toContain("Dòng 9: hồ sơ của Xã Nông Thượng, không phải của đơn vị này");
    expect(reply.text).not.toContain("Dòng 4");
    expect(await snapshot()).toEqual(before);
  });

  it("answers a code another unit holds exactly as an unknown code, and changes nothing of it", async () => {
    await w.upload(await exportXlsx([row(A)]));
    const theirs = await w.h.db.prisma.dossier.findFirst({ where: { code: A, unitCode: "TN-X1" } });
    const probe = await w.upload(
      await exportXlsx([row(A, { "Đơn vị tiếp nhận": null, "Trạng thái": "Đã trả kết quả" })]),
      "x.xlsx",
      OTHER,
      OTHER_OFFICER,
    );
    const control = await w.upload(
      await exportXlsx([row("Z-404", { "Đơn vị tiếp nhận": null })]),
      "x.xlsx",
      OTHER,
      OTHER_OFFICER,
    );
    expect(probe.text).toBe(control.text);
    expect(probe.text).toContain("1 hồ sơ mới, 0 cập nhật, 0 không đổi");
    expect(probe.text).not.toMatch(/đơn vị khác|TN-X1|Đức Xuân/);
    expect(await w.h.db.prisma.dossier.findFirst({ where: { code: A, unitCode: "TN-X1" } })).toEqual(theirs);
  });

  it("lets the administrator upload for every unit, matching receiving-unit names", async () => {
    const bytes = await exportXlsx([
      row(A),
      row(B, { "Đơn vị tiếp nhận": "Xã Nông Thượng" }),
      row(C, { "Đơn vị tiếp nhận": "UBND xa nong thuong" }),
    ]);
    const reply = await w.upload(bytes, "all.xlsx", ADMIN_ID, ADMIN_ID);
    expect(reply.text).toContain("3 hồ sơ mới");
    expect(reply.text).toContain("Xã Nông Thượng: 2 hồ sơ");
    expect((await snapshot()).map((d) => d.unitCode)).toEqual(["TN-X1", "TN-X2", "TN-X2"]);
    const bad = await w.upload(
      await exportXlsx([row("Z-1", { "Đơn vị tiếp nhận": "Phường Không Có" })]),
      "z.xlsx",
      ADMIN_ID,
      ADMIN_ID,
    );
    expect(bad.text).toContain('Dòng 4: không tìm thấy đơn vị "Phường Không Có"');
  });

  it("asks for a file when the prompt is answered with text, and refuses strangers", async () => {
    const prompt = await w.say("/nhaphoso");
    expect(prompt.text).toContain("trả lời tin nhắn này");
    expect((await w.say("đây", UNIT, 501, prompt.message_id)).text).toContain("bằng tệp");
    expect((await w.say("/nhaphoso", LEADERS, 701)).text).toContain("Chỉ nhóm của đơn vị");
  });
});

describe("/hoso and /quahan", () => {
  beforeEach(async () => {
    await w.upload(
      await exportXlsx([
        row(A, { "Ngày hẹn trả": "19/11/2026", "Ngày nhận": "10/11/2026" }),
        row(B, { "Ngày hẹn trả": "23/11/2026" }),
        row(C, { "Ngày hẹn trả": "04/12/2026" }),
      ]),
    );
  });

  it("shows one dossier's state in its unit's chat", async () => {
    const reply = await w.say(`/hoso ${A.toLowerCase()}`);
    expect(reply.text).toContain(`Hồ sơ ${A} — Phường Đức Xuân`);
    expect(reply.text).toContain("Trạng thái: Đang xử lý — 🔴 quá hạn 1 ngày làm việc");
    expect(reply.text).toContain("Chủ hồ sơ: Trần Thị B");
    expect(reply.text).toContain("Hẹn trả: 19/11/2026 (Thứ Năm)");
  });

  it("refuses another unit's chat exactly as an unknown code", async () => {
    const reply = await w.say(`/hoso ${A}`, OTHER, OTHER_OFFICER);
    expect(reply.text).toContain(`Không tìm thấy hồ sơ ${A} trong phạm vi nhóm này`);
    expect(reply.text).not.toContain("Đăng ký khai sinh");
  });

  it("shows leaders the state but not the citizen's name", async () => {
    const reply = await w.say(`/hoso ${A}`, LEADERS, 701);
    expect(reply.text).toContain("quá hạn");
    expect(reply.text).not.toContain("Trần Thị B");
  });

  it("lists the unit's overdue and soon-due dossiers", async () => {
    const reply = await w.say("/quahan");
    expect(reply.text).toMatch(new RegExp(`Quá hạn \\(1\\)\\n• ${A}`));
    expect(reply.text).toMatch(new RegExp(`Sắp quá hạn \\(1\\)\\n• ${B}`));
    expect(reply.text).not.toContain(C);
    expect((await w.say("/quahan", OTHER, OTHER_OFFICER)).text).toContain("không có hồ sơ quá hạn");
  });
});

describe("dossier codes are unique per unit, so no upload tells a unit what another holds", () => {
  const theirs = () => w.h.db.prisma.dossier.findFirstOrThrow({ where: { code: A, unitCode: "TN-X1" } });

  it("another unit's code is new, then unchanged, like a code nobody holds; each unit sees its own", async () => {
    await w.upload(await exportXlsx([row(A, { "Ngày hẹn trả": "19/11/2026", "Ngày nhận": "10/11/2026" })]));
    const before = await theirs();
    const list = async (): Promise<string> =>
      (
        await w.upload(
          await exportXlsx([
            row(A, {
              "Đơn vị tiếp nhận": null,
              "Tên thủ tục hành chính": "Cấp phiếu lý lịch tư pháp",
              "Chủ hồ sơ": "Lò Văn Sơn",
              "Trạng thái": "Mới đăng ký",
            }),
          ]),
          "x.xlsx",
          OTHER,
          OTHER_OFFICER,
        )
      ).text ?? "";
    const control = async (): Promise<string> =>
      (
        await w.upload(
          await exportXlsx([
            row("Z-404", {
              "Đơn vị tiếp nhận": null,
              "Tên thủ tục hành chính": "Cấp phiếu lý lịch tư pháp",
              "Chủ hồ sơ": "Lò Văn Sơn",
              "Trạng thái": "Mới đăng ký",
            }),
          ]),
          "x.xlsx",
          OTHER,
          OTHER_OFFICER,
        )
      ).text ?? "";
    const [first, firstControl] = [await list(), await control()];
    const [second, secondControl] = [await list(), await control()];
    expect(first).toBe(firstControl);
    expect(first).toContain("1 hồ sơ mới, 0 cập nhật, 0 không đổi");
    expect(second).toBe(secondControl);
    expect(second).toContain("0 hồ sơ mới, 0 cập nhật, 1 không đổi");
    expect(await theirs()).toEqual(before);
    const own = await w.h.db.prisma.dossier.findMany({ where: { unitCode: "TN-X2" }, orderBy: { code: "asc" } });
    expect(own.map((d) => [d.code, d.procedure])).toEqual([
      [A, "Cấp phiếu lý lịch tư pháp"],
      ["Z-404", "Cấp phiếu lý lịch tư pháp"],
    ]);

    const mine = (await w.say(`/hoso ${A}`, OTHER, OTHER_OFFICER)).text ?? "";
    expect(mine).toContain(`Hồ sơ ${A} — Xã Nông Thượng`);
    expect(mine).toContain("Cấp phiếu lý lịch tư pháp");
    expect(mine).toContain("Lò Văn Sơn");
    expect(mine).not.toMatch(/Đức Xuân|Đăng ký khai sinh|Trần Thị B/);
    const home = (await w.say(`/hoso ${A}`)).text ?? "";
    expect(home).toContain(`Hồ sơ ${A} — Phường Đức Xuân`);
    expect(home).toContain("Đăng ký khai sinh");
    expect(home).not.toMatch(/Nông Thượng|lý lịch tư pháp|Lò Văn Sơn/);
    // Leaders over both units see both dossiers, each under its unit.
    const leaders = (await w.say(`/hoso ${A}`, LEADERS, 701)).text ?? "";
    expect(leaders).toContain(`Hồ sơ ${A} — Phường Đức Xuân`);
    expect(leaders).toContain(`Hồ sơ ${A} — Xã Nông Thượng`);
  });

  it("a letter of one unit's dossier is never another unit's with the same code", async () => {
    await w.upload(await exportXlsx([row(A, { "Ngày hẹn trả": "19/11/2026", "Ngày nhận": "10/11/2026" })]));
    await w.upload(
      await exportXlsx([row(A, { "Đơn vị tiếp nhận": null, "Ngày hẹn trả": "19/11/2026", "Ngày nhận": "10/11/2026" })]),
      "x.xlsx",
      OTHER,
      OTHER_OFFICER,
    );
    // Phường Đức Xuân's head issued an apology re-appointing its dossier, as the approval would have stored it.
    await w.h.db.prisma.dossierDocument.create({
      data: {
        dossierId: (await theirs()).id,
        dossierCode: A,
        kind: "apology",
        status: "issued",
        reason: "Chờ xác minh",
        newDueDate: "2026-11-30",
        originalDueDate: "2026-11-19",
        number: "01/XL-UBND",
        createdBy: 501n,
        createdChatId: BigInt(UNIT),
        approvedAt: new Date("2026-11-18T10:00:00+07:00"),
      },
    });
    expect((await w.say(`/hoso ${A}`)).text).toContain("01/XL-UBND");
    const mine = (await w.say(`/hoso ${A}`, OTHER, OTHER_OFFICER)).text ?? "";
    expect(mine).toContain("quá hạn 1 ngày làm việc");
    expect(mine).not.toMatch(/01\/XL-UBND|hẹn lại|Văn bản xin lỗi/);
    // Only Đức Xuân's dossier is re-appointed: the other unit's stays overdue on its own date.
    const quahan = (await w.say("/quahan", OTHER, OTHER_OFFICER)).text ?? "";
    expect(quahan).toMatch(new RegExp(`Quá hạn \\(1\\)\\n• ${A}`));
  });
});
