/**
 * Grids in one formula, the long checks (test/functions/grids.test.ts has the quick ones): as a property over random
 * shapes, every cell of a grid is the single-cell call of the cells it reads; BG/NBD's DERT as a grid; and through
 * the worker offload (src/functions/offload/), a grid that hands over few cells but computes many goes to the
 * worker and comes back cell for cell.
 */
import fc from "fast-check";
import { englishMetadata, FunctionMetadata, functionImplementations } from "../../scripts/make-docs";
import {
  offloaded,
  OFFLOAD_THRESHOLD_CELLS,
  setOffloadThreshold,
  setOffloadWorkerFactory,
  stopWorker,
  WorkerLike,
} from "../../src/functions/offload/dispatch";
import { serveCall } from "../../src/functions/offload/serve";
import { CallMessage, cellsOf, workOf } from "../../src/functions/offload/wire";
import { setFunctionsLocale } from "../../src/functions/locale";
import type { Locale } from "../../src/i18n";
import { FormulaArgument, invoke, invokeAsync, Invocation, InvokeOptions } from "../../src/workbench/excel-invoker";
import { column, ExcelFunctions, InputCell, loadExcelFunctions } from "../support/excel";
import { BGNBD, expectGrid, PNBD, range, row } from "../support/grids";

let excel: ExcelFunctions;
let metadata: Map<string, FunctionMetadata>;
let allowErrors: boolean;
beforeAll(async () => {
  excel = await loadExcelFunctions();
  const json = await englishMetadata();
  metadata = new Map(json.functions.map((fn) => [fn.id, fn]));
  allowErrors = json.allowErrorForDataTypeAny === true;
}, 60000);

type Shape = "single" | "column" | "row" | "grid";

describe("as a property: for random shapes, every cell is the single-cell call of the cells it reads", () => {
  const shape = fc.constantFrom<Shape>("single", "column", "row", "grid");
  /** The argument of a shape for an R × C result, filled by `value(r, c)`, and the cell each result cell reads. */
  const build = (kind: Shape, rows: number, cols: number, value: (r: number, c: number) => number) => {
    const height = kind === "column" || kind === "grid" ? rows : 1;
    const width = kind === "row" || kind === "grid" ? cols : 1;
    const cells = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => value(r, c)));
    return {
      arg: kind === "single" ? cells[0][0] : (cells as InputCell[][]),
      at: (r: number, c: number) => cells[height === 1 ? 0 : r][width === 1 ? 0 : c],
      rows: height,
      cols: width,
    };
  };

  test("PALIVE, PURCHASES, PCLV and CLV over single cells, columns, rows and grids", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 2, max: 4 }),
        fc.tuple(shape, shape, shape, shape),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 64, maxLength: 64 }),
        (R, C, [sx, stx, sT, sSpend], noise) => {
          const n = (r: number, c: number, k: number) => noise[(r * 4 + c + 16 * k) % 64];
          const X = build(sx, R, C, (r, c) => n(r, c, 0) % 5);
          // Recencies sometimes after T (an error in that cell), never with x = 0 unless 0.
          const TX = build(stx, R, C, (r, c) => (n(r, c, 1) % 7) * 5);
          const AGE = build(sT, R, C, (r, c) => 20 + (n(r, c, 2) % 4) * 10);
          const SPEND = build(sSpend, R, C, (r, c) => 5 + (n(r, c, 3) % 50));
          const rows = Math.max(X.rows, TX.rows, AGE.rows);
          const cols = Math.max(X.cols, TX.cols, AGE.cols);
          const palive = excel.call("PALIVE", BGNBD, X.arg, TX.arg, AGE.arg);
          expectGrid(palive, rows, cols, (r, c) => excel.value("PALIVE", BGNBD, X.at(r, c), TX.at(r, c), AGE.at(r, c)));
          const purchases = excel.call("PURCHASES", PNBD, 26, X.arg, TX.arg, AGE.arg);
          expectGrid(purchases, rows, cols, (r, c) =>
            excel.value("PURCHASES", PNBD, 26, X.at(r, c), TX.at(r, c), AGE.at(r, c)),
          );
          const valueRows = Math.max(rows, SPEND.rows);
          const valueCols = Math.max(cols, SPEND.cols);
          const args = (sp: InputCell | InputCell[][], f: InputCell | InputCell[][], tx: unknown, T: unknown) =>
            [BGNBD, sp, f, tx, T, "weeks", null, 12, 0.1, 0.3] as InputCell[];
          const pclv = excel.call("PCLV", ...args(SPEND.arg, X.arg, TX.arg, AGE.arg));
          expectGrid(pclv, valueRows, valueCols, (r, c) =>
            excel.value("PCLV", ...args(SPEND.at(r, c), X.at(r, c), TX.at(r, c), AGE.at(r, c))),
          );
          const clv = excel.call("CLV", SPEND.arg, X.arg, AGE.arg);
          const clvRows = Math.max(SPEND.rows, X.rows, AGE.rows);
          const clvCols = Math.max(SPEND.cols, X.cols, AGE.cols);
          expectGrid(clv, clvRows, clvCols, (r, c) => excel.value("CLV", SPEND.at(r, c), X.at(r, c), AGE.at(r, c)));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("BG/NBD's DERT as a grid", () => {
  test("each cell is the single-cell call, the spend following the frequencies", () => {
    const frequencies = column(1, 4);
    const recencies = row(10, 40);
    const spends = column(30, 60);
    const dert = excel.call("DERT", BGNBD, frequencies, recencies, 52, 0.1, "weeks", spends, 0.3);
    expectGrid(dert, 2, 2, (r, c) =>
      excel.value("DERT", BGNBD, frequencies[r][0], recencies[0][c], 52, 0.1, "weeks", spends[r][0], 0.3),
    );
  }, 60000);
});

type Fn = (...args: unknown[]) => unknown;
const raw = functionImplementations();

/** A stand-in for the browser's Worker (as test/functions/offload.test.ts): the worker's handler on clones. */
class CloningWorker implements WorkerLike {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  received = 0;
  postMessage(message: unknown, transfer: Transferable[]): void {
    const sent = structuredClone(message, { transfer }) as CallMessage;
    this.received++;
    setTimeout(() => {
      void serveCall(sent, (id) => raw.get(id) as Fn | undefined).then((reply) =>
        this.onmessage?.({ data: structuredClone(reply.message, { transfer: reply.transfer }) }),
      );
    }, 0);
  }
  terminate(): void {}
}

describe("grids through the worker offload", () => {
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

  const onMainThread = (id: string, args: FormulaArgument[], locale: Locale, options: InvokeOptions = {}) => {
    setFunctionsLocale(locale);
    try {
      return invoke(raw.get(id)!, metadata.get(id)!, args, { allowErrors, ...options });
    } finally {
      setFunctionsLocale(null);
    }
  };
  const throughWorker = (id: string, args: FormulaArgument[], locale: Locale, options: InvokeOptions = {}) => {
    const fn = offloaded(id, raw.get(id)! as Fn);
    setFunctionsLocale(locale);
    try {
      return invokeAsync(fn, metadata.get(id)!, args, { allowErrors, ...options }) as Promise<Invocation>;
    } finally {
      setFunctionsLocale(null);
    }
  };

  // 200 frequencies by 106 recencies: 311 cells handed over, 21,200 computed; one row of frequency 0 and the last
  // recency (after T) give error cells (each error costs ~0.4 ms to build, so there are few).
  const frequencies = column(...range(0, 199, 1).map((i) => (i === 7 ? 0 : 1 + (i % 25))));
  const recencies = row(...range(0, 52, 0.5), 60);

  test("the work of a grid is its cells, not the cells handed over", () => {
    const args = [BGNBD, frequencies, recencies, 52];
    expect(cellsOf(args)).toBeLessThan(1_000);
    expect(workOf(args)).toBe(200 * 106);
    expect(workOf(args)).toBeGreaterThanOrEqual(OFFLOAD_THRESHOLD_CELLS);
    // A column call's work is still the cells it hands over.
    const columns = [BGNBD, frequencies, frequencies, frequencies];
    expect(workOf(columns)).toBe(cellsOf(columns));
  });

  for (const locale of ["en", "fr"] as const) {
    test(`a P(alive) heatmap goes to the worker and comes back cell for cell, errors named (${locale})`, async () => {
      const options = { parameterAddresses: ["M!A1:B5", "G!$A$2:$A$201", "G!$B$1:$DC$1", "G!$A$1"] };
      const args: FormulaArgument[] = [BGNBD, frequencies, recencies, 52];
      const main = onMainThread("PALIVE", args, locale, options);
      const before = worker.received;
      const viaWorker = await throughWorker("PALIVE", args, locale, options);
      expect(worker.received).toBe(before + 1);
      expect(viaWorker).toEqual(main);
      expect(viaWorker.cells).toHaveLength(200);
      expect(viaWorker.cells[1][105]).toMatchObject({ error: "#VALUE!", message: expect.stringContaining("G!DC1") });
      expect(viaWorker.cells[7][3]).toMatchObject({ error: "#VALUE!", message: expect.stringContaining("G!E1") });
    }, 60000);
  }

  test("CUST.PCLV and CUST.PURCHASES grids through the worker", async () => {
    for (const [id, args] of [
      ["PCLV", [BGNBD, 20, frequencies, recencies, 52, "weeks", null, 12, 0.1, 0.3]],
      ["PURCHASES", [PNBD, 52, frequencies, recencies, 52]],
    ] as const) {
      const main = onMainThread(id, args as unknown as FormulaArgument[], "en");
      const before = worker.received;
      const viaWorker = await throughWorker(id, args as unknown as FormulaArgument[], "en");
      expect(worker.received).toBe(before + 1);
      expect(viaWorker).toEqual(main);
    }
  }, 60000);
});
