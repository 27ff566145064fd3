/**
 * Calls a custom function exactly as Excel would (arguments in parameter order, null for the omitted
 * ones) and turns what comes back into cells to show: values, or an Excel error's code and message.
 */

/** An Excel error as a cell shows it: the code (#VALUE!) and the message in the function's tooltip. */
export interface ErrorCell {
  code: string;
  message: string;
}

export type ResultCell = { kind: "value"; value: string | number | boolean } | ({ kind: "error" } & ErrorCell);

export type Evaluation = { ok: true; cells: ResultCell[][] } | ({ ok: false } & ErrorCell);

/** Recognises CustomFunctions.Error from any window (the shim's or Excel's): it carries a code like "#NUM!". */
export function asExcelError(value: unknown): ErrorCell | null {
  if (typeof value !== "object" || value === null) return null;
  const code = (value as { code?: unknown }).code;
  if (typeof code !== "string" || !code.startsWith("#")) return null;
  const message = (value as { message?: unknown }).message;
  return { code, message: typeof message === "string" ? message : "" };
}

function toCell(value: unknown): ResultCell {
  const error = asExcelError(value);
  if (error) return { kind: "error", ...error };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") {
    return { kind: "value", value };
  }
  // Excel shows a null inside a spilled array as 0 (office-js#1503); the gallery shows it the same way.
  if (value === null || value === undefined) return { kind: "value", value: 0 };
  return { kind: "error", code: "#VALUE!", message: String(value) };
}

/** The result as Excel would spill it: scalars become 1×1. */
export function toResultCells(result: unknown): ResultCell[][] {
  if (Array.isArray(result)) {
    return result.map((row) => (Array.isArray(row) ? row.map(toCell) : [toCell(row)]));
  }
  return [[toCell(result)]];
}

export type CustomFunction = (...args: unknown[]) => unknown;

/** Runs the function; a thrown Excel error becomes the whole result, as the cell would show it. */
export async function evaluateCustomFunction(fn: CustomFunction, args: readonly unknown[]): Promise<Evaluation> {
  try {
    const result = await fn(...args);
    return { ok: true, cells: toResultCells(result) };
  } catch (error) {
    const excel = asExcelError(error);
    if (excel) return { ok: false, ...excel };
    return { ok: false, code: "#VALUE!", message: error instanceof Error ? error.message : String(error) };
  }
}
