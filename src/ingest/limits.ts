/**
 * Shape bounds on a sheet, counted on the cells that hold a value, never on what a file
 * declares (`<dimension>`, styled empty cells). One cell typed at XFD2 used to widen every row
 * of the grid to 16.384 columns: 20.000 rows became a 2,9 GB dense grid and ~55 s of parsing.
 * Real exports have 10–40 columns; 200 columns and 1.000.000 cells (20.000 rows × 50) leave room.
 */
import { IngestError } from "./errors.js";
import { columnLetter } from "./grid.js";
import { msg } from "./messages.js";

export const MAX_COLUMNS = 200;
export const MAX_CELLS = 1_000_000;

/** Counts a sheet's non-empty cells as they are read; throws at the first one out of bounds. */
export class CellBudget {
  private cells = 0;

  constructor(
    private readonly maxColumns = MAX_COLUMNS,
    private readonly maxCells = MAX_CELLS,
  ) {}

  /** `colIndex` 0-based; `rowNumber` as Excel shows it. */
  take(rowNumber: number, colIndex: number): void {
    if (colIndex >= this.maxColumns) {
      const cell = `${columnLetter(colIndex)}${rowNumber}`;
      throw new IngestError("TOO_MANY_COLUMNS", msg.tooManyColumns(cell, this.maxColumns), {
        detail: `value at column ${colIndex + 1}`,
      });
    }
    if (++this.cells > this.maxCells) {
      throw new IngestError("TOO_MANY_CELLS", msg.tooManyCells(this.maxCells), {
        detail: `over ${this.maxCells} cells`,
      });
    }
  }
}
