/**
 * Customer summaries (x, t_x, T) checked once and compressed: identical rows are counted once with a
 * weight, so a likelihood costs one term per distinct history rather than per customer.
 */
import { numError, valueError } from "../errors";

export interface CompressedHistories {
  frequency: Float64Array;
  recency: Float64Array;
  age: Float64Array;
  weight: Float64Array;
  /** Distinct histories. */
  size: number;
  /** Customers represented (sum of weights). */
  total: number;
}

/** Checks one customer's summary; `row` is 1-based, for the message. */
export function checkHistory(x: number, tx: number, T: number, row: number): void {
  if (!Number.isFinite(x) || x < 0) throw numError("models.frequencyNegative", { row, found: String(x) });
  if (!Number.isInteger(x)) throw valueError("models.frequencyNotInteger", { row, found: x });
  if (!Number.isFinite(tx) || tx < 0) throw numError("models.recencyNegative", { row, found: String(tx) });
  if (!Number.isFinite(T) || T <= 0) throw numError("models.ageNotPositive", { row, found: String(T) });
  if (tx > T) throw numError("models.recencyAfterAge", { row, found: tx, age: T });
  if (x === 0 && tx > 0) throw numError("models.recencyWithoutPurchase", { row, found: tx });
}

/**
 * Validates and compresses customer summaries. Rows with weight 0 are dropped. Order of the distinct
 * histories follows their first appearance, so results do not depend on hashing.
 */
export function compressHistories(
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  age: ArrayLike<number>,
  weights?: ArrayLike<number>,
): CompressedHistories {
  const n = frequency.length;
  // Nested maps on numbers: much faster than string keys for 10⁵–10⁶ rows.
  const index = new Map<number, Map<number, Map<number, number>>>();
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const w: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const weight = weights ? weights[i] : 1;
    if (!Number.isFinite(weight) || weight < 0)
      throw numError("models.weightNegative", { row: i + 1, found: String(weight) });
    checkHistory(frequency[i], recency[i], age[i], i + 1);
    if (weight === 0) continue;
    total += weight;
    let byRecency = index.get(frequency[i]);
    if (!byRecency) index.set(frequency[i], (byRecency = new Map()));
    let byAge = byRecency.get(recency[i]);
    if (!byAge) byRecency.set(recency[i], (byAge = new Map()));
    const at = byAge.get(age[i]);
    if (at === undefined) {
      byAge.set(age[i], x.length);
      x.push(frequency[i]);
      tx.push(recency[i]);
      T.push(age[i]);
      w.push(weight);
    } else w[at] += weight;
  }
  return {
    frequency: Float64Array.from(x),
    recency: Float64Array.from(tx),
    age: Float64Array.from(T),
    weight: Float64Array.from(w),
    size: x.length,
    total,
  };
}

/** The distinct frequencies with the total weight of each, for terms that depend on x alone. */
export function frequencyGroups(data: CompressedHistories): {
  values: Float64Array;
  weight: Float64Array;
  slot: Uint32Array;
} {
  const index = new Map<number, number>();
  const values: number[] = [];
  const weight: number[] = [];
  const slot = new Uint32Array(data.size);
  for (let i = 0; i < data.size; i++) {
    const x = data.frequency[i];
    let at = index.get(x);
    if (at === undefined) {
      at = values.length;
      index.set(x, at);
      values.push(x);
      weight.push(0);
    }
    weight[at] += data.weight[i];
    slot[i] = at;
  }
  return { values: Float64Array.from(values), weight: Float64Array.from(weight), slot };
}

/** Every k-th distinct history (deterministic), so that at most `maxRows` remain; weights are kept. */
export function everyKth(data: CompressedHistories, maxRows: number): CompressedHistories {
  const step = Math.ceil(data.size / maxRows);
  const pick = (a: Float64Array) => a.filter((_, i) => i % step === 0);
  const weight = pick(data.weight);
  return {
    frequency: pick(data.frequency),
    recency: pick(data.recency),
    age: pick(data.age),
    weight,
    size: weight.length,
    total: weight.reduce((s, w) => s + w, 0),
  };
}
