/**
 * Pareto/NBD P(alive) for a whole column of customers at the cost of a closed form each. The "died in (t_x, T]"
 * term is s·∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ = s·(F_x(t_x) − F_x(T)) with F_x(t) = ∫_t^∞ of the same
 * integrand (Fader & Hardie note 008, eq. 11, before the 2F1 closed form): for each frequency x, ln F_x is one
 * smooth function of t, interpolated once in ln(t + min(α, β)) and verified (src/engine/optim/chebyshev.ts), from the
 * same series and quadrature the likelihood uses. Where the interval is short (the integrand changes by less than
 * e^0.5 across it, and α + τ and β + τ by less than that factor) the difference would cancel, and a 16-point
 * Gauss–Legendre rule on the interval itself is exact to rounding instead. Small groups, and any group whose function cannot be resolved, take the per-customer path.
 */
import { CHEAP_PIECES, chebyshevInterpolant } from "../optim/chebyshev";
import { FrequencyGroup, customersByFrequency } from "./frequency-groups";
import { logTailIntegral } from "./pareto-nbd-likelihood";

export interface ParetoNbdRates {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/** Below this many customers with one frequency, the per-customer path is cheaper than an interpolant. */
const DIRECT_GROUP = 32;
/** Above this drop of the log-integrand across [t_x, T], F_x(t_x) − F_x(T) keeps its digits. */
const SHORT_DROP = 0.5;

// Gauss–Legendre, 16 points: the positive nodes and their weights (Abramowitz & Stegun 25.4.30).
const GL_NODES = [
  0.0950125098376374, 0.2816035507792589, 0.4580167776572274, 0.6178762444026438, 0.755404408355003, 0.8656312023878318,
  0.9445750230732326, 0.9894009349916499,
];
const GL_WEIGHTS = [
  0.1894506104550685, 0.1826034150449236, 0.1691565193950025, 0.1495959888165767, 0.1246289712555339,
  0.0951585116824928, 0.0622535239386479, 0.0271524594117541,
];

/**
 * out[k] = ln ∫_{a_k}^{b_k} (α+τ)^−p (β+τ)^−q dτ for k < count, each interval short, the integrand taken relative to
 * its value at b_k. One loop for all (a call per interval would box its numbers).
 */
function logShortIntegrals(
  alpha: number,
  beta: number,
  p: number,
  q: number,
  a: Float64Array,
  b: Float64Array,
  count: number,
  out: Float64Array,
): void {
  for (let k = 0; k < count; k++) {
    const logEnd = -p * Math.log(alpha + b[k]) - q * Math.log(beta + b[k]);
    const centre = (a[k] + b[k]) / 2;
    const half = (b[k] - a[k]) / 2;
    let sum = 0;
    for (let j = 0; j < GL_NODES.length; j++) {
      const below = centre - half * GL_NODES[j];
      const above = centre + half * GL_NODES[j];
      sum += GL_WEIGHTS[j] * Math.exp(-p * Math.log(alpha + below) - q * Math.log(beta + below) - logEnd);
      sum += GL_WEIGHTS[j] * Math.exp(-p * Math.log(alpha + above) - q * Math.log(beta + above) - logEnd);
    }
    out[k] = logEnd + Math.log(sum * half);
  }
}

/** A frequency's rows waiting for the interpolant's values (pending…) or for the short-interval rule (short…). */
interface WorkingColumns {
  pendingRow: Int32Array;
  pendingAlive: Float64Array;
  pendingEarly: Int32Array;
  pendingAt: Float64Array;
  pendingLate: Float64Array;
  earlyAt: Float64Array;
  earlyValue: Float64Array;
  shortRow: Int32Array;
  shortAlive: Float64Array;
  shortFrom: Float64Array;
  shortTo: Float64Array;
  shortIntegral: Float64Array;
}

// Kept with the groups they are sized for: the per-customer ranges pass the same groups for 200 draws, and a few MB
// of typed arrays allocated per draw made most of the collector's passes ("external memory pressure").
const working = new WeakMap<readonly FrequencyGroup[], WorkingColumns>();

function workingColumns(groups: readonly FrequencyGroup[]): WorkingColumns {
  let columns = working.get(groups);
  if (!columns) {
    const n = groups.reduce((most, group) => Math.max(most, group.rows.length), 0);
    columns = {
      pendingRow: new Int32Array(n),
      pendingAlive: new Float64Array(n),
      pendingEarly: new Int32Array(n),
      pendingAt: new Float64Array(n),
      pendingLate: new Float64Array(n),
      earlyAt: new Float64Array(n),
      earlyValue: new Float64Array(n),
      shortRow: new Int32Array(n),
      shortAlive: new Float64Array(n),
      shortFrom: new Float64Array(n),
      shortTo: new Float64Array(n),
      shortIntegral: new Float64Array(n),
    };
    working.set(groups, columns);
  }
  return columns;
}

/**
 * P(alive | x, t_x, T) for every row, the rows being valid histories (0 ≤ t_x ≤ T, x a whole number ≥ 0).
 * `single` is the per-customer P(alive), for small groups and unresolved ones; `groups`, the rows grouped by frequency
 * (customersByFrequency of these columns) when the caller keeps them for many parameters.
 */
export function paretoNbdAliveColumn(
  { r, alpha, s, beta }: ParetoNbdRates,
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  age: ArrayLike<number>,
  single: (x: number, tx: number, T: number) => number,
  groups: readonly FrequencyGroup[] = customersByFrequency(frequency, age),
): Float64Array {
  const out = new Float64Array(frequency.length);
  const shift = Math.min(alpha, beta);
  // ln(t + shift) is ln(α + t) or ln(β + t), which every row computes anyway (the same sum, the same bits).
  const shiftIsAlpha = alpha <= beta;
  const logS = Math.log(s);
  const tail = new Float64Array(4);
  const {
    pendingRow,
    pendingAlive,
    pendingEarly,
    pendingAt,
    pendingLate,
    earlyAt,
    earlyValue,
    shortRow,
    shortAlive,
    shortFrom,
    shortTo,
    shortIntegral,
  } = workingColumns(groups);
  for (const { x, rows, hi } of groups) {
    let lo = Infinity;
    for (let k = 0; k < rows.length; k++) lo = Math.min(lo, recency[rows[k]]);
    const logF =
      rows.length >= DIRECT_GROUP && hi > lo
        ? chebyshevInterpolant(
            (u) => logTailIntegral(r, alpha, s, beta, x, Math.max(0, Math.exp(u) - shift), tail, false),
            Math.log(lo + shift),
            Math.log(hi + shift),
            1,
            CHEAP_PIECES,
          )
        : null;
    if (!logF) {
      for (const i of rows) out[i] = single(x, recency[i], age[i]);
      continue;
    }
    const p = r + x;
    const q = s + 1;
    // What depends on t_x alone, kept while consecutive rows share it (every x = 0 row has t_x = 0).
    let tx = NaN;
    let logAlphaTx = NaN;
    let logBetaTx = NaN;
    // The rows that take ln F_x at t_x and T, with what they keep for after the interpolant's values at once
    // (fill: a value per call would be a boxed number per row); ln F_x(t_x) once per run of rows sharing t_x.
    let count = 0;
    let earlyCount = 0;
    let earlySlot = -1;
    let shortCount = 0;
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k];
      const T = age[i];
      const logAlphaT = Math.log(alpha + T);
      const logBetaT = Math.log(beta + T);
      const alive = -p * logAlphaT - s * logBetaT;
      if (recency[i] >= T) {
        out[i] = 1;
        continue;
      }
      if (recency[i] !== tx) {
        tx = recency[i];
        logAlphaTx = Math.log(alpha + tx);
        logBetaTx = Math.log(beta + tx);
        earlySlot = -1;
      }
      const alphaRatio = logAlphaT - logAlphaTx;
      const betaRatio = logBetaT - logBetaTx;
      if (p * alphaRatio + q * betaRatio < SHORT_DROP) {
        // Both singularities (τ = −α, −β) far from the interval for its length too, or the rule loses digits.
        if (alphaRatio >= SHORT_DROP || betaRatio >= SHORT_DROP) {
          out[i] = single(x, tx, T);
          continue;
        }
        shortRow[shortCount] = i;
        shortAlive[shortCount] = alive;
        shortFrom[shortCount] = tx;
        shortTo[shortCount] = T;
        shortCount++;
        continue;
      }
      if (earlySlot < 0) {
        earlySlot = earlyCount++;
        earlyAt[earlySlot] = shiftIsAlpha ? logAlphaTx : logBetaTx;
      }
      pendingRow[count] = i;
      pendingAlive[count] = alive;
      pendingEarly[count] = earlySlot;
      pendingAt[count] = shiftIsAlpha ? logAlphaT : logBetaT;
      count++;
    }
    logShortIntegrals(alpha, beta, p, q, shortFrom, shortTo, shortCount, shortIntegral);
    for (let k = 0; k < shortCount; k++) {
      const died = logS + shortIntegral[k];
      out[shortRow[k]] = 1 / (1 + Math.exp(died - shortAlive[k]));
    }
    logF.fill(pendingAt, count, pendingLate);
    logF.fill(earlyAt, earlyCount, earlyValue);
    for (let k = 0; k < count; k++) {
      const early = earlyValue[pendingEarly[k]];
      const died = logS + early + Math.log1p(-Math.exp(pendingLate[k] - early));
      out[pendingRow[k]] = 1 / (1 + Math.exp(died - pendingAlive[k]));
    }
  }
  return out;
}
