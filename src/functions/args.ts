/**
 * Excel argument semantics, in one place, for every custom function (the function reference's "How arguments are
 * read" section says the same to users):
 * - an omitted optional argument arrives as null;
 * - a blank cell arrives as null (Excel on the web, recent desktop builds), 0 (older desktop builds) or "" (a cell
 *   whose formula returns ""): null and "" are blank; 0 cannot be told from a typed 0, so arguments where 0 means
 *   nothing (a retention rate, for instance) read 0 as blank on every platform (`zeroIsBlank`);
 * - a range arrives as a 2-D array, a single cell as a 1×1 array when the parameter is a matrix;
 * - percentages arrive as fractions (75% is 0.75);
 * - an error cell arrives as a CustomFunctions.Error (functions.json sets allowErrorForDataTypeAny), or as its text.
 *
 * The shape rule (`perRow`): a single cell is repeated for every row; a multi-cell range is read per row, always;
 * whole-column references are trimmed once, to the last row where any per-row argument has a value; a row blank in
 * every range gives a blank result; a blank in one range of a row that has values elsewhere is an error naming that
 * row, never a default or another row's value; a bad cell gives an error in its row only. Ranges combine as Excel's
 * own array arithmetic does (=A2:A12*B1:F1, `rowFrame`): a single row is used in every row, a single column in every
 * column, so a column of frequencies and a row of recencies give a grid; whole rows are trimmed like whole columns;
 * widths that do not combine are an error, and a grid larger than its arguments is bounded (MAX_GRID_CELLS).
 *
 * The error policy (`toExcelError`): Excel shows a message only with #VALUE! and #N/A, so every input problem is
 * #VALUE! (or #N/A where there is nothing to compute) with a message that says what to fix, in the user's language.
 * Functions read their arguments through these helpers and let InputError escape; `runFunction` turns it into the
 * Excel error the user sees.
 */
import { InputError, InputErrorKind, naError, valueError } from "../engine/errors";
import { Locale, MessageKey, MessageParams, t } from "../i18n";
import { CELL_VARIANTS, namingCell } from "./cell-messages";
import { currentLocale } from "./locale";

export { namingCell };

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
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && ("errorCode" in value || "code" in value)
  );
}

/** The code of an error cell ("#N/A"), or "#VALUE!" when the object does not say. */
export function errorCodeOf(value: unknown): string {
  if (typeof value === "string") return value;
  const code = (value as { code?: unknown; errorCode?: unknown }).code ?? (value as { errorCode?: unknown }).errorCode;
  return typeof code === "string" && code.startsWith("#") ? code : "#VALUE!";
}

/**
 * The error for an error cell given to `arg` (in `row`, and `column` of a 2-D range, 1-based): #N/A stays #N/A, so IFNA still works; any other
 * error is #VALUE!, naming the cell and its error.
 */
export function errorCellError(arg: string, cell: unknown, row?: number, column?: number): InputError {
  const code = errorCodeOf(cell);
  const kind: InputErrorKind = code === "#N/A" ? "na" : "value";
  if (row === undefined) return new InputError(kind, "args.errorIn", { arg, code });
  // The column (1-based within a 2-D range) only locates the cell for a message naming it (cell-messages.ts).
  return new InputError(kind, "args.errorAt", column === undefined ? { arg, row, code } : { arg, row, column, code });
}

/**
 * Parses a number typed as text ("12.5", "75%", "1E+300"), as Excel's own arithmetic would; NaN when it is not one.
 * `decimalComma` also reads "0,01" (French Excel writes decimals that way; used inside text such as options).
 */
export function parseNumericText(text: string, decimalComma = false): number {
  const match = /^\s*([-+]?(?:\d+[.,]?\d*|[.,]\d+)(?:[eE][-+]?\d+)?)\s*(%?)\s*$/.exec(text);
  if (!match) return NaN;
  let digits = match[1];
  if (digits.includes(",")) {
    if (!decimalComma) return NaN;
    digits = digits.replace(",", ".");
  }
  const value = Number(digits);
  return match[2] ? value / 100 : value;
}

/** A cell as a number, or NaN when it is not numeric (blank and error cells included). */
export function cellToNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string") return parseNumericText(value, currentLocale() === "fr");
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

/** True when an argument is given: not omitted, and not a range of blank cells only. */
export function isGiven(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  return !toGrid(value).every((row) => row.every(isBlank));
}

function unwrapSingle(value: unknown): unknown {
  const grid = Array.isArray(value) ? toGrid(value) : null;
  if (grid && grid.length === 1 && grid[0].length === 1) return grid[0][0];
  return value;
}

/**
 * A cell as a message shows it, telling text, numbers, blanks and errors apart: the text "abc", 1E+300, a blank
 * cell, the error #N/A, TRUE. In the functions' language.
 */
export function describeCell(cell: unknown, locale: Locale = currentLocale()): string {
  if (isBlank(cell)) return t("args.cell.blank", {}, locale);
  if (isErrorCell(cell)) return t("args.cell.error", { code: errorCodeOf(cell) }, locale);
  if (typeof cell === "string") return t("args.cell.text", { text: cell }, locale);
  if (typeof cell === "boolean") return t(cell ? "args.cell.true" : "args.cell.false", {}, locale);
  if (typeof cell === "number") return t("args.cell.number", { value: cell }, locale);
  if (Array.isArray(cell)) return t("args.cell.range", {}, locale);
  return t("args.cell.other", {}, locale);
}

/** An error naming `row` when it is given (a cell of a range), or the argument alone. */
function at(key: MessageKey, keyAt: MessageKey, params: MessageParams, row: number | undefined): InputError {
  return row === undefined ? valueError(key, params) : valueError(keyAt, { ...params, row });
}

/** Checks a number against a rule; `row` (1-based) names the cell in messages when it comes from a range. */
export function checkNumber(value: number, arg: string, rule: NumberRule = {}, row?: number): number {
  const found = value;
  if (!Number.isFinite(value)) throw at("args.notFinite", "args.notFiniteAt", { arg }, row);
  if (rule.integer && !Number.isInteger(value)) throw at("args.notInteger", "args.notIntegerAt", { arg, found }, row);
  if (rule.rate && value > 1) throw at("args.rateOver100", "args.rateOver100At", { arg, found }, row);
  if ((rule.nonNegative || rule.rate) && value < 0) throw at("args.negative", "args.negativeAt", { arg, found }, row);
  if (rule.positive && value <= 0) throw at("args.notPositive", "args.notPositiveAt", { arg, found }, row);
  if (rule.min !== undefined && value < rule.min) {
    throw at("args.tooSmall", "args.tooSmallAt", { arg, min: rule.min, found }, row);
  }
  if (rule.max !== undefined && value > rule.max) {
    throw at("args.tooLarge", "args.tooLargeAt", { arg, max: rule.max, found }, row);
  }
  return value;
}

/**
 * One cell read as a number: `row` names it within its range (undefined for a single cell). A blank uses the
 * rule's default for a single cell; in a range it is an error naming the row (the caller decides when a row is blank
 * as a whole). Text that is a number counts ("12.5", "75%"); other text, booleans and errors are errors saying what
 * the cell holds.
 */
export function readCellNumber(cell: unknown, arg: string, rule: NumberRule = {}, row?: number): number {
  if (typeof cell === "number") return checkNumber(cell, arg, rule, row);
  if (isBlank(cell)) {
    if (row !== undefined) throw valueError("args.blankAt", { arg, row });
    if (rule.default !== undefined) return rule.default;
    throw valueError("args.required", { arg });
  }
  if (isErrorCell(cell)) throw errorCellError(arg, cell, row);
  const number = typeof cell === "string" ? cellToNumber(cell) : NaN;
  if (Number.isNaN(number)) {
    throw at("args.notNumber", "args.notNumberAt", { arg, found: describeCell(cell) }, row);
  }
  return checkNumber(number, arg, rule, row);
}

/** Reads a single number argument (a 1×1 range is accepted; a larger one is an error naming it). */
export function readNumber(value: unknown, arg: string, rule: NumberRule = {}): number {
  const cell = unwrapSingle(value);
  if (Array.isArray(cell)) throw valueError("args.notSingle", { arg });
  return readCellNumber(cell, arg, rule);
}

/** Reads an optional text argument, case-insensitively matched against the allowed choices. */
export function readChoice<T extends string>(value: unknown, arg: string, choices: readonly T[], fallback: T): T {
  const cell = unwrapSingle(value);
  if (isBlank(cell)) return fallback;
  if (Array.isArray(cell)) throw valueError("args.notSingle", { arg });
  if (isErrorCell(cell)) throw errorCellError(arg, cell);
  const text = String(cell).trim().toLowerCase();
  const found = choices.find((choice) => choice.toLowerCase() === text);
  if (!found) throw valueError("args.notChoice", { arg, choices: choices.join(", "), found: describeCell(cell) });
  return found;
}

/** Reads an optional text argument. */
export function readText(value: unknown, arg: string, fallback = ""): string {
  const cell = unwrapSingle(value);
  if (isBlank(cell)) return fallback;
  if (Array.isArray(cell)) throw valueError("args.notSingle", { arg });
  if (isErrorCell(cell)) throw errorCellError(arg, cell);
  if (typeof cell !== "string" && typeof cell !== "number") {
    throw valueError("args.notText", { arg, found: describeCell(cell) });
  }
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
 * A column of numbers as a Float64Array, for functions that need every value (a fit, a total). Blank cells become
 * NaN when `allowBlanks`, otherwise they are an error naming the row; text and error cells are errors naming the
 * first bad row (1-based within the range) and what it holds.
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
    if (isBlank(cell) && options.allowBlanks) {
      out[i] = NaN;
      continue;
    }
    out[i] = readCellNumber(cell, arg, options.rule, i + 1);
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

/** The value Excel shows for an empty cell in a spilled result (null would show 0). */
export const BLANK = "";

/** One argument of a per-row function. */
export interface RowArgument {
  arg: string;
  value: unknown;
  /** Read 0 as a blank cell (where 0 means nothing: desktop Excel may pass a blank cell as 0). */
  zeroIsBlank?: boolean;
}

/**
 * The cells of a per-row call, by the shape rule: which arguments are ranges, how many rows (trimmed once, to the
 * last row where any range has a value) and columns, and each argument's cell in each cell of the result. Ranges
 * combine as Excel's own array arithmetic does (=A2:A12*B1:F1): a single cell is used everywhere, a single row in
 * every row, a single column in every column; so a column of frequencies and a row of recencies give a
 * frequency × recency grid.
 */
export interface RowFrame {
  rows: number;
  cols: number;
  /** Every argument is a single cell: one result, and a bad input fails the whole formula. */
  single: boolean;
  /** Whether argument k is a range (read per row, or per column) rather than a single cell (repeated). */
  isRange(k: number): boolean;
  /** Argument k is a single row or a single cell: its one row is used in every row of the result. */
  repeatsDown(k: number): boolean;
  /** Argument k is a single column or a single cell: its one column is used in every column of the result. */
  repeatsAcross(k: number): boolean;
  cell(k: number, row: number, col: number): unknown;
  /** Every range is blank in this cell (then the result is blank). */
  rowIsBlank(row: number, col: number): boolean;
  /** Argument k is blank in this cell (null, "", or 0 when it reads 0 as blank). */
  blankAt(k: number, row: number, col: number): boolean;
  /** Argument k's cells as given (a 2-D array), for readers of every row: cell(k, ·, ·) without a call per cell. */
  grid(k: number): Grid;
  /** The cell of argument k that cell (row, col) of the result reads: 0-based row and column within the argument. */
  position(k: number, row: number, col: number): { row: number; col: number };
  /**
   * A per-cell error thrown for cell (row, col) of the result, naming the cell of the argument it is about: its
   * {row} becomes the row within that argument, with {column} when the argument is wider than one column (a single
   * row of recencies: row 1, column 4). Other errors are returned as they are.
   */
  locate(error: unknown, row: number, col: number): unknown;
}

/**
 * The most cells a result may have when broadcasting makes it larger than every argument (a column of 1,000
 * frequencies by a row of 1,000 recencies is a million cells): one Excel column's worth. A result no larger than
 * its largest argument is bounded by that argument.
 */
export const MAX_GRID_CELLS = 1_048_576;

/**
 * Lays out per-row arguments (see RowFrame). A range read per row that ends before the last row with a value
 * elsewhere is an error naming it (fill it down); a longer one is trimmed. Columns are trimmed the same way, to the
 * last column where a range wider than one column has a value. Widths that do not combine (3 columns with 5) are an
 * error saying which shapes do.
 */
export function rowFrame(inputs: readonly RowArgument[]): RowFrame {
  const grids = inputs.map((input) => toGrid(input.value ?? null));
  const blankCell = (k: number, cell: unknown) => isBlank(cell) || (inputs[k].zeroIsBlank === true && cell === 0);
  const height = grids.map((grid) => grid.length);
  const width = grids.map((grid) => grid[0]?.length ?? 0);
  const isRange = inputs.map(
    (input, k) =>
      input.value !== null &&
      input.value !== undefined &&
      height[k] > 0 &&
      width[k] > 0 &&
      (height[k] !== 1 || width[k] !== 1),
  );
  // Row and column steps: 0 where an argument repeats (a single cell, row or column), 1 where it is read per cell.
  const dr = inputs.map((_, k) => (isRange[k] && height[k] > 1 ? 1 : 0));
  const dc = inputs.map((_, k) => (isRange[k] && width[k] > 1 ? 1 : 0));
  const ranges = inputs.map((_, k) => k).filter((k) => isRange[k]);
  const locate = (error: unknown, row: number, col: number): unknown => {
    if (!(error instanceof InputError) || typeof error.params.row !== "number") return error;
    // The argument the message is about: its own {arg}, or the one its cell variant names (cell-messages.ts).
    const arg = CELL_VARIANTS[error.key]?.arg ?? error.params.arg;
    const k = typeof arg === "string" ? inputs.findIndex((input) => input.arg === arg) : -1;
    if (k < 0) return error;
    // A single cell: the message keeps the result's row; its address is the cell itself.
    if (!isRange[k]) return new InputError(error.kind, error.key, { ...error.params, cellRow: 0, cellColumn: 0 });
    const r = row * dr[k];
    const c = col * dc[k];
    const located: Record<string, string | number> = { ...error.params, row: r + 1, cellRow: r, cellColumn: c };
    // {column} locates the cell for cell-messages.ts; {gridColumn} also says it in the message ("row 1, column 4").
    if (width[k] > 1) {
      located.column = c + 1;
      located.gridColumn = c + 1;
    } else {
      delete located.column;
      delete located.gridColumn;
    }
    return new InputError(error.kind, error.key, located);
  };
  if (ranges.length === 0) {
    return {
      rows: 1,
      cols: 1,
      single: true,
      isRange: () => false,
      repeatsDown: () => true,
      repeatsAcross: () => true,
      cell: (k) => grids[k][0]?.[0] ?? null,
      rowIsBlank: () => false,
      blankAt: (k) => blankCell(k, grids[k][0]?.[0] ?? null),
      grid: (k) => grids[k],
      position: () => ({ row: 0, col: 0 }),
      locate: (error) => error,
    };
  }
  // The last row where any range has a value: whole-column references are trimmed there, once for all. A single row
  // counts as one row when it has a value.
  const filled = ranges.map((k) => {
    const grid = grids[k];
    let end = grid.length;
    while (end > 0 && grid[end - 1].every((cell) => blankCell(k, cell))) end--;
    return end;
  });
  const rows = Math.max(...filled);
  if (rows === 0) {
    throw naError("args.allBlank", { args: ranges.map((k) => inputs[k].arg).join(", ") });
  }
  const longest = ranges[filled.indexOf(rows)];
  for (const k of ranges) {
    if (dr[k] === 1 && height[k] < rows) {
      throw valueError("args.rangeTooShort", {
        arg: inputs[k].arg,
        found: height[k],
        other: inputs[longest].arg,
        expected: rows,
      });
    }
  }
  // The last column where a range wider than one column has a value (whole-row references, trimmed the same way).
  const lastColumn = (k: number): number => {
    const grid = grids[k];
    const lines = dr[k] === 1 ? rows : 1;
    for (let c = width[k]; c > 0; c--) {
      for (let r = 0; r < lines; r++) if (!blankCell(k, grid[r][c - 1])) return c;
    }
    return 0;
  };
  const wide = ranges.filter((k) => dc[k] === 1);
  const ends = wide.map(lastColumn);
  const cols = Math.max(1, ...ends);
  const widest = wide[ends.indexOf(cols)];
  for (const k of wide) {
    if (width[k] < cols) {
      throw valueError("args.columnsMismatch", {
        arg: inputs[k].arg,
        found: width[k],
        other: inputs[widest].arg,
        expected: cols,
      });
    }
  }
  const largest = Math.max(...ranges.map((k) => height[k] * width[k]));
  if (rows * cols > Math.max(MAX_GRID_CELLS, largest)) {
    throw valueError("grids.tooLarge", {
      args: ranges.map((k) => inputs[k].arg).join(", "),
      rows,
      cols,
      cells: rows * cols,
      max: MAX_GRID_CELLS,
    });
  }
  const cell = (k: number, row: number, col: number): unknown => {
    const grid = grids[k];
    return isRange[k] ? grid[row * dr[k]][col * dc[k]] : (grid[0]?.[0] ?? null);
  };
  return {
    rows,
    cols,
    single: false,
    isRange: (k) => isRange[k],
    repeatsDown: (k) => dr[k] === 0,
    repeatsAcross: (k) => dc[k] === 0,
    cell,
    rowIsBlank: (row, col) => ranges.every((k) => blankCell(k, cell(k, row, col))),
    blankAt: (k, row, col) => blankCell(k, cell(k, row, col)),
    grid: (k) => grids[k],
    position: (k, row, col) => ({ row: row * dr[k], col: col * dc[k] }),
    locate,
  };
}

/**
 * Runs `compute` on every row of a frame: a row blank in every range gives BLANK; a failure gives the Excel error in
 * that cell only (and, when every argument is a single cell, fails the formula); a result that is not a finite number
 * is an error saying so.
 */
export function eachRow(
  frame: RowFrame,
  compute: (row: number, col: number) => unknown,
  /** The arguments' addresses, when Excel gave them: a bad cell's message names it ("Sheet1!D7"). */
  addresses?: ReadonlyMap<string, string>,
): Grid {
  if (frame.single) return [[finite(compute(0, 0))]];
  const locale = currentLocale();
  const result: Grid = [];
  for (let r = 0; r < frame.rows; r++) {
    const line: unknown[] = new Array(frame.cols);
    for (let c = 0; c < frame.cols; c++) {
      if (frame.rowIsBlank(r, c)) {
        line[c] = BLANK;
        continue;
      }
      try {
        line[c] = finite(compute(r, c));
      } catch (error) {
        line[c] = toExcelError(namingCell(frame.locate(error, r, c), addresses, c), locale);
      }
    }
    result.push(line);
  }
  return result;
}

/** A result that Excel can show: a finite number (or any other value); overflow is an error with a message. */
export function finite(value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw valueError(Number.isNaN(value) ? "args.resultUndefined" : "args.resultOverflow");
  }
  return value;
}

/**
 * Reads argument k of a frame in one row as a number. A range's cell names its row; a blank cell of a range, in a row
 * with values elsewhere, is an error naming the row; a single blank cell or an omitted argument takes the default.
 */
export function frameNumber(
  frame: RowFrame,
  input: RowArgument & { rule?: NumberRule },
  k: number,
  row: number,
  col: number,
): number {
  const rule = input.rule ?? {};
  const cell = frame.cell(k, row, col);
  const inRange = frame.isRange(k);
  try {
    if (frame.blankAt(k, row, col)) {
      if (inRange) throw valueError("args.blankAt", { arg: input.arg, row: row + 1 });
      if (rule.default !== undefined) return rule.default;
      throw valueError("args.required", { arg: input.arg });
    }
    return readCellNumber(cell, input.arg, rule, inRange ? row + 1 : undefined);
  } catch (error) {
    // The row (and column) within this argument: a single row of recencies is read in its only row.
    throw frame.locate(error, row, col);
  }
}

/**
 * Parallel columns for a function that needs every row (a fit, a check): laid out by the shape rule (trimmed once, a
 * single cell repeated), one column each. Rows blank in every column are left out; a blank in one column of a row
 * with values elsewhere is an error naming the row. All-blank input is #N/A saying so.
 */
export function readNumberColumns(
  inputs: readonly (RowArgument & { rule?: NumberRule })[],
  /** Filled with the 0-based row (within the ranges) of each value kept, to name rows in later checks. */
  keptRows?: number[],
): Float64Array[] {
  const frame = rowFrame(inputs);
  if (frame.cols !== 1) throw valueError("args.notColumn", { arg: inputs[widerArgument(frame, inputs.length)].arg });
  const ranges = inputs.map((_, k) => k).filter((k) => frame.isRange(k));
  // The rows kept, or null when every row is (no index array over a million rows then).
  let kept: Uint32Array | null = null;
  let count = frame.rows;
  if (!frame.single) {
    for (let r = 0; r < frame.rows; r++) {
      if (!isBlankRow(frame, ranges, r)) continue;
      // The first blank row: the kept ones are listed from here on.
      kept = new Uint32Array(frame.rows);
      for (let i = 0; i < r; i++) kept[i] = i;
      count = r;
      for (let s = r + 1; s < frame.rows; s++) if (!isBlankRow(frame, ranges, s)) kept[count++] = s;
      break;
    }
  }
  // One push per row: spreading a million rows into push() overflows the call stack.
  if (keptRows) for (let i = 0; i < count; i++) keptRows.push(kept ? kept[i] : i);
  return inputs.map((input, k) => {
    const column = new Float64Array(count);
    // frame.cell(k, row, 0), read from the grid: a range's row (its first one where it repeats), or the single cell.
    const grid = frame.grid(k);
    const step = frame.repeatsDown(k) ? 0 : 1;
    const single = frame.isRange(k) ? undefined : frame.cell(k, 0, 0);
    // checkNumber's conditions, none of which throws for a number read as it is (and 0 is not blank here).
    const { integer, rate, nonNegative, positive, min, max } = input.rule ?? {};
    const zeroIsBlank = input.zeroIsBlank === true;
    const low = Math.max(nonNegative || rate ? 0 : -Infinity, min ?? -Infinity);
    const high = Math.min(rate ? 1 : Infinity, max ?? Infinity);
    for (let i = 0; i < count; i++) {
      const row = kept ? kept[i] : i;
      const cell = single === undefined ? grid[row * step][0] : single;
      // A number the rule accepts is itself (frameNumber would return it): the full reading only for the others,
      // which gives their messages. Three million cells of a fit went through it one call chain each.
      if (
        typeof cell === "number" &&
        cell >= low &&
        cell <= high &&
        Number.isFinite(cell) &&
        !(positive && cell <= 0) &&
        !(integer && !Number.isInteger(cell)) &&
        !(zeroIsBlank && cell === 0)
      ) {
        column[i] = cell;
      } else {
        column[i] = frameNumber(frame, input, k, row, 0);
      }
    }
    return column;
  });
}

/** Every range of the frame is blank in this row (frame.rowIsBlank without its closure per row). */
function isBlankRow(frame: RowFrame, ranges: readonly number[], row: number): boolean {
  for (let j = 0; j < ranges.length; j++) {
    const k = ranges[j];
    const cell = frame.cell(k, row, 0);
    // A number other than 0 is never blank; anything else is as blankAt says.
    if ((typeof cell === "number" && cell !== 0) || !frame.blankAt(k, row, 0)) return false;
  }
  return true;
}

/** The first argument wider than one column (a frame with several columns has one): the one to name. */
export function widerArgument(frame: RowFrame, count: number): number {
  for (let k = 0; k < count; k++) if (!frame.repeatsAcross(k)) return k;
  return 0;
}

export interface ElementwiseInput extends RowArgument {
  rule?: NumberRule;
}

/**
 * Applies a formula cell by cell, by the shape rule (see the top of this file): every input may be a single cell
 * (repeated) or a range (per row); the result has the ranges' shape (1×1 for all single cells).
 */
export function mapElementwise(
  inputs: readonly ElementwiseInput[],
  compute: (values: number[]) => number,
  /** The arguments' addresses, when Excel gave them (see eachRow). */
  addresses?: ReadonlyMap<string, string>,
): Grid {
  const frame = rowFrame(inputs);
  return eachRow(frame, (r, c) => compute(inputs.map((input, k) => frameNumber(frame, input, k, r, c))), addresses);
}

/**
 * The error policy: Excel shows a message only with #VALUE! and #N/A (CustomFunctions.ErrorCode reference), and every
 * InputError carries a message that says what to fix. So an input problem is #VALUE! — including the engine's "num"
 * kind (a number outside the formula's domain), which the pane shows as it is — and #N/A where there is nothing to
 * compute. #NUM! and #DIV/0! are never thrown with a message: they would reach the cell bare.
 */
const ERROR_CODE_OF_KIND = {
  value: "invalidValue",
  num: "invalidValue",
  na: "notAvailable",
} as const;

/** Turns anything thrown into the CustomFunctions.Error the user sees, in their language. */
export function toExcelError(error: unknown, locale: Locale = currentLocale()): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  if (error instanceof InputError) {
    const code = CustomFunctions.ErrorCode[ERROR_CODE_OF_KIND[error.kind]];
    // A cell of a per-row argument wider than one column is named by its row and column ("row 1, column 4").
    const { row, gridColumn } = error.params;
    const params =
      typeof row === "number" && typeof gridColumn === "number"
        ? { ...error.params, row: t("grids.rowColumn", { row, column: gridColumn }, locale) }
        : error.params;
    return new CustomFunctions.Error(code, t(error.key, params, locale));
  }
  // Anything else is our failure, not the user's: a message that says what to do, never JavaScript's own words.
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, t("common.internalError", {}, locale));
}

/** A NaN or ±Infinity never reaches a cell: it becomes #VALUE! with a message (a spilled range keeps its other cells). */
function finiteCells<T>(result: T, locale: Locale): T {
  const bad = (value: unknown) => typeof value === "number" && !Number.isFinite(value);
  const error = () =>
    new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, t("common.notFinite", {}, locale));
  if (bad(result)) throw error();
  if (!Array.isArray(result)) return result;
  let clean = true;
  for (const row of result) {
    if (Array.isArray(row) ? row.some(bad) : bad(row)) clean = false;
  }
  if (clean) return result;
  return result.map((row: unknown) =>
    Array.isArray(row) ? row.map((cell) => (bad(cell) ? error() : cell)) : bad(row) ? error() : row,
  ) as T;
}

/** Runs a function body and throws any failure as the matching Excel error; non-finite numbers become errors. */
export function runFunction<T>(
  body: () => T,
  /** The arguments' addresses, when Excel gave them: an error about one cell names it (cell-messages.ts). */
  addresses?: ReadonlyMap<string, string>,
): T {
  let result: T;
  try {
    result = body();
  } catch (error) {
    throw toExcelError(namingCell(error, addresses));
  }
  return finiteCells(result, currentLocale());
}
