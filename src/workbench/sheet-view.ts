/**
 * What the workbench grid shows of one sheet of the in-memory workbook: the header row, the data rows,
 * number formats, fills and font colours (only those written: the grid adds no text colour of its own), which
 * columns the add-in wrote, and the sheet's chart.
 */
import type { CellValue } from "../excel/workbook";
import type { MemoryChart, MemoryWorkbook } from "./memory-workbook";
import type { SheetCells } from "./range-ref";

export interface ChartData {
  title: string;
  type: MemoryChart["type"];
  categories: CellValue[];
  values: CellValue[];
  /** The category cells' fills, when the chart knows them. */
  fills?: (string | null)[];
  /** Every series (the first included) of a chart with several. */
  series?: MemoryChart["series"];
  categoryAxisTitle?: string;
  valueAxisTitle?: string;
}

export interface SheetView {
  name: string;
  /** Excel row 1. */
  headers: string[];
  rows: CellValue[][];
  /** One per column (the first data row's format); undefined is General. */
  numberFormats: (string | undefined)[];
  /** fills[column][row] over data rows, "#RRGGBB" or null; undefined for a column without fills. */
  fills: ((string | null)[] | undefined)[];
  /** fontColors[column][row], as written ("#RRGGBB"), or null for Excel's automatic text colour. */
  fontColors: ((string | null)[] | undefined)[];
  /** Indexes of the columns the add-in wrote (shown marked in the grid). */
  ownColumns: number[];
  chart?: ChartData;
  /** Every chart of the sheet (a Segments sheet has one of counts and one of value). */
  charts: ChartData[];
  /**
   * Per data row and column, the cell's own number format and boldness, for sheets laid out in blocks (an
   * assumptions block above a table): only read on sheets of at most CELL_DETAIL_ROWS rows.
   */
  cellFormats?: (string | undefined)[][];
  bold?: boolean[][];
}

/** Sheets up to this many rows are read cell by cell (formats, bold); longer ones by column. */
export const CELL_DETAIL_ROWS = 2000;

/**
 * Reads one sheet. `userHeaders` are the headers the sheet had when the workbench loaded it; any other
 * column was written by the add-in. A sheet the workbench did not load (Segments…) is the add-in's entirely.
 */
export function readSheetView(workbook: MemoryWorkbook, name: string, userHeaders?: readonly string[]): SheetView {
  const values = workbook.sheetValues(name);
  const headers = (values[0] ?? []).map((value) => String(value));
  const rows = values.slice(1);
  const numberFormats = headers.map((_, c) => workbook.getCell(name, 1, c).numberFormat);
  const cells = headers.map((_, c) => rows.map((_, r) => workbook.getCell(name, r + 1, c)));
  const perColumn = (read: (cell: ReturnType<MemoryWorkbook["getCell"]>) => string | undefined) =>
    cells.map((column) => {
      const values = column.map((cell) => read(cell) ?? null);
      return values.some((value) => value) ? values : undefined;
    });
  const fills = perColumn((cell) => cell.fill);
  const fontColors = perColumn((cell) => cell.fontColor);
  const known = userHeaders ? new Set(userHeaders.map((header) => header.toLowerCase())) : null;
  const ownColumns = headers
    .map((header, c) => ({ header, c }))
    .filter(({ header }) => header !== "" && (!known || !known.has(header.toLowerCase())))
    .map(({ c }) => c);
  const charts = workbook
    .charts()
    .filter((candidate) => candidate.sheet.toLowerCase() === name.toLowerCase())
    .map(({ sheet: _sheet, fills: chartFills, ...chart }) => ({
      ...chart,
      ...(chartFills ? { fills: chartFills } : {}),
    }));
  const chart = charts[0];
  const detailed = rows.length <= CELL_DETAIL_ROWS;
  const byRow = detailed ? rows.map((_, r) => cells.map((column) => column[r])) : null;
  const headerBold = headers.map((_, c) => workbook.getCell(name, 0, c).bold === true);
  return {
    name,
    headers,
    rows,
    numberFormats,
    fills,
    fontColors,
    ownColumns,
    chart,
    charts,
    ...(byRow
      ? {
          cellFormats: byRow.map((row) => row.map((cell) => cell.numberFormat)),
          bold: [headerBold, ...byRow.map((row) => row.map((cell) => cell.bold === true))],
        }
      : {}),
  };
}

/** A sheet as the gallery's range references see it: row 1 is cells[0]. */
export function sheetCells(workbook: MemoryWorkbook, name: string): SheetCells | undefined {
  const match = workbook.sheetNames().find((sheet) => sheet.toLowerCase() === name.toLowerCase());
  return match ? { name: match, cells: workbook.sheetValues(match) } : undefined;
}

export function fillAt(view: SheetView, row: number, column: number): string | null {
  return view.fills[column]?.[row] ?? null;
}

/** The font colour written to a data cell, or null: the grid then shows its default text colour. */
export function fontColorAt(view: SheetView, row: number, column: number): string | null {
  return view.fontColors[column]?.[row] ?? null;
}
