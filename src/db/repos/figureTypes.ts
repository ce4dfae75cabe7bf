/** The figure types of figures.ts, apart so that its SQLite path (figuresSqlite.ts) can name them. */
export type FigureKey = { unitCode: string; indicatorCode: string; period: string };
export type FigureValue = { numerator: number; denominator: number };
export type FigureRecord = FigureKey & FigureValue & { reportedBy: bigint | null; updatedAt: Date };
/** `at` comes from the injected clock, so undo windows and history follow the deployment's time. */
export type Provenance = {
  byUser: bigint | null;
  chatId: bigint | null;
  source: string;
  at: Date;
  /** The held upload a "Lưu N dòng" press saved, so its undo finds exactly the revisions it wrote. */
  uploadId?: number;
};
