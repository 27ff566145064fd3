/**
 * Customer summaries (x, t_x, T) checked once and compressed: identical rows are counted once with a
 * weight, so a likelihood costs one term per distinct history rather than per customer.
 */
import { numError, valueError } from "../errors";
import { orderByTime, withoutNegativeZero } from "./sort-times";
import type { FitColumns } from "./types";

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
  if (!Number.isFinite(x) || x < 0) throw numError("models.frequencyNegative", { row, found: x });
  if (!Number.isInteger(x)) throw valueError("models.frequencyNotInteger", { row, found: x });
  if (!Number.isFinite(tx) || tx < 0) throw numError("models.recencyNegative", { row, found: tx });
  if (!Number.isFinite(T) || T < 0) throw numError("models.ageNegative", { row, found: T });
  if (tx > T) throw numError("models.recencyAfterAge", { row, found: tx, age: T });
  if (x === 0 && tx > 0) throw numError("models.recencyWithoutPurchase", { row, found: tx });
}

/**
 * The weight a customer's row carries in a likelihood: its own (1 without weights), or 0 for a customer observed for
 * no time (first purchase at the end of the period, T = 0), whose likelihood is 1 in every model, so no term: such
 * customers are common when the period ends on the log's last day.
 */
const termWeight = (weight: number, T: number): number => (T === 0 ? 0 : weight);

/**
 * Checks row i (0-based) of the columns, the weight (finite, ≥ 0) then the history, with messages naming the row;
 * returns the weight of its term (termWeight).
 */
function checkRow(
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  age: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
  i: number,
): number {
  const weight = weights ? weights[i] : 1;
  if (!Number.isFinite(weight) || weight < 0) throw numError("models.weightNegative", { row: i + 1, found: weight });
  checkHistory(frequency[i], recency[i], age[i], i + 1);
  return termWeight(weight, age[i]);
}

/** Rows given, none with a term (every customer observed for no time, or weighted 0): nothing to fit. */
function requireTerms(rows: number, total: number): void {
  if (rows > 0 && total === 0) throw numError("models.noTimeObserved");
}

/**
 * Validates and compresses customer summaries. Rows with weight 0 or T = 0 are dropped (they carry no
 * information). Order of the distinct histories follows their first appearance, so results do not depend on hashing.
 */
export function compressHistories(
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  age: ArrayLike<number>,
  weights?: ArrayLike<number>,
): CompressedHistories {
  const n = frequency.length;
  // Open addressing on the bits of (x, t_x, T): no boxing of keys, about 10x faster than nested Maps at 10⁵ rows.
  let capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  const mask = capacity - 1;
  const table = new Int32Array(capacity).fill(-1);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const w = new Float64Array(n);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const mix = (h: number, v: number) => {
    bits[0] = v;
    h = Math.imul(h ^ words[0], 0x9e3779b1);
    h = Math.imul(h ^ words[1], 0x85ebca77);
    return h ^ (h >>> 15);
  };
  let size = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const weight = checkRow(frequency, recency, age, weights, i);
    if (weight === 0) continue;
    total += weight;
    // + 0 turns −0 into 0, so that both are the same history.
    const xi = frequency[i] + 0;
    const ti = recency[i] + 0;
    const ai = age[i] + 0;
    let slot = mix(mix(mix(0x811c9dc5, xi), ti), ai) & mask;
    for (;;) {
      const at = table[slot];
      if (at < 0) {
        table[slot] = size;
        x[size] = xi;
        tx[size] = ti;
        T[size] = ai;
        w[size] = weight;
        size++;
        break;
      }
      if (x[at] === xi && tx[at] === ti && T[at] === ai) {
        w[at] += weight;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  requireTerms(n, total);
  // Views, not copies: at a million rows a copy is 32 MB more of typed arrays, and V8 runs a full garbage collection
  // for about every 64 MB of them (seconds with a sheet's million cells on the heap).
  return {
    frequency: x.subarray(0, size),
    recency: tx.subarray(0, size),
    age: T.subarray(0, size),
    weight: w.subarray(0, size),
    size,
    total,
  };
}

/** Rows sampled to judge whether compressing would pay (see historiesForFit). */
const SAMPLE_ROWS = 4096;
/** Above this share of distinct histories in the sample, the rows are taken as they are. */
const DISTINCT_SHARE = 0.9;

/**
 * The histories for a likelihood that is a weighted sum over rows: compressed (compressHistories) when rows repeat,
 * as whole days make them; the rows themselves, checked the same way, when a sample of them is nearly all distinct
 * (continuous times), where compressing costs a hash of every row and 40 MB of typed arrays at a million rows for
 * nothing — and V8 runs a full garbage collection for about every 64 MB of new typed arrays. Rows with weight 0 or
 * T = 0 then stay, with weight 0 (no term, as compressHistories drops them). The rows need not be distinct.
 */
export function historiesForFit(
  frequency: Float64Array,
  givenRecency: Float64Array | undefined,
  age: Float64Array,
  weights?: Float64Array,
  /** For a likelihood free of t_x (NBD): histories that differ only in it are one, and it is not read. */
  recencyFree = false,
): CompressedHistories {
  const n = frequency.length;
  const recency = recencyFree || !givenRecency ? new Float64Array(n) : givenRecency;
  if (n <= 2 * SAMPLE_ROWS) return compressHistories(frequency, recency, age, weights);
  // Checked first, so that a message names the row of the columns, not of the sample.
  for (let i = 0; i < n; i++) checkRow(frequency, recency, age, weights, i);
  const step = Math.floor(n / SAMPLE_ROWS);
  const sample = (column: Float64Array) => Float64Array.from({ length: SAMPLE_ROWS }, (_, i) => column[i * step]);
  let distinct = 0;
  try {
    distinct = compressHistories(sample(frequency), sample(recency), sample(age)).size;
  } catch {
    // Every sampled customer observed for no time: compress, which says so if it holds for all of them.
  }
  if (distinct < DISTINCT_SHARE * SAMPLE_ROWS) return compressHistories(frequency, recency, age, weights);
  const weight = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    weight[i] = termWeight(weights ? weights[i] : 1, age[i]);
    total += weight[i];
  }
  requireTerms(n, total);
  return { frequency, recency, age, weight, size: n, total };
}

/** The distinct frequencies of some histories (see frequencyGroups). */
interface DistinctFrequencies {
  values: Float64Array;
  weight: Float64Array;
  /** Each row's group. */
  slot: Uint32Array;
  /** The groups by increasing frequency, where the grouping sorted them. */
  byValue?: Uint32Array;
  /** The rows by increasing frequency (stable), where the grouping sorted them. */
  rowsByValue?: Uint32Array;
}

/** The distinct frequencies with the total weight of each, for terms that depend on x alone. */
export function frequencyGroups(data: CompressedHistories): DistinctFrequencies {
  const index = new Map<number, number>();
  const values: number[] = [];
  const weight: number[] = [];
  const slot = new Uint32Array(data.size);
  for (let i = 0; i < data.size; i++) {
    const x = data.frequency[i];
    let at = index.get(x);
    if (at === undefined) {
      if (values.length === HASHED_GROUPS) return frequencyGroupsBySort(data, slot);
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

/** Beyond this many distinct frequencies, frequencyGroups sorts them instead of hashing them. */
const HASHED_GROUPS = 65536;

/**
 * frequencyGroups by a radix sort of the frequencies (frequencies in the millions and billions, nearly one a customer:
 * hashing a million of them took 0.35 s, this a third of that): the same groups, in order of first appearance, with
 * the same weights added in the same order, and the groups by increasing frequency.
 */
function frequencyGroupsBySort(data: CompressedHistories, slot: Uint32Array): DistinctFrequencies {
  const n = data.size;
  const frequency = withoutNegativeZero(data.frequency.subarray(0, n));
  const order = orderByTime(frequency);
  // Each row's rank among the distinct frequencies, in slot (the hashing's, reused) until it becomes the row's group.
  let distinct = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (k === 0 || frequency[i] !== frequency[order[k - 1]]) distinct++;
    slot[i] = distinct - 1;
  }
  // Groups numbered as the rows first reach them; byValue[rank] = the group of that rank.
  const byValue = new Uint32Array(distinct).fill(UNSEEN);
  const values = new Float64Array(distinct);
  const weight = new Float64Array(distinct);
  for (let i = 0, groups = 0; i < n; i++) {
    const rank = slot[i];
    if (byValue[rank] === UNSEEN) {
      byValue[rank] = groups;
      values[groups++] = data.frequency[i];
    }
    slot[i] = byValue[rank];
    weight[slot[i]] += data.weight[i];
  }
  return { values, weight, slot, byValue, rowsByValue: order };
}

const UNSEEN = 0xffffffff;

/** Every k-th distinct history (deterministic), so that at most `maxRows` remain; weights are kept. */
export function everyKth(data: CompressedHistories, maxRows: number): CompressedHistories {
  const step = Math.ceil(data.size / maxRows);
  // Strided copies (TypedArray.prototype.filter with a closure visited every row of a million, four times).
  const size = step > 0 ? Math.ceil(data.size / step) : 0;
  const pick = (a: Float64Array) => {
    const picked = new Float64Array(size);
    for (let k = 0; k < size; k++) picked[k] = a[k * step];
    return picked;
  };
  const weight = pick(data.weight);
  let total = 0;
  for (let k = 0; k < size; k++) total += weight[k];
  return { frequency: pick(data.frequency), recency: pick(data.recency), age: pick(data.age), weight, size, total };
}

/**
 * The histories a fit of the customers' columns sums over (recency and age read as 0 where absent): compressed where
 * rows repeat (whole days), the rows as they are where they are nearly all distinct (continuous times), as
 * historiesForFit.
 */
export function fitColumnsHistories(columns: FitColumns): CompressedHistories {
  const n = columns.frequency.length;
  return historiesForFit(
    columns.frequency,
    columns.recency ?? new Float64Array(n),
    columns.age ?? new Float64Array(n),
    columns.weights,
  );
}
