/**
 * The custom functions as a test calls them: through the Excel-faithful invoker (src/workbench/excel-invoker.ts),
 * with the functions.json the build generates. Load once per file (about a second):
 *
 *   let excel: ExcelFunctions;
 *   beforeAll(async () => { excel = await loadExcelFunctions(); }, 60000);
 *   excel.call("CLV", 5, 3, 416)                       // cells as Excel shows them
 *   excel.value("CLV", 5, 3, 416)                      // the single value (or { error, message })
 *   excel.callWith({ blank: 0 }, "CLV", [[5], [null]], 3, 416)
 *
 * Arguments are written as in a formula: a number or text typed in place, rows of cells for a range (null is a blank
 * cell), errorCell("#N/A") for a cell holding an error, undefined or null for an argument left out.
 */
import { CustomFunction, englishMetadata, FunctionMetadata, functionImplementations } from "../../scripts/make-docs";
import { setFunctionsLocale } from "../../src/functions/locale";
import type { Locale } from "../../src/i18n";
import {
  FormulaArgument,
  InputCell,
  invoke,
  Invocation,
  InvokeOptions,
  isShownError,
  ShownCell,
  ShownError,
  single,
} from "../../src/workbench/excel-invoker";

export { BLANK_FORMS, errorCell, isShownError } from "../../src/workbench/excel-invoker";
export type {
  BlankForm,
  FormulaArgument,
  InputCell,
  Invocation,
  ShownCell,
  ShownError,
} from "../../src/workbench/excel-invoker";

export interface CallOptions extends InvokeOptions {
  /** The functions' language for this call (default English). */
  locale?: Locale;
}

export interface ExcelFunctions {
  /** functions.json's entries, by id. */
  metadata: ReadonlyMap<string, FunctionMetadata>;
  allowErrors: boolean;
  /** The full invocation: cells, the errors the function produced, the number of calls. */
  invoke(options: CallOptions, id: string, ...args: FormulaArgument[]): Invocation;
  /** The cells a formula shows. */
  call(id: string, ...args: FormulaArgument[]): ShownCell[][];
  callWith(options: CallOptions, id: string, ...args: FormulaArgument[]): ShownCell[][];
  /** The single value a formula shows (its top-left cell). */
  value(id: string, ...args: FormulaArgument[]): ShownCell;
  /** The error a formula shows; fails the test when it shows a value. */
  error(id: string, ...args: FormulaArgument[]): ShownError;
  errorWith(options: CallOptions, id: string, ...args: FormulaArgument[]): ShownError;
}

let cached: Promise<ExcelFunctions> | null = null;

async function load(): Promise<ExcelFunctions> {
  const json = await englishMetadata();
  const implementations = functionImplementations();
  const metadata = new Map(json.functions.map((fn) => [fn.id, fn]));
  const allowErrors = json.allowErrorForDataTypeAny === true;
  const run = (options: CallOptions, id: string, args: FormulaArgument[]): Invocation => {
    const fn: CustomFunction | undefined = implementations.get(id);
    const info = metadata.get(id);
    if (!fn || !info) throw new Error(`No custom function ${id}`);
    setFunctionsLocale(options.locale ?? "en");
    try {
      return invoke(fn, info, args, { allowErrors, ...options });
    } finally {
      setFunctionsLocale(null);
    }
  };
  const errorOf = (options: CallOptions, id: string, args: FormulaArgument[]): ShownError => {
    const cell = single(run(options, id, args));
    if (!isShownError(cell)) throw new Error(`${id} showed ${JSON.stringify(cell)}, not an error`);
    return cell;
  };
  return {
    metadata,
    allowErrors,
    invoke: (options, id, ...args) => run(options, id, args),
    call: (id, ...args) => run({}, id, args).cells,
    callWith: (options, id, ...args) => run(options, id, args).cells,
    value: (id, ...args) => single(run({}, id, args)),
    error: (id, ...args) => errorOf({}, id, args),
    errorWith: (options, id, ...args) => errorOf(options, id, args),
  };
}

let loaded: ExcelFunctions | null = null;

/** The functions, loaded once per test file. */
export function loadExcelFunctions(): Promise<ExcelFunctions> {
  cached ??= load().then((functions) => (loaded = functions));
  return cached;
}

let language: Locale = "en";
afterEach(() => {
  language = "en";
});

/** The language of the calls excelFunction makes, as a French or English Excel would; English again after each test. */
export function setExcelLanguage(locale: Locale | null): void {
  language = locale ?? "en";
}

/**
 * One function as a formula calls it, for tests written with plain calls: `const fit = excelFunction("FIT")`, then
 * `fit("bgnbd", x, tx, T)` gives the cells Excel shows, once a beforeAll has awaited loadExcelFunctions().
 */
export function excelFunction(id: string, options: CallOptions = {}): (...args: unknown[]) => ShownCell[][] {
  return (...args) => {
    if (!loaded) throw new Error("await loadExcelFunctions() in a beforeAll before calling a function");
    return loaded.callWith({ locale: language, ...options }, id, ...(args as FormulaArgument[]));
  };
}

/** The error a cell shows, as { code, message }; fails the test when the cell shows a value. */
export function cellError(cell: ShownCell): { code: string; message: string } {
  if (!isShownError(cell)) throw new Error(`expected an error, the cell shows ${JSON.stringify(cell)}`);
  return { code: cell.error, message: cell.message };
}

/** The error a formula shows in its first cell (only #VALUE! and #N/A keep a message in Excel). */
export const excelError = (run: () => ShownCell[][]) => cellError(run()[0][0]);

const isRange = (arg: FormulaArgument): arg is readonly (readonly InputCell[])[] => Array.isArray(arg);

/**
 * Whether a call's arguments hold a blank cell: one left blank in a range (null or missing) or a ragged range. The
 * blank form (InvokeOptions.blank) reaches the function through those cells only, so a call without one is the same
 * call whichever form is chosen, and a sweep over the forms needs to run it once (test/workbench/excel-invoker.test.ts
 * checks this).
 */
export const hasBlankCell = (args: readonly FormulaArgument[]): boolean =>
  args.some(
    (arg) =>
      isRange(arg) &&
      arg.some((row) => row.length !== arg[0].length || row.some((cell: InputCell | undefined) => cell == null)),
  );

/** A column of values as a range argument: column(1, null, 3) is the range [[1], [null], [3]]. */
export const column = (...cells: InputCell[]): InputCell[][] => cells.map((cell) => [cell]);

/** The first column of a result as a flat list. */
export const firstColumn = (cells: ShownCell[][]): ShownCell[] => cells.map((row) => row[0]);
