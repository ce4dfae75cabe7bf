import { describe, expect, it } from "vitest";
import { IngestError } from "../../src/ingest/errors.js";
import { parseFigures, type FiguresOptions } from "../../src/ingest/figures.js";
import { cellKey, type Cell } from "../../src/ingest/grid.js";
import { readSheet } from "../../src/ingest/readSheet.js";
import { csv, gridOf, workbookBuffer } from "./fixtures.js";

const UNITS = new Map([
  ["P-LB", "Phường Long Bình"],
  ["P-TH", "Phường Tân Hiệp"],
]);
const opts: FiguresOptions = {
  resolveUnit: (text) =>
    UNITS.has(text.toUpperCase()) ? text.toUpperCase() : ([...UNITS].find(([, name]) => name === text)?.[0] ?? null),
  isIndicator: (code) => code === "hs-truc-tuyen" || code === "hs-dung-han",
};
const HEADER = ["Mã đơn vị", "Tên đơn vị", "Mã chỉ tiêu", "Kỳ báo cáo (tháng/năm)", "Tử số", "Mẫu số"];

describe("parseFigures: headers", () => {
  it.each([
    [["Ma don vi", "Ten don vi", "Ma chi tieu", "Ky bao cao", "Tu so", "Mau so"]],
    [["MÃ ĐƠN VỊ", "ĐƠN VỊ", "CHỈ TIÊU", "KỲ", "TỬ SỐ", "MẪU SỐ"]],
    [["Đơn vị", "Chỉ tiêu", "Tháng", "Số hồ sơ trực tuyến", "Tổng số hồ sơ"]],
    [["Mã đơn vị (*)", "Chỉ tiêu", "Tháng/năm", "Số HS trực tuyến", "Tổng số HS"]],
  ])("finds %j under title rows", (header) => {
    const row: Cell[] =
      header.length === 6
        ? ["P-LB", "Phường Long Bình", "hs-truc-tuyen", "10/2026", 5, 8]
        : ["P-LB", "hs-truc-tuyen", "10/2026", 5, 8];
    const grid = gridOf([["BÁO CÁO SỐ LIỆU DVC TRỰC TUYẾN"], [], ["Kính gửi: UBND thành phố"], header, row]);
    const result = parseFigures(grid, opts);
    expect(result.headerRow).toBe(4);
    expect(result.rejected).toEqual([]);
    expect(result.rows).toEqual([
      expect.objectContaining({
        rowNumber: 5,
        unitCode: "P-LB",
        indicatorCode: "hs-truc-tuyen",
        period: "2026-10",
        numerator: 5,
        denominator: 8,
      }),
    ]);
  });

  it("does not mistake 'Đơn vị tính' for the unit nor 'Tổng số hồ sơ trong kỳ' for the period", () => {
    const header = [
      "Đơn vị tính",
      "Tên đơn vị",
      "Mã chỉ tiêu",
      "Tổng số hồ sơ trong kỳ",
      "Số hồ sơ trực tuyến trong kỳ",
      "Kỳ",
    ];
    const r = parseFigures(gridOf([header, ["hồ sơ", "Phường Tân Hiệp", "hs-truc-tuyen", 10, 4, "10/2026"]]), opts);
    expect(r.rows[0]).toMatchObject({ unitCode: "P-TH", numerator: 4, denominator: 10, period: "2026-10" });
  });

  it("extra columns headed __proto__ or constructor change nothing", () => {
    const grid = gridOf([
      ["__proto__", ...HEADER, "constructor"],
      ["x", "P-LB", "", "hs-truc-tuyen", "10/2026", 1, 2, "y"],
    ]);
    expect(parseFigures(grid, opts).rows[0]).toMatchObject({ unitCode: "P-LB", numerator: 1, denominator: 2 });
    expect(Object.prototype).not.toHaveProperty("P-LB");
  });

  it("reports missing columns once, naming them and the header row", () => {
    const grid = gridOf([
      ["Mã đơn vị", "Mã chỉ tiêu", "Tử số"],
      ["P-LB", "hs-truc-tuyen", 1],
    ]);
    const err = (() => {
      try {
        parseFigures(grid);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).code).toBe("MISSING_COLUMNS");
    expect((err as IngestError).userMessage).toMatch(/dòng 1\) thiếu cột: Kỳ báo cáo \(tháng\/năm\), Mẫu số/);
  });

  it("says how to get the template when no header is found", () => {
    expect(() => parseFigures(gridOf([["xin chào"], ["1", "2"]]))).toThrow(IngestError);
    try {
      parseFigures(gridOf([["xin chào"]]));
    } catch (e) {
      expect((e as IngestError).code).toBe("HEADER_NOT_FOUND");
      expect((e as IngestError).userMessage).toMatch(/\/mau/);
    }
  });

  it("uses defaults when the file has no period or indicator column", () => {
    const grid = gridOf([
      ["Đơn vị", "Trực tuyến", "Tổng"],
      ["P-TH", "12", "20"],
    ]);
    const r = parseFigures(grid, { ...opts, defaultPeriod: "2026-11", defaultIndicator: "hs-truc-tuyen" });
    expect(r.rows[0]).toMatchObject({
      unitCode: "P-TH",
      period: "2026-11",
      indicatorCode: "hs-truc-tuyen",
      numerator: 12,
    });
  });
});

describe("parseFigures: rows", () => {
  const rows: Cell[][] = [
    HEADER,
    ["P-LB", "Phường Long Bình", "hs-truc-tuyen", "tháng 10/2026", "1.234", "2.000"], // 2 ok
    ["", "Phường Tân Hiệp", "hs-dung-han", new Date(Date.UTC(2026, 9, 1)), 7, 9], // 3 ok via name
    ["P-XX", "", "hs-truc-tuyen", "10/2026", 1, 2], // 4 unknown unit
    ["P-LB", "", "hs-khong-co", "10/2026", 1, 2], // 5 unknown indicator
    ["P-LB", "", "hs-truc-tuyen", "13/2026", 1, 2], // 6 bad period
    ["P-LB", "", "hs-dung-han", "10/2026", "12,5", -1], // 7 bad numbers
    ["P-LB", "", "hs-dung-han", "11/2026", 9, 8], // 8 numerator > denominator
    ["", "", "hs-dung-han", "11/2026", null, 8], // 9 missing unit and numerator
    ["P-TH", "", "hs-truc-tuyen", "12/2026", 1, 2], // 10 duplicate of 11
    ["p-th", "", "hs-truc-tuyen", "12/2026", 1, 3], // 11
    ["Tổng cộng", "", "", "", 1250, 2012], // 12 total row: skipped
    ["P-TH", "", "hs-truc-tuyen", 46296, 0, 0], // 13 serial date period, 0/0 allowed
  ];

  it("keeps valid rows and explains every rejected one with its Excel row number", () => {
    const r = parseFigures(gridOf(rows), opts);
    expect(r.rows.map((x) => [x.rowNumber, x.unitCode, x.period, x.numerator, x.denominator])).toEqual([
      [2, "P-LB", "2026-10", 1234, 2000],
      [3, "P-TH", "2026-10", 7, 9],
      [13, "P-TH", "2026-10", 0, 0],
    ]);
    const reasons = Object.fromEntries(r.rejected.map((x) => [x.rowNumber, x.reason]));
    expect(reasons).toEqual({
      4: 'mã đơn vị "P-XX" không tồn tại',
      5: 'mã chỉ tiêu "hs-khong-co" không tồn tại',
      6: expect.stringMatching(/^kỳ báo cáo "13\/2026" không hợp lệ/),
      7: 'Tử số "12,5" không phải số nguyên không âm (ví dụ 1.234); Mẫu số "-1" không phải số nguyên không âm (ví dụ 1.234)',
      8: "tử số (9) lớn hơn mẫu số (8)",
      9: "thiếu Mã đơn vị; thiếu Tử số",
      10: expect.stringMatching(/trùng .* dòng 10, 11/),
      11: expect.stringMatching(/trùng .* dòng 10, 11/),
    });
  });

  it("without resolvers keeps what is written", () => {
    const r = parseFigures(gridOf([HEADER, ["ANY", "Tên", "x", "10/2026", 1, 1]]));
    expect(r.rows[0]).toMatchObject({ unitCode: "ANY", unitName: "Tên", indicatorCode: "x" });
  });

  it("points at a formula that has no cached result", () => {
    const grid = gridOf([HEADER, ["P-LB", "", "hs-truc-tuyen", "10/2026", null, 5]], {
      uncachedFormulas: new Set([cellKey(2, 4)]),
    });
    expect(parseFigures(grid, opts).rejected[0]?.reason).toMatch(/công thức chưa có kết quả/);
  });

  it("refuses more than 20,000 data rows", () => {
    const many = Array.from({ length: 20_001 }, (_, i): Cell[] => [`U${i}`, "", "hs-truc-tuyen", "10/2026", 1, 1]);
    expect(() => parseFigures(gridOf([["Báo cáo"], HEADER, ...many]))).toThrow(/TOO_MANY_ROWS/);
    expect(parseFigures(gridOf([["Báo cáo"], HEADER, ...many.slice(1)])).rows).toHaveLength(20_000);
  });

  it("20,000 identical rows are all refused as duplicates, with a bounded message", () => {
    const same = Array.from({ length: 20_000 }, (): Cell[] => ["P-LB", "", "hs-truc-tuyen", "10/2026", 1, 1]);
    const r = parseFigures(gridOf([HEADER, ...same]));
    expect(r.rows).toHaveLength(0);
    expect(r.rejected).toHaveLength(20_000);
    expect(r.rejected[0]?.reason).toMatch(/dòng 2, 3, 4, 5, 6 và 19\.995 dòng khác/);
  });

  it("refuses a header with nothing below", () => {
    expect(() => parseFigures(gridOf([HEADER]))).toThrow(/NO_DATA/);
  });
});

describe("parseFigures: from real files", () => {
  it("reads an .xlsx with title rows, Excel serial periods and formula totals", async () => {
    const data = await workbookBuffer((ws) => {
      ws.addRow(["UBND THÀNH PHỐ"]);
      ws.mergeCells("A1:F1");
      ws.addRow(["Báo cáo số liệu tháng 10/2026"]);
      ws.addRow(HEADER);
      ws.addRow(["P-LB", "Phường Long Bình", "hs-truc-tuyen", 46296, 40, { formula: "20+30", result: 50 }]);
      ws.addRow(["P-TH", "Phường Tân Hiệp", "hs-truc-tuyen", "10/2026", 4, { formula: "2+3" }]);
    });
    const r = parseFigures(await readSheet({ fileName: "so-lieu.xlsx", data }), opts);
    expect(r.rows).toEqual([
      expect.objectContaining({ rowNumber: 4, period: "2026-10", numerator: 40, denominator: 50 }),
    ]);
    expect(r.rejected).toEqual([
      { rowNumber: 5, reason: expect.stringMatching(/Mẫu số là công thức chưa có kết quả tính hoặc bị lỗi/) },
    ]);
  });

  it("reads a ';' CSV with BOM written by Vietnamese Excel", async () => {
    const text = "Mã đơn vị;Mã chỉ tiêu;Kỳ báo cáo;Tử số;Mẫu số\r\nP-LB;hs-truc-tuyen;10/2026;1.234;1.500\r\n";
    const r = parseFigures(await readSheet({ fileName: "a.csv", data: csv(text, true) }), opts);
    expect(r.rows[0]).toMatchObject({ unitCode: "P-LB", numerator: 1234, denominator: 1500 });
  });

  it("a 20,001-row .xlsx is refused as a whole", async () => {
    const data = await workbookBuffer((ws) => {
      ws.addRow(HEADER);
      for (let i = 0; i < 20_001; i++) ws.addRow(["P-LB", "", "hs-truc-tuyen", "10/2026", 1, 2]);
    });
    const grid = await readSheet({ fileName: "nhieu.xlsx", data });
    const err = (() => {
      try {
        parseFigures(grid);
      } catch (e) {
        return e;
      }
    })();
    expect((err as IngestError).code).toBe("TOO_MANY_ROWS");
    expect((err as IngestError).userMessage).toMatch(/20\.000 dòng/);
  });
});
