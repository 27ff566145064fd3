/**
 * A development page for the browser tests (functions-probe.html, not in the production build): loads the custom
 * functions as the pane page does (src/functions/functions.ts, so large calls go to the functions' worker) and
 * calls them on generated customers, through the worker and on the page's thread, for test/e2e/functions-worker.e2e.ts:
 * the two answers compared whole, and the page's thread watched (long tasks) while the worker computes.
 */
import "../functions/functions";
import type { CustomFunctionsShim } from "../functions/runtime-shim";
import { setFunctionsLocale } from "../functions/locale";
import { setOffloadThreshold } from "../functions/offload/dispatch";
import { seededUniform } from "../engine/random";
import type { Locale } from "../i18n";

type Fn = (...args: unknown[]) => unknown;
const registry = (globalThis as unknown as { CustomFunctions: CustomFunctionsShim }).CustomFunctions;
const lookup = (id: string) => registry.associated.get(id) as Fn;

const TABLES: Record<string, unknown[][]> = {
  bgnbd: [
    ["model", "bgnbd"],
    ["r", 0.25],
    ["alpha", 4.4],
    ["a", 0.79],
    ["b", 2.4],
  ],
  pnbd: [
    ["model", "pnbd"],
    ["r", 0.55],
    ["alpha", 10.6],
    ["s", 0.61],
    ["beta", 11.7],
  ],
};

function customers(n: number, seed: number) {
  const random = seededUniform(seed);
  const frequency: unknown[][] = [];
  const recency: unknown[][] = [];
  const age: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const T = 20 + Math.round(random() * 5000) / 100;
    const x = Math.floor(-Math.log(1 - random()) * 3 * random());
    frequency.push([x]);
    age.push([T]);
    recency.push([x === 0 ? 0 : Math.round(random() * T * 100) / 100]);
  }
  return { frequency, recency, age };
}

/** The arguments of a call, by name: a fit, predictions, a broken call, error cells. */
function argumentsOf(call: string, n: number): { id: string; args: unknown[] } {
  const { frequency, recency, age } = customers(n, 7 + n);
  switch (call) {
    case "fit-bgnbd":
      return { id: "FIT", args: ["bgnbd", frequency, recency, age, null, null, null, null, null] };
    case "fit-pnbd":
      return { id: "FIT", args: ["pnbd", frequency, recency, age, null, null, null, null, null] };
    case "palive":
      return { id: "PALIVE", args: [TABLES.pnbd, frequency, recency, age] };
    case "pclv":
      return {
        id: "PCLV",
        args: [TABLES.bgnbd, age.map(([T]) => [Number(T) / 2]), frequency, recency, age, "weeks", null, 12, 0.1, 0.3],
      };
    case "error-cells":
      return {
        id: "PALIVE",
        args: [
          TABLES.bgnbd,
          frequency.map((row, i) => (i % 997 === 5 ? [-2] : i % 997 === 6 ? ["lots"] : row)),
          recency,
          age,
        ],
      };
    case "thrown":
      return { id: "FIT", args: ["bgnbd", frequency, recency.slice(1), age, null, null, null, null, null] };
    default:
      throw new Error(`no call ${call}`);
  }
}

/** A result or thrown error as text, errors with their code and message. */
function shown(value: unknown): string {
  return JSON.stringify(value, (_key, cell: unknown) =>
    typeof cell === "object" && cell !== null && !Array.isArray(cell) && "code" in cell
      ? { code: (cell as { code: string }).code, message: (cell as { message?: string }).message ?? "" }
      : typeof cell === "number" && !Number.isFinite(cell)
        ? `number:${cell}`
        : cell,
  );
}

async function settle(run: () => unknown): Promise<{ promise: boolean; text: string }> {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    return { promise: false, text: `thrown ${shown(error)}` };
  }
  const promise = result instanceof Promise;
  try {
    return { promise, text: `value ${shown(await result)}` };
  } catch (error) {
    return { promise, text: `thrown ${shown(error)}` };
  }
}

/** The same call through the worker and on the page's thread. */
async function compare(call: string, n: number, locale: Locale) {
  const { id, args } = argumentsOf(call, n);
  setFunctionsLocale(locale);
  try {
    setOffloadThreshold(null);
    const worker = await settle(() => lookup(id)(...structuredClone(args)));
    setOffloadThreshold(Infinity);
    const main = await settle(() => lookup(id)(...structuredClone(args)));
    return { workerWasPromise: worker.promise, mainWasPromise: main.promise, worker: worker.text, main: main.text };
  } finally {
    setOffloadThreshold(null);
    setFunctionsLocale(null);
  }
}

/**
 * One call timed both ways, the page's thread watched: wall time on the page's thread alone; through the worker,
 * the wall time, the page's thread's share (the synchronous hand-over, then the answer's rebuilding) and the longest
 * task the page saw meanwhile.
 */
async function time(call: string, n: number, runs = 3) {
  const { id, args } = argumentsOf(call, n);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const main: number[] = [];
  const wall: number[] = [];
  const handOver: number[] = [];
  const longest: number[] = [];
  const fn = lookup(id);
  setOffloadThreshold(1);
  await settle(() => fn(...structuredClone(args))); // the worker started and warm
  for (let run = 0; run < runs; run++) {
    setOffloadThreshold(Infinity);
    let copy = structuredClone(args);
    let start = performance.now();
    await settle(() => fn(...copy));
    main.push(performance.now() - start);

    setOffloadThreshold(1);
    copy = structuredClone(args);
    // The page-thread run above is one long task, reported once it ends: let it end before observing.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) => tasks.push(entry.duration)),
    );
    observer.observe({ type: "longtask", buffered: false });
    start = performance.now();
    const pending = fn(...copy);
    handOver.push(performance.now() - start);
    await settle(() => pending);
    wall.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    longest.push(Math.max(0, ...tasks));
  }
  setOffloadThreshold(null);
  return {
    cells: args.reduce((sum: number, arg) => sum + (Array.isArray(arg) ? arg.length * (arg[0]?.length ?? 1) : 0), 0),
    mainMs: median(main),
    workerMs: median(wall),
    handOverMs: median(handOver),
    longestTaskMs: median(longest),
  };
}

(globalThis as unknown as { functionsProbe: unknown }).functionsProbe = { compare, time };
