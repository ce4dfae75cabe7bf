/**
 * The one door for uploaded spreadsheets: Buffer → Grid, or an `IngestError` whose
 * `userMessage` tells the sender what to do. Only .xlsx and .csv, checked by extension AND
 * content (an .exe or .xls renamed .xlsx is refused before any parser sees it).
 */
import { MAX_SHEET_FILE_BYTES } from "../domain/limits.js";
import { readCsv } from "./csv.js";
import { IngestError } from "./errors.js";
import type { Grid } from "./grid.js";
import { msg } from "./messages.js";
import { readXlsx } from "./xlsx.js";

/** Per upload; the bot should also check Telegram's `file_size` against it before downloading. */
export const MAX_FILE_BYTES = MAX_SHEET_FILE_BYTES;
export const MAX_DATA_ROWS = 20_000;
/** Title, header and numbering rows that may sit above the data. */
export const HEADER_ROW_ALLOWANCE = 30;

export type SheetFormat = "xlsx" | "csv";

export interface UploadedFile {
  fileName: string;
  data: Buffer;
}

export interface ReadSheetOptions {
  maxBytes?: number;
  maxDataRows?: number;
  /** Read this worksheet instead of the first visible one that has data. */
  sheetName?: string;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Cheap checks on what Telegram tells before the download (name, declared size). */
export function checkUploadMeta(
  fileName: string | undefined,
  size: number | undefined,
  maxBytes = MAX_FILE_BYTES,
): SheetFormat {
  const format = formatFromName(fileName ?? "");
  if (size !== undefined && size > maxBytes) {
    throw new IngestError("FILE_TOO_LARGE", msg.fileTooLarge(size, maxBytes), { detail: `${size} bytes` });
  }
  return format;
}

/** The checks before any parser: name, size, content type. Returns the format to parse. */
export function checkSheetFile(file: UploadedFile, opts: ReadSheetOptions = {}): SheetFormat {
  const format = checkUploadMeta(file.fileName, file.data.length, opts.maxBytes ?? MAX_FILE_BYTES);
  if (file.data.length === 0) throw new IngestError("EMPTY_FILE", msg.emptyFile, { detail: "0 bytes" });
  assertContentMatches(format, file);
  return format;
}

export async function readSheet(file: UploadedFile, opts: ReadSheetOptions = {}): Promise<Grid> {
  const format = checkSheetFile(file, opts);
  // The readers cap rows with room for the title and header rows, but a refusal names the
  // data-row limit the parsers enforce (20.000, not 20.030).
  const maxDataRows = opts.maxDataRows ?? MAX_DATA_ROWS;
  const maxRows = maxDataRows + HEADER_ROW_ALLOWANCE;
  const grid =
    format === "xlsx"
      ? await readXlsx(file.data, {
          fileName: file.fileName,
          maxRows,
          shownLimit: maxDataRows,
          sheetName: opts.sheetName,
        })
      : readCsv(file.data, maxRows, maxDataRows);
  if (grid.rows.length === 0) throw new IngestError("EMPTY_FILE", msg.emptyFile, { detail: "no non-empty row" });
  return grid;
}

/** Parsers call this once they know where the data starts. */
export function assertDataRowLimit(dataRows: number, maxDataRows = MAX_DATA_ROWS): void {
  if (dataRows > maxDataRows) {
    throw new IngestError("TOO_MANY_ROWS", msg.tooManyRows(dataRows, maxDataRows), { detail: `${dataRows} data rows` });
  }
}

function formatFromName(fileName: string): SheetFormat {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  if (ext === "xlsx" || ext === "csv") return ext;
  if (ext === "xls") throw new IngestError("LEGACY_XLS", msg.legacyXls, { detail: "extension .xls" });
  throw new IngestError("UNSUPPORTED_TYPE", msg.unsupportedType(fileName), { detail: `extension .${ext ?? ""}` });
}

function assertContentMatches(format: SheetFormat, file: UploadedFile): void {
  const head = file.data.subarray(0, 8);
  if (head.equals(OLE)) throw new IngestError("LEGACY_XLS", msg.legacyXls, { detail: "OLE compound file" });
  const isZip = head.subarray(0, 4).equals(ZIP);
  const wrong = format === "xlsx" ? !isZip : isZip || looksBinary(file.data);
  if (wrong) {
    throw new IngestError("UNSUPPORTED_TYPE", msg.notSpreadsheet(file.fileName), {
      detail: `content is not ${format}`,
    });
  }
}

/** NUL bytes never occur in UTF-8 text; UTF-16 (with its BOM) is the one text exception. */
function looksBinary(data: Buffer): boolean {
  if (data[0] === 0xff && data[1] === 0xfe) return false;
  return data.subarray(0, 8192).includes(0);
}
