/**
 * Whole-file rejections. `message` is for logs; `userMessage` is the Vietnamese sentence the bot
 * replies with: what was wrong and how to do it right (STYLE.md habit 5, documenso's AppError).
 * Row-level problems are not errors: parsers return them in `rejected`.
 */
export type IngestErrorCode =
  | "UNSUPPORTED_TYPE"
  | "LEGACY_XLS"
  | "FILE_TOO_LARGE"
  | "EMPTY_FILE"
  | "TOO_MANY_ROWS"
  | "TOO_MANY_COLUMNS"
  | "TOO_MANY_CELLS"
  | "TOO_HEAVY"
  | "UNSAFE_ZIP"
  | "CORRUPT_FILE"
  | "BAD_ENCODING"
  | "HEADER_NOT_FOUND"
  | "MISSING_COLUMNS"
  | "NO_DATA";

export class IngestError extends Error {
  override readonly name = "IngestError";

  constructor(
    readonly code: IngestErrorCode,
    readonly userMessage: string,
    options: { detail?: string; cause?: unknown } = {},
  ) {
    super(`${code}: ${options.detail ?? userMessage}`, { cause: options.cause });
  }
}

export function isIngestError(e: unknown): e is IngestError {
  return e instanceof IngestError;
}

/** A row the parser could not accept; `rowNumber` is the row number the user sees in Excel. */
export interface RejectedRow {
  rowNumber: number;
  reason: string;
}
