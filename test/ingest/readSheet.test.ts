import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { IngestError } from "../../src/ingest/errors.js";
import { cellKey } from "../../src/ingest/grid.js";
import { MAX_FILE_BYTES, checkUploadMeta, readSheet } from "../../src/ingest/readSheet.js";
import { storeZip, unzipVerified } from "../../src/ingest/zipGuard.js";
import { csv, makeZip, workbookBuffer } from "./fixtures.js";

async function rejection(fileName: string, data: Buffer): Promise<IngestError> {
  const err = await readSheet({ fileName, data }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof IngestError)) throw new Error(`expected IngestError, got ${String(err)}`);
  expect(err.userMessage.length).toBeGreaterThan(20);
  return err;
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

describe("file type checks (extension AND content)", () => {
  it.each([
    ["bao-cao.xls", OLE, "LEGACY_XLS"],
    ["bao-cao.xlsx", OLE, "LEGACY_XLS"], // .xls renamed, or a password-protected workbook
    ["virus.xlsx", Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), "UNSUPPORTED_TYPE"],
    ["bao-cao.xlsm", Buffer.from("PK\x03\x04", "latin1"), "UNSUPPORTED_TYPE"],
    ["bao-cao.pdf", Buffer.from("%PDF-1.7"), "UNSUPPORTED_TYPE"],
    ["bao-cao", Buffer.from("a,b"), "UNSUPPORTED_TYPE"],
    ["bao-cao.csv", Buffer.from("PK\x03\x04abc", "latin1"), "UNSUPPORTED_TYPE"],
    ["bao-cao.csv", Buffer.from([0x4d, 0x5a, 0x00, 0x01]), "UNSUPPORTED_TYPE"],
    ["empty.csv", Buffer.alloc(0), "EMPTY_FILE"],
  ])("%s → %s", async (name, data, code) => {
    expect((await rejection(name, data)).code).toBe(code);
  });

  it("a .docx renamed .xlsx is a zip without a workbook", async () => {
    const docx = makeZip([{ name: "word/document.xml", data: Buffer.from("<w:document/>") }]);
    const err = await rejection("hop-dong.xlsx", docx);
    expect(err.code).toBe("UNSUPPORTED_TYPE");
    expect(err.userMessage).toMatch(/không phải bảng tính/);
  });

  it("5 MB is accepted by the size check, 5 MB + 1 byte is not", async () => {
    expect(MAX_FILE_BYTES).toBe(5 * 1024 * 1024);
    const big = Buffer.alloc(MAX_FILE_BYTES + 1);
    big.write("PK\x03\x04", "latin1");
    const err = await rejection("lon.xlsx", big);
    expect(err.code).toBe("FILE_TOO_LARGE");
    expect(err.userMessage).toContain("5 MB");
    expect(() => checkUploadMeta("a.xlsx", MAX_FILE_BYTES)).not.toThrow();
    expect(() => checkUploadMeta("a.xlsx", MAX_FILE_BYTES + 1)).toThrow(IngestError);
  });

  it("a truncated xlsx is reported as corrupt", async () => {
    const buf = await workbookBuffer((ws) => ws.addRow(["a"]));
    expect((await rejection("hong.xlsx", buf.subarray(0, buf.length - 30))).code).toBe("CORRUPT_FILE");
  });
});

describe("xlsx cells → grid", () => {
  it("keeps cached formula results, never computes, and flags formulas without one or with an error", async () => {
    const buf = await workbookBuffer((ws) => {
      ws.addRow(["Tử số", "Mẫu số", "Tổng"]);
      ws.addRow([3, 4, { formula: "A2+B2", result: 7 }]);
      ws.addRow([5, 6, { formula: "A3+B3" }]);
      ws.addRow([1, 1, { formula: "1/0", result: { error: "#DIV/0!" } }]);
    });
    const grid = await readSheet({ fileName: "f.xlsx", data: buf });
    expect(grid.rows.map((r) => r.cells)).toEqual([
      ["Tử số", "Mẫu số", "Tổng"],
      [3, 4, 7],
      [5, 6],
      [1, 1],
    ]);
    expect(grid.uncachedFormulas.has(cellKey(3, 2))).toBe(true);
    expect(grid.uncachedFormulas.has(cellKey(4, 2))).toBe(true); // #DIV/0!: exceljs's stream drops error results
    expect(grid.uncachedFormulas.has(cellKey(2, 2))).toBe(false);
  });

  it("reads rich text, hyperlinks, booleans, dates and skips empty rows with their Excel numbers", async () => {
    const buf = await workbookBuffer((ws) => {
      ws.getCell("A1").value = { richText: [{ text: "Mã " }, { text: "đơn vị", font: { bold: true } }] };
      ws.getCell("B1").value = { text: "cổng DVC", hyperlink: "https://dichvucong.gov.vn" };
      ws.getCell("C1").value = true;
      ws.getCell("A5").value = new Date(Date.UTC(2026, 9, 8, 8, 15));
      ws.getCell("B5").value = 45200;
    });
    const grid = await readSheet({ fileName: "f.xlsx", data: buf });
    expect(grid.rows.map((r) => r.rowNumber)).toEqual([1, 5]);
    expect(grid.rows[0]?.cells).toEqual(["Mã đơn vị", "cổng DVC", "TRUE"]);
    expect(grid.rows[1]?.cells).toEqual([new Date(Date.UTC(2026, 9, 8, 8, 15)), 45200]);
  });

  it("records merges with the value in the top-left cell only", async () => {
    const buf = await workbookBuffer((ws) => {
      ws.getCell("A1").value = "Đơn vị";
      ws.getCell("B1").value = "Tiếp nhận";
      ws.mergeCells("A1:A2");
      ws.mergeCells("B1:D1");
      ws.getCell("B2").value = "Tổng số";
    });
    const grid = await readSheet({ fileName: "f.xlsx", data: buf });
    expect(grid.rows[0]?.cells).toEqual(["Đơn vị", "Tiếp nhận"]);
    expect(grid.merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 1, left: 2, bottom: 1, right: 4 },
      ]),
    );
  });

  it("header cells like __proto__ and constructor are plain text", async () => {
    const buf = await workbookBuffer((ws) => {
      ws.addRow(["__proto__", "constructor", "toString", "hasOwnProperty"]);
      ws.addRow(["x", "y", "z", "w"]);
    });
    const grid = await readSheet({ fileName: "f.xlsx", data: buf });
    expect(grid.rows[0]?.cells).toEqual(["__proto__", "constructor", "toString", "hasOwnProperty"]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("refuses a sheet with more rows than the cap before building the grid", async () => {
    const buf = await workbookBuffer((ws) => {
      for (let i = 0; i < 60; i++) ws.addRow([i]);
    });
    const err = await readSheet({ fileName: "f.xlsx", data: buf }, { maxDataRows: 20 }).catch((e: unknown) => e);
    expect((err as IngestError).code).toBe("TOO_MANY_ROWS");
    // The reader's cap leaves room for header rows (20 + 30), but the sender is told the data-row limit.
    expect((err as IngestError).userMessage).toContain("vượt giới hạn 20 dòng");
  });
});

describe("xlsx sheets", () => {
  it("skips hidden sheets and empty sheets, or reads the one named", async () => {
    const data = await workbookBuffer((ws, wb) => {
      ws.state = "hidden";
      ws.addRow(["bí mật"]);
      wb.addWorksheet("Trống");
      wb.addWorksheet("Số liệu").addRow(["Mã đơn vị"]);
      wb.addWorksheet("Khác").addRow(["khác"]);
    });
    const first = await readSheet({ fileName: "f.xlsx", data });
    expect([first.sheetName, first.rows[0]?.cells]).toEqual(["Số liệu", ["Mã đơn vị"]]);
    const named = await readSheet({ fileName: "f.xlsx", data }, { sheetName: "Khác" });
    expect(named.rows[0]?.cells).toEqual(["khác"]);
  });

  it("reads inline strings when the workbook has no shared-strings part", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").addRow(["Đơn vị", 12]);
    const written = Buffer.from(await wb.xlsx.writeBuffer());
    // exceljs always writes shared strings; other exporters write inline strings and no sst part.
    const parts = unzipVerified(written)
      .filter((e) => e.name !== "xl/sharedStrings.xml")
      .map((e) =>
        e.name !== "xl/worksheets/sheet1.xml"
          ? e
          : {
              ...e,
              data: Buffer.from(
                e.data.toString("utf8").replace('t="s"><v>0</v>', 't="inlineStr"><is><t>Đơn vị</t></is>'),
              ),
            },
      );
    const data = storeZip(parts);
    const grid = await readSheet({ fileName: "f.xlsx", data });
    expect(grid.rows[0]?.cells).toEqual(["Đơn vị", 12]);
  });

  it("an empty workbook is refused as empty", async () => {
    const data = await workbookBuffer(() => undefined);
    expect((await rejection("trong.xlsx", data)).code).toBe("EMPTY_FILE");
  });
});

describe("csv", () => {
  it("reads UTF-8 with BOM, ';' separators and Vietnamese text", async () => {
    const text =
      'BÁO CÁO SỐ LIỆU\r\nMã đơn vị;Tên đơn vị;Tử số\r\nP-LB;"Phường Long Bình; TP. Biên Hòa";1.234\r\n\r\nP-TH;Phường Tân Hiệp;5\r\n';
    const grid = await readSheet({ fileName: "so-lieu.CSV", data: csv(text, true) });
    expect(grid.format).toBe("csv");
    expect(grid.rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 5]);
    expect(grid.rows[0]?.cells).toEqual(["BÁO CÁO SỐ LIỆU"]);
    expect(grid.rows[1]?.cells).toEqual(["Mã đơn vị", "Tên đơn vị", "Tử số"]);
    expect(grid.rows[2]?.cells).toEqual(["P-LB", "Phường Long Bình; TP. Biên Hòa", "1.234"]);
  });

  it("reads comma and tab separated files", async () => {
    const comma = await readSheet({ fileName: "a.csv", data: csv('a,b,c\n1,"Số 5, đường X",3\n') });
    expect(comma.rows[1]?.cells).toEqual(["1", "Số 5, đường X", "3"]);
    const tab = await readSheet({ fileName: "a.csv", data: csv("a\tb\n1\t2\n") });
    expect(tab.rows[1]?.cells).toEqual(["1", "2"]);
  });

  it('reads UTF-16LE with BOM (Excel\'s "Unicode text")', async () => {
    const data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Đơn vị\tTử số\r\nPhường A\t3\r\n", "utf16le")]);
    const grid = await readSheet({ fileName: "a.csv", data });
    expect(grid.rows[1]?.cells).toEqual(["Phường A", "3"]);
  });

  it("refuses Windows-1258/ANSI text with a 'save as CSV UTF-8' message", async () => {
    const err = await rejection("a.csv", Buffer.from([0x4d, 0xe3, 0x20, 0xf0, 0x76, 0x0a]));
    expect(err.code).toBe("BAD_ENCODING");
    expect(err.userMessage).toMatch(/UTF-8/);
  });

  it("refuses a file with more rows than the cap", async () => {
    const lines = ["a;b", ...Array.from({ length: 120 }, (_, i) => `${i};x`)].join("\n");
    const err = await readSheet({ fileName: "a.csv", data: csv(lines) }, { maxDataRows: 50 }).catch((e: unknown) => e);
    expect((err as IngestError).code).toBe("TOO_MANY_ROWS");
    expect((err as IngestError).userMessage).toContain("vượt giới hạn 50 dòng");
  });
});
