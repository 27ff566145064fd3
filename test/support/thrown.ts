/**
 * What a call threw, for tests of bad input: the engine's InputError (code and message key) or the Excel error a
 * custom function throws (CustomFunctions.Error in Excel, the jest shim here).
 */
import { InputError } from "../../src/engine/errors";

/** Runs an engine call expected to refuse its input, and returns the InputError it threw. */
export function inputError(call: () => unknown): InputError {
  try {
    call();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}

/** Runs a custom function expected to fail, and returns the Excel error it threw. */
export function excelError(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("expected an Excel error");
}
