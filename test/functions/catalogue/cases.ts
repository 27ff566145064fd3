/**
 * The catalogue of bad, extreme and half-filled inputs (issue 12), as data: each case is a formula's arguments as
 * Excel passes them, the class of problem it exercises, and what the cells must show (code AND message content).
 * test/functions/catalogue.test.ts runs every case through the Excel-faithful invoker with every form of blank
 * cell; test/functions/error-policy.test.ts enumerates every error they produce.
 */
import type { FormulaArgument, InputCell } from "../../../src/workbench/excel-invoker";
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

/** What one cell must show: a number (to 1e-9 relative), text, "" for blank, or an error with message content. */
export type ExpectedCell = number | string | boolean | { error: string; says?: readonly (string | RegExp)[] };

export interface CatalogueCase {
  name: string;
  id: string;
  cls: CaseClass;
  args: FormulaArgument[];
  /** The whole result: one error, or the cells (row by row). */
  expect: ExpectedCell | ExpectedCell[][];
  /** Only the first rows of the result are given. */
  partial?: boolean;
  /** The case holds no blank cell whose form matters: run it once (with null). */
  blankFree?: boolean;
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

cases("CLV", [
  {
    name: "a #N/A in row 2 of basket blames row 2",
    cls: "words",
    args: [col(5, NA, 7), 3, 416],
    expect: [[6240], [{ error: "#N/A", says: ["basket", /row 2\b/] }], [8736]],
  },
]);
