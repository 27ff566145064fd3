/**
 * Turns what a user types for one argument in the functions gallery into the value Excel would pass:
 * blank → null (omitted), 12.5 / 75% → number, TRUE → boolean, "text" → text, {1,2;3,4} → array constant,
 * Customers!E2:E200 or E2:E200 → the cells of that range. Matrix parameters always receive a 2-D array.
 */
import type { CellValue } from "../excel/workbook";
import type { MessageKey, MessageParams } from "../i18n";
import type { FunctionParameterInfo } from "./functions-metadata";
import { parseRangeRef, RangeRef, readRange, SheetCells } from "./range-ref";

export type ParsedArgument =
  { ok: true; value: unknown; ref?: RangeRef } | { ok: false; key: MessageKey; params: MessageParams };

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

function shapeFor(parameter: FunctionParameterInfo, value: unknown): unknown {
  const grid = Array.isArray(value) ? (value as unknown[][]) : null;
  if (parameter.dimensionality === "matrix") return grid ?? [[value]];
  if (grid && grid.length === 1 && grid[0].length === 1) return grid[0][0];
  return value;
}

/** Parses one argument for the given parameter. */
export function parseArgument(text: string, parameter: FunctionParameterInfo, sheets: SheetLookup): ParsedArgument {
  let typed = text.trim();
  if (typed.startsWith("=")) typed = typed.slice(1).trim();
  if (typed === "") return { ok: true, value: null };

  const array = parseArrayConstant(typed);
  if (array) return { ok: true, value: shapeFor(parameter, array) };
  if (typed.startsWith("{")) return { ok: false, key: "workbench.gallery.badArray", params: { text: typed } };

  const constant = parseConstant(typed);
  if (constant !== undefined) return { ok: true, value: shapeFor(parameter, constant) };

  const ref = parseRangeRef(typed);
  if (ref) {
    const sheetName = ref.sheet ?? sheets.activeSheet;
    const sheet = sheets.sheet(sheetName);
    if (!sheet) return { ok: false, key: "workbench.gallery.unknownSheet", params: { sheet: sheetName } };
    return { ok: true, value: shapeFor(parameter, readRange(ref, sheet)), ref: { ...ref, sheet: sheetName } };
  }
  // Anything else is text, as Excel would take an unquoted word typed in a cell.
  return { ok: true, value: shapeFor(parameter, typed) };
}
