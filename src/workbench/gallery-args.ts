/**
 * Turns what a user types for one argument in the functions gallery into the value Excel would pass:
 * blank → null (omitted), 12.5 / 75% → number, TRUE → boolean, "text" → text, {1,2;3,4} → array constant,
 * Customers!E2:E200 or E2:E200 → the cells of that range (an empty cell is a blank, a cell showing #N/A an error).
 * The argument is the formula's, unshaped: the Excel-faithful invoker (excel-invoker.ts) gives each parameter what
 * Excel would (a 2-D array for a matrix, one value or a lifted call for a scalar).
 */
import type { CellValue } from "../excel/workbook";
import type { MessageKey, MessageParams } from "../i18n";
import { errorCell, FormulaArgument, InputCell } from "./excel-invoker";
import { parseRangeRef, RangeRef, readRange, SheetCells } from "./range-ref";

export type ParsedArgument =
  { ok: true; value: FormulaArgument; ref?: RangeRef } | { ok: false; key: MessageKey; params: MessageParams };

export interface SheetLookup {
  activeSheet: string;
  sheet(name: string): SheetCells | undefined;
}

const NUMBER = /^[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?%?$/;

/** A number typed with "." or "," as the decimal mark, with an optional trailing %. NaN otherwise. */
export function parseTypedNumber(text: string): number {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) return NaN;
  const percent = trimmed.endsWith("%");
  const value = Number((percent ? trimmed.slice(0, -1) : trimmed).replace(",", "."));
  return percent ? value / 100 : value;
}

function parseConstant(text: string): CellValue | undefined {
  const trimmed = text.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replace(/""/g, '"');
  }
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE" || upper === "VRAI") return true;
  if (upper === "FALSE" || upper === "FAUX") return false;
  const number = parseTypedNumber(trimmed);
  if (!Number.isNaN(number)) return number;
  return undefined;
}

/** An Excel array constant: {1,2,3} is a row, {1;2;3} a column; elements are numbers, "text" or booleans. */
export function parseArrayConstant(text: string): CellValue[][] | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) return null;
  const body = trimmed.slice(1, -1);
  if (body.trim() === "") return null;
  const rows = body.split(";").map((row) => row.split(","));
  if (rows.some((row) => row.length !== rows[0].length)) return null;
  const out: CellValue[][] = [];
  for (const row of rows) {
    const line: CellValue[] = [];
    for (const element of row) {
      const value = parseConstant(element);
      if (value === undefined) return null;
      line.push(value);
    }
    out.push(line);
  }
  return out;
}

const ERROR_TEXT = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!)$/;

/** A sheet cell as an input: the workbench stores an empty cell as "" and an error as its text. */
function inputCell(value: CellValue): InputCell {
  if (value === "") return null;
  if (typeof value === "string" && ERROR_TEXT.test(value)) return errorCell(value);
  return value;
}

/** Parses one argument as the formula writes it (the invoker gives it the shape of its parameter). */
export function parseArgument(text: string, sheets: SheetLookup): ParsedArgument {
  let typed = text.trim();
  if (typed.startsWith("=")) typed = typed.slice(1).trim();
  if (typed === "") return { ok: true, value: null };

  const array = parseArrayConstant(typed);
  if (array) return { ok: true, value: array };
  if (typed.startsWith("{")) return { ok: false, key: "workbench.gallery.badArray", params: { text: typed } };

  const constant = parseConstant(typed);
  if (constant !== undefined) return { ok: true, value: constant };

  const ref = parseRangeRef(typed);
  if (ref) {
    const sheetName = ref.sheet ?? sheets.activeSheet;
    const sheet = sheets.sheet(sheetName);
    if (!sheet) return { ok: false, key: "workbench.gallery.unknownSheet", params: { sheet: sheetName } };
    const cells = readRange(ref, sheet).map((row) => row.map(inputCell));
    return { ok: true, value: cells, ref: { ...ref, sheet: sheetName } };
  }
  // Anything else is text, as Excel would take an unquoted word typed in a cell.
  return { ok: true, value: typed };
}
