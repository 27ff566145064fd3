/**
 * A stand-in for the CustomFunctions global that Excel injects, for the places where Excel is absent:
 * jest, and the workbench page. It records CustomFunctions.associate() calls so the workbench can
 * evaluate the very functions Excel would call. Inside Excel the real global exists and this does nothing.
 */

/** The error codes Excel shows in a cell, as Excel spells them. */
export const EXCEL_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class ShimCustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? "");
    this.name = "CustomFunctions.Error";
  }
}

// The shape is Excel's; the functions are whatever the bundle associates.

export type AssociatedFunctions = Map<string, Function>;

export interface CustomFunctionsShim {
  Error: typeof ShimCustomFunctionError;
  ErrorCode: typeof EXCEL_ERROR_CODES;

  associate(id: string | Record<string, Function>, fn?: Function): void;
  associated: AssociatedFunctions;
}

/** Installs the shim on `target` unless a real CustomFunctions global is already there. */
export function installCustomFunctionsShim(target: object): void {
  const host = target as { CustomFunctions?: unknown };
  if (host.CustomFunctions) return;
  const associated: AssociatedFunctions = new Map();
  const shim: CustomFunctionsShim = {
    Error: ShimCustomFunctionError,
    ErrorCode: EXCEL_ERROR_CODES,
    associate(id, fn) {
      if (typeof id === "string") {
        if (fn) associated.set(id.toUpperCase(), fn);
      } else {
        for (const [key, value] of Object.entries(id)) associated.set(key.toUpperCase(), value);
      }
    },
    associated,
  };
  host.CustomFunctions = shim;
}
