/**
 * The NBD (Ehrenberg 1959; Morrison & Schmittlein 1988): a customer buys at a Poisson rate λ ~ Gamma(r, α) and
 * never leaves. As a fittable model it is the baseline that shows what the drop-out process of BG/NBD or
 * Pareto/NBD adds (Fader & Hardie 2004, "Illustrating the performance of the NBD as a benchmark model", note 005).
 * The count functions are also shared by BG/NBD and MBG/NBD (FHL 2005 eq. 8 uses them).
 */
import digamma from "@stdlib/math-base-special-digamma";
import gammaln from "@stdlib/math-base-special-gammaln";
import { fitLogParameters } from "../optim/fit";
import { trigamma } from "../optim/trigamma";
import { CompressedHistories, everyKth, frequencyGroups, historiesForFit } from "./compress";
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

/** Compressed histories arranged for repeated NBD likelihood evaluations (the terms in x alone per distinct x). */
export interface NbdData {
  histories: CompressedHistories;
  groups: ReturnType<typeof frequencyGroups>;
  /** The distinct frequencies in increasing order. */
  order: Float64Array;
  /** Total weight per distinct frequency, in that order. */
  orderWeight: Float64Array;
}

export function prepareNbdData(histories: CompressedHistories): NbdData {
  const groups = frequencyGroups(histories);
  const order = Uint32Array.from(groups.values.keys()).sort((i, j) => groups.values[i] - groups.values[j]);
  return {
    histories,
    groups,
    order: Float64Array.from(order, (g) => groups.values[g]),
    orderWeight: Float64Array.from(order, (g) => groups.weight[g]),
  };
}

/** Gaps in x longer than this are summed in closed form (lnΓ, ψ and ψ' differences): a cost that does not grow with x. */
const JUMP = 256;

/** −log L over compressed histories and, when asked, its gradient in (r, α). */
export function nbdNegLogLikelihood(
  data: CompressedHistories,
  params: ArrayLike<number>,
  gradient?: Float64Array,
  hessian?: Float64Array,
): number {
  return nbdPreparedNegLogLikelihood(prepareNbdData(data), params, gradient, hessian);
}

/**
 * −log L = −Σ w [lnΓ(r+x) − lnΓ(r) + r log α − (r+x) log(α+T)] and, when asked, its gradient and Hessian (row-major
 * 2×2) in (r, α). Γ(r+x)/Γ(r) = Π_{j<x} (r+j) is summed per distinct x in increasing x (as in bgnbd.ts), the rest in
 * one pass over the distinct histories with log(α+T) = log α + log1p(T/α): no lnΓ or ψ per customer.
 */
export function nbdPreparedNegLogLikelihood(
  data: NbdData,
  params: ArrayLike<number>,
  gradient?: Float64Array,
  hessian?: Float64Array,
): number {
  const r = params[0];
  const alpha = params[1];
  if (!(r > 0) || !(alpha > 0) || !Number.isFinite(r) || !Number.isFinite(alpha)) return Infinity;
  const wantGradient = gradient !== undefined || hessian !== undefined;
  let total = 0;
  let gr = 0;
  let galpha = 0;
  let hrr = 0;
  let hralpha = 0;
  let halphaalpha = 0;
  // Running sums over j < x of log(r+j), 1/(r+j) and 1/(r+j)².
  let j = 0;
  let logR = 0;
  let invR = 0;
  let invR2 = 0;
  const { order, orderWeight } = data;
  for (let k = 0; k < order.length; k++) {
    const x = order[k];
    if (x - j > JUMP) {
      logR += gammaln(r + x) - gammaln(r + j);
      invR += digamma(r + x) - digamma(r + j);
      if (hessian) invR2 += trigamma(r + j) - trigamma(r + x);
      j = x;
    }
    for (; j < x; j++) {
      const inv = 1 / (r + j);
      logR += Math.log(r + j);
      invR += inv;
      invR2 += inv * inv;
    }
    const w = orderWeight[k];
    total += w * logR;
    gr += w * invR;
    hrr -= w * invR2;
  }
  const { frequency, age, weight, size } = data.histories;
  const logAlpha = Math.log(alpha);
  const inverseAlpha = 1 / alpha;
  for (let i = 0; i < size; i++) {
    const w = weight[i];
    const x = frequency[i];
    const T = age[i];
    // r log α − (r + x) log(α + T) = −r log1p(T/α) − x log(α + T)
    const growth = Math.log1p(T * inverseAlpha);
    total -= w * (r * growth + x * (logAlpha + growth));
    if (!wantGradient) continue;
    const inverseT = 1 / (alpha + T);
    // r/α − (r+x)/(α+T) = r·T/(α(α+T)) − x/(α+T)
    const shrink = T * inverseT * inverseAlpha;
    gr -= w * growth;
    galpha += w * (r * shrink - x * inverseT);
    if (!hessian) continue;
    hralpha += w * shrink;
    // −r/α² + (r+x)/(α+T)²
    halphaalpha += w * (-r * shrink * (2 * alpha + T) * inverseT * inverseAlpha + x * inverseT * inverseT);
  }
  if (gradient) {
    gradient[0] = -gr;
    gradient[1] = -galpha;
  }
  if (hessian) {
    hessian[0] = -hrr;
    hessian[1] = -hralpha;
    hessian[2] = -hralpha;
    hessian[3] = -halphaalpha;
  }
  return -total;
}

/** Above this many distinct histories, the starts run on a subsample first (see fitLogParameters). */
const SUBSAMPLE_ROWS = 4000;

export function fitNbd(columns: FitColumns, options: FitOptions = {}): FittedModel {
  // Recency does not enter the NBD likelihood: histories that differ only in it are one.
  const data = historiesForFit(
    columns.frequency,
    undefined,
    columns.age ?? new Float64Array(columns.frequency.length),
    columns.weights,
    true,
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
  const full = prepareNbdData(data);
  const small = data.size > SUBSAMPLE_ROWS ? everyKth(data, SUBSAMPLE_ROWS) : null;
  const sub = small ? prepareNbdData(small) : null;
  const fit = fitLogParameters({
    subsample:
      small && sub
        ? {
            negLogLikelihoodWithGradient: (p, g) => nbdPreparedNegLogLikelihood(sub, p, g),
            negLogLikelihoodWithHessian: (p, g, h) => nbdPreparedNegLogLikelihood(sub, p, g, h),
            n: small.total,
          }
        : undefined,
    names: ["r", "alpha"],
    negLogLikelihood: (p) => nbdPreparedNegLogLikelihood(full, p),
    negLogLikelihoodWithGradient: (p, g) => nbdPreparedNegLogLikelihood(full, p, g),
    negLogLikelihoodWithHessian: (p, g, h) => nbdPreparedNegLogLikelihood(full, p, g, h),
    // One code path for the value with or without derivatives.
    exactValueAlone: true,
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
    probabilityAliveAt: () => 1,
    logLikelihood: (customer) => nbdLogLikelihood({ r, alpha }, customer),
    smoothInAge: true,
    // λ | x, T ~ Gamma(r+x, α+T) (Morrison & Schmittlein 1988): E[Y(t)] = (r+x) t / (α+T).
    // The rate first: (r+x)·t overflows at t = 1e300 where the expectation itself is finite.
    expectedPurchases: ({ frequency: x, age }, t) => ((r + x) / (alpha + age)) * t,
    expectedPurchasesNewCustomer: (t) => (r / alpha) * t,
    probabilityOfPurchases: (n, t) => Math.exp(nbdLogPmf(n, r, alpha, t)),
    probabilityOfAnyPurchase: ({ frequency: x, age }, t) => 1 - noPurchase(r + x, alpha + age, t),
  };
}
