/**
 * Gamma-Gamma model of average spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV: using
 * iso-value curves"; Fader & Hardie 2013, "The Gamma-Gamma model of monetary value"). Each transaction of a
 * customer is Gamma(p, ν) distributed, and ν varies across customers as Gamma(q, γ). It is fitted on the
 * customers with at least one repeat purchase, from their number of repeat purchases x and average spend m_x.
 */
import digamma from "@stdlib/math-base-special-digamma";
import gammaln from "@stdlib/math-base-special-gammaln";
import { naError, valueError } from "../errors";
import { fitLogParameters } from "../optim/fit";
import {
  ASYMPTOTIC_FROM,
  digammaDifference as largeDigammaDifference,
  logBetaOfLarge,
  logGammaDifference,
  trigammaDifference as largeTrigammaDifference,
} from "../optim/gamma-differences";
import { trigamma } from "../optim/trigamma";
import { FitColumns, FitOptions, FittedModel } from "./types";

export interface GammaGammaParameters {
  p: number;
  q: number;
  gamma: number;
}

export const GAMMA_GAMMA_PARAMETER_NAMES = ["p", "q", "gamma"] as const;

/**
 * The repeat customers' data in the form the likelihood needs: everything that does not depend on the
 * parameters is summed once, and the x-only terms are grouped by distinct x (few values, many customers).
 */
export interface GammaGammaData {
  /** Distinct frequencies x > 0 and how many customers have each. */
  distinctFrequencies: Float64Array;
  customersAtFrequency: Float64Array;
  /** Per repeat row: x, s = x·m_x, ln s and how many customers the row stands for. */
  frequency: Float64Array;
  totalSpend: Float64Array;
  logTotalSpend: Float64Array;
  weight: Float64Array;
  /** Σ ln m_x over the repeat customers. */
  sumLogSpend: number;
  /** Number of repeat customers, Σ weights (the n of the fit). */
  n: number;
}

/**
 * Keeps the customers with x > 0 and checks their spends. A zero or negative average spend (refunds,
 * free orders) has no place in a Gamma model: the error says how many such rows there are and the first one.
 * `weights`, when given, counts how many customers each row stands for.
 */
export function prepareGammaGammaData(
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  weights?: ArrayLike<number>,
): GammaGammaData {
  let badCount = 0;
  let firstBadRow = 0;
  let rows = 0;
  for (let i = 0; i < frequency.length; i++) {
    const row = i + 1;
    const x = frequency[i];
    if (Number.isNaN(x)) throw valueError("valuemodels.blankAt", { arg: "frequency", row });
    if (x < 0) throw valueError("args.negativeAt", { arg: "frequency", row, found: x });
    if (!Number.isInteger(x)) throw valueError("args.notIntegerAt", { arg: "frequency", row, found: x });
    const w = weights ? weights[i] : 1;
    if (!(w >= 0) || !Number.isFinite(w)) throw valueError("valuemodels.badWeight", { row, found: w });
    if (x === 0 || w === 0) continue;
    const m = monetary[i];
    if (Number.isNaN(m)) throw valueError("valuemodels.blankAt", { arg: "monetary", row });
    if (!(m > 0)) {
      badCount++;
      if (firstBadRow === 0) firstBadRow = row;
      continue;
    }
    rows++;
  }
  if (badCount > 0) {
    throw valueError("valuemodels.gg.nonPositiveSpend", { count: badCount, row: firstBadRow });
  }
  if (rows === 0) throw valueError("valuemodels.gg.noRepeatCustomers");

  const freq = new Float64Array(rows);
  const total = new Float64Array(rows);
  const weight = new Float64Array(rows);
  let k = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i];
    const w = weights ? weights[i] : 1;
    if (x === 0 || w === 0) continue;
    freq[k] = x;
    total[k] = x * monetary[i];
    weight[k] = w;
    k++;
  }
  return summariseRepeatRows(freq, total, weight);
}

/** The likelihood's data from its repeat rows (x, x·m_x, weight): ln s per row, Σ ln m_x, the distinct x. */
function summariseRepeatRows(frequency: Float64Array, totalSpend: Float64Array, weight: Float64Array): GammaGammaData {
  const logTotalSpend = new Float64Array(frequency.length);
  let n = 0;
  let sumLogSpend = 0;
  for (let k = 0; k < frequency.length; k++) {
    const w = weight[k];
    logTotalSpend[k] = Math.log(totalSpend[k]);
    n += w;
    sumLogSpend += w * Math.log(totalSpend[k] / frequency[k]);
  }
  // The distinct frequencies from a sorted copy, each row's weight added by binary search: a million distinct
  // frequencies take a fraction of a second, where a Map of them took seconds.
  const sorted = Float64Array.from(frequency).sort();
  let distinctCount = 0;
  for (let k = 0; k < sorted.length; k++)
    if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[distinctCount++] = sorted[k];
  const distinctFrequencies = sorted.slice(0, distinctCount);
  const customersAtFrequency = new Float64Array(distinctCount);
  for (let k = 0; k < frequency.length; k++) {
    let lo = 0;
    let hi = distinctCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (distinctFrequencies[mid] < frequency[k]) lo = mid + 1;
      else hi = mid;
    }
    customersAtFrequency[lo] += weight[k];
  }
  return {
    distinctFrequencies,
    customersAtFrequency,
    frequency,
    totalSpend,
    logTotalSpend,
    weight,
    sumLogSpend,
    n,
  };
}

/**
 * Log-likelihood of the repeat customers' average spends, Fader & Hardie (2013) eq. 1a, including the
 * (p·x − 1)·ln m_x + p·x·ln x terms (so it matches the published −4055.9177 on CDNOW).
 * When `gradient` is given, it receives ∂LL/∂(p, q, γ); `hessian`, the 3×3 second derivatives (row-major).
 */
export function gammaGammaLogLikelihood(
  { p, q, gamma }: GammaGammaParameters,
  data: GammaGammaData,
  gradient?: Float64Array,
  hessian?: Float64Array,
): number {
  // Per customer, lnΓ(px+q) − lnΓ(px) − lnΓ(q) − q·ln(1 + s/γ) − px·ln(1 + γ/s) − ln m_x with s = x·m_x: the
  // eq. 1a terms q ln γ, (px − 1) ln m_x, px ln x and −(px + q) ln(γ + s) regrouped so that nothing of size p·x
  // (millions of purchases: terms of 10¹⁰ that cancel to units) is ever added, nor n·(q ln γ − lnΓ(q)) when q and γ
  // are large (spend that hardly varies between customers).
  let ll = -data.sumLogSpend;
  let dp = 0;
  let dq = 0;
  let hpp = 0;
  let hpq = 0;
  let hqq = 0;
  const wantGradient = gradient !== undefined || hessian !== undefined;
  // lnΓ(q), ψ(q) and ψ'(q) once, not once per distinct frequency (a million of them at most)
  const smallShape = q < LARGE_SHAPE;
  const logGammaQ = gammaln(q);
  const digammaQ = smallShape && wantGradient ? digamma(q) : NaN;
  const trigammaQ = smallShape && hessian ? trigamma(q) : NaN;
  for (let j = 0; j < data.distinctFrequencies.length; j++) {
    const x = data.distinctFrequencies[j];
    const count = data.customersAtFrequency[j];
    const px = p * x;
    ll += count * logBetaInverse(px, q, logGammaQ);
    if (wantGradient) {
      dp += count * x * digammaStep(px, q);
      dq += count * (smallShape ? digamma(q + px) - digammaQ : digammaDifference(q, px));
    }
    if (hessian) {
      const psi1Sum = trigamma(px + q);
      hpp -= count * x * x * trigammaStep(px, q);
      hpq += count * x * psi1Sum;
      hqq += count * (smallShape ? psi1Sum - trigammaQ : trigammaDifference(q, px));
    }
  }
  // The only per-customer work: Σ w [q ln(1 + s/γ) + p x ln(1 + γ/s)], one logarithm a row from ln s kept.
  const { frequency, weight, totalSpend, logTotalSpend } = data;
  const logGamma = Math.log(gamma);
  let sumLog1p = 0;
  let sumFrequencyLog1p = 0;
  let sumFrequencyOverBase = 0;
  let sumShare = 0;
  let sumFrequencyOverBase2 = 0;
  let sumShareCurvature = 0;
  for (let i = 0; i < frequency.length; i++) {
    const w = weight[i];
    const x = frequency[i];
    const spend = totalSpend[i];
    const base = gamma + spend;
    const inverse = 1 / base;
    // ln(1 + s/γ) − ln(1 + γ/s) = ln s − ln γ: the smaller of the two is computed directly, the other from it
    let growth: number;
    let shrink: number;
    if (spend < gamma) {
      growth = Math.log1p(spend / gamma);
      shrink = growth + logGamma - logTotalSpend[i];
    } else {
      shrink = Math.log1p(gamma / spend);
      growth = shrink + logTotalSpend[i] - logGamma;
    }
    sumLog1p += w * growth;
    sumFrequencyLog1p += w * x * shrink;
    if (!wantGradient) continue;
    sumFrequencyOverBase += w * x * inverse;
    // s/(γ(γ+s)) = 1/γ − 1/(γ+s), without the cancellation
    const share = (spend * inverse) / gamma;
    sumShare += w * share;
    if (hessian) {
      sumFrequencyOverBase2 += w * x * inverse * inverse;
      sumShareCurvature += (w * share * (2 * gamma + spend) * inverse) / gamma;
    }
  }
  ll -= q * sumLog1p + p * sumFrequencyLog1p;
  if (gradient) {
    gradient[0] = dp - sumFrequencyLog1p;
    gradient[1] = dq - sumLog1p;
    gradient[2] = q * sumShare - p * sumFrequencyOverBase;
  }
  if (hessian) {
    const hpg = -sumFrequencyOverBase;
    const hgg = -q * sumShareCurvature + p * sumFrequencyOverBase2;
    hessian.set([hpp, hpq, hpg, hpq, hqq, sumShare, hpg, sumShare, hgg]);
  }
  return ll;
}

/** Above this q, the differences below use Stirling's series (Abramowitz & Stegun 6.1.41, 6.3.18, 6.4.12). */
const LARGE_SHAPE = 1e4;

/** −ln B(y, q) = lnΓ(y + q) − lnΓ(y) − lnΓ(q), with no lnΓ of size y·ln y formed when y is large. */
function logBetaInverse(y: number, q: number, logGammaQ: number): number {
  if (y >= ASYMPTOTIC_FROM && q >= ASYMPTOTIC_FROM) return -logBetaOfLarge(y, q);
  if (y >= ASYMPTOTIC_FROM) return logGammaDifference(y, q) - logGammaQ;
  return logGammaRatio(q, y) - gammaln(y);
}

/** ψ(y + q) − ψ(y), without the cancellation of two ψ near ln y when y is large. */
function digammaStep(y: number, q: number): number {
  return y >= ASYMPTOTIC_FROM ? largeDigammaDifference(y, q) : digamma(y + q) - digamma(y);
}

/** ψ'(y) − ψ'(y + q), likewise. */
function trigammaStep(y: number, q: number): number {
  return y >= ASYMPTOTIC_FROM ? largeTrigammaDifference(y, q) : trigamma(y) - trigamma(y + q);
}

/** lnΓ(q + y) − lnΓ(q), accurate also when q ≫ y. */
function logGammaRatio(q: number, y: number): number {
  if (q < LARGE_SHAPE) return gammaln(q + y) - gammaln(q);
  const z = q + y;
  // (z − ½)ln z − z − [(q − ½)ln q − q] + 1/(12z) − 1/(12q) − 1/(360z³) + 1/(360q³)
  return (
    (q - 0.5) * Math.log1p(y / q) + y * Math.log(z) - y - y / (12 * q * z) + (1 / (q * q * q) - 1 / (z * z * z)) / 360
  );
}

/** ψ(q + y) − ψ(q). */
function digammaDifference(q: number, y: number): number {
  if (q < LARGE_SHAPE) return digamma(q + y) - digamma(q);
  const z = q + y;
  // ln z − 1/(2z) − 1/(12z²) + 1/(120z⁴), differenced
  return Math.log1p(y / q) + y / (2 * q * z) + (y * (q + z)) / (12 * q * q * z * z) + (1 / z ** 4 - 1 / q ** 4) / 120;
}

/** ψ'(q + y) − ψ'(q). */
function trigammaDifference(q: number, y: number): number {
  if (q < LARGE_SHAPE) return trigamma(q + y) - trigamma(q);
  const z = q + y;
  // 1/z + 1/(2z²) + 1/(6z³) − 1/(30z⁵), differenced
  return (
    -y / (q * z) - (y * (q + z)) / (2 * q * q * z * z) + (1 / z ** 3 - 1 / q ** 3) / 6 - (1 / z ** 5 - 1 / q ** 5) / 30
  );
}

/** The population's mean spend per transaction, p·γ/(q − 1); it does not exist when q ≤ 1. */
export function populationMeanSpend({ p, q, gamma }: GammaGammaParameters): number {
  if (!(q > 1)) throw naError("valuemodels.gg.meanUndefined", { q: roundForMessage(q) });
  return (p * gamma) / (q - 1);
}

/**
 * E(M | x, m_x): the expected spend per transaction of a customer with x repeat purchases averaging m_x,
 * a weighted average of the population mean and the customer's own mean (Fader, Hardie & Lee 2005, eq. 5).
 * Customers without repeat purchases get the population mean.
 */
export function expectedAverageSpend(params: GammaGammaParameters, frequency: number, monetary: number): number {
  const { p, q, gamma } = params;
  if (frequency === 0) return populationMeanSpend(params);
  if (!(monetary > 0)) throw valueError("valuemodels.gg.spendNotPositive", { found: monetary });
  const denominator = p * frequency + q - 1;
  if (!(denominator > 0)) throw naError("valuemodels.gg.conditionalUndefined", { q: roundForMessage(q) });
  return (p * (gamma + frequency * monetary)) / denominator;
}

/**
 * The regrouped likelihood adds no term much larger than its own size (see gammaGammaLogLikelihood), so a search that
 * stops short sees rounding only far below the optimiser's default floor: with that default, the slope of the flat
 * ridge p·γ ≈ constant (spend that hardly varies within a customer of a million purchases) passed for rounding, and the
 * fit stopped at p ≈ 1 where the optimum was at p ≈ 2·10⁻⁶, 5.5 log-likelihood units higher.
 */
const ROUNDING_FLOOR = 1e-10;

/** Above this many repeat rows, the starts run on a subsample and the optimum is polished on all (see fitLogParameters). */
const SUBSAMPLE_ROWS = 4000;

/** Every k-th repeat row (deterministic), so that at most `maxRows` remain, with the sums the likelihood needs. */
function everyKthRepeatRow(data: GammaGammaData, maxRows: number): GammaGammaData {
  const step = Math.ceil(data.frequency.length / maxRows);
  const rows = Math.ceil(data.frequency.length / step);
  const frequency = new Float64Array(rows);
  const totalSpend = new Float64Array(rows);
  const weight = new Float64Array(rows);
  for (let k = 0; k < rows; k++) {
    const i = k * step;
    frequency[k] = data.frequency[i];
    totalSpend[k] = data.totalSpend[i];
    weight[k] = data.weight[i];
  }
  return summariseRepeatRows(frequency, totalSpend, weight);
}

/**
 * Maximum-likelihood fit of (p, q, γ) on the customers with repeat purchases, from several fixed starts.
 * `penalty` is an optional L2 coefficient on the parameters (as lifetimes' penalizer_coef).
 */
export function fitGammaGamma(
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  options: FitOptions & { weights?: ArrayLike<number> } = {},
): FittedModel {
  const data = prepareGammaGammaData(frequency, monetary, options.weights);
  let meanSpend = 0;
  for (let i = 0; i < data.frequency.length; i++) {
    meanSpend += (data.weight[i] * data.totalSpend[i]) / data.frequency[i] / data.n;
  }
  const read = (x: Float64Array): GammaGammaParameters => ({ p: x[0], q: x[1], gamma: x[2] });
  const negated =
    (on: GammaGammaData) =>
    (x: Float64Array, gradient: Float64Array, hessian?: Float64Array): number => {
      const ll = gammaGammaLogLikelihood(read(x), on, gradient, hessian);
      for (let i = 0; i < 3; i++) gradient[i] = -gradient[i];
      if (hessian) for (let i = 0; i < 9; i++) hessian[i] = -hessian[i];
      return -ll;
    };
  const small = data.frequency.length > SUBSAMPLE_ROWS ? everyKthRepeatRow(data, SUBSAMPLE_ROWS) : null;
  const fit = fitLogParameters({
    names: GAMMA_GAMMA_PARAMETER_NAMES,
    negLogLikelihood: (x) => -gammaGammaLogLikelihood(read(x), data),
    negLogLikelihoodWithGradient: negated(data),
    negLogLikelihoodWithHessian: negated(data),
    subsample: small
      ? { negLogLikelihoodWithGradient: negated(small), negLogLikelihoodWithHessian: negated(small), n: small.n }
      : undefined,
    roundingFloor: ROUNDING_FLOOR,
    // The second start has population mean p·γ/(q − 1) equal to the observed mean spend.
    starts: [
      [1, 1, 1],
      [2, 3, meanSpend],
    ],
    penalty: options.penalty,
    maxIterations: options.maxIterations,
    n: data.n,
  });
  return {
    model: "gg",
    params: fit.params,
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    n: data.n,
    standardErrors: fit.standardErrors,
    message: fit.message,
  };
}

/** CUST.FIT's entry point: reads frequency, monetary and the optional weights. */
export function fitGammaGammaColumns(columns: FitColumns, options: FitOptions = {}): FittedModel {
  return fitGammaGamma(columns.frequency, columns.monetary ?? new Float64Array(columns.frequency.length).fill(NaN), {
    ...options,
    weights: columns.weights,
  });
}

function roundForMessage(value: number): number {
  return Number(value.toPrecision(4));
}
