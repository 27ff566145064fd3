/**
 * Scores a numeric column into bins 1..k (RFM quintiles by default). A score is a function of the value alone, so
 * equal values always get the same score, whatever the row order: cut points are computed on the values and a value
 * v gets 1 + (number of cut points strictly below v) — right-closed bins, v ≤ t₁ → 1, t₁ < v ≤ t₂ → 2, …
 * When many values are equal (skewed columns), several cut points coincide and some scores are never given; the
 * scores keep their positional meaning (no renumbering) and `distinctBins` says how many were really produced.
 * NaN is a blank: excluded from the cut points and scored 0.
 */
import { numError, valueError } from "../errors";

export type ScoringMethod = "quantile" | "equal";
/** quantile: cut points at the k-quantiles (Excel's PERCENTILE.INC); equal: k equal-width bins from min to max. */
export const SCORING_METHODS: readonly ScoringMethod[] = ["quantile", "equal"];
export const MIN_BINS = 2;
export const MAX_BINS = 10;
export const DEFAULT_BINS = 5;

export interface ScoreOptions {
  bins?: number;
  method?: ScoringMethod;
  /** Higher values get lower scores (recency: the most recent customer scores highest). */
  reverse?: boolean;
  /** The user's own cut points, bins − 1 of them, strictly ascending; they replace the method. */
  breaks?: ArrayLike<number>;
  /** The measure's name in messages about its breaks. */
  name?: string;
}

export interface ColumnScores {
  /** 1..bins per row, 0 for a blank (NaN) value. */
  scores: Uint8Array;
  /** The bins − 1 cut points used, ascending in the values' own scale (NaN when the column has no values). */
  thresholds: Float64Array;
  bins: number;
  /** How many different scores were actually given. */
  distinctBins: number;
  /** counts[s]: rows with score s; counts[0] counts the blanks. */
  counts: Uint32Array;
  reversed: boolean;
}

export function checkBins(bins: number): number {
  if (!Number.isInteger(bins) || bins < MIN_BINS || bins > MAX_BINS) throw numError("rfm.binsRange", { found: bins });
  return bins;
}

/** The p-quantile of ascending values, Excel's PERCENTILE.INC (Hyndman & Fan 1996, definition 7). */
export function percentileInc(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(low + 1, n - 1);
  return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
}

/** Cut points at the quantiles 1/k, 2/k, …, (k−1)/k of the ascending values. */
export function quantileThresholds(sorted: ArrayLike<number>, bins: number): Float64Array {
  const cuts = new Float64Array(bins - 1);
  for (let k = 1; k < bins; k++) cuts[k - 1] = percentileInc(sorted, k / bins);
  return cuts;
}

/**
 * The same cut points as quantileThresholds, without sorting: the few order statistics needed are selected in
 * place (Hoare's quickselect, recursing on the ranks either side), O(n log bins) instead of O(n log n).
 * `values` is reordered.
 */
export function quantileThresholdsInPlace(values: Float64Array, bins: number): Float64Array {
  const n = values.length;
  const cuts = new Float64Array(bins - 1);
  if (n === 0) return cuts.fill(NaN);
  const ranks = new Set<number>();
  for (let k = 1; k < bins; k++) {
    const h = (n - 1) * (k / bins);
    ranks.add(Math.floor(h));
    if (h > Math.floor(h)) ranks.add(Math.floor(h) + 1);
  }
  selectRanks(
    values,
    [...ranks].sort((a, b) => a - b),
    0,
    n - 1,
  );
  for (let k = 1; k < bins; k++) {
    const h = (n - 1) * (k / bins);
    const low = Math.floor(h);
    // + 0 turns a −0 cut (from a −0 cell) into 0, as a sorted array's interpolation gives, and as Excel shows it.
    cuts[k - 1] = (h > low ? values[low] + (h - low) * (values[low + 1] - values[low]) : values[low]) + 0;
  }
  return cuts;
}

/** Puts the value of each rank (ascending ranks, all within [left, right]) where a full sort would put it. */
function selectRanks(values: Float64Array, ranks: number[], left: number, right: number): void {
  if (ranks.length === 0) return;
  const middle = ranks.length >> 1;
  const rank = ranks[middle];
  selectRank(values, rank, left, right);
  selectRanks(values, ranks.slice(0, middle), left, rank - 1);
  selectRanks(values, ranks.slice(middle + 1), rank + 1, right);
}

function selectRank(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    const mid = (left + right) >>> 1;
    if (a[mid] < a[left]) swap(a, left, mid);
    if (a[right] < a[left]) swap(a, left, right);
    if (a[right] < a[mid]) swap(a, mid, right);
    const pivot = a[mid];
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) swap(a, i++, j--);
    }
    // [left, j] ≤ pivot ≤ [i, right], and everything strictly between j and i equals the pivot
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const held = a[i];
  a[i] = a[j];
  a[j] = held;
}

function equalWidthFromValues(values: Float64Array, bins: number): Float64Array {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  return values.length === 0 ? new Float64Array(bins - 1).fill(NaN) : equalWidthThresholds(min, max, bins);
}

/**
 * Cut points of k equal-width bins between the smallest and largest value. When max − min overflows (values near
 * ±1.7e308), each cut is the weighted mean min·(1 − k/bins) + max·k/bins instead, whose terms cannot overflow.
 */
export function equalWidthThresholds(min: number, max: number, bins: number): Float64Array {
  const cuts = new Float64Array(bins - 1);
  const width = max - min;
  for (let k = 1; k < bins; k++) {
    const share = k / bins;
    cuts[k - 1] = Number.isFinite(width) ? min + (width * k) / bins : min * (1 - share) + max * share + 0;
  }
  return cuts;
}

/** The score of one value given ascending cut points (0 for NaN). */
export function scoreOf(value: number, thresholds: ArrayLike<number>, reverse = false): number {
  if (Number.isNaN(value)) return 0;
  let above = 0;
  while (above < thresholds.length && value > thresholds[above]) above++;
  return reverse ? thresholds.length + 1 - above : above + 1;
}

function checkBreaks(breaks: ArrayLike<number>, name: string): Float64Array {
  const cuts = Float64Array.from(breaks);
  for (let k = 1; k < cuts.length; k++) {
    if (!(cuts[k] > cuts[k - 1]))
      throw numError("rfm.breaksNotAscending", { measure: name, row: k + 1, found: cuts[k] });
  }
  return cuts;
}

/** Scores a column; see the module comment for the rules. */
export function scoreColumn(values: Float64Array, options: ScoreOptions = {}): ColumnScores {
  const reversed = options.reverse ?? false;
  let thresholds: Float64Array;
  if (options.breaks) {
    thresholds = checkBreaks(options.breaks, options.name ?? "");
    checkBins(thresholds.length + 1);
    if (options.bins !== undefined && options.bins !== thresholds.length + 1) {
      throw valueError("rfm.breaksBinsConflict", { bins: options.bins, rows: thresholds.length });
    }
  } else {
    const bins = checkBins(options.bins ?? DEFAULT_BINS);
    let present = 0;
    for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present++;
    const copy = new Float64Array(present);
    let j = 0;
    for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) copy[j++] = values[i];
    thresholds = options.method === "equal" ? equalWidthFromValues(copy, bins) : quantileThresholdsInPlace(copy, bins);
  }
  const bins = thresholds.length + 1;
  const scores = new Uint8Array(values.length);
  const counts = new Uint32Array(bins + 1);
  for (let i = 0; i < values.length; i++) {
    const score = scoreOf(values[i], thresholds, reversed);
    scores[i] = score;
    counts[score]++;
  }
  let distinctBins = 0;
  for (let s = 1; s <= bins; s++) if (counts[s] > 0) distinctBins++;
  return { scores, thresholds, bins, distinctBins, counts, reversed };
}
