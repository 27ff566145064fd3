/**
 * Calls a custom function the way Excel calls it, from the function's entry in functions.json, and shows what the
 * cells would show. Every function test, the worked examples (and so the function reference) and the workbench
 * gallery go through here, so none of them can be more permissive than Excel. What Excel does, and where we read it:
 *
 * - Omitted arguments arrive as null (custom-functions-parameter-options: "optional parameters … null").
 * - Matrix parameters (`any[][]`) receive a 2-D array: a typed value or a single cell becomes 1×1.
 * - Scalar parameters receive one value. Given a range (or an array constant) of more than one cell, dynamic-array
 *   Excel lifts the call, as for its own functions (LEN(A1:A3)): the function is called once per cell and the
 *   results spill in the range's shape. Ranges of different sizes broadcast where a side is 1; other positions
 *   outside a range give #N/A. A lifted call that returns an array keeps its top-left value (Excel has no nested
 *   arrays). A 1×1 range given to a scalar parameter is its value.
 * - Blank cells: null on the web and in recent desktop builds, 0 in older desktop builds and in matrix arguments on
 *   desktop (office-js#4702, #1951, #5262); a cell whose formula returns "" arrives as "". `blank` picks the form; tests
 *   run every function with each one.
 * - Error cells: without allowErrorForDataTypeAny (a top-level flag of functions.json for every `any` parameter),
 *   Excel never calls the function and the cell shows the argument's error, bare. With it, the error reaches the
 *   function as a CustomFunctions.Error (custom-functions-errors: "Errors as custom function inputs").
 * - Addresses: a function whose metadata has options.requiresParameterAddresses gets one more argument after its
 *   parameters, the invocation, whose parameterAddresses lists each argument's range address (CustomFunctions
 *   Invocation reference). Excel without that support (older builds, the workbench) gives none.
 * - Results: Excel shows a custom message only with #VALUE! and #N/A (CustomFunctions.ErrorCode reference); a #NUM!,
 *   #DIV/0! or #NULL! shows bare. An exception that is not a CustomFunctions.Error shows a bare #VALUE!. #NAME? and
 *   #REF! are input-only codes (returned, they show #VALUE!). null in a spilled result shows 0 (office-js#1503), a
 *   non-finite number #NUM!, a ragged row is filled with #N/A, and an empty array shows #CALC!.
 */

export type CustomFunction = (...args: unknown[]) => unknown;

/** The parts of a functions.json parameter the call depends on. */
export interface InvokedParameter {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}

/** The parts of a functions.json entry the call depends on. */
export interface InvokedFunction {
  id: string;
  parameters: readonly InvokedParameter[];
  result?: { type?: string; dimensionality?: string };
  /** functions.json options: with requiresParameterAddresses, Excel passes an invocation last, with the addresses. */
  options?: { requiresParameterAddresses?: boolean };
}

/** A cell holding an Excel error, given as an input (a cell showing #N/A, =1/0, …). */
export class ErrorCell {
  constructor(readonly code: string) {}
}

/** An input cell holding the error `code` ("#N/A", "#DIV/0!"…). */
export const errorCell = (code: string): ErrorCell => new ErrorCell(code);

/** One input cell: a value, a blank cell (null) or an error. */
export type InputCell = number | string | boolean | null | ErrorCell;

/**
 * One argument as written in a formula: omitted (undefined, or null at the top level), a typed value or error, or a
 * range / array constant given as rows of cells (null inside a range is a blank cell; [[null]] is one blank cell).
 */
export type FormulaArgument = InputCell | undefined | readonly (readonly InputCell[])[];

/** How a blank cell reaches the function: null (web, recent desktop), 0 (older desktop, matrices), "" (="" cells). */
export type BlankForm = null | 0 | "";

/** Every form a blank cell takes on some platform: tests run their blank cases with each. */
export const BLANK_FORMS: readonly BlankForm[] = [null, 0, ""];

export interface InvokeOptions {
  /** How a blank cell is passed. Default null (Excel on the web). */
  blank?: BlankForm;
  /** functions.json's top-level allowErrorForDataTypeAny: error cells reach `any` parameters. */
  allowErrors?: boolean;
  /**
   * Where the arguments are, in parameter order ("Sheet1!D2:D9"; null for a typed value): passed as the invocation's
   * parameterAddresses when the function's metadata asks for them (requiresParameterAddresses), as Excel does.
   */
  parameterAddresses?: readonly (string | null)[];
}

/** An error as a cell shows it: its code, and the message on hover ("" when Excel shows none). */
export interface ShownError {
  error: string;
  message: string;
}

/** What a result cell shows. */
export type ShownCell = number | string | boolean | ShownError;

/** An error the function produced, with the message it attached before Excel dropped or kept it. */
export interface ProducedError {
  code: string;
  message: string;
  /** Thrown (the whole call failed) rather than placed in a result cell. */
  thrown: boolean;
}

export interface Invocation {
  /** What the cells show, row by row; 1×1 for a single value. */
  cells: ShownCell[][];
  /** Every Excel error the function threw or returned, as it produced them. */
  produced: ProducedError[];
  /** How often Excel called the function: 0 when an error input stopped it, one per cell when lifted. */
  calls: number;
}

/** The error codes whose message Excel shows. */
const CODES_WITH_MESSAGE = new Set(["#VALUE!", "#N/A"]);
/** The error codes a custom function may return (others show #VALUE!). */
const OUTPUT_CODES = new Set(["#VALUE!", "#N/A", "#NUM!", "#DIV/0!", "#NULL!"]);

export const isShownError = (cell: unknown): cell is ShownError =>
  typeof cell === "object" && cell !== null && "error" in cell && typeof (cell as ShownError).error === "string";

/** An Excel error object from any window (CustomFunctions.Error or the shim's): it has a code like "#NUM!". */
function asExcelErrorObject(value: unknown): { code: string; message: string } | null {
  if (typeof value !== "object" || value === null || value instanceof ErrorCell) return null;
  const code = (value as { code?: unknown }).code;
  if (typeof code !== "string" || !code.startsWith("#")) return null;
  const message = (value as { message?: unknown }).message;
  return { code, message: typeof message === "string" ? message : "" };
}

function shownError(code: string, message: string): ShownError {
  if (!OUTPUT_CODES.has(code)) return { error: "#VALUE!", message: "" };
  return { error: code, message: CODES_WITH_MESSAGE.has(code) ? message : "" };
}

/** The CustomFunctions.Error Excel hands to a function for an error cell (the shim's outside Excel). */
function inputErrorObject(code: string): unknown {
  const host = (globalThis as { CustomFunctions?: { Error?: new (code: string) => unknown } }).CustomFunctions;
  return host?.Error ? new host.Error(code) : { code };
}

type Grid = readonly (readonly InputCell[])[];

const isGrid = (value: FormulaArgument): value is Grid => Array.isArray(value);

class Recorder {
  produced: ProducedError[] = [];
  calls = 0;

  cell(value: unknown): ShownCell {
    if (typeof value === "number") return Number.isFinite(value) ? (value === 0 ? 0 : value) : shownError("#NUM!", "");
    if (typeof value === "string" || typeof value === "boolean") return value;
    if (value === null || value === undefined) return 0;
    const excel = asExcelErrorObject(value);
    if (excel) {
      this.produced.push({ ...excel, thrown: false });
      return shownError(excel.code, excel.message);
    }
    return shownError("#VALUE!", "");
  }

  thrown(error: unknown): ShownCell[][] {
    const excel = asExcelErrorObject(error);
    if (!excel) return [[shownError("#VALUE!", "")]];
    this.produced.push({ ...excel, thrown: true });
    return [[shownError(excel.code, excel.message)]];
  }

  /** A returned value as the cells show it. */
  result(value: unknown, fn: InvokedFunction): ShownCell[][] {
    if (!Array.isArray(value)) return [[this.cell(value)]];
    if (fn.result?.dimensionality !== "matrix") return [[shownError("#VALUE!", "")]];
    if (value.length === 0 || !value.every((row) => Array.isArray(row))) {
      return value.length === 0 ? [[EMPTY]] : [[shownError("#VALUE!", "")]];
    }
    const rows = value as unknown[][];
    // A loop, not Math.max(...rows): a spill of 1,048,576 rows would overflow the call stack.
    let width = 0;
    for (const row of rows) width = Math.max(width, row.length);
    if (width === 0) return [[EMPTY]];
    return rows.map((row) => Array.from({ length: width }, (_, c) => (c < row.length ? this.cell(row[c]) : NA)));
  }
}

const NA: ShownError = { error: "#N/A", message: "" };
/** What Excel shows for an empty array. */
const EMPTY: ShownError = { error: "#CALC!", message: "" };

/** The first error cell of an argument, scanning rows in order. */
function firstError(value: FormulaArgument): ErrorCell | null {
  if (value instanceof ErrorCell) return value;
  if (!isGrid(value)) return null;
  for (const row of value) for (const cell of row) if (cell instanceof ErrorCell) return cell;
  return null;
}

/** One cell as the function receives it. */
function passCell(cell: InputCell | undefined, blank: BlankForm): unknown {
  if (cell === null || cell === undefined) return blank;
  if (cell instanceof ErrorCell) return inputErrorObject(cell.code);
  return cell;
}

/** An argument for a matrix parameter: always a 2-D array. */
function passMatrix(value: FormulaArgument, blank: BlankForm): unknown {
  if (value === undefined || value === null) return null;
  if (!isGrid(value)) return [[passCell(value, blank)]];
  return value.map((row) => row.map((cell) => passCell(cell, blank)));
}

/** A call Excel plans: its arguments per result cell, or what a cell shows without calling. */
type Planned = { args: unknown[] } | { shown: ShownCell };

interface Plan {
  /** The call could not be made: an error input stopped it. */
  stopped?: ShownError;
  lifted: boolean;
  elements: Planned[][];
}

function plan(fn: InvokedFunction, args: readonly FormulaArgument[], options: InvokeOptions): Plan {
  const blank = options.blank === undefined ? null : options.blank;
  const parameters = fn.parameters;
  const values: FormulaArgument[] = parameters.map((_, i) => args[i]);
  if (args.length > parameters.length && !parameters[parameters.length - 1]?.repeating) {
    throw new Error(`${fn.id} takes ${parameters.length} arguments, given ${args.length}`);
  }
  const acceptsErrors = (parameter: InvokedParameter) =>
    options.allowErrors === true && (parameter.type ?? "any") === "any";

  // Without allowErrorForDataTypeAny, an error anywhere in a non-lifted argument stops the call.
  const lifted = parameters.map(
    (parameter, i) =>
      parameter.dimensionality !== "matrix" &&
      isGrid(values[i]) &&
      ((values[i] as Grid).length > 1 || ((values[i] as Grid)[0]?.length ?? 0) > 1),
  );
  for (let i = 0; i < parameters.length; i++) {
    if (lifted[i] || acceptsErrors(parameters[i])) continue;
    const error = firstError(values[i]);
    if (error) return { stopped: { error: error.code, message: "" }, lifted: false, elements: [] };
  }

  const scalarAt = (i: number, cell: InputCell | undefined): unknown => {
    if (cell instanceof ErrorCell && !acceptsErrors(parameters[i])) return cell;
    return passCell(cell, blank);
  };
  const fixed = parameters.map((parameter, i) => {
    const value = values[i];
    if (parameter.dimensionality === "matrix") return passMatrix(value, blank);
    if (value === undefined || value === null) return null;
    if (isGrid(value)) return lifted[i] ? undefined : scalarAt(i, value[0]?.[0]);
    return scalarAt(i, value);
  });

  if (fn.options?.requiresParameterAddresses) {
    const addresses = options.parameterAddresses;
    fixed.push({
      functionName: fn.id,
      parameterAddresses: addresses ? parameters.map((_, i) => addresses[i] ?? "") : undefined,
    });
  }

  if (!lifted.some(Boolean)) return { lifted: false, elements: [[{ args: fixed }]] };

  const grids = values.map((value, i) => (lifted[i] ? (value as Grid) : null));
  const rows = Math.max(...grids.map((grid) => grid?.length ?? 1));
  const widest = (grid: Grid) => grid.reduce((most, row) => Math.max(most, row.length), 0);
  const cols = Math.max(...grids.map((grid) => (grid ? widest(grid) : 1)));
  const elements: Planned[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: Planned[] = [];
    for (let c = 0; c < cols; c++) {
      let shown: ShownCell | null = null;
      const callArgs = fixed.map((value, i) => {
        const grid = grids[i];
        if (!grid) return value;
        const rr = grid.length === 1 ? 0 : r;
        const cc = grid[rr] && grid[rr].length === 1 ? 0 : c;
        if (rr >= grid.length || cc >= (grid[rr]?.length ?? 0)) {
          shown ??= NA;
          return null;
        }
        const element = scalarAt(i, grid[rr][cc]);
        if (element instanceof ErrorCell) shown ??= { error: element.code, message: "" };
        return element;
      });
      line.push(shown ? { shown } : { args: callArgs });
    }
    elements.push(line);
  }
  return { lifted: true, elements };
}

/** Where a plain value came from when a stopped scalar slipped through (never passed to a function). */
const topLeft = (cells: ShownCell[][]): ShownCell => cells[0]?.[0] ?? NA;

function assemble(fn: InvokedFunction, planned: Plan, outcomes: (Outcome | null)[][], recorder: Recorder): Invocation {
  if (planned.stopped) return { cells: [[planned.stopped]], produced: [], calls: 0 };
  const settle = (outcome: Outcome) =>
    outcome.ok ? recorder.result(outcome.value, fn) : recorder.thrown(outcome.error);
  if (!planned.lifted) {
    return { cells: settle(outcomes[0][0]!), produced: recorder.produced, calls: recorder.calls };
  }
  const cells = planned.elements.map((line, r) =>
    line.map((element, c) => ("shown" in element ? element.shown : topLeft(settle(outcomes[r][c]!)))),
  );
  return { cells, produced: recorder.produced, calls: recorder.calls };
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function callSync(fn: CustomFunction, args: unknown[], recorder: Recorder): Outcome {
  recorder.calls++;
  try {
    const value = fn(...args);
    if (value instanceof Promise) throw new Error("invoke() is synchronous: use invokeAsync() for this function");
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error };
  }
}

async function callAsync(fn: CustomFunction, args: unknown[], recorder: Recorder): Promise<Outcome> {
  recorder.calls++;
  try {
    return { ok: true, value: await fn(...args) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Calls `fn` as Excel would for a formula with these arguments, and returns what the cells show. */
export function invoke(
  fn: CustomFunction,
  metadata: InvokedFunction,
  args: readonly FormulaArgument[],
  options: InvokeOptions = {},
): Invocation {
  const planned = plan(metadata, args, options);
  const recorder = new Recorder();
  const outcomes = planned.elements.map((line) =>
    line.map((element) => ("args" in element ? callSync(fn, element.args, recorder) : null)),
  );
  return assemble(metadata, planned, outcomes, recorder);
}

/** invoke() for functions that may return a promise (the gallery calls whatever the bundle registered). */
export async function invokeAsync(
  fn: CustomFunction,
  metadata: InvokedFunction,
  args: readonly FormulaArgument[],
  options: InvokeOptions = {},
): Promise<Invocation> {
  const planned = plan(metadata, args, options);
  const recorder = new Recorder();
  const outcomes = await Promise.all(
    planned.elements.map((line) =>
      Promise.all(line.map((element) => ("args" in element ? callAsync(fn, element.args, recorder) : null))),
    ),
  );
  return assemble(metadata, planned, outcomes, recorder);
}

/** The single value of a 1×1 result (or the result's top-left cell). */
export const single = (invocation: Invocation): ShownCell => topLeft(invocation.cells);
