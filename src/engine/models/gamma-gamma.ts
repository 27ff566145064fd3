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
  /** Per repeat row: x, x·m_x and how many customers the row stands for. */
  frequency: Float64Array;
  totalSpend: Float64Array;
  weight: Float64Array;
  /** Σ ln m_x, Σ x ln m_x and Σ x ln x over the repeat customers. */
  sumLogSpend: number;
  sumFrequencyLogSpend: number;
  sumFrequencyLogFrequency: number;
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
  const counts = new Map<number, number>();
  let n = 0;
  let sumLogSpend = 0;
  let sumFrequencyLogSpend = 0;
  let sumFrequencyLogFrequency = 0;
  let k = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i];
    const w = weights ? weights[i] : 1;
    if (x === 0 || w === 0) continue;
    const m = monetary[i];
    freq[k] = x;
    total[k] = x * m;
    weight[k] = w;
    k++;
    const logSpend = Math.log(m);
    n += w;
    sumLogSpend += w * logSpend;
    sumFrequencyLogSpend += w * x * logSpend;
    sumFrequencyLogFrequency += w * x * Math.log(x);
    counts.set(x, (counts.get(x) ?? 0) + w);
  }
  const distinct = [...counts.keys()].sort((a, b) => a - b);
  return {
    distinctFrequencies: Float64Array.from(distinct),
    customersAtFrequency: Float64Array.from(distinct.map((x) => counts.get(x) ?? 0)),
    frequency: freq,
    totalSpend: total,
    weight,
    sumLogSpend,
    sumFrequencyLogSpend,
    sumFrequencyLogFrequency,
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
  // Written without the large terms that cancel when q and γ are large (spend that hardly varies between
  // customers): n(q ln γ − lnΓ(q)) is folded into Σ_x C_x [lnΓ(px+q) − lnΓ(q)] and −q Σ w ln(1 + x·m_x/γ).
  let ll = p * data.sumFrequencyLogSpend - data.sumLogSpend + p * data.sumFrequencyLogFrequency;
  let dp = data.sumFrequencyLogSpend + data.sumFrequencyLogFrequency;
  let dq = 0;
  let hpp = 0;
  let hpq = 0;
  let hqq = 0;
  const wantGradient = gradient !== undefined || hessian !== undefined;
  for (let j = 0; j < data.distinctFrequencies.length; j++) {
    const x = data.distinctFrequencies[j];
    const count = data.customersAtFrequency[j];
    const px = p * x;
    ll += count * (logGammaRatio(q, px) - gammaln(px));
    if (wantGradient) {
      dp += count * x * (digamma(px + q) - digamma(px));
      dq += count * digammaDifference(q, px);
    }
    if (hessian) {
      const psi1Sum = trigamma(px + q);
      hpp += count * x * x * (psi1Sum - trigamma(px));
      hpq += count * x * psi1Sum;
      hqq += count * trigammaDifference(q, px);
    }
  }
  // The only per-customer work: Σ w [q ln(1 + x·m_x/γ) + p x ln(γ + x·m_x)].
  const { frequency, weight, totalSpend } = data;
  let sumLog1p = 0;
  let sumFrequencyGrowth = 0;
  let sumFrequency = 0;
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
    // ln(γ + s) = ln γ + ln(1 + s/γ): one logarithm per row
    const growth = Math.log1p(spend / gamma);
    sumLog1p += w * growth;
    sumFrequencyGrowth += w * x * growth;
    sumFrequency += w * x;
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
  const sumFrequencyLog = sumFrequency * Math.log(gamma) + sumFrequencyGrowth;
  ll -= q * sumLog1p + p * sumFrequencyLog;
  if (gradient) {
    gradient[0] = dp - sumFrequencyLog;
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

/** Above this many repeat rows, the starts run on a subsample and the optimum is polished on all (see fitLogParameters). */
const SUBSAMPLE_ROWS = 4000;

/** Every k-th repeat row (deterministic), so that at most `maxRows` remain, with the sums the likelihood needs. */
function everyKthRepeatRow(data: GammaGammaData, maxRows: number): GammaGammaData {
  const step = Math.ceil(data.frequency.length / maxRows);
  const rows = Math.ceil(data.frequency.length / step);
  const frequency = new Float64Array(rows);
  const totalSpend = new Float64Array(rows);
  const weight = new Float64Array(rows);
  const counts = new Map<number, number>();
  let n = 0;
  let sumLogSpend = 0;
  let sumFrequencyLogSpend = 0;
  let sumFrequencyLogFrequency = 0;
  for (let k = 0; k < rows; k++) {
    const i = k * step;
    const x = data.frequency[i];
    const w = data.weight[i];
    frequency[k] = x;
    totalSpend[k] = data.totalSpend[i];
    weight[k] = w;
    const logSpend = Math.log(data.totalSpend[i] / x);
    n += w;
    sumLogSpend += w * logSpend;
    sumFrequencyLogSpend += w * x * logSpend;
    sumFrequencyLogFrequency += w * x * Math.log(x);
    counts.set(x, (counts.get(x) ?? 0) + w);
  }
  const distinct = [...counts.keys()].sort((a, b) => a - b);
  return {
    distinctFrequencies: Float64Array.from(distinct),
    customersAtFrequency: Float64Array.from(distinct, (x) => counts.get(x) ?? 0),
    frequency,
    totalSpend,
    weight,
    sumLogSpend,
    sumFrequencyLogSpend,
    sumFrequencyLogFrequency,
    n,
  };
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
    subsample: small ? { negLogLikelihoodWithGradient: negated(small), n: small.n } : undefined,
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
