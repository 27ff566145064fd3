/**
 * Where the gallery finds each function's code: the CustomFunctions.associate() registrations recorded by
 * the runtime shim (src/functions/runtime-shim.ts) when the functions bundle loads, keyed by upper-case id.
 */
import type { CustomFunctionsShim } from "../functions/runtime-shim";
import type { CustomFunction } from "./gallery-eval";

export type FunctionLookup = (id: string) => CustomFunction | undefined;

/** Looks functions up in the registrations of a window (or any global object) that loaded the functions. */
export function registeredFunctions(global: object): FunctionLookup {
  return (id) => {
    const shim = (global as { CustomFunctions?: Partial<CustomFunctionsShim> }).CustomFunctions;
    const fn = shim?.associated?.get(id.toUpperCase());
    return fn ? (fn as CustomFunction) : undefined;
  };
}
