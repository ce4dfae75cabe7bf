/**
 * Sheets are bounded by their real cells (src/ingest/limits.ts) and read in a worker with a heap
 * cap and a time limit (isolated.ts). One value typed at XFD2 used to widen every row of the
 * grid to 16.384 columns.
 */
import { afterAll, describe, expect, it } from "vitest";
import { IngestError } from "../../src/ingest/errors.js";
import { readSheetIsolated, stopSheetWorker } from "../../src/ingest/isolated.js";
import { CellBudget, MAX_COLUMNS } from "../../src/ingest/limits.js";
import { readSheet } from "../../src/ingest/readSheet.js";
import { csv, workbookBuffer } from "./fixtures.js";

afterAll(() => stopSheetWorker());

async function refusal(p: Promise<unknown>): Promise<IngestError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof IngestError)) throw new Error(`expected IngestError, got ${String(err)}`);
  return err;
}

const farRight = (rows: number) =>
  workbookBuffer((ws) => {
    ws.getCell("A1").value = "Mã đơn vị";
    for (let r = 2; r <= rows + 1; r++) ws.getCell(`XFD${r}`).value = r;
  });

describe("columns and cells, counted on values", () => {
  it("a value in column XFD is refused at the first such row, naming the cell", async () => {
    const data = await farRight(500);
    const started = performance.now();
    const err = await refusal(readSheet({ fileName: "a.xlsx", data }));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(err.code).toBe("TOO_MANY_COLUMNS");
    expect(err.userMessage).toBe(
      "Bảng tính có dữ liệu ở ô XFD2, vượt giới hạn 200 cột. Thường đó là ô gõ nhầm ở tận cùng bên phải: " +
        "hãy xoá các cột thừa bên phải bảng (hoặc chép riêng bảng số liệu sang sổ làm việc mới) rồi gửi lại.",
    );
  });

  it("200 columns are read; styled empty cells far right do not count", async () => {
    const data = await workbookBuffer((ws) => {
      ws.getRow(1).getCell(MAX_COLUMNS).value = "cuối";
      ws.getCell("A2").value = "đầu";
      ws.getCell("XFD2").style = { font: { bold: true } };
    });
    const grid = await readSheet({ fileName: "a.xlsx", data });
    expect(grid.rows[0]?.cells).toHaveLength(MAX_COLUMNS);
    expect(grid.rows[1]?.cells).toEqual(["đầu"]);
  });

  it("a CSV line with a value past column 200 is refused the same way", async () => {
    const line = `${",".repeat(MAX_COLUMNS)}x`;
    const err = await refusal(readSheet({ fileName: "a.csv", data: csv(`Mã,Số\n${line}\n`) }));
    expect(err.code).toBe("TOO_MANY_COLUMNS");
    expect(err.userMessage).toContain("ở ô GS2, vượt giới hạn 200 cột");
  });

  it("the cell budget refuses past its total", () => {
    const budget = new CellBudget(10, 3);
    budget.take(1, 0);
    budget.take(1, 9);
    budget.take(2, 0);
    expect(() => budget.take(2, 1)).toThrow(/TOO_MANY_CELLS/);
    expect(() => new CellBudget(10, 100).take(5, 10)).toThrow(/TOO_MANY_COLUMNS/);
  });
});

describe("the worker", () => {
  const small = () =>
    workbookBuffer((ws) => {
      ws.addRow(["Mã đơn vị", "Số"]);
      for (let i = 0; i < 200; i++) ws.addRow([`X${i}`, i]);
    });

  it("reads what readSheet reads, and passes its refusals on", async () => {
    const data = await small();
    expect(await readSheetIsolated({ fileName: "a.xlsx", data })).toEqual(
      await readSheet({ fileName: "a.xlsx", data }),
    );
    const err = await refusal(readSheetIsolated({ fileName: "a.xlsx", data: await farRight(5) }));
    expect(err.code).toBe("TOO_MANY_COLUMNS");
    expect(err.userMessage).toContain("XFD2");
  });

  it("a file over the time limit, or a worker over its heap, is refused; the process and the next file are fine", async () => {
    const data = await small();
    const slow = await refusal(readSheetIsolated({ fileName: "a.xlsx", data }, {}, { heapMb: 512, timeMs: 1 }));
    expect(slow.code).toBe("TOO_HEAVY");
    expect(slow.userMessage).toMatch(/^Bot không đọc xong tệp trong thời gian cho phép/);
    const starved = await refusal(readSheetIsolated({ fileName: "a.xlsx", data }, {}, { heapMb: 4, timeMs: 60_000 }));
    expect(starved.code).toBe("TOO_HEAVY");
    expect((await readSheetIsolated({ fileName: "a.xlsx", data })).rows).toHaveLength(201);
  });
});
