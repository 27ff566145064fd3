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
import { FitOptions, FittedModel } from "./types";

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
  /** Per repeat customer: x and x·m_x. */
  frequency: Float64Array;
  totalSpend: Float64Array;
  /** Σ ln m_x, Σ x ln m_x and Σ x ln x over the repeat customers. */
  sumLogSpend: number;
  sumFrequencyLogSpend: number;
  sumFrequencyLogFrequency: number;
  /** Number of repeat customers (the n of the fit). */
  n: number;
}

/**
 * Keeps the customers with x > 0 and checks their spends. A zero or negative average spend (refunds,
 * free orders) has no place in a Gamma model: the error says how many such rows there are and the first one.
 */
export function prepareGammaGammaData(frequency: ArrayLike<number>, monetary: ArrayLike<number>): GammaGammaData {
  let badCount = 0;
  let firstBadRow = 0;
  let n = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i];
    if (!(x > 0)) continue;
    const m = monetary[i];
    if (!(m > 0)) {
      badCount++;
      if (firstBadRow === 0) firstBadRow = i + 1;
      continue;
    }
    n++;
  }
  if (badCount > 0) {
    throw valueError("valuemodels.gg.nonPositiveSpend", { count: badCount, row: firstBadRow });
  }
  if (n === 0) throw valueError("valuemodels.gg.noRepeatCustomers");

  const freq = new Float64Array(n);
  const total = new Float64Array(n);
  const counts = new Map<number, number>();
  let sumLogSpend = 0;
  let sumFrequencyLogSpend = 0;
  let sumFrequencyLogFrequency = 0;
  let k = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i];
    if (!(x > 0)) continue;
    const m = monetary[i];
    freq[k] = x;
    total[k] = x * m;
    k++;
    const logSpend = Math.log(m);
    sumLogSpend += logSpend;
    sumFrequencyLogSpend += x * logSpend;
    sumFrequencyLogFrequency += x * Math.log(x);
    counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  const distinct = [...counts.keys()].sort((a, b) => a - b);
  return {
    distinctFrequencies: Float64Array.from(distinct),
    customersAtFrequency: Float64Array.from(distinct.map((x) => counts.get(x) ?? 0)),
    frequency: freq,
    totalSpend: total,
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
  for (let i = 0; i < data.n; i++) {
    const x = data.frequency[i];
    const base = gamma + data.totalSpend[i];
    const logBase = Math.log(base);
    ll -= (p * x + q) * logBase;
    if (gradient) {
      dp -= x * logBase;
      dq -= logBase;
      dGamma -= (p * x + q) / base;
    }
  }
  if (gradient) {
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
  options: FitOptions = {},
): FittedModel {
  const data = prepareGammaGammaData(frequency, monetary);
  let meanSpend = 0;
  for (let i = 0; i < data.n; i++) meanSpend += data.totalSpend[i] / data.frequency[i] / data.n;
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

function roundForMessage(value: number): number {
  return Number(value.toPrecision(4));
}
