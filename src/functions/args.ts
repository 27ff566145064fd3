/**
 * Excel argument semantics, in one place, for every custom function:
 * - an omitted optional argument arrives as null;
 * - a blank cell arrives as null (Excel on the web) or "" / 0 (desktop);
 * - a range arrives as a 2-D array, a single cell as a 1×1 array when the parameter is a matrix;
 * - percentages arrive as fractions (75% is 0.75);
 * - a cell holding an Excel error arrives as an error object (or its text, e.g. "#N/A").
 * Functions read their arguments through these helpers and let InputError escape; `runFunction`
 * turns it into the Excel error the user sees, in the user's language.
 */
import { InputError, numError, valueError } from "../engine/errors";
import { Locale, t } from "../i18n";
import { currentLocale } from "./locale";

export type Grid = unknown[][];

/** What a number argument must satisfy. */
export interface NumberRule {
  /** Value used when the argument is omitted or blank. Without it, an omitted argument is an error. */
  default?: number;
  integer?: boolean;
  /** A rate typed as a percentage: 0 ≤ x ≤ 1 (75% arrives as 0.75). */
  rate?: boolean;
  nonNegative?: boolean;
  positive?: boolean;
  min?: number;
  max?: number;
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

const ERROR_TEXT =
  /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!)$/;

/** True for a cell that holds an Excel error rather than a value. */
export function isErrorCell(value: unknown): boolean {
  if (typeof value === "string") return ERROR_TEXT.test(value);
  if (value instanceof Error) return true;
  return typeof value === "object" && value !== null && ("errorCode" in value || "code" in value);
}

/** Parses a number typed as text ("12.5", "75%"), as Excel's own arithmetic would; NaN when it is not one. */
export function parseNumericText(text: string): number {
  const match = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(%?)\s*$/.exec(text);
  if (!match) return NaN;
  const value = Number(match[1]);
  return match[2] ? value / 100 : value;
}

/** A cell as a number, or NaN when it is not numeric (blank and error cells included). */
export function cellToNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string") return parseNumericText(value);
  return NaN;
}

/** Any argument as a 2-D array: a scalar becomes 1×1, a 1-D array a column. */
export function toGrid(value: unknown): Grid {
  if (Array.isArray(value)) {
    if (value.length === 0) return [];
    return value.every((row) => Array.isArray(row)) ? (value as Grid) : value.map((cell) => [cell]);
  }
  return [[value]];
}

function unwrapSingle(value: unknown): unknown {
  const grid = Array.isArray(value) ? toGrid(value) : null;
  if (grid && grid.length === 1 && grid[0].length === 1) return grid[0][0];
  return value;
}

const show = (value: unknown) => (typeof value === "string" ? value : String(value));

/** Checks a number against a rule; `row` (1-based) names the cell in messages when it comes from a range. */
export function checkNumber(value: number, arg: string, rule: NumberRule = {}, row?: number): number {
  const at: Record<string, number> = row === undefined ? {} : { row };
  if (!Number.isFinite(value)) throw valueError("args.notFinite", { arg });
  if (rule.integer && !Number.isInteger(value)) {
    throw row === undefined
      ? valueError("args.notInteger", { arg, found: value })
      : valueError("args.notIntegerAt", { arg, found: value, ...at });
  }
  if (rule.rate && value > 1) throw numError("args.rateOver100", { arg, found: `${value}` });
  if ((rule.nonNegative || rule.rate) && value < 0) {
    throw row === undefined
      ? numError("args.negative", { arg, found: value })
      : numError("args.negativeAt", { arg, found: value, ...at });
  }
  if (rule.positive && value <= 0) throw numError("args.notPositive", { arg, found: value });
  if (rule.min !== undefined && value < rule.min) throw numError("args.tooSmall", { arg, min: rule.min, found: value });
  if (rule.max !== undefined && value > rule.max) throw numError("args.tooLarge", { arg, max: rule.max, found: value });
  return value;
}

/** Reads a single number argument (a 1×1 range is accepted). */
export function readNumber(value: unknown, arg: string, rule: NumberRule = {}): number {
  const cell = unwrapSingle(value);
  if (isBlank(cell)) {
    if (rule.default !== undefined) return rule.default;
    throw valueError("args.required", { arg });
  }
  if (isErrorCell(cell)) throw valueError("args.errorAt", { arg, row: 1 });
  if (Array.isArray(cell)) throw valueError("args.notNumber", { arg, found: "[range]" });
  const number = cellToNumber(cell);
  if (Number.isNaN(number)) throw valueError("args.notNumber", { arg, found: show(cell) });
  return checkNumber(number, arg, rule);
}

/** Reads an optional text argument, case-insensitively matched against the allowed choices. */
export function readChoice<T extends string>(value: unknown, arg: string, choices: readonly T[], fallback: T): T {
  const cell = unwrapSingle(value);
  if (isBlank(cell)) return fallback;
  const text = String(cell).trim().toLowerCase();
  const found = choices.find((choice) => choice.toLowerCase() === text);
  if (!found) throw valueError("args.notChoice", { arg, choices: choices.join(", "), found: show(cell) });
  return found;
}

/** Reads an optional text argument. */
export function readText(value: unknown, arg: string, fallback = ""): string {
  const cell = unwrapSingle(value);
  if (isBlank(cell)) return fallback;
  if (typeof cell !== "string" && typeof cell !== "number") throw valueError("args.notText", { arg });
  return String(cell);
}

/**
 * A single column or row as a flat list of cells, with trailing blank cells dropped
 * (so whole-column references such as A2:A100000 work).
 */
export function readColumn(value: unknown, arg: string): unknown[] {
  const grid = toGrid(value);
  let cells: unknown[];
  if (grid.length <= 1) cells = grid[0] ?? [];
  else if (grid.every((row) => row.length === 1)) cells = grid.map((row) => row[0]);
  else throw valueError("args.notColumn", { arg });
  let end = cells.length;
  while (end > 0 && isBlank(cells[end - 1])) end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

/**
 * A column of numbers as a Float64Array. Blank cells become NaN when `allowBlanks`, otherwise they are
 * an error; text and error cells are errors that name the first bad row (1-based within the range).
 */
export function readNumberColumn(
  value: unknown,
  arg: string,
  options: { allowBlanks?: boolean; rule?: NumberRule } = {},
): Float64Array {
  const cells = readColumn(value, arg);
  const out = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell === "number") {
      out[i] = options.rule ? checkNumber(cell, arg, options.rule, i + 1) : cell;
      continue;
    }
    if (isBlank(cell)) {
      if (!options.allowBlanks) throw valueError("args.notNumberAt", { arg, row: i + 1, found: "" });
      out[i] = NaN;
      continue;
    }
    if (isErrorCell(cell)) throw valueError("args.errorAt", { arg, row: i + 1 });
    const number = cellToNumber(cell);
    if (Number.isNaN(number)) throw valueError("args.notNumberAt", { arg, row: i + 1, found: show(cell) });
    out[i] = options.rule ? checkNumber(number, arg, options.rule, i + 1) : number;
  }
  return out;
}

/** Several columns that must have the same length (after trailing blanks are dropped). */
export function requireSameLength(columns: ReadonlyArray<{ arg: string; length: number }>): number {
  const [first, ...rest] = columns;
  for (const column of rest) {
    if (column.length !== first.length) {
      throw valueError("args.lengthMismatch", {
        arg: column.arg,
        found: column.length,
        other: first.arg,
        expected: first.length,
      });
    }
  }
  return first.length;
}

export interface ElementwiseInput {
  arg: string;
  value: unknown;
  rule?: NumberRule;
}

/** The value Excel shows for an empty cell in a spilled result (null would show 0). */
export const BLANK = "";

/**
 * Applies a formula cell by cell. Every input may be a single cell or a range; ranges must have the same
 * size and single cells are repeated. The result always has the inputs' shape (1×1 for all single cells).
 * - all single cells: a bad input throws (the whole formula shows the error);
 * - ranges: a row where every range is blank gives a blank, a bad cell gives an error in that cell only,
 *   and trailing rows that are blank in every range are not returned (whole-column references).
 */
export function mapElementwise(inputs: readonly ElementwiseInput[], compute: (values: number[]) => number): Grid {
  const grids = inputs.map((input) => toGrid(input.value ?? null));
  const shaped = grids
    .map((grid, index) => ({ grid, index }))
    .filter(({ grid }) => grid.length !== 1 || (grid[0]?.length ?? 0) !== 1);
  if (shaped.length === 0) {
    return [[compute(inputs.map((input, i) => readNumber(grids[i][0][0], input.arg, input.rule)))]];
  }
  const reference = shaped[0];
  const rows = reference.grid.length;
  const cols = reference.grid[0]?.length ?? 0;
  for (const { grid, index } of shaped.slice(1)) {
    if (grid.length !== rows || (grid[0]?.length ?? 0) !== cols) {
      throw valueError("args.shapeMismatch", {
        arg: inputs[index].arg,
        found: `${grid.length}×${grid[0]?.length ?? 0}`,
        other: inputs[reference.index].arg,
        expected: `${rows}×${cols}`,
      });
    }
  }
  const rowIsBlank = (r: number) => shaped.every(({ grid }) => grid[r].every(isBlank));
  let lastRow = rows;
  while (lastRow > 0 && rowIsBlank(lastRow - 1)) lastRow--;

  const locale = currentLocale();
  const result: Grid = [];
  for (let r = 0; r < lastRow; r++) {
    const line: unknown[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const cells = grids.map((grid) => (grid.length === 1 && grid[0].length === 1 ? grid[0][0] : grid[r][c]));
      if (shaped.every(({ index }) => isBlank(cells[index]))) {
        line[c] = BLANK;
        continue;
      }
      try {
        line[c] = compute(inputs.map((input, i) => readNumber(cells[i], input.arg, input.rule)));
      } catch (error) {
        line[c] = toExcelError(error, locale);
      }
    }
    result.push(line);
  }
  return result;
}

const ERROR_CODE_OF_KIND = {
  value: "invalidValue",
  num: "invalidNumber",
  na: "notAvailable",
} as const;

/** Turns anything thrown into the CustomFunctions.Error the user sees, in their language. */
export function toExcelError(error: unknown, locale: Locale = currentLocale()): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  if (error instanceof InputError) {
    const code = CustomFunctions.ErrorCode[ERROR_CODE_OF_KIND[error.kind]];
    return new CustomFunctions.Error(code, t(error.key, error.params, locale));
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, t("common.unexpected", { detail }, locale));
}

/** Runs a function body and throws any failure as the matching Excel error. */
export function runFunction<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw toExcelError(error);
  }
}
