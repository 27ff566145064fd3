/**
 * Customers and transaction logs for the function benchmarks, simulated from the models (seeded, so every run and
 * both engines measure the same data), in two kinds:
 * - "days": times in whole days, as a transaction log summarised by day gives them; histories repeat, and the
 *   compressed likelihood and the prediction caches see that repetition;
 * - "continuous": times with decimals (T in days plus a fraction), every customer's history distinct: the worst
 *   case for anything that groups identical histories.
 * Cells are passed as Excel passes a column: an array of one-element rows.
 */
import { beta, exponential, gamma, seededRandom } from "../../src/engine/random";

export type DataKind = "days" | "continuous";
export const DATA_KINDS: readonly DataKind[] = ["days", "continuous"];

export interface Histories {
  frequency: Float64Array;
  recency: Float64Array;
  age: Float64Array;
  /** Purchases in a holdout of HOLDOUT_DAYS after T (simulated from the same customer). */
  holdout: Float64Array;
  /** Average spend per repeat purchase. */
  spend: Float64Array;
}

export const HOLDOUT_DAYS = 182;

/** Customers observed 180–365 days; `model` decides how they leave (BG/NBD: after a purchase; Pareto/NBD: any time). */
export function simulateHistories(n: number, kind: DataKind, model: "bgnbd" | "pnbd", seed: number): Histories {
  const source = seededRandom(seed);
  const random = () => source.next();
  const out: Histories = {
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    age: new Float64Array(n),
    holdout: new Float64Array(n),
    spend: new Float64Array(n),
  };
  const round = kind === "days" ? Math.round : (v: number) => v;
  for (let i = 0; i < n; i++) {
    const age = kind === "days" ? Math.round(180 + 185 * random()) : 180 + 185 * random();
    const rate = gamma(source, 0.55, 70);
    const drop = model === "bgnbd" ? beta(source, 0.8, 3) : 0;
    const lifetime = model === "pnbd" ? exponential(source, gamma(source, 0.6, 80)) : Infinity;
    let time = 0;
    let count = 0;
    let last = 0;
    let holdout = 0;
    for (;;) {
      time += exponential(source, rate);
      if (time > lifetime || time > age + HOLDOUT_DAYS) break;
      if (time > age) holdout++;
      else {
        count++;
        last = Math.min(round(time), age);
      }
      if (model === "bgnbd" && random() < drop) break;
    }
    // The first purchase starts the clock at 0: every purchase after it is a repeat purchase (x), the last at t_x.
    out.frequency[i] = count;
    out.recency[i] = count === 0 ? 0 : last;
    out.age[i] = age;
    out.holdout[i] = holdout;
    out.spend[i] = 10 + Math.round(random() * 6000) / 100;
  }
  return out;
}

/** A column as Excel hands it to a custom function: one array per row. */
export const cells = (values: ArrayLike<number> | readonly unknown[]): unknown[][] =>
  Array.from(values as ArrayLike<unknown>, (value) => [value]);

export interface TransactionLog {
  ids: string[];
  dates: Float64Array;
  amounts: Float64Array;
}

/** A log of `rows` transactions from `customers` customers over three years; continuous dates carry a time of day. */
export function simulateLog(rows: number, customers: number, kind: DataKind, seed: number): TransactionLog {
  const source = seededRandom(seed);
  const random = () => source.next();
  const start = 44927; // 2023-01-01
  const ids = new Array<string>(rows);
  const dates = new Float64Array(rows);
  const amounts = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    ids[i] = `C${Math.floor(random() * customers)}`;
    dates[i] = start + Math.floor(random() * 1095) + (kind === "continuous" ? random() * 0.99 : 0);
    amounts[i] = Math.round(random() * 20000) / 100;
  }
  return { ids, dates, amounts };
}
