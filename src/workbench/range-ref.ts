/**
 * A1 references as a user types them in the functions gallery ("Customers!E2:E200", "'My data'!A1", "B2:C9"),
 * resolved against the workbench's sheets the way Excel hands a range to a custom function: a 2-D array,
 * row by row, with blank cells as "".
 */
import type { CellValue } from "../excel/workbook";

export interface RangeRef {
  /** null when the reference names no sheet (the active sheet is meant). */
  sheet: string | null;
  /** 0-based, inclusive. */
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
}

/** A sheet as the gallery sees it: Excel row 1 is cells[0] (the header row of a table at A1). */
export interface SheetCells {
  name: string;
  cells: readonly (readonly CellValue[])[];
}

/** Excel's hard limits, so a typo such as A1:A99999999 does not allocate a huge array. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const REFERENCE = /^(?:(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\u024F][\w.\u00C0-\u024F]*))!)?([^!:]+)(?::([^!:]+))?$/;

/** "A" → 0, "Z" → 25, "AA" → 26. */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** 0 → "A", 26 → "AA". */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function parseCell(text: string): { row: number; column: number } | null {
  const match = CELL.exec(text.trim());
  if (!match) return null;
  const row = Number(match[2]) - 1;
  const column = columnIndex(match[1]);
  if (row < 0 || row >= MAX_ROWS || column >= MAX_COLUMNS) return null;
  return { row, column };
}

/** Parses a reference, or returns null when the text is not one. */
export function parseRangeRef(text: string): RangeRef | null {
  const match = REFERENCE.exec(text.trim());
  if (!match) return null;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : (match[2] ?? null);
  const start = parseCell(match[3]);
  const end = match[4] === undefined ? start : parseCell(match[4]);
  if (!start || !end) return null;
  return {
    sheet,
    firstRow: Math.min(start.row, end.row),
    lastRow: Math.max(start.row, end.row),
    firstColumn: Math.min(start.column, end.column),
    lastColumn: Math.max(start.column, end.column),
  };
}

/** Writes a reference back as A1 text (for the "evaluated" line under a result). */
export function formatRangeRef(ref: RangeRef): string {
  const sheet = ref.sheet === null ? "" : /^[A-Za-z_]\w*$/.test(ref.sheet) ? `${ref.sheet}!` : `'${ref.sheet}'!`;
  const start = `${columnLetters(ref.firstColumn)}${ref.firstRow + 1}`;
  const end = `${columnLetters(ref.lastColumn)}${ref.lastRow + 1}`;
  return sheet + (start === end ? start : `${start}:${end}`);
}

/**
 * The referenced cells; cells beyond the sheet's data are blank, as in Excel. Rows below the last used row
 * are left out (the functions drop trailing blank rows anyway), so E2:E1048576 stays cheap.
 */
export function readRange(ref: RangeRef, sheet: SheetCells): CellValue[][] {
  const out: CellValue[][] = [];
  const lastRow = Math.min(ref.lastRow, Math.max(ref.firstRow, sheet.cells.length - 1));
  for (let r = ref.firstRow; r <= lastRow; r++) {
    const source = sheet.cells[r];
    const line: CellValue[] = [];
    for (let c = ref.firstColumn; c <= ref.lastColumn; c++) line.push(source?.[c] ?? "");
    out.push(line);
  }
  return out;
}
