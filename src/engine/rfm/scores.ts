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

/** Cut points of k equal-width bins between the smallest and largest value. */
export function equalWidthThresholds(min: number, max: number, bins: number): Float64Array {
  const cuts = new Float64Array(bins - 1);
  for (let k = 1; k < bins; k++) cuts[k - 1] = min + ((max - min) * k) / bins;
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
    const sorted = new Float64Array(present);
    let j = 0;
    for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) sorted[j++] = values[i];
    sorted.sort();
    thresholds =
      options.method === "equal"
        ? equalWidthThresholds(sorted[0] ?? NaN, sorted[present - 1] ?? NaN, bins)
        : quantileThresholds(sorted, bins);
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
