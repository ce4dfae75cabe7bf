import { describe, expect, it } from "vitest";
import { IngestError } from "../../src/ingest/errors.js";
import type { Cell } from "../../src/ingest/grid.js";
import { parseOneStopReport, periodFromTitle } from "../../src/ingest/oneStopReport.js";
import { readSheet } from "../../src/ingest/readSheet.js";
import { csv, gridOf, workbookBuffer } from "./fixtures.js";

const GROUPS: Cell[] = [
  "STT",
  "Đơn vị",
  "Tiếp nhận",
  null,
  null,
  null,
  null,
  "Đã xử lý",
  null,
  null,
  null,
  "Đang xử lý",
  null,
];
const SUBS: Cell[] = [
  null,
  null,
  "Tổng số",
  "Kỳ trước",
  "Trong kỳ",
  "Qua mạng",
  "Qua BCCI",
  "Tổng số",
  "Trước hạn",
  "Đúng hạn",
  "Quá hạn",
  "Trong hạn",
  "Quá hạn",
];
const DATA: Cell[][] = [
  ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)", "(13)"],
  ["I", "CẤP XÃ, PHƯỜNG"],
  [1, "UBND Phường Long Bình", 120, 20, 100, 90, 2, 100, 30, 60, 10, 15, 5],
  [2, "UBND Xã Hòa Long", "1.050", 50, 1000, 1000, 0, 800, 0, 800, 0, null, "-"],
  [3, "Phòng Tư pháp", 10, 0, 10, 12, 0, 5, 1, 1, 3, 5, 0],
  [4, "Phòng Nội vụ", "nhiều", 0, 10, 1, 0, 5, 1, 1, 3, 5, 0],
  [null, "Tổng cộng", 1180, 70, 1110, 1102, 2, 910, 32, 862, 16, 25, 5],
];

async function mergedReport(): Promise<Buffer> {
  return workbookBuffer((ws) => {
    ws.addRow(["BÁO CÁO TÌNH HÌNH TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ"]);
    ws.addRow(["Từ ngày 01/10/2026 đến ngày 31/10/2026"]);
    ws.addRow([]);
    ws.addRow(GROUPS);
    ws.addRow(SUBS);
    ws.mergeCells("A4:A5");
    ws.mergeCells("B4:B5");
    ws.mergeCells("C4:G4");
    ws.mergeCells("H4:K4");
    ws.mergeCells("L4:M4");
    for (const r of DATA) ws.addRow(r);
  });
}

describe("parseOneStopReport", () => {
  it("reads the two-row merged header, skips numbering, section and total rows", async () => {
    const r = parseOneStopReport(await readSheet({ fileName: "thong-ke.xlsx", data: await mergedReport() }));
    expect(r.headerRows).toEqual([4, 5]);
    expect(r.period).toBe("2026-10");
    expect(r.periodRange).toEqual({ from: "2026-10-01", to: "2026-10-31" });
    expect(r.rows.map((x) => x.unitName)).toEqual(["UBND Phường Long Bình", "UBND Xã Hòa Long"]);
    expect(r.rows[0]).toEqual({
      rowNumber: 8,
      unitName: "UBND Phường Long Bình",
      counts: {
        received: 120,
        online: 90,
        processed: 100,
        early: 30,
        onTime: 60,
        late: 10,
        pendingOnTime: 15,
        pendingLate: 5,
      },
      figures: [
        { indicatorCode: "hs-truc-tuyen", numerator: 90, denominator: 120 },
        { indicatorCode: "hs-dung-han", numerator: 90, denominator: 100 },
      ],
    });
    expect(r.rows[1]?.counts).toMatchObject({ received: 1050, online: 1000, pendingOnTime: 0, pendingLate: 0 });
    expect(r.rejected).toEqual([
      { rowNumber: 10, reason: "Qua mạng (12) lớn hơn Tổng số tiếp nhận (10)" },
      { rowNumber: 11, reason: 'Tổng số tiếp nhận "nhiều" không phải số nguyên không âm (ví dụ 1.234)' },
    ]);
  });

  it("reads the same report without merge records (blank group cells, as CSV)", async () => {
    const lines = [["Tháng 10/2026"], GROUPS, SUBS, ...DATA].map((r) =>
      r.map((c) => (c === null ? "" : String(c))).join(";"),
    );
    const r = parseOneStopReport(await readSheet({ fileName: "thong-ke.csv", data: csv(lines.join("\r\n"), true) }));
    expect(r.period).toBe("2026-10");
    expect(r.rows.map((x) => x.figures)).toEqual([
      [
        { indicatorCode: "hs-truc-tuyen", numerator: 90, denominator: 120 },
        { indicatorCode: "hs-dung-han", numerator: 90, denominator: 100 },
      ],
      [
        { indicatorCode: "hs-truc-tuyen", numerator: 1000, denominator: 1050 },
        { indicatorCode: "hs-dung-han", numerator: 800, denominator: 800 },
      ],
    ]);
  });

  it("derives totals that are uncomputed formulas from their parts, and refuses other uncomputed cells", async () => {
    const data = await workbookBuffer((ws) => {
      ws.addRow(GROUPS);
      ws.addRow(SUBS);
      ws.addRow([1, "Phòng Kinh tế", { formula: "D3+E3" }, 5, 15, 12, 0, { formula: "I3+J3+K3" }, 2, 6, 2, 0, 0]);
      ws.addRow([2, "Phòng Y tế", 20, 5, 15, { formula: "X1" }, 0, 10, 2, 6, 2, 0, 0]);
    });
    const r = parseOneStopReport(await readSheet({ fileName: "f.xlsx", data }));
    expect(r.rows[0]?.counts).toMatchObject({ received: 20, online: 12, processed: 10 });
    expect(r.rejected).toEqual([
      { rowNumber: 4, reason: expect.stringMatching(/^ô Qua mạng là công thức chưa có kết quả/) },
    ]);
  });

  it("handles a three-row header and a 'Đã xử lý' group without its own total", () => {
    const grid = gridOf([
      ["Đơn vị", "Số hồ sơ tiếp nhận", null, null, null, null, "Số hồ sơ đã giải quyết", null, null],
      [
        null,
        "Tổng số",
        "Từ kỳ trước chuyển qua",
        "Mới tiếp nhận trong kỳ",
        null,
        null,
        "Trước hạn",
        "Đúng hạn",
        "Quá hạn",
      ],
      [null, null, null, "Trực tuyến", "Trực tiếp", "Dịch vụ bưu chính", null, null, null],
      ["Phòng Kinh tế", 50, 10, 30, 8, 2, 5, 20, 5],
    ]);
    const r = parseOneStopReport(grid);
    expect(r.headerRows).toEqual([1, 2, 3]);
    expect(r.rows[0]?.counts).toMatchObject({ received: 50, online: 30, processed: 30, early: 5, onTime: 20, late: 5 });
    expect(r.period).toBeNull();
  });

  it("is refused with an explanation when the shape is not a one-stop report", () => {
    const grid = gridOf([
      ["Mã đơn vị", "Tử số", "Mẫu số"],
      ["A", 1, 2],
    ]);
    expect(() => parseOneStopReport(grid)).toThrow(IngestError);
    try {
      parseOneStopReport(grid);
    } catch (e) {
      expect((e as IngestError).code).toBe("HEADER_NOT_FOUND");
      expect((e as IngestError).userMessage).toMatch(/Tiếp nhận/);
    }
  });

  it("names the missing sub-columns", () => {
    const grid = gridOf([
      ["Đơn vị", "Tiếp nhận", null, "Đã xử lý"],
      [null, "Tổng số", "Trực tiếp", "Tổng số"],
      ["A", 1, 1, 1],
    ]);
    expect(() => parseOneStopReport(grid)).toThrow(/MISSING_COLUMNS: Qua mạng, Trước hạn, Đúng hạn/);
  });
});

describe("periodFromTitle", () => {
  const rows = (text: string) => [{ rowNumber: 1, cells: [text] }];
  it.each([
    ["Từ ngày 01/10/2026 đến ngày 31/10/2026", "2026-10"],
    ["(Từ ngày 1/9/2026 đến ngày 15/9/2026)", "2026-09"],
    ["Kỳ báo cáo: Tháng 11 năm 2026", "2026-11"],
    ["THÁNG 12/2026", "2026-12"],
    ["Từ ngày 01/09/2026 đến ngày 31/10/2026", null],
    ["Báo cáo quý", null],
  ])("%s → %s", (text, period) => {
    expect(periodFromTitle(rows(text)).period).toBe(period);
  });
});
