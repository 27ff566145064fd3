/**
 * GGompertz/NBD P(alive) for a whole column of customers (issue 12: 1,048,576 rows in seconds). The "died in
 * (t_x, T]" term is (b s / β)·J with J = ∫_{t_x}^T g, g(y) = (α+y)^−(r+x) (1 + (e^(by)−1)/β)^−(s+1) e^(by)
 * (Bemmaor & Glady 2012, appendix). For one frequency x, J = F_x(t_x) − F_x(T) with F_x(t) = ∫_t^{t*} g, t* the
 * group's largest time: F_x is built once at every time of the group by adding the integrals between consecutive
 * times (logGgomnbdPiece of the likelihood, whose rules are exact to about a double), summed in linear scale, as the
 * fit does (ggompertz-nbd-likelihood.ts). Where F_x(T) is more than 60 % of F_x(t_x) the difference would lose
 * digits, and that row (like small groups, and groups whose intervals would need more panels than the cap) takes the
 * per-customer integral instead.
 */
import { logGgomnbdPiece } from "./ggompertz-nbd-likelihood";
import { orderByTime } from "./sort-times";

export interface GgomnbdRates {
  r: number;
  alpha: number;
  b: number;
  s: number;
  beta: number;
}

/** Below this many customers with one frequency, the per-customer integral is cheaper than the sweep. */
const DIRECT_GROUP = 32;
/** Below this ln F_x(t_x) − ln F_x(T), J is left to the per-customer integral (the difference would cancel). */
const MIN_LOG_RATIO = 0.5;
/** The likelihood's cap on 8-point panels per interval: a group that would need more takes the per-customer path. */
const MAX_PANELS = 400;
/** A running sum is rescaled (its logarithm moved into the scale) at or above this. */
const RESCALE = 1e100;

/**
 * ln J(t_x, T) (the scaled death integral of logScaledDeathIntegral) for every row, −Infinity where t_x ≥ T, NaN where
 * the caller must compute it customer by customer. The rows are valid histories (0 ≤ t_x ≤ T, x ≥ 0, finite).
 */
export function ggomnbdLogDeathColumn(
  { r, alpha, b, s, beta }: GgomnbdRates,
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  age: ArrayLike<number>,
): Float64Array {
  const n = frequency.length;
  const out = new Float64Array(n).fill(NaN);
  // The rows with t_x < T, ordered by frequency (a radix sort: no map of a million keys), in runs of one frequency.
  // Typed arrays throughout: on a heap full of a workbook's cells, growing arrays of a million numbers cost seconds
  // of collection.
  const valid = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (recency[i] < age[i]) valid[count++] = i;
    else if (recency[i] >= age[i]) out[i] = -Infinity;
  }
  const frequencies = new Float64Array(count);
  for (let k = 0; k < count; k++) frequencies[k] = frequency[valid[k]] + 0;
  const byFrequency = orderByTime(frequencies);
  // The runs large enough for the sweep: their rows (in `valid`'s place), each run's frequency, and each row's run.
  const rows = new Int32Array(count);
  const major = new Uint32Array(count);
  const keptValue: number[] = [];
  let kept = 0;
  for (let k = 0; k < count;) {
    const x = frequencies[byFrequency[k]];
    let next = k + 1;
    while (next < count && frequencies[byFrequency[next]] === x) next++;
    if (next - k >= DIRECT_GROUP) {
      for (let j = k; j < next; j++) {
        rows[kept] = valid[byFrequency[j]];
        major[kept++] = keptValue.length;
      }
      keptValue.push(x);
    }
    k = next;
  }
  const groups = keptValue.length;
  if (groups === 0) return out;
  // Two times a row: t_x at 2k, T at 2k + 1.
  const times = new Float64Array(2 * kept);
  const timeMajor = new Uint32Array(2 * kept);
  for (let k = 0; k < kept; k++) {
    const i = rows[k];
    // +0: the radix sort orders non-negative doubles by their bits (−0 would sort last).
    times[2 * k] = recency[i] + 0;
    times[2 * k + 1] = age[i] + 0;
    timeMajor[2 * k] = timeMajor[2 * k + 1] = major[k];
  }
  const order = orderByTime(times, timeMajor, groups);
  const logF = new Float64Array(times.length);
  const failed = new Uint8Array(groups);
  const piece = new Float64Array(0);
  const s1 = s + 1;
  // Each group's entries are contiguous in `order`, times increasing: swept from the largest time down.
  for (let end = order.length; end > 0;) {
    const g = timeMajor[order[end - 1]];
    let start = end - 1;
    while (start > 0 && timeMajor[order[start - 1]] === g) start--;
    const m = r + keptValue[g];
    let scale = -Infinity;
    let sum = 0;
    let above = times[order[end - 1]];
    let growAbove = Math.expm1(b * above);
    let logAbove = -Infinity;
    for (let k = end - 1; k >= start; k--) {
      const e = order[k];
      const t = times[e];
      if (t === above) {
        logF[e] = logAbove;
        continue;
      }
      const alphaT = alpha + t;
      const growT = Math.expm1(b * t);
      const logRelT = Math.log1p(growT / beta);
      // The panels logGgomnbdPiece would take (its bound on |d ln g/dy| and the singularities' distance).
      let near = alphaT;
      if (beta < 1) near = Math.min(near, t - Math.log1p(-beta) / b);
      const width = above - t;
      const slope =
        m / alphaT + b + s1 * b * Math.max((growT + 1) / (beta + growT), (growAbove + 1) / (beta + growAbove));
      if ((slope * width) / 2 > MAX_PANELS || width / (0.5 * Math.max(near, 1e-300)) > MAX_PANELS) {
        failed[g] = 1;
        break;
      }
      const logPiece = logGgomnbdPiece(
        alpha,
        b,
        s,
        beta,
        m,
        t,
        above,
        Math.log(alphaT),
        growT,
        logRelT,
        growAbove,
        piece,
        false,
        false,
      );
      if (sum === 0 || logPiece > scale + 300) {
        sum *= sum === 0 ? 0 : Math.exp(scale - logPiece);
        scale = logPiece;
      }
      sum += Math.exp(logPiece - scale);
      if (sum > RESCALE) {
        scale += Math.log(sum);
        sum = 1;
      }
      logAbove = scale + Math.log(sum);
      logF[e] = logAbove;
      above = t;
      growAbove = growT;
    }
    end = start;
  }
  for (let k = 0; k < kept; k++) {
    if (failed[major[k]]) continue;
    const early = logF[2 * k];
    const ratio = early - logF[2 * k + 1];
    if (ratio > MIN_LOG_RATIO) out[rows[k]] = early + Math.log1p(-Math.exp(-ratio));
  }
  return out;
}
