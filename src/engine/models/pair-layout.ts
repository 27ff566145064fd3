/**
 * Histories arranged by distinct (x, t) pairs, t ∈ {t_x, T}, for the likelihoods whose death term is an integral
 * between t_x and T of a function of (x, t) (Pareto/NBD, GGompertz/NBD). The pairs are numbered by x increasing,
 * then t decreasing, so that a pass over them runs through memory in order (each F(t) may start from the pair before
 * it, the same x's next larger t), and the rows are ordered by their (x, T) pair, so that the pass over the customers
 * reads the pairs' values nearly in order too.
 *
 * Lean by design (issue 12: 1,048,576 customers): V8 runs a full collection of the whole heap for about every 64 MB
 * of new typed arrays, seconds each where a workbook's million cells fill the heap. So the layout keeps what the
 * passes read and nothing they can derive: each pair's time, where each frequency's pairs end, and per row its two
 * pairs and (unless every weight is 1) its weight; a row's x is its frequency's and its T its (x, T) pair's time.
 * Built by two radix sorts of the rows (by x, then T; by x, then t_x) merged frequency by frequency: about 84 MB
 * kept and 20 MB passing on 1,048,576 distinct continuous-time histories, where the layout it replaces made 230 MB.
 * The rows' places in the layout take the array of their ranks; where the frequencies were radix-sorted (nearly all
 * distinct), the rows by (x, t_x) are that sort's order sorted in place: 8 MB fewer on 1,048,576 such histories.
 */
import { CompressedHistories, frequencyGroups } from "./compress";
import { orderByTime, withoutNegativeZero } from "./sort-times";

export interface ParetoNbdData {
  /** The distinct frequencies (in order of first appearance) and the total weight of each. */
  groups: { values: Float64Array; weight: Float64Array };
  /** Each pair's time (x increasing, then t decreasing; a pair's x is its run's). */
  pairTime: Float64Array;
  /** The runs of pairs of one frequency, x increasing: run k is pairs [runEnd[k−1], runEnd[k]) of x runFrequency[k]. */
  runFrequency: Float64Array;
  runEnd: Uint32Array;
  /** Each row's weight, or null when every weight is 1. */
  rowWeight: Float64Array | null;
  /** Index of (x, T) and of (x, t_x) among the pairs; −1 for (x, t_x) when t_x = T (no death before T). */
  rowAgePair: Int32Array;
  rowRecencyPair: Int32Array;
  /**
   * Work arrays of the likelihoods (ln F and its moments per pair), made at the first evaluation and reused: tens of
   * megabytes allocated at every evaluation made the collector run over the whole heap each time.
   */
  buffers?: {
    logF: Float64Array;
    moments: Float64Array;
    /** The most pairs one frequency has: the moments are kept for one frequency at a time. */
    widest: number;
    /** The same, where the Pareto/NBD likelihood streams the x = 0 run (pareto-nbd-likelihood.ts). */
    widestStreamed?: number;
  };
}

/** The pairs and row order described at ParetoNbdData (see the top of this file). */
export function prepareParetoNbdData(data: CompressedHistories): ParetoNbdData {
  const size = data.size;
  const { values, weight, slot, byValue: sorted, rowsByValue } = frequencyGroups(data);
  const distinct = values.length;
  // Each distinct frequency's rank (x increasing); slot, ours, becomes each row's rank.
  // By radix sort (the frequencies are distinct, so any sort gives this order): a comparator sort took 0.4 s on a
  // million distinct frequencies (frequencies in the millions and billions).
  const byValue = sorted ?? orderByTime(withoutNegativeZero(values));
  const rank = new Uint32Array(distinct);
  for (let k = 0; k < distinct; k++) rank[byValue[k]] = k;
  for (let i = 0; i < size; i++) slot[i] = rank[slot[i]];
  const age = withoutNegativeZero(data.age.subarray(0, size));
  const recency = withoutNegativeZero(data.recency.subarray(0, size));
  // Rows by (x, T) and by (x, t_x), each increasing and stable; the second sorts the frequency order, ours, in place.
  const byAge = rowsByValue
    ? orderWithinRanks(rowsByValue, slot, age, new Uint32Array(size))
    : orderByTime(age, slot, distinct);
  const byRecency = rowsByValue
    ? orderWithinRanks(rowsByValue, slot, recency, rowsByValue)
    : orderByTime(recency, slot, distinct);
  let early = 0;
  for (let i = 0; i < size; i++) if (recency[i] !== age[i]) early++;
  const pairTime = new Float64Array(size + early);
  const runFrequency = new Float64Array(distinct);
  const runEnd = new Uint32Array(distinct);
  let uniform = true;
  for (let i = 0; i < size && uniform; i++) uniform = data.weight[i] === 1;
  const rowWeight = uniform ? null : new Float64Array(size);
  const rowAgePair = new Int32Array(size);
  const rowRecencyPair = new Int32Array(size);
  // Where each row went in the layout (its T is placed before its t_x, the larger time). In the ranks' array: a
  // frequency's rows are placed only once both scans below have read their ranks, and never read them again.
  const position = slot;
  let pairs = 0;
  let rows = 0;
  // Both orders run through the ranks in turn; a = end of this rank's rows by T, b = by t_x (read backwards).
  let aEnd = 0;
  let bEnd = 0;
  for (let k = 0; k < distinct; k++) {
    const aStart = aEnd;
    while (aEnd < size && slot[byAge[aEnd]] === k) aEnd++;
    const bStart = bEnd;
    while (bEnd < size && slot[byRecency[bEnd]] === k) bEnd++;
    const runStart = pairs;
    let a = aEnd - 1;
    let b = bEnd - 1;
    while (a >= aStart || b >= bStart) {
      // Skip t_x entries of rows with t_x = T (no pair of their own).
      if (b >= bStart && recency[byRecency[b]] === age[byRecency[b]]) {
        b--;
        continue;
      }
      const tA = a >= aStart ? age[byAge[a]] : -1;
      const tB = b >= bStart ? recency[byRecency[b]] : -1;
      if (tA >= tB) {
        // The block of rows with this T, in their order (as a stable sort by (x, T) pair would place them).
        let from = a;
        while (from > aStart && age[byAge[from - 1]] === tA) from--;
        if (pairs === runStart || pairTime[pairs - 1] !== tA) pairTime[pairs++] = tA;
        const pair = pairs - 1;
        for (let j = from; j <= a; j++) {
          const row = byAge[j];
          position[row] = rows;
          if (rowWeight) rowWeight[rows] = data.weight[row];
          rowAgePair[rows] = pair;
          rowRecencyPair[rows++] = -1;
        }
        a = from - 1;
      } else {
        if (pairs === runStart || pairTime[pairs - 1] !== tB) pairTime[pairs++] = tB;
        rowRecencyPair[position[byRecency[b]]] = pairs - 1;
        b--;
      }
    }
    runFrequency[k] = values[byValue[k]];
    runEnd[k] = pairs;
  }
  return {
    groups: { values, weight },
    // A view, not a copy (see the top of this file).
    pairTime: pairTime.subarray(0, pairs),
    runFrequency,
    runEnd,
    rowWeight,
    rowAgePair,
    rowRecencyPair,
  };
}

/** Runs of more rows than this are sorted by orderByTime, shorter ones by insertion. */
const INSERTION_RUN = 16;

/**
 * orderByTime(times, rank, ·)'s permutation (by rank, then time, stably) from the rows already in rank order
 * (stably, as frequencyGroups' sort leaves them): each run of one rank sorted by time alone. With frequencies nearly
 * one a customer the runs are of a few rows, where the radix sort made five passes over all of them. Written to
 * `order`, which may be rowsByRank itself (sorted in place).
 */
function orderWithinRanks(
  rowsByRank: Uint32Array,
  rank: Uint32Array,
  times: Float64Array,
  order: Uint32Array,
): Uint32Array {
  const n = rowsByRank.length;
  for (let start = 0, end = 0; start < n; start = end) {
    const k = rank[rowsByRank[start]];
    end = start + 1;
    while (end < n && rank[rowsByRank[end]] === k) end++;
    if (end - start > INSERTION_RUN) {
      // A copy where the run is sorted in place.
      const run = order === rowsByRank ? rowsByRank.slice(start, end) : rowsByRank.subarray(start, end);
      const within = orderByTime(Float64Array.from(run, (row) => times[row]));
      for (let j = 0; j < run.length; j++) order[start + j] = run[within[j]];
      continue;
    }
    // Insertion sort, moving a row only past larger times: equal times keep the rows' order.
    for (let j = start; j < end; j++) {
      const row = rowsByRank[j];
      const t = times[row];
      let at = j;
      while (at > start && times[order[at - 1]] > t) {
        order[at] = order[at - 1];
        at--;
      }
      order[at] = row;
    }
  }
  return order;
}

/** The most pairs one frequency has. */
export function widestGroup(data: ParetoNbdData): number {
  let widest = 0;
  for (let k = 0, start = 0; k < data.runEnd.length; start = data.runEnd[k++]) {
    widest = Math.max(widest, data.runEnd[k] - start);
  }
  return widest;
}
