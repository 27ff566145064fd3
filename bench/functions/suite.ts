/**
 * The custom functions users call, timed through their entry points with Excel-shaped arguments (columns as arrays
 * of one-element rows, the CUST.FIT table as the 2-D range it spills), on whole-day and continuous-time data, each
 * beside a minimal-work floor timed in the same run. Runs unchanged in Node (bench/functions.bench.ts) and in
 * headless Chromium (scripts/bench-browser.mjs bundles bench/functions/browser.ts).
 *
 * The floors, the least any implementation must do for the same call:
 * - fits: read the three argument columns, compress and prepare the histories, then 5 full-data likelihood passes
 *   (with the gradient, and for BG/NBD the Hessian) at the estimate: a Newton method started from a subsample's
 *   optimum needs about 4 steps, and the standard errors one more;
 * - per-customer predictions: read the argument columns, one closed-form evaluation per customer (a P(alive) of
 *   the BG/NBD kind: two logarithms and an exponential) and the spilled column;
 * - CUST.HOLDOUTCHECK: the same, summed into the frequency groups instead of spilled;
 * - CUST.SUMMARY: read the three argument columns, one look-up per row in a table of customer numbers (what any
 *   group-by does; a V8 object keyed by id) and the spilled row per customer. (Until December 2026 this floor was
 *   the columns plus one sort of the dates: a sort CUST.SUMMARY does not do, and neither the grouping nor the
 *   spill, which it must.)
 */
import "../../src/functions/install-shim";
import { compressFitColumns, bgnbdPreparedNegLogLikelihood, prepareBgnbdData } from "../../src/engine/models/bgnbd";
import { paretoNbdPreparedNegLogLikelihood, prepareParetoNbdData } from "../../src/engine/models/pareto-nbd-likelihood";
import { readNumberColumn } from "../../src/functions/args";
import { fit, holdoutcheck, palive, pbuy, purchases } from "../../src/functions/models";
import { summary } from "../../src/functions/summary";
import { pclv } from "../../src/functions/value-models";
import { cells, DATA_KINDS, HOLDOUT_DAYS, simulateHistories, simulateLog } from "./data";
import { runTask, TaskResult } from "./measure";

export interface SuiteOptions {
  /** Only tasks whose name contains this text. */
  only?: string;
  log: (line: string) => void;
}

const FIT_CUSTOMERS = 100_000;
const MANY = 1_048_576;
const LOG_ROWS = 1_048_575;

/** The parameter table's values by label. */
function tableParams(table: unknown[][]): Float64Array {
  const value = (label: string) => Number(table.find((row) => row[0] === label)?.[1]);
  return table[0][1] === "pnbd"
    ? Float64Array.of(value("r"), value("alpha"), value("s"), value("beta"))
    : Float64Array.of(value("r"), value("alpha"), value("a"), value("b"));
}

function readColumns(columns: unknown[][][]): Float64Array[] {
  return columns.map((column, k) => readNumberColumn(column, `c${k}`));
}

/** Read the columns, one closed-form P(alive)-like value per customer, and the spilled column. */
function predictionFloor(columns: unknown[][][]): unknown[][] {
  const [x, , age] = readColumns(columns);
  const out = new Array<unknown[]>(x.length);
  for (let i = 0; i < x.length; i++) {
    out[i] = [1 / (1 + Math.exp((0.5 + x[i]) * Math.log(10 + age[i]) - 0.6 * Math.log(80 + age[i])))];
  }
  return out;
}

function holdoutFloor(columns: unknown[][][]): number[] {
  const [x, , age, holdout] = readColumns(columns);
  const sums = new Array<number>(16).fill(0);
  for (let i = 0; i < x.length; i++) {
    const bucket = Math.min(x[i], 7);
    sums[bucket] += 1 / (1 + Math.exp((0.5 + x[i]) * Math.log(10 + age[i]) - 0.6 * Math.log(80 + age[i])));
    sums[8 + bucket] += holdout[i];
  }
  return sums;
}

/** The least CUST.SUMMARY must do: read the columns, find each row's customer, spill one 12-column row per customer. */
export function summaryFloor([idColumn, dateColumn, amountColumn]: unknown[][][]): unknown[][] {
  const ids = idColumn.map((row) => row[0]);
  const [dates, amounts] = readColumns([dateColumn, amountColumn]);
  const index: Record<string, number> = Object.create(null);
  const customerOf = new Int32Array(ids.length);
  const firstRow: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const key = ids[i] as string;
    let c = index[key];
    if (c === undefined) {
      c = firstRow.length;
      index[key] = c;
      firstRow.push(i);
    }
    customerOf[i] = c;
  }
  const out: unknown[][] = [];
  for (let c = 0; c < firstRow.length; c++) {
    const i = firstRow[c];
    const day = dates[i];
    const amount = amounts[i];
    out.push([ids[i], day, day, 1, amount, amount, 0, 0, day / 7, 0, 1, ""]);
  }
  return out;
}

export function runFunctionSuite({ only, log }: SuiteOptions): TaskResult[] {
  const results: TaskResult[] = [];
  const wanted = (name: string) => !only || name.toLowerCase().includes(only.toLowerCase());
  const task = (spec: Parameters<typeof runTask>[0]) => {
    if (wanted(spec.name)) results.push(runTask(spec, log));
  };

  for (const kind of DATA_KINDS) {
    // Fits, 100,000 customers simulated from each model.
    const tables: Record<string, unknown[][]> = {};
    for (const model of ["bgnbd", "pnbd"] as const) {
      const h = simulateHistories(FIT_CUSTOMERS, kind, model, model === "bgnbd" ? 11 : 12);
      const args = [cells(h.frequency), cells(h.recency), cells(h.age)];
      const callFit = () => fit(model, args[0], args[1], args[2]);
      tables[model] = callFit();
      const estimate = tableParams(tables[model]);
      const gradient = new Float64Array(4);
      const hessian = new Float64Array(16);
      const floor =
        model === "bgnbd"
          ? () => {
              const [frequency, recency, age] = readColumns(args);
              const data = prepareBgnbdData(compressFitColumns({ frequency, recency, age }));
              for (let k = 0; k < 5; k++) bgnbdPreparedNegLogLikelihood(data, estimate, gradient, hessian);
            }
          : () => {
              const [frequency, recency, age] = readColumns(args);
              const data = prepareParetoNbdData(compressFitColumns({ frequency, recency, age }));
              for (let k = 0; k < 5; k++) paretoNbdPreparedNegLogLikelihood(data, estimate, gradient);
            };
      task({
        name: `CUST.FIT ${model === "bgnbd" ? "BG/NBD" : "Pareto/NBD"}, 100,000 customers`,
        data: kind,
        body: callFit,
        floor,
        floorWhat: "read + compress + 5 likelihood passes",
        maxRatio: kind === "continuous" ? (model === "bgnbd" ? 1.5 : 2) : undefined,
      });
    }

    // CUST.PCLV, 100,000 customers, spend per purchase as a column.
    for (const model of ["bgnbd", "pnbd"] as const) {
      const name = `CUST.PCLV ${model === "bgnbd" ? "BG/NBD" : "Pareto/NBD"}, 12 months, 100,000 customers`;
      if (!wanted(name)) continue;
      const h = simulateHistories(FIT_CUSTOMERS, kind, model, 21);
      const args = [cells(h.frequency), cells(h.recency), cells(h.age), cells(h.spend)];
      task({
        name,
        data: kind,
        body: () => pclv(tables[model], args[3], args[0], args[1], args[2], "days", undefined, 12, 0.1, 0.3),
        floor: () => predictionFloor(args),
        floorWhat: "read 4 columns + 1 closed form per customer + spill",
        maxRatio: model === "bgnbd" ? 2 : undefined,
      });
    }

    // Pareto/NBD predictions and the holdout check on 1,048,576 customers.
    const bigNames = [
      "CUST.PALIVE Pareto/NBD, 1,048,576 customers",
      "CUST.PURCHASES Pareto/NBD t=90, 1,048,576 customers",
      "CUST.PBUY Pareto/NBD t=90, 1,048,576 customers",
      "CUST.PCLV Pareto/NBD, 12 months, 1,048,576 customers",
      "CUST.HOLDOUTCHECK Pareto/NBD, 1,048,576 customers",
      "CUST.HOLDOUTCHECK BG/NBD, 1,048,576 customers",
    ];
    if (bigNames.some(wanted)) {
      const h = simulateHistories(MANY, kind, "pnbd", 31);
      const args = [cells(h.frequency), cells(h.recency), cells(h.age)];
      const spend = cells(h.spend);
      const holdout = cells(h.holdout);
      const floor = () => predictionFloor(args);
      const floorWhat = "read 3 columns + 1 closed form per customer + spill";
      const pnbd = tables.pnbd;
      task({
        name: bigNames[0],
        data: kind,
        body: () => palive(pnbd, args[0], args[1], args[2]),
        floor,
        floorWhat,
        maxMs: 1000,
        runs: 3,
      });
      task({
        name: bigNames[1],
        data: kind,
        body: () => purchases(pnbd, [[90]], args[0], args[1], args[2]),
        floor,
        floorWhat,
        maxMs: 1000,
        runs: 3,
      });
      task({
        name: bigNames[2],
        data: kind,
        body: () => pbuy(pnbd, [[90]], args[0], args[1], args[2]),
        floor,
        floorWhat,
        maxMs: 1000,
        runs: 3,
      });
      task({
        name: bigNames[3],
        data: kind,
        body: () => pclv(pnbd, spend, args[0], args[1], args[2], "days", undefined, 12, 0.1, 0.3),
        floor: () => predictionFloor([...args, spend]),
        floorWhat: "read 4 columns + 1 closed form per customer + spill",
        maxMs: 1000,
        runs: 3,
      });
      for (const [k, model] of [
        [4, "pnbd"],
        [5, "bgnbd"],
      ] as const) {
        task({
          name: bigNames[k],
          data: kind,
          body: () => holdoutcheck(tables[model], args[0], args[1], args[2], holdout, HOLDOUT_DAYS),
          floor: () => holdoutFloor([...args, holdout]),
          floorWhat: "read 4 columns + 1 closed form per customer, grouped",
          maxMs: 1000,
          runs: 3,
        });
      }
    }

    // A P(alive) heatmap at the grid bound (args.ts, MAX_GRID_CELLS): a column of 1,024 frequencies by a row of 1,024
    // recencies, 2,048 cells handed over, 1,048,576 computed.
    const gridName = "CUST.PALIVE Pareto/NBD, 1,024 × 1,024 grid (frequencies down, recencies across)";
    if (wanted(gridName)) {
      const T = 365;
      const frequencies = Array.from({ length: 1024 }, (_, i) => [1 + (i % 32)]);
      const recencies = [
        Array.from({ length: 1024 }, (_, c) => (c * T) / 1023).map((v) => (kind === "days" ? Math.round(v) : v)),
      ];
      task({
        name: gridName,
        data: kind,
        body: () => palive(tables.pnbd, frequencies, recencies, [[T]]),
        floor: () => {
          const [x] = readColumns([frequencies]);
          const tx = Float64Array.from(recencies[0]);
          return Array.from(x, (f) =>
            Array.from(tx, (r) => 1 / (1 + Math.exp((0.5 + f) * Math.log(10 + T - r) - 0.6 * Math.log(80 + T)))),
          );
        },
        floorWhat: "read a column and a row + 1 closed form per cell + spill",
        maxMs: 1000,
        runs: 3,
      });
    }

    // CUST.SUMMARY on a full sheet's log.
    const summaryName = "CUST.SUMMARY, 1,048,575 rows (100,000 customers)";
    if (wanted(summaryName)) {
      const logData = simulateLog(LOG_ROWS, FIT_CUSTOMERS, kind, 41);
      const args = [cells(logData.ids), cells(logData.dates), cells(logData.amounts)];
      task({
        name: summaryName,
        data: kind,
        body: () => summary(args[0], args[1], args[2], null, "days"),
        floor: () => summaryFloor(args),
        floorWhat: "read 3 columns + 1 look-up per row + spill",
        runs: 3,
      });
      // The same log with ids of no fixed form (e-mail addresses): no "C12345" shortcut, the ids are hashed as text.
      if (kind === "continuous" && wanted(`${summaryName}, e-mail ids`)) {
        const emails = [args[0].map((row) => [`${String(row[0]).slice(1)}@mail.example`]), args[1], args[2]];
        task({
          name: `${summaryName}, e-mail ids`,
          data: kind,
          body: () => summary(emails[0], emails[1], emails[2], null, "days"),
          floor: () => summaryFloor(emails),
          floorWhat: "read 3 columns + 1 look-up per row + spill",
          runs: 3,
        });
      }
    }
  }
  return results;
}

/** The results as markdown table rows (for BENCHMARKS.md). */
export function markdownRows(engine: string, results: readonly TaskResult[]): string[] {
  const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
  return results.map(
    (r) =>
      `| ${r.name} | ${r.data} | ${engine} | ${ms(r.task.medianMs)} ms | ${r.floor ? `${ms(r.floor.medianMs)} ms` : "–"} | ${
        r.ratio === null ? "–" : `${r.ratio.toFixed(2)}×`
      } | ${r.target ?? "–"} | ${r.met === undefined ? "–" : r.met ? "yes" : "**no**"} |`,
  );
}
