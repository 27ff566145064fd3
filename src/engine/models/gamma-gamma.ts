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
 * When `gradient` is given, it receives ∂LL/∂(p, q, γ).
 */
export function gammaGammaLogLikelihood(
  { p, q, gamma }: GammaGammaParameters,
  data: GammaGammaData,
  gradient?: Float64Array,
): number {
  const logGamma = Math.log(gamma);
  let ll = data.n * (q * logGamma - gammaln(q));
  ll += p * data.sumFrequencyLogSpend - data.sumLogSpend + p * data.sumFrequencyLogFrequency;
  let dp = data.sumFrequencyLogSpend + data.sumFrequencyLogFrequency;
  let dq = data.n * (logGamma - digamma(q));
  let dGamma = (data.n * q) / gamma;
  for (let j = 0; j < data.distinctFrequencies.length; j++) {
    const x = data.distinctFrequencies[j];
    const count = data.customersAtFrequency[j];
    ll += count * (gammaln(p * x + q) - gammaln(p * x));
    if (gradient) {
      const psiSum = digamma(p * x + q);
      dp += count * x * (psiSum - digamma(p * x));
      dq += count * psiSum;
    }
  }
  // The only per-customer work: Σ w(px + q)·ln(γ + x·m_x), split as p·Σ w·x·ln(…) + q·Σ w·ln(…).
  const { frequency, weight, totalSpend } = data;
  let sumLog = 0;
  let sumFrequencyLog = 0;
  let sumFrequencyOverBase = 0;
  let sumOverBase = 0;
  for (let i = 0; i < frequency.length; i++) {
    const w = weight[i];
    const x = frequency[i];
    const base = gamma + totalSpend[i];
    const logBase = Math.log(base);
    sumLog += w * logBase;
    sumFrequencyLog += w * x * logBase;
    sumFrequencyOverBase += (w * x) / base;
    sumOverBase += w / base;
  }
  ll -= p * sumFrequencyLog + q * sumLog;
  if (gradient) {
    dp -= sumFrequencyLog;
    dq -= sumLog;
    dGamma -= p * sumFrequencyOverBase + q * sumOverBase;
    gradient[0] = dp;
    gradient[1] = dq;
    gradient[2] = dGamma;
  }
  return ll;
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
  const gradient = new Float64Array(3);
  const read = (x: Float64Array): GammaGammaParameters => ({ p: x[0], q: x[1], gamma: x[2] });
  const fit = fitLogParameters({
    names: GAMMA_GAMMA_PARAMETER_NAMES,
    negLogLikelihood: (x) => -gammaGammaLogLikelihood(read(x), data),
    negLogLikelihoodWithGradient: (x, out) => {
      const ll = gammaGammaLogLikelihood(read(x), data, gradient);
      for (let i = 0; i < 3; i++) out[i] = -gradient[i];
      return -ll;
    },
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
