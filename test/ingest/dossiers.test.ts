import { describe, expect, it } from "vitest";
import { parseDossiers } from "../../src/ingest/dossiers.js";
import { parseDossierStatus } from "../../src/ingest/dossierStatus.js";
import type { IngestError } from "../../src/ingest/errors.js";
import type { Cell } from "../../src/ingest/grid.js";
import { readSheet } from "../../src/ingest/readSheet.js";
import { csv, DOSSIER_EXPORT_HEADER, gridOf, workbookBuffer } from "./fixtures.js";

const HEADER = DOSSIER_EXPORT_HEADER;
const row = (over: Partial<Record<number, Cell>> = {}): Cell[] => {
  const base: Cell[] = [
    1,
    "UBND Phường Long Bình",
    "Đăng ký khai sinh",
    "H15.50.05.13-261008-0975",
    "Đang xử lý",
    "Số 5, khu phố 3",
    "Nguyễn Văn A",
    "Trần Thị B",
    "08/10/2026 08:00",
    "08/10/2026 08:15",
    "15/10/2026",
    null,
  ];
  for (const [i, v] of Object.entries(over)) base[Number(i)] = v ?? null;
  return base;
};

describe("parseDossierStatus", () => {
  it.each([
    ["Mới đăng ký", "new"],
    ["MOI DANG KY", "new"],
    ["Đang xử lý", "processing"],
    ["dang xu ly", "processing"],
    ["Đang xử lý - quá hạn", "processing"],
    ["Yêu cầu bổ sung giấy tờ", "supplement"],
    ["Dừng xử lý", "stopped"],
    ["Đã xử lý xong", "done"],
    ["da xu ly xong", "done"],
    ["Đã trả kết quả", "returned"],
    ["Đã trả kết quả (quá hạn)", "returned"],
  ])("%s → %s", (text, status) => {
    expect(parseDossierStatus(text)).toBe(status);
  });
  it.each(["Chờ ký", "Đang", "xử lý", "Dang ky"])("%s is unknown", (text) => {
    expect(parseDossierStatus(text)).toBeNull();
  });
});

describe("parseDossiers", () => {
  it("keeps only what features need and never reads the address", () => {
    const r = parseDossiers(gridOf([["DANH SÁCH HỒ SƠ"], ["Từ ngày 01/10/2026 đến ngày 31/10/2026"], HEADER, row()]));
    expect(r.headerRow).toBe(3);
    expect(r.rejected).toEqual([]);
    expect(r.rows).toEqual([
      {
        rowNumber: 4,
        code: "H15.50.05.13-261008-0975",
        receivingUnit: "UBND Phường Long Bình",
        procedure: "Đăng ký khai sinh",
        status: "processing",
        applicant: "Trần Thị B",
        applicantTitle: null,
        officer: null,
        submittedAt: "2026-10-08T08:00",
        receivedAt: "2026-10-08T08:15",
        dueAt: "2026-10-15",
        finishedAt: null,
      },
    ]);
    expect(JSON.stringify(r)).not.toContain("khu phố");
  });

  it.each(["Mã hồ sơ", "Số hồ sơ", "Mã số hồ sơ", "Số biên nhận", "Mã tiếp nhận", "Ma ho so"])(
    "code column headed %s",
    (h) => {
      const header = HEADER.map((x) => (x === "Mã hồ sơ" ? h : x));
      expect(parseDossiers(gridOf([header, row()])).rows[0]?.code).toBe("H15.50.05.13-261008-0975");
    },
  );

  it("takes the applicant from Người nộp when there is no Chủ hồ sơ, and the officer when named", () => {
    const header = ["Mã hồ sơ", "Trạng thái", "Người nộp", "Cán bộ xử lý", "Ngày tiếp nhận", "Hẹn trả"];
    const r = parseDossiers(gridOf([header, ["A-1", "Mới đăng ký", "Lê C", "Phạm D", "01/10/2026", "05/10/2026"]]));
    expect(r.rows[0]).toMatchObject({ applicant: "Lê C", officer: "Phạm D", status: "new", receivedAt: "2026-10-01" });
  });

  it.each([
    ["Giới tính", "Nữ", "Bà"],
    ["Giới tính", "Nam", "Ông"],
    ["Danh xưng", "Ông", "Ông"],
    ["Danh xưng", "Bà", "Bà"],
    ["Giới tính", "Khác", null],
  ])("reads the owner's salutation from a %s column (%s)", (column, value, title) => {
    const header = ["Mã hồ sơ", "Trạng thái", "Chủ hồ sơ", column, "Ngày tiếp nhận", "Hẹn trả"];
    const r = parseDossiers(gridOf([header, ["A-1", "Mới đăng ký", "Lê C", value, "01/10/2026", "05/10/2026"]]));
    expect(r.rows[0]).toMatchObject({ applicant: "Lê C", applicantTitle: title });
  });

  it("rejects rows with reasons the user can act on", () => {
    const r = parseDossiers(
      gridOf([
        HEADER,
        row({ 3: "A-1" }), // 2 ok
        row({ 3: "A-2", 4: "Chờ ký số" }), // 3 unknown status
        row({ 3: "A-3", 9: "32/10/2026" }), // 4 bad date
        row({ 3: "A-4", 10: "01/10/2026" }), // 5 due before received
        row({ 3: "A-1" }), // 6 duplicate of 2
        row({ 3: null }), // 7 missing code
        row({ 3: "A-5", 8: null, 9: null }), // 8 no received date at all
        row({ 3: "A-6", 10: "08/10/2026" }), // 9 due the same day: fine
        row({ 3: "A-7", 8: null, 9: null, 4: "Mới đăng ký" }), // 10 still no date
        row({ 3: "a-1", 4: "Chờ" }), // 11 duplicate (case-insensitive) and bad status
      ]),
    );
    expect(r.rows.map((x) => x.rowNumber)).toEqual([9]);
    const reasons = new Map(r.rejected.map((x) => [x.rowNumber, x.reason]));
    expect(reasons.get(3)).toMatch(
      /^trạng thái "Chờ ký số" không hợp lệ \(chỉ nhận: Mới đăng ký, Đang xử lý, .*Đã trả kết quả\)$/,
    );
    expect(reasons.get(4)).toBe('Ngày nhận "32/10/2026" không phải ngày hợp lệ (ghi dd/mm/yyyy hoặc dd/mm/yyyy hh:mm)');
    expect(reasons.get(5)).toBe("Ngày hẹn trả trước Ngày nhận");
    expect(reasons.get(2)).toBe("mã hồ sơ A-1 bị trùng ở các dòng 2, 6, 11");
    expect(reasons.get(6)).toBe(reasons.get(2));
    expect(reasons.get(7)).toBe("thiếu Mã hồ sơ");
    expect(reasons.get(8)).toBe("thiếu Ngày nhận");
    expect(reasons.get(11)).toMatch(/^trạng thái "Chờ".*; mã hồ sơ A-1 bị trùng/);
  });

  it("falls back to Ngày nộp when Ngày nhận is empty", () => {
    const r = parseDossiers(gridOf([HEADER, row({ 9: null })]));
    expect(r.rows[0]?.receivedAt).toBe("2026-10-08T08:00");
  });

  it("names every missing required column once for the whole file", () => {
    const header = ["STT", "Tên thủ tục", "Mã hồ sơ", "Địa chỉ", "Người nộp"];
    try {
      parseDossiers(gridOf([header, [1, "x", "A-1", "y", "z"]]));
      expect.unreachable();
    } catch (e) {
      expect((e as IngestError).code).toBe("MISSING_COLUMNS");
      expect((e as IngestError).userMessage).toContain(
        "thiếu cột: Trạng thái, Ngày nhận hoặc Ngày nộp hồ sơ, Ngày hẹn trả",
      );
    }
  });

  it("reads an exported .xlsx with Date cells, serial numbers and a title block", async () => {
    const data = await workbookBuffer((ws) => {
      ws.addRow(["CỔNG DỊCH VỤ CÔNG"]);
      ws.addRow([]);
      ws.addRow(HEADER);
      ws.addRow(
        row({ 9: new Date(Date.UTC(2026, 9, 8, 9, 30)), 10: 46310, 11: "14/10/2026 16:00", 4: "Đã trả kết quả" }),
      );
    });
    const r = parseDossiers(await readSheet({ fileName: "ds.xlsx", data }));
    expect(r.rows[0]).toMatchObject({
      rowNumber: 4,
      receivedAt: "2026-10-08T09:30",
      dueAt: "2026-10-15",
      finishedAt: "2026-10-14T16:00",
      status: "returned",
    });
  });

  it("reads a ';' CSV with BOM", async () => {
    const text = `${HEADER.join(";")}\n1;UBND Xã Hòa Long;Cấp phép;H15-1;Đã xử lý xong;"Ấp 1; xã Hòa Long";A;;01/10/2026;01/10/2026;03/10/2026;02/10/2026\n`;
    const r = parseDossiers(await readSheet({ fileName: "ds.csv", data: csv(text, true) }));
    expect(r.rows[0]).toMatchObject({ code: "H15-1", status: "done", applicant: "A", finishedAt: "2026-10-02" });
  });

  it("stores no character XML 1.0 forbids: they would break the letters made from these fields", async () => {
    // A lone surrogate cannot survive UTF-8 bytes (it arrives as U+FFFD, which XML allows).
    const bad = "\uFFFE\uFFFF\u0001";
    const text = `${HEADER.join(";")}\n1;UBND Xã${bad} Hòa Long;Cấp${bad} phép;H15-${bad}1;Đã xử lý xong;;Lê${bad} Văn A;;01/10/2026;01/10/2026;03/10/2026;\n`;
    const r = parseDossiers(await readSheet({ fileName: "ds.csv", data: csv(text) }));
    expect(r.rows[0]).toMatchObject({
      code: "H15-1",
      receivingUnit: "UBND Xã Hòa Long",
      procedure: "Cấp phép",
      applicant: "Lê Văn A",
    });
  });
});
