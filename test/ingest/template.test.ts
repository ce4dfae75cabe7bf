import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { FIGURES_TEMPLATE_PATH, buildFiguresTemplate } from "../../scripts/make-templates.js";
import { parseFigures } from "../../src/ingest/figures.js";
import { readSheet } from "../../src/ingest/readSheet.js";

describe("templates/mau-bao-cao-so-lieu.xlsx (/mau)", () => {
  it("is what scripts/make-templates.ts builds (regenerate and commit when this fails)", async () => {
    const committed = await readSheet({ fileName: "mau.xlsx", data: await readFile(FIGURES_TEMPLATE_PATH) });
    const fresh = await readSheet({ fileName: "mau.xlsx", data: await buildFiguresTemplate() });
    expect(committed.rows).toEqual(fresh.rows);
  });

  it("sent back untouched imports nothing: the example rows are skipped", async () => {
    const grid = await readSheet({ fileName: "mau.xlsx", data: await readFile(FIGURES_TEMPLATE_PATH) });
    const r = parseFigures(grid);
    expect(r).toMatchObject({ headerRow: 2, rows: [], rejected: [], exampleRows: [3, 4] });
    expect(grid.rows[0]?.cells[0]).toMatch(/^Hướng dẫn:/);
  });

  it("filled in by an officer, it parses", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(FIGURES_TEMPLATE_PATH)).buffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error("template has no sheet");
    // Total first, then the part: the grammar's order, as in /nop 40 30.
    ws.getRow(3).values = ["P-LB", "Phường Long Bình", "hs-truc-tuyen", "Tỷ lệ…", "11/2026", 40, 30]; // over example 1
    ws.spliceRows(4, 1); // example 2 deleted
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const r = parseFigures(await readSheet({ fileName: "mau-da-dien.xlsx", data }), {
      isIndicator: (c) => c === "hs-truc-tuyen",
    });
    expect(r.rows).toEqual([
      {
        rowNumber: 3,
        unitCode: "P-LB",
        unitName: "Phường Long Bình",
        indicatorCode: "hs-truc-tuyen",
        period: "2026-11",
        numerator: 30,
        denominator: 40,
      },
    ]);
  });
});
