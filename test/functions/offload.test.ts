/**
 * Large custom-function calls go to a worker (src/functions/offload/): the answer must be exactly the one the pane's
 * thread gives, errors included (code and message, English and French). The worker here is a stand-in that runs the
 * worker's own handler (serveCall) on the structured clone of each message, asynchronously, with the transferred
 * buffers moved: what crosses is what a browser would carry. test/e2e/functions-worker.e2e.ts does the same with
 * the real worker bundle in Chromium.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { englishMetadata, FunctionMetadata, functionImplementations } from "../../scripts/make-docs";

const { functionModules } = require("../../scripts/function-modules") as { functionModules: () => string[] };
import { setFunctionsLocale } from "../../src/functions/locale";
import {
  offloaded,
  offloadThreshold,
  OFFLOAD_THRESHOLD_CELLS,
  OFFLOAD_THRESHOLD_CELLS_HEAVY,
  pendingCalls,
  setOffloadThreshold,
  setOffloadWorkerFactory,
  stopWorker,
  WorkerLike,
} from "../../src/functions/offload/dispatch";
import { serveCall } from "../../src/functions/offload/serve";
import { CallMessage, cellsOf, decode, encode } from "../../src/functions/offload/wire";
import { seededUniform } from "../../src/engine/random";
import type { Locale } from "../../src/i18n";
import {
  errorCell,
  FormulaArgument,
  invoke,
  invokeAsync,
  Invocation,
  InvokeOptions,
} from "../../src/workbench/excel-invoker";

type Fn = (...args: unknown[]) => unknown;

let metadata: Map<string, FunctionMetadata>;
let allowErrors: boolean;
const raw = functionImplementations();

beforeAll(async () => {
  const json = await englishMetadata();
  metadata = new Map(json.functions.map((fn) => [fn.id, fn]));
  allowErrors = json.allowErrorForDataTypeAny === true;
}, 60000);

/** A stand-in for the browser's Worker: the worker's handler, fed structured clones, replying a turn later. */
class CloningWorker implements WorkerLike {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  received = 0;
  terminated = false;
  postMessage(message: unknown, transfer: Transferable[]): void {
    const sent = structuredClone(message, { transfer }) as CallMessage;
    this.received++;
    setTimeout(() => {
      void serveCall(sent, (id) => raw.get(id) as Fn | undefined).then((reply) => {
        if (!this.terminated) this.onmessage?.({ data: structuredClone(reply.message, { transfer: reply.transfer }) });
      });
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

let worker: CloningWorker;
beforeEach(() => {
  worker = new CloningWorker();
  setOffloadWorkerFactory(() => worker);
  setOffloadThreshold(null);
});
afterAll(() => {
  stopWorker();
  setOffloadThreshold(null);
});

function onMainThread(id: string, args: FormulaArgument[], locale: Locale, options: InvokeOptions = {}): Invocation {
  setFunctionsLocale(locale);
  try {
    return invoke(raw.get(id)!, metadata.get(id)!, args, { allowErrors, ...options });
  } finally {
    setFunctionsLocale(null);
  }
}

async function throughWorker(
  id: string,
  args: FormulaArgument[],
  locale: Locale,
  options: InvokeOptions = {},
): Promise<Invocation> {
  const fn = offloaded(id, raw.get(id)! as Fn);
  setFunctionsLocale(locale);
  let result: Promise<Invocation>;
  try {
    // The locale is read when the call is made, as Excel's display language is.
    result = invokeAsync(fn, metadata.get(id)!, args, { allowErrors, ...options });
  } finally {
    setFunctionsLocale(null);
  }
  return result;
}

const random = seededUniform(20261201);
const N = 3_000;
const frequency: number[][] = [];
const recency: number[][] = [];
const age: number[][] = [];
for (let i = 0; i < N; i++) {
  const T = 20 + Math.round(random() * 5000) / 100;
  const x = Math.floor(-Math.log(1 - random()) * 3 * random());
  frequency.push([x]);
  age.push([T]);
  recency.push([x === 0 ? 0 : Math.round(random() * T * 100) / 100]);
}
const BGNBD = [
  ["model", "bgnbd"],
  ["r", 0.25],
  ["alpha", 4.4],
  ["a", 0.79],
  ["b", 2.4],
];

describe("a call through the worker gives the pane thread's answer exactly", () => {
  // Small data, so the test is quick: every call here goes to the worker.
  beforeEach(() => setOffloadThreshold(1_000));
  const cases: [string, string, () => FormulaArgument[]][] = [
    ["CUST.FIT BG/NBD", "FIT", () => ["bgnbd", frequency.slice(0, 1500), recency.slice(0, 1500), age.slice(0, 1500)]],
    ["CUST.PALIVE", "PALIVE", () => [BGNBD, frequency, recency, age]],
    ["CUST.PURCHASES", "PURCHASES", () => [BGNBD, 12, frequency, recency, age]],
    [
      "CUST.PCLV",
      "PCLV",
      () => [BGNBD, age.map(([T]) => [T / 2]), frequency, recency, age, "weeks", null, 12, 0.1, 0.3],
    ],
  ];
  for (const locale of ["en", "fr"] as const) {
    // Every function in English; French once (its errors are checked in both languages below).
    for (const [name, id, args] of locale === "en" ? cases : cases.slice(1, 2)) {
      test(`${name} on ${N.toLocaleString("en")} customers (${locale})`, async () => {
        const main = onMainThread(id, args(), locale);
        const before = worker.received;
        const offloadedResult = await throughWorker(id, args(), locale);
        expect(worker.received).toBe(before + 1);
        expect(offloadedResult).toEqual(main);
        expect(Object.is(JSON.stringify(offloadedResult), JSON.stringify(main))).toBe(true);
      }, 60000);
    }
  }

  test("error cells in a spilled result come back with their code and message, in French", async () => {
    const bad = frequency.map((row, i) => (i % 1000 === 7 ? [-1] : i % 1000 === 8 ? ["beaucoup"] : row));
    const args: FormulaArgument[] = [BGNBD, bad, recency, age];
    const main = onMainThread("PALIVE", args, "fr");
    expect(main.produced.length).toBeGreaterThan(0);
    expect(main.produced[0].message).toMatch(/[a-zé]/);
    const viaWorker = await throughWorker("PALIVE", args, "fr");
    expect(viaWorker).toEqual(main);
  });

  for (const locale of ["en", "fr"] as const) {
    test(`a thrown error keeps its code and message (${locale})`, async () => {
      // Frequencies with no recency column of the same length: the whole call fails with #VALUE! and a message.
      const args: FormulaArgument[] = ["bgnbd", frequency, recency.slice(0, N - 1), age];
      const main = onMainThread("FIT", args, locale);
      expect(main.produced[0]).toMatchObject({ code: "#VALUE!", thrown: true });
      expect(main.produced[0].message.length).toBeGreaterThan(10);
      const viaWorker = await throughWorker("FIT", args, locale);
      expect(viaWorker).toEqual(main);
    });
  }

  for (const locale of ["en", "fr"] as const) {
    test(`a bad row's message still names its cell when Excel gives the addresses (${locale})`, async () => {
      const bad = frequency.map((row, i) => (i === 41 ? ["many"] : row));
      const args: FormulaArgument[] = [BGNBD, bad, recency, age];
      const options = { parameterAddresses: ["Sheet1!A1:B5", "'My customers'!$C$2:$C$3001", "D:D", "E:E"] };
      const main = onMainThread("PALIVE", args, locale, options);
      const before = worker.received;
      const viaWorker = await throughWorker("PALIVE", args, locale, options);
      expect(worker.received).toBe(before + 1);
      expect(viaWorker).toEqual(main);
      expect(viaWorker.cells[41][0]).toMatchObject({ message: expect.stringContaining("'My customers'!C43") });
    });
  }

  test("a whole-formula error (a fit, a summary) still names its cell through the worker", async () => {
    // A blank row 11, then a recency above T in row 43 of the ranges: CUST.FIT names the range's cell, C44.
    const rows = (column: number[][], at: number, value: number) =>
      column.map((row, i) => (i === 10 ? [null] : i === at ? [value] : row));
    const fitArgs: FormulaArgument[] = ["bgnbd", rows(frequency, 42, 3), rows(recency, 42, 999), rows(age, 42, 30)];
    const where = { parameterAddresses: [null, "Sheet1!$B$2:$B$3001", "Sheet1!$C$2:$C$3001", "Sheet1!$D$2:$D$3001"] };
    const fitMain = onMainThread("FIT", fitArgs, "fr", where);
    const fitWorker = await throughWorker("FIT", fitArgs, "fr", where);
    expect(fitWorker).toEqual(fitMain);
    expect(fitWorker.cells[0][0]).toMatchObject({ message: expect.stringContaining("la cellule Sheet1!C44") });
    const log: FormulaArgument[] = [
      frequency.map((_, i) => [`c${i % 300}`]),
      frequency.map((_, i) => [i === 2500 ? "2025-01-05" : 45658 + (i % 90)]),
      frequency.map((_, i) => [i % 7]),
    ];
    const logWhere = { parameterAddresses: ["Log!A:A", "Log!B:B", "Log!C:C"] };
    const summaryWorker = await throughWorker("SUMMARY", log, "en", logWhere);
    expect(summaryWorker).toEqual(onMainThread("SUMMARY", log, "en", logWhere));
    expect(summaryWorker.cells[0][0]).toMatchObject({ message: expect.stringContaining("in Log!B2501") });
  });

  test("an error cell given as an argument reaches the function as the error it is", async () => {
    const withError: FormulaArgument = frequency.map((row, i) => (i === 3 ? [errorCell("#N/A")] : row));
    const args: FormulaArgument[] = [BGNBD, withError, recency, age];
    const main = onMainThread("PALIVE", args, "en");
    const viaWorker = await throughWorker("PALIVE", args, "en");
    expect(viaWorker).toEqual(main);
    expect(viaWorker.cells[3][0]).toMatchObject({ error: expect.stringMatching(/^#/) });
  });
});

describe("where a call runs", () => {
  test("a call below the threshold runs synchronously on the calling thread", () => {
    const fn = offloaded("PALIVE", raw.get("PALIVE")! as Fn);
    const small = frequency.slice(0, 100);
    const result = fn(BGNBD, small, recency.slice(0, 100), age.slice(0, 100));
    expect(result).not.toBeInstanceOf(Promise);
    expect(worker.received).toBe(0);
    expect(cellsOf([BGNBD, small, small, small])).toBeLessThan(OFFLOAD_THRESHOLD_CELLS);
  });

  test("a fit goes to the worker from fewer cells than a prediction (its work per cell is larger)", async () => {
    const n = 1_000;
    const args = [frequency.slice(0, n), recency.slice(0, n), age.slice(0, n)];
    expect(cellsOf(args)).toBeGreaterThanOrEqual(OFFLOAD_THRESHOLD_CELLS_HEAVY);
    expect(offloadThreshold("FIT")).toBe(OFFLOAD_THRESHOLD_CELLS_HEAVY);
    expect(offloadThreshold("PALIVE")).toBe(OFFLOAD_THRESHOLD_CELLS);
    const fitted = offloaded("FIT", raw.get("FIT")! as Fn)("bgnbd", ...args);
    expect(fitted).toBeInstanceOf(Promise);
    expect(offloaded("PALIVE", raw.get("PALIVE")! as Fn)(BGNBD, ...args)).not.toBeInstanceOf(Promise);
    await fitted;
  });

  test("a call at the threshold returns a Promise", async () => {
    setOffloadThreshold(cellsOf([BGNBD, frequency, recency, age]));
    const fn = offloaded("PALIVE", raw.get("PALIVE")! as Fn);
    const result = fn(BGNBD, frequency, recency, age);
    expect(result).toBeInstanceOf(Promise);
    await result;
    expect(pendingCalls()).toBe(0);
  });

  test("without a worker the call runs on the calling thread, same answer", async () => {
    setOffloadWorkerFactory(() => null);
    setOffloadThreshold(1_000);
    const fn = offloaded("PALIVE", raw.get("PALIVE")! as Fn);
    const viaFallback = await invokeAsync(fn, metadata.get("PALIVE")!, [BGNBD, frequency, recency, age], {
      allowErrors,
    });
    expect(viaFallback).toEqual(onMainThread("PALIVE", [BGNBD, frequency, recency, age], "en"));
  });

  test("a worker whose script fails (a Content-Security-Policy, a missing file): its calls finish here", async () => {
    const failing: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {
        setTimeout(() => failing.onerror?.({ message: "refused" }), 0);
      },
      terminate() {},
    };
    let made = 0;
    setOffloadWorkerFactory(() => (made++, failing));
    setOffloadThreshold(1_000);
    const fn = offloaded("PALIVE", raw.get("PALIVE")! as Fn);
    const first = await invokeAsync(fn, metadata.get("PALIVE")!, [BGNBD, frequency, recency, age], { allowErrors });
    expect(first).toEqual(onMainThread("PALIVE", [BGNBD, frequency, recency, age], "en"));
    // Later calls do not try the broken worker again.
    const second = fn(BGNBD, frequency, recency, age);
    expect(second).not.toBeInstanceOf(Promise);
    expect(made).toBe(1);
  });
});

describe("the wire format", () => {
  const roundTrip = (value: unknown) => {
    const transfer: Transferable[] = [];
    const sent = structuredClone(encode(value, transfer), { transfer });
    return { back: decode(sent, (code, message) => ({ code, message, rebuilt: true })), transfer };
  };

  test("a range of numbers crosses as one transferred Float64Array, every double bit for bit", () => {
    const value = [
      [1.5, -0],
      [Number.MIN_VALUE, 2 ** 53 + 2],
      [NaN, 1e308],
    ];
    const { back, transfer } = roundTrip(value);
    expect(transfer).toHaveLength(1);
    expect(back).toEqual(value);
    expect(Object.is((back as number[][])[0][1], -0)).toBe(true);
  });

  test("text, blanks, booleans and errors keep their places", () => {
    const error = new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "why");
    const { back, transfer } = roundTrip([
      ["id", null],
      [true, error],
      [3, ""],
    ]);
    expect(transfer).toHaveLength(0);
    expect(back).toEqual([
      ["id", null],
      [true, { code: "#VALUE!", message: "why", rebuilt: true }],
      [3, ""],
    ]);
    expect(roundTrip(error).back).toEqual({ code: "#VALUE!", message: "why", rebuilt: true });
    expect(roundTrip("plain").back).toBe("plain");
  });

  test("the worker loads exactly the function modules functions.ts loads", () => {
    const worker = readFileSync(join(__dirname, "../../src/functions/offload/functions.worker.ts"), "utf8");
    const loaded = [...worker.matchAll(/^import\s+"\.\.\/([\w-]+)";/gm)]
      .map((match) => match[1])
      .filter((name) => name !== "install-shim");
    expect(loaded.map((name) => `./src/functions/${name}.ts`)).toEqual(functionModules());
  });
});
