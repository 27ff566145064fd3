/**
 * The NBD (Ehrenberg 1959; Morrison & Schmittlein 1988): a customer buys at a Poisson rate λ ~ Gamma(r, α) and
 * never leaves. As a fittable model it is the baseline that shows what the drop-out process of BG/NBD or
 * Pareto/NBD adds (Fader & Hardie 2004, "Illustrating the performance of the NBD as a benchmark model", note 005).
 * The count functions are also shared by BG/NBD and MBG/NBD (FHL 2005 eq. 8 uses them).
 */
import digamma from "@stdlib/math-base-special-digamma";
import gammaln from "@stdlib/math-base-special-gammaln";
import { fitLogParameters } from "../optim/fit";
import { CompressedHistories, compressHistories } from "./compress";
import { CustomerHistory, FitColumns, FitOptions, FittedModel, Parameters, PurchasePredictor } from "./types";

/** log P(N(t) = n) = log[Γ(r+n)/(Γ(r) n!) (α/(α+t))^r (t/(α+t))^n]. */
export function nbdLogPmf(n: number, r: number, alpha: number, t: number): number {
  if (t === 0) return n === 0 ? 0 : -Infinity;
  const logTotal = Math.log(alpha + t);
  return gammaln(r + n) - gammaln(r) - gammaln(n + 1) + r * (Math.log(alpha) - logTotal) + n * (Math.log(t) - logTotal);
}

/**
 * exp(nbdLogPmf(n, r, alpha, ·)) as a function of t, its lnΓ terms computed once (the same operations in the same
 * order as nbdLogPmf, so the same numbers), for an integrand evaluated at many t.
 */
export function nbdLogPmfOf(n: number, r: number, alpha: number): (t: number) => number {
  const logCount = gammaln(r + n) - gammaln(r) - gammaln(n + 1);
  const logAlpha = Math.log(alpha);
  return (t) => {
    if (t === 0) return n === 0 ? 1 : 0;
    const logTotal = Math.log(alpha + t);
    return Math.exp(logCount + r * (logAlpha - logTotal) + n * (Math.log(t) - logTotal));
  };
}

/** P(N(t) ≤ n), summed term by term with the ratio of consecutive terms (no cancellation). */
export function nbdCumulative(n: number, r: number, alpha: number, t: number): number {
  if (n < 0) return 0;
  if (t === 0) return 1;
  const q = t / (alpha + t);
  let term = Math.exp(r * Math.log(alpha / (alpha + t)));
  let sum = term;
  for (let j = 1; j <= n; j++) {
    term *= ((r + j - 1) / j) * q;
    sum += term;
  }
  return Math.min(sum, 1);
}

export interface NbdParameters {
  r: number;
  alpha: number;
}

/**
 * One customer's log-likelihood of the timing data (x purchases at known times in (0, T]): the Poisson process
 * density λ^x e^(−λT) mixed over λ ~ Gamma(r, α), Γ(r+x)/Γ(r) · α^r / (α+T)^(r+x). Recency does not enter.
 */
export function nbdLogLikelihood({ r, alpha }: NbdParameters, { frequency: x, age }: CustomerHistory): number {
  return gammaln(r + x) - gammaln(r) + r * Math.log(alpha) - (r + x) * Math.log(alpha + age);
}

/** −log L over compressed histories and, when asked, its gradient in (r, α). */
export function nbdNegLogLikelihood(data: CompressedHistories, params: ArrayLike<number>, gradient?: Float64Array) {
  const r = params[0];
  const alpha = params[1];
  if (!(r > 0) || !(alpha > 0) || !Number.isFinite(r) || !Number.isFinite(alpha)) return Infinity;
  const logAlpha = Math.log(alpha);
  const lgR = gammaln(r);
  const digR = gradient ? digamma(r) : 0;
  let total = 0;
  let gr = 0;
  let ga = 0;
  for (let i = 0; i < data.size; i++) {
    const w = data.weight[i];
    const x = data.frequency[i];
    const logAlphaT = Math.log(alpha + data.age[i]);
    total += w * (gammaln(r + x) - lgR + r * logAlpha - (r + x) * logAlphaT);
    if (gradient) {
      gr += w * (digamma(r + x) - digR + logAlpha - logAlphaT);
      ga += w * (r / alpha - (r + x) / (alpha + data.age[i]));
    }
  }
  if (gradient) {
    gradient[0] = -gr;
    gradient[1] = -ga;
  }
  return -total;
}

export function fitNbd(columns: FitColumns, options: FitOptions = {}): FittedModel {
  // Recency does not enter the NBD likelihood: histories that differ only in it are one.
  const data = compressHistories(
    columns.frequency,
    new Float64Array(columns.frequency.length),
    columns.age ?? new Float64Array(columns.frequency.length),
    columns.weights,
  );
  let meanAge = 0;
  let meanRate = 0;
  for (let i = 0; i < data.size; i++) {
    meanAge += (data.weight[i] * data.age[i]) / data.total;
    meanRate += (data.weight[i] * data.frequency[i]) / data.total;
  }
  const unit = Math.max(meanAge / 40, 1e-6);
  // Moment start: r/α = mean purchases per unit of time.
  const rate = Math.max(meanRate / Math.max(meanAge, 1e-9), 1e-9);
  const fit = fitLogParameters({
    names: ["r", "alpha"],
    negLogLikelihood: (p) => nbdNegLogLikelihood(data, p),
    negLogLikelihoodWithGradient: (p, g) => nbdNegLogLikelihood(data, p, g),
    starts: [
      [1, 1 / rate],
      [0.5, 10 * unit],
    ],
    penalty: options.penalty,
    n: data.total,
    maxIterations: options.maxIterations,
  });
  return { model: "nbd", n: data.total, ...fit };
}

/** P(no purchase in the next t) for a rate Gamma(r, α): (α/(α+t))^r. */
const noPurchase = (r: number, alpha: number, t: number) => Math.exp(-r * Math.log1p(t / alpha));

export function nbdPredictor(params: Parameters): PurchasePredictor {
  const { r, alpha } = params;
  return {
    // No drop-out: every customer is alive.
    probabilityAlive: () => 1,
    smoothInAge: true,
    // λ | x, T ~ Gamma(r+x, α+T) (Morrison & Schmittlein 1988): E[Y(t)] = (r+x) t / (α+T).
    expectedPurchases: ({ frequency: x, age }, t) => ((r + x) * t) / (alpha + age),
    expectedPurchasesNewCustomer: (t) => (r * t) / alpha,
    probabilityOfPurchases: (n, t) => Math.exp(nbdLogPmf(n, r, alpha, t)),
    probabilityOfAnyPurchase: ({ frequency: x, age }, t) => 1 - noPurchase(r + x, alpha + age, t),
  };
}
