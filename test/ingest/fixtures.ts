/** Fixture builders for ingest tests: workbooks made with exceljs, zips written by hand. */
import ExcelJS from "exceljs";
import { deflateRawSync } from "node:zlib";
import type { Cell, Grid } from "../../src/ingest/grid.js";

export async function workbookBuffer(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("Sheet1"), wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A grid straight from arrays, for parser tests that need no file: row i is Excel row i+1. */
export function gridOf(rows: readonly (readonly Cell[])[], extra: Partial<Grid> = {}): Grid {
  return {
    format: "xlsx",
    sheetName: "Sheet1",
    rows: rows
      .map((cells, i) => ({ rowNumber: i + 1, cells: [...cells] }))
      .filter((r) => r.cells.some((c) => c !== null)),
    merges: [],
    uncachedFormulas: new Set(),
    ...extra,
  };
}

export interface ZipPart {
  name: string;
  /** Uncompressed content (deflated unless `method` is 0). */
  data?: Buffer;
  /** Already-compressed bytes, to build archives whose headers lie. */
  raw?: Buffer;
  method?: 0 | 8;
  /** Declared uncompressed size; defaults to the truth. */
  declaredSize?: number;
  /** Where the central directory says the local header is (to fake overlapping entries). */
  offsetOverride?: number;
}

/** A minimal PKZIP writer: local headers, data, central directory, end record. */
export function makeZip(parts: readonly ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const method = part.method ?? 8;
    const data = part.data ?? Buffer.alloc(0);
    const body = part.raw ?? (method === 8 ? deflateRawSync(data) : data);
    const size = part.declaredSize ?? data.length;
    const name = Buffer.from(part.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(part.offsetOverride ?? offset, 42);
    central.push(cd, name);
    chunks.push(local, name, body);
    offset += 30 + name.length + body.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cdBuf, end]);
}

export const csv = (text: string, bom = false): Buffer =>
  Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, "utf8")]);

/** The columns of a typical one-stop dossier export (the header row the readers look for). */
export const DOSSIER_EXPORT_HEADER: readonly string[] = [
  "STT",
  "Đơn vị tiếp nhận",
  "Tên thủ tục hành chính",
  "Mã hồ sơ",
  "Trạng thái",
  "Địa chỉ",
  "Người nộp",
  "Chủ hồ sơ",
  "Ngày nộp hồ sơ",
  "Ngày nhận",
  "Ngày hẹn trả",
  "Ngày kết thúc xử lý",
];
