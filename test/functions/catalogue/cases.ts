/**
 * The catalogue of bad, extreme and half-filled inputs (issue 12), as data: each case is a formula's arguments as
 * Excel passes them, the class of problem it exercises, and what the cells must show (code AND message content).
 * test/functions/catalogue.test.ts runs every case through the Excel-faithful invoker with every form of blank
 * cell; test/functions/error-policy-check.ts (in English and French) enumerates every error they produce.
 */
import type { BlankForm, FormulaArgument, InputCell } from "../../../src/workbench/excel-invoker";
import { errorCell } from "../../../src/workbench/excel-invoker";

/** The classes of issue 12 (and the error policy of issue 11). */
export type CaseClass =
  | "works" // a valid input, the right value
  | "shape" // a single cell broadcasts, a range is per row, whole columns are trimmed once
  | "meaning" // no argument means two things
  | "blank" // a blank is never read as zero or as another row's value
  | "bound" // an argument that sets an amount of work is bounded
  | "words" // messages name the right cell and the real problem
  | "policy"; // #VALUE!/#N/A with a message, never #NUM!/#DIV/0! with one

/**
 * What one cell must show: a number (to 1e-9 relative), text ("" for blank), ANY_NUMBER (a finite number), or an
 * error: its code and what its message must say (each string or pattern; an empty list means no message).
 */
export type ExpectedCell =
  number | string | boolean | typeof ANY_NUMBER | { error: string; says: readonly (string | RegExp)[] };

/** Any finite number (where the exact value is another test's business). */
export const ANY_NUMBER = { finite: true } as const;

export interface CatalogueCase {
  name: string;
  id: string;
  cls: CaseClass;
  args: FormulaArgument[];
  /** The whole result: one error, or the cells (row by row). */
  expect: ExpectedCell | ExpectedCell[][];
  /** Only the first rows of the result are given. */
  partial?: boolean;
  /**
   * The forms of blank cell the case runs with (default: all three when the case holds a blank cell). Older desktop
   * builds pass a blank as 0, which cannot be told from a typed 0: cases whose meaning depends on it leave 0 out.
   */
  blanks?: readonly BlankForm[];
  /** The functions' language (default English). */
  locale?: "en" | "fr";
}

export const col = (...cells: InputCell[]): InputCell[][] => cells.map((cell) => [cell]);
export const NA = errorCell("#N/A");
export const DIV0 = errorCell("#DIV/0!");

/** A BG/NBD table as CUST.FIT spills it (weekly data). */
export const BGNBD: InputCell[][] = [
  ["model", "bgnbd"],
  ["r", 0.25],
  ["alpha", 4],
  ["a", 0.8],
  ["b", 2.5],
];

export const CATALOGUE: CatalogueCase[] = [];

/** Adds cases for one function (each file of the catalogue calls this). */
export function cases(id: string, list: Omit<CatalogueCase, "id">[]): void {
  for (const entry of list) CATALOGUE.push({ ...entry, id, name: `${id}: ${entry.name}` });
}

/** Blank forms for cases where a blank must differ from a typed 0 (older desktop builds cannot tell them apart). */
export const NOT_ZERO: readonly BlankForm[] = [null, ""];

/** A column of n copies of a value. */
export const rep = (n: number, value: InputCell): InputCell[][] => Array.from({ length: n }, () => [value]);
