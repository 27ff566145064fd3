/**
 * Large custom-function calls run in a Web Worker (Microsoft's web-worker pattern for custom functions in the shared
 * runtime): in the shared runtime the functions run on the task pane's thread, so a one-second CUST.FIT would freeze
 * the pane. A call that hands over at least offloadThreshold(id) cells (or whose ranges combine into a grid of that
 * many: wire.ts, workOf) goes to the worker and returns a Promise
 * that settles with exactly what the function returns or throws on the pane's thread (same code, same language; its
 * CustomFunctions.Error rebuilt with its code and message); a smaller call runs synchronously, as before. Where
 * there is no worker (no Worker, a Content-Security-Policy that refuses the script, a worker that fails), the call
 * runs on the calling thread: the user gets the same answer, only not off the pane's thread.
 */
import { plainInvocation } from "../cell-address";
import { currentLocale } from "../locale";
import { startFunctionsWorker } from "./functions-worker-factory";
import { CallMessage, decode, encode, ReplyMessage, workOf } from "./wire";

/**
 * Where a call runs is decided by the cells it hands over, measured in Chromium (BENCHMARKS.md, "Custom functions in
 * a worker"): handing a call over costs the pane's thread ~1 ms per 15,000 cells (one typed array per numeric range,
 * see wire.ts), and a call that finishes in under ~20 ms is better left where it is (the round trip only adds
 * latency). A per-customer prediction (CUST.PALIVE, CUST.PCLV…) costs ~1 µs per cell, so it goes to the worker from
 * 20,000 cells (~7,000 customers, ~20 ms); a fit, or parameter draws, cost ~50 µs per cell (CUST.FIT pnbd: 175 ms on
 * 1,000 customers), so from 2,000 cells.
 */
export const OFFLOAD_THRESHOLD_CELLS = 20_000;
/** The threshold of the functions whose work per cell is a fit's (an optimiser, or draws of the parameters). */
export const OFFLOAD_THRESHOLD_CELLS_HEAVY = 2_000;
/** Functions that run an optimiser or draw parameters on their data. */
const HEAVY_FUNCTIONS = new Set(["FIT", "FORECAST", "PCLVRANGE"]);

/** What the dispatcher needs of a Worker (the browser's, or a test's stand-in). */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  terminate(): void;
}

type AnyFunction = (...args: unknown[]) => unknown;

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  /** The same call on the calling thread, for when the worker fails. */
  fallback(): unknown;
}

/** null: the measured thresholds above; a number: one threshold for every function (tests, the probe page). */
let threshold: number | null = null;
let factory: () => WorkerLike | null = () => startFunctionsWorker() as unknown as WorkerLike | null;
/** undefined: not started yet; null: no worker here (calls run on the calling thread). */
let worker: WorkerLike | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

/** Test and probe hook: one cell count from which every call goes to the worker (Infinity: never; null: measured). */
export function setOffloadThreshold(cells: number | null): void {
  threshold = cells;
}

/** The cell count from which calls of `id` go to the worker. */
export function offloadThreshold(id: string): number {
  if (threshold !== null) return threshold;
  return HEAVY_FUNCTIONS.has(id) ? OFFLOAD_THRESHOLD_CELLS_HEAVY : OFFLOAD_THRESHOLD_CELLS;
}

/** Test hook: how the worker is made (null: no worker). Stops any running worker. */
export function setOffloadWorkerFactory(make: () => WorkerLike | null): void {
  stopWorker();
  factory = make;
}

/** Stops the worker; calls still waiting for it finish on the calling thread. */
export function stopWorker(): void {
  const running = worker;
  worker = undefined;
  running?.terminate();
  failPending();
}

/** How many calls are waiting for the worker (tests). */
export const pendingCalls = (): number => pending.size;

const makeError = (code: string, message: string) => new CustomFunctions.Error(code as never, message);

function settle(call: Pending, run: () => unknown): void {
  try {
    call.resolve(run());
  } catch (error) {
    call.reject(error);
  }
}

function failPending(): void {
  const calls = [...pending.values()];
  pending.clear();
  for (const call of calls) settle(call, call.fallback);
}

function onReply(reply: ReplyMessage): void {
  const call = pending.get(reply.id);
  if (!call) return;
  pending.delete(reply.id);
  if (reply.ok) {
    settle(call, () => decode(reply.value, makeError));
  } else if (reply.error) {
    call.reject(makeError(reply.error.code, reply.error.message));
  } else {
    // Not an Excel error (the worker could not find the function, or failed itself): the calling thread decides.
    settle(call, call.fallback);
  }
}

function currentWorker(): WorkerLike | null {
  if (worker !== undefined) return worker;
  let started: WorkerLike | null = null;
  try {
    started = factory();
  } catch {
    started = null;
  }
  worker = started;
  if (started) {
    started.onmessage = (event) => onReply(event.data as ReplyMessage);
    // The script did not load (a Content-Security-Policy, a missing file) or the worker died: from now on, and for
    // the calls it held, the calling thread computes.
    started.onerror = () => {
      if (worker === started) worker = null;
      started.terminate();
      failPending();
    };
  }
  return started;
}

/** `fn` registered under `id`, sending its large calls to the worker. */
export function offloaded(id: string, fn: AnyFunction): AnyFunction {
  const from = () => offloadThreshold(id);
  return function offloadedCall(this: unknown, ...args: unknown[]): unknown {
    if (workOf(args) < from()) return fn.apply(this, args);
    const target = currentWorker();
    if (!target) return fn.apply(this, args);
    const callId = nextId++;
    const transfer: Transferable[] = [];
    let message: CallMessage;
    try {
      // Excel's invocation (the last argument of a function that asks for its arguments' addresses) travels as a
      // plain object holding the addresses, so a bad row's message still names its cell.
      const sent = args.map((arg) => encode(plainInvocation(arg), transfer));
      message = { id: callId, fn: id, locale: currentLocale(), args: sent };
    } catch {
      return fn.apply(this, args);
    }
    return new Promise((resolve, reject) => {
      pending.set(callId, { resolve, reject, fallback: () => fn.apply(this, args) });
      try {
        target.postMessage(message, transfer);
      } catch {
        // An argument the structured clone refuses: this call runs here.
        const call = pending.get(callId);
        pending.delete(callId);
        if (call) settle(call, call.fallback);
      }
    });
  };
}

/**
 * Registers every function through the dispatcher: wraps `CustomFunctions.associate` before the function modules
 * call it (the metadata plugin appends `CustomFunctions.associate("FIT", fit)` to each). Returns false where
 * associate cannot be replaced: the functions then register as they are and run on the calling thread.
 */
export function installOffload(target: object): boolean {
  const host = (target as { CustomFunctions?: { associate?: unknown } }).CustomFunctions;
  if (!host || typeof host.associate !== "function") return false;
  const associate = host.associate as (id: string | Record<string, AnyFunction>, fn?: AnyFunction) => void;
  const wrapped = (id: string | Record<string, AnyFunction>, fn?: AnyFunction): void => {
    if (typeof id === "string") {
      associate.call(host, id, fn ? offloaded(id.toUpperCase(), fn) : fn);
      return;
    }
    const all: Record<string, AnyFunction> = {};
    for (const [key, value] of Object.entries(id)) all[key] = offloaded(key.toUpperCase(), value);
    associate.call(host, all);
  };
  try {
    host.associate = wrapped;
  } catch {
    return false;
  }
  return host.associate === wrapped;
}
