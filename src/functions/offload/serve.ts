/**
 * The worker's side of an offloaded custom-function call: the same function code the pane's thread would run (the
 * worker loads every function module), in the caller's language, its result or its error sent back as it came.
 */
import type { Locale } from "../../i18n";
import { setFunctionsLocale } from "../locale";
import { CallMessage, decode, encode, ReplyMessage, thrownError } from "./wire";

export type FunctionLookup = (id: string) => ((...args: unknown[]) => unknown) | undefined;

export interface Reply {
  message: ReplyMessage;
  transfer: Transferable[];
}

/** Runs one call; never throws (a failure is the reply). */
export async function serveCall(call: CallMessage, lookup: FunctionLookup): Promise<Reply> {
  const makeError = (code: string, message: string) => new CustomFunctions.Error(code as never, message);
  const fn = lookup(call.fn);
  if (!fn) return { message: { id: call.id, ok: false, error: null }, transfer: [] };
  const args = call.args.map((arg) => decode(arg, makeError));
  setFunctionsLocale(call.locale as Locale);
  try {
    const value = await fn(...args);
    const transfer: Transferable[] = [];
    return { message: { id: call.id, ok: true, value: encode(value, transfer) }, transfer };
  } catch (error) {
    return { message: { id: call.id, ok: false, error: thrownError(error) }, transfer: [] };
  } finally {
    setFunctionsLocale(null);
  }
}
