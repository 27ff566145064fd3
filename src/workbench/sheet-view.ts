/**
 * What the workbench grid shows of one sheet: the header row, the data rows, number formats, fills and
 * which columns the add-in wrote. Built from the in-memory workbook after every change.
 */
import type { CellValue, OwnSheet } from "../excel/workbook";
import type { SheetCells } from "./range-ref";

export interface SheetView {
  name: string;
  /** Excel row 1. */
  headers: string[];
  rows: CellValue[][];
  /** One per column; undefined is General. */
  numberFormats: (string | undefined)[];
  /** fills[column][row], "#RRGGBB" or null; a missing column has no fills. */
  fills: ((string | null)[] | undefined)[];
  /** Indexes of the columns the add-in wrote (shown marked in the grid). */
  ownColumns: number[];
  chart?: OwnSheet["chart"];
}

/** The sheet as the gallery's range references see it: row 1 is the header row. */
export function sheetCells(view: SheetView): SheetCells {
  return { name: view.name, cells: [view.headers, ...view.rows] };
}

export function fillAt(view: SheetView, row: number, column: number): string | null {
  return view.fills[column]?.[row] ?? null;
}
