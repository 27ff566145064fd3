/**
 * Calls a custom function exactly as Excel would — through the Excel-faithful invoker (excel-invoker.ts), with the
 * function's functions.json entry — and turns what the cells show into the gallery's result: values, or an Excel
 * error's code and the message Excel would show on hover (none for #NUM! and #DIV/0!).
 */
import {
  CustomFunction,
  FormulaArgument,
  Invocation,
  invokeAsync,
  InvokedFunction,
  isShownError,
} from "./excel-invoker";

export type { CustomFunction } from "./excel-invoker";

/** An Excel error as a cell shows it: the code (#VALUE!) and the message in the function's tooltip. */
export interface ErrorCell {
  code: string;
  message: string;
}

export type ResultCell = { kind: "value"; value: string | number | boolean } | ({ kind: "error" } & ErrorCell);

export type Evaluation = { ok: true; cells: ResultCell[][] } | ({ ok: false } & ErrorCell);

/** What the gallery shows for an invocation: a single error as the whole outcome, otherwise the spilled cells. */
export function evaluationOf(invocation: Invocation): Evaluation {
  const { cells } = invocation;
  const only = cells.length === 1 && cells[0].length === 1 ? cells[0][0] : null;
  if (isShownError(only)) return { ok: false, code: only.error, message: only.message };
  return {
    ok: true,
    cells: cells.map((row) =>
      row.map((cell): ResultCell =>
        isShownError(cell)
          ? { kind: "error", code: cell.error, message: cell.message }
          : { kind: "value", value: cell },
      ),
    ),
  };
}

/** Runs the function as Excel would for these formula arguments. */
export async function evaluateCustomFunction(
  fn: CustomFunction,
  info: InvokedFunction,
  args: readonly FormulaArgument[],
  allowErrors: boolean,
): Promise<Evaluation> {
  return evaluationOf(await invokeAsync(fn, info, args, { allowErrors }));
}
