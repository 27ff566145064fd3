/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"): while alive a customer buys
 * at a Poisson rate λ ~ Gamma(r, α); after each purchase they leave with probability p ~ Beta(a, b).
 */
import betaln from "@stdlib/math-base-special-betaln";
import digamma from "@stdlib/math-base-special-digamma";
import gammaln from "@stdlib/math-base-special-gammaln";
import hyp2f1 from "@stdlib/math-base-special-hyp2f1";
import { fitLogParameters } from "../optim/fit";
import { CompressedHistories, compressHistories, everyKth, frequencyGroups } from "./compress";
import { nbdCumulative, nbdLogPmf } from "./nbd";
import { CustomerHistory, FitColumns, FitOptions, FittedModel, Parameters, PurchasePredictor } from "./types";

export interface BgnbdParameters {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export const logAddExp = (u: number, v: number) =>
  u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));

/** One customer's log-likelihood, in the numerically stable form of Hardie's note 027 (FHL 2005 eq. 6). */
export function bgnbdLogLikelihood(
  { r, alpha, a, b }: BgnbdParameters,
  { frequency: x, recency, age }: CustomerHistory,
): number {
  const a1 = gammaln(r + x) - gammaln(r) + r * Math.log(alpha);
  const a2 = betaln(a, b + x) - betaln(a, b);
  const a3 = -(r + x) * Math.log(alpha + age);
  if (x === 0) return a1 + a2 + a3;
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + recency);
  return a1 + a2 + logAddExp(a3, a4);
}

/**
 * −log L over compressed histories and, when `gradient` is given, its gradient in (r, α, a, b).
 * Terms depending on x alone are computed once per distinct x. `modified` gives MBG/NBD (Batislam et
 * al. 2007), where the customer may also leave right after the first purchase.
 */
export function bgnbdNegLogLikelihood(
  data: CompressedHistories,
  groups: ReturnType<typeof frequencyGroups>,
  params: ArrayLike<number>,
  gradient?: Float64Array,
  modified = false,
): number {
  const [r, alpha, a, b] = [params[0], params[1], params[2], params[3]];
  // BG/NBD: B(a, b+x)/B(a, b) and a/(b+x−1) for x > 0; MBG/NBD: B(a, b+x+1)/B(a, b) and a/(b+x) for all x.
  const shift = modified ? 1 : 0;
  const k = groups.values.length;
  const logAlpha = Math.log(alpha);
  const lbetaAB = betaln(a, b);
  let total = 0;
  let gr = 0;
  let galpha = 0;
  let ga = 0;
  let gb = 0;
  const digR = gradient ? digamma(r) : 0;
  const digAB = gradient ? digamma(a + b) : 0;
  const digB = gradient ? digamma(b) : 0;
  for (let g = 0; g < k; g++) {
    const x = groups.values[g];
    const w = groups.weight[g];
    total += w * (gammaln(r + x) - gammaln(r) + r * logAlpha + betaln(a, b + x + shift) - lbetaAB);
    if (gradient) {
      gr += w * (digamma(r + x) - digR + logAlpha);
      galpha += (w * r) / alpha;
      const digABX = digamma(a + b + x + shift);
      ga += w * (digAB - digABX);
      gb += w * (digAB + digamma(b + x + shift) - digB - digABX);
    }
  }
  for (let i = 0; i < data.size; i++) {
    const x = data.frequency[i];
    const w = data.weight[i];
    const ageTerm = alpha + data.age[i];
    const logAgeTerm = Math.log(ageTerm);
    // log L = A1 + A2 − (r+x) log(α+T) + log(1 + q), q = a/(b+x−1+shift) · ((α+T)/(α+t_x))^(r+x)
    total -= w * (r + x) * logAgeTerm;
    if (gradient) {
      gr -= w * logAgeTerm;
      galpha -= (w * (r + x)) / ageTerm;
    }
    if (x === 0 && !modified) continue;
    const recencyTerm = alpha + data.recency[i];
    const logRatio = logAgeTerm - Math.log(recencyTerm);
    const q = (a / (b + x - 1 + shift)) * Math.exp((r + x) * logRatio);
    total += w * Math.log1p(q);
    if (gradient) {
      const w4 = (w * q) / (1 + q);
      gr += w4 * logRatio;
      galpha += w4 * (r + x) * (1 / ageTerm - 1 / recencyTerm);
      ga += w4 / a;
      gb -= w4 / (b + x - 1 + shift);
    }
  }
  if (gradient) {
    gradient[0] = -gr;
    gradient[1] = -galpha;
    gradient[2] = -ga;
    gradient[3] = -gb;
  }
  return -total;
}

/** Above this many distinct histories, the starts run on a subsample first (see fitLogParameters). */
const SUBSAMPLE_ROWS = 4000;

/** Deterministic starting points: the usual (1, 1, 1, 1) and two spread out in rate and dropout. */
const STARTS = [
  [1, 1, 1, 1],
  [0.5, 5, 0.5, 2],
  [2, 20, 2, 5],
];

/** Scales α's start to the data's time unit (α is a time scale: the mean purchase rate is r/α). */
function scaledStarts(data: CompressedHistories): number[][] {
  let meanAge = 0;
  for (let i = 0; i < data.size; i++) meanAge += (data.weight[i] * data.age[i]) / data.total;
  const unit = Math.max(meanAge / 40, 1e-6);
  return STARTS.map(([r, alpha, a, b]) => [r, alpha * unit, a, b]);
}

export function fitBgnbd(columns: FitColumns, options: FitOptions = {}, modified = false): FittedModel {
  const data = compressFitColumns(columns);
  const groups = frequencyGroups(data);
  const small = data.size > SUBSAMPLE_ROWS ? everyKth(data, SUBSAMPLE_ROWS) : null;
  const smallGroups = small ? frequencyGroups(small) : null;
  const fit = fitLogParameters({
    subsample: small
      ? {
          negLogLikelihoodWithGradient: (p, g) => bgnbdNegLogLikelihood(small, smallGroups!, p, g, modified),
          n: small.total,
        }
      : undefined,
    names: ["r", "alpha", "a", "b"],
    negLogLikelihood: (p) => bgnbdNegLogLikelihood(data, groups, p, undefined, modified),
    negLogLikelihoodWithGradient: (p, g) => bgnbdNegLogLikelihood(data, groups, p, g, modified),
    starts: scaledStarts(data),
    penalty: options.penalty,
    n: data.total,
    maxIterations: options.maxIterations,
  });
  return { model: modified ? "mbgnbd" : "bgnbd", n: data.total, ...fit };
}

/** The history columns CUST.FIT gave, checked and compressed. */
export function compressFitColumns(columns: FitColumns): CompressedHistories {
  return compressHistories(
    columns.frequency,
    columns.recency ?? new Float64Array(columns.frequency.length),
    columns.age ?? new Float64Array(columns.frequency.length),
    columns.weights,
  );
}

export function bgnbdPredictor(params: Parameters): PurchasePredictor {
  const { r, alpha, a, b } = params;
  const probabilityAlive = ({ frequency: x, recency, age }: CustomerHistory) => {
    if (x === 0) return 1;
    const logRatio = (r + x) * (Math.log(alpha + age) - Math.log(alpha + recency));
    return 1 / (1 + Math.exp(Math.log(a) - Math.log(b + x - 1) + logRatio));
  };
  return {
    probabilityAlive,
    probabilityOfAnyPurchase: (customer, t) =>
      probabilityAlive(customer) * probabilityOfPurchaseWhileAlive(r, alpha, customer, t),
    // FHL 2005 eq. 10
    expectedPurchases(customer, t) {
      if (t === 0) return 0;
      const { frequency: x, age } = customer;
      const z = t / (alpha + age + t);
      const shrink = Math.exp((r + x) * Math.log((alpha + age) / (alpha + age + t)));
      const bracket = 1 - shrink * hyp2f1(r + x, b + x, a + b + x - 1, z);
      return ((a + b + x - 1) / (a - 1)) * bracket * probabilityAlive(customer);
    },
    // FHL 2005 eq. 9
    expectedPurchasesNewCustomer(t) {
      if (t === 0) return 0;
      const shrink = Math.exp(r * Math.log(alpha / (alpha + t)));
      return ((a + b - 1) / (a - 1)) * (1 - shrink * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
    },
    // FHL 2005 eq. 8
    probabilityOfPurchases(n, t) {
      const lbeta = betaln(a, b);
      const stay = Math.exp(betaln(a, b + n) - lbeta + nbdLogPmf(n, r, alpha, t));
      if (n === 0) return stay;
      return stay + Math.exp(betaln(a + 1, b + n - 1) - lbeta) * (1 - nbdCumulative(n - 1, r, alpha, t));
    },
  };
}

/** P(at least one purchase in the next t | history): alive, and the Gamma(r+x, α+T) rate gives one. */
export function probabilityOfPurchaseWhileAlive(
  r: number,
  alpha: number,
  customer: CustomerHistory,
  t: number,
): number {
  const { frequency: x, age } = customer;
  return -Math.expm1((r + x) * Math.log((alpha + age) / (alpha + age + t)));
}
