/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"): while alive a customer buys
 * at a Poisson rate λ ~ Gamma(r, α); after each purchase they leave with probability p ~ Beta(a, b).
 */
import betaln from "@stdlib/math-base-special-betaln";
import digamma from "@stdlib/math-base-special-digamma";
import gammaln from "@stdlib/math-base-special-gammaln";
import hyp2f1 from "@stdlib/math-base-special-hyp2f1";
import { LogParameterFitSpec } from "../optim/fit";
import { ASYMPTOTIC_FROM, AsymptoticBetaRun, AsymptoticRun } from "../optim/gamma-differences";
import { trigamma } from "../optim/trigamma";
import { alivePurchases } from "./alive-purchases";
import { CompressedHistories, compressHistories, everyKth, frequencyGroups, historiesForFit } from "./compress";
import { nbdLogPmf } from "./nbd";
import { nbdTail } from "./nbd-tail";
import { dertByIntegration } from "./residual";
import { stagedFit } from "./staged-fit";
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
 * Compressed histories arranged for repeated likelihood evaluations: the terms in x alone are summed per distinct
 * x, the rest in one pass over the distinct histories. Nothing per distinct time is stored: at a million
 * continuous-time customers such tables (and their hash) were 100 MB of typed arrays, and V8 runs a full garbage
 * collection for about every 64 MB of new ones (seconds each with a sheet's million cells on the heap); the pass
 * takes log(α+t) as log α + log1p(t/α), one log1p per time, so a time per history costs no more than a time table.
 */
export interface BgnbdData {
  modified: boolean;
  histories: CompressedHistories;
  groups: ReturnType<typeof frequencyGroups>;
  /** The groups in increasing x. */
  groupOrder: Uint32Array;
  /** Scratch per group, filled by each evaluation: log a/(b+x−1+shift) and 1/(b+x−1+shift). */
  logOdds: Float64Array;
  inverseB: Float64Array;
}

export function prepareBgnbdData(data: CompressedHistories, modified = false): BgnbdData {
  const groups = frequencyGroups(data);
  return data.size > SORTED_FROM ? sortedByFrequency(data, groups, modified) : withGroups(data, groups, modified);
}

/**
 * Above this many distinct histories, the groups are renumbered in increasing x and the histories ordered by group,
 * so that both passes read their arrays in order: with a million distinct frequencies, the scattered reads of the
 * per-group values cost more than the arithmetic (a third of a pass).
 */
const SORTED_FROM = 65536;

function sortedByFrequency(
  data: CompressedHistories,
  groups: ReturnType<typeof frequencyGroups>,
  modified: boolean,
): BgnbdData {
  const order = groupOrderOf(groups);
  const count = order.length;
  const rank = new Uint32Array(count);
  for (let k = 0; k < count; k++) rank[order[k]] = k;
  // A counting sort of the histories by their group's rank.
  const start = new Uint32Array(count + 1);
  for (let i = 0; i < data.size; i++) start[rank[groups.slot[i]] + 1]++;
  for (let k = 0; k < count; k++) start[k + 1] += start[k];
  const frequency = new Float64Array(data.size);
  const recency = new Float64Array(data.size);
  const age = new Float64Array(data.size);
  const weight = new Float64Array(data.size);
  const slot = new Uint32Array(data.size);
  for (let i = 0; i < data.size; i++) {
    const k = rank[groups.slot[i]];
    const to = start[k]++;
    frequency[to] = data.frequency[i];
    recency[to] = data.recency[i];
    age[to] = data.age[i];
    weight[to] = data.weight[i];
    slot[to] = k;
  }
  const sorted = {
    values: Float64Array.from(order, (g) => groups.values[g]),
    weight: Float64Array.from(order, (g) => groups.weight[g]),
    slot,
  };
  return withGroups({ ...data, frequency, recency, age, weight }, sorted, modified);
}

const withGroups = (
  histories: CompressedHistories,
  groups: ReturnType<typeof frequencyGroups>,
  modified: boolean,
): BgnbdData => ({
  modified,
  histories,
  groups,
  groupOrder: groupOrderOf(groups),
  logOdds: new Float64Array(groups.values.length),
  inverseB: new Float64Array(groups.values.length),
});

const groupOrderOf = (groups: ReturnType<typeof frequencyGroups>) =>
  Uint32Array.from(groups.values.keys()).sort((i, j) => groups.values[i] - groups.values[j]);

/**
 * −log L over compressed histories (FHL 2005 eq. 6 in the form of Hardie's note 027) and, when asked, its
 * gradient and Hessian (row-major 4×4) in (r, α, a, b). `modified` gives MBG/NBD (Batislam et al. 2007),
 * where the customer may also leave right after the first purchase.
 */
export function bgnbdNegLogLikelihood(
  data: CompressedHistories,
  groups: ReturnType<typeof frequencyGroups>,
  params: ArrayLike<number>,
  gradient?: Float64Array,
  modified = false,
): number {
  return bgnbdPreparedNegLogLikelihood(withGroups(data, groups, modified), params, gradient);
}

/** Gaps in x longer than this are summed in closed form (see bgnbdPreparedNegLogLikelihood). */
const JUMP = 256;
/** From large arguments on (r + x, b + x ≥ ASYMPTOTIC_FROM), gaps longer than this are crossed by the asymptotic series. */
const ASYMPTOTIC_JUMP = 4;

export function bgnbdPreparedNegLogLikelihood(
  data: BgnbdData,
  params: ArrayLike<number>,
  gradient?: Float64Array,
  hessian?: Float64Array,
): number {
  const r = params[0];
  const alpha = params[1];
  const a = params[2];
  const b = params[3];
  // BG/NBD: B(a, b+x)/B(a, b) and a/(b+x−1) for x > 0; MBG/NBD: B(a, b+x+1)/B(a, b) and a/(b+x) for all x.
  const shift = data.modified ? 1 : 0;
  const { groups, logOdds, inverseB } = data;
  const wantGradient = gradient !== undefined || hessian !== undefined;
  let total = 0;
  // Gradient (g*) and Hessian (h**) of log L, accumulated in parts.
  let gr = 0;
  let galpha = 0;
  let ga = 0;
  let gb = 0;
  let hrr = 0;
  let hralpha = 0;
  let halphaalpha = 0;
  let haa = 0;
  let hab = 0;
  let hbb = 0;
  // x is a whole number, so Γ(r+x)/Γ(r) = Π_{j<x} (r+j) and B(a, b+n)/B(a, b) = Π_{j<n} (b+j)/(a+b+j): running
  // sums over j, taken in increasing x, give the group terms and their ψ and ψ' differences exactly (no
  // cancellation between two large lnΓ values when r is large).
  let jr = 0;
  let jb = 0;
  let logR = 0;
  let invR = 0;
  let invR2 = 0;
  let logBOverAB = 0;
  let invAB = 0;
  let invB = 0;
  let invAB2 = 0;
  let invB2 = 0;
  const rateRun = new AsymptoticRun();
  const dropoutRun = new AsymptoticBetaRun();
  for (const g of data.groupOrder) {
    const x = groups.values[g];
    const w = groups.weight[g];
    const n = x + shift;
    // A long stretch of x with no customer (frequencies in the thousands or millions) is crossed in one step by
    // lnΓ, ψ and ψ' differences: the same sums, at a cost that does not grow with x.
    if (x - jr > ASYMPTOTIC_JUMP && r + jr >= ASYMPTOTIC_FROM) {
      // A million distinct frequencies in the millions: one step a frequency by the asymptotic series (a few
      // divisions and one logarithm each), where @stdlib's functions cost a dozen calls and walking the gaps one
      // purchase at a time tens of millions of logarithms a pass (a second a pass, issue 12).
      rateRun.step(r + jr, x - jr);
      logR += rateRun.logGamma;
      invR += rateRun.digamma;
      invR2 += rateRun.trigamma;
      jr = x;
    } else if (x - jr > JUMP) {
      logR += gammaln(r + x) - gammaln(r + jr);
      invR += digamma(r + x) - digamma(r + jr);
      if (hessian) invR2 += trigamma(r + jr) - trigamma(r + x);
      jr = x;
    }
    for (; jr < x; jr++) {
      const inv = 1 / (r + jr);
      logR += Math.log(r + jr);
      invR += inv;
      invR2 += inv * inv;
    }
    if (n - jb > ASYMPTOTIC_JUMP && b + jb >= ASYMPTOTIC_FROM) {
      dropoutRun.step(b + jb, a, n - jb);
      logBOverAB += dropoutRun.logBeta;
      invAB += dropoutRun.digammaUA;
      invB += dropoutRun.digammaU;
      invAB2 += dropoutRun.trigammaUA;
      invB2 += dropoutRun.trigammaU;
      jb = n;
    } else if (n - jb > JUMP) {
      logBOverAB += gammaln(b + n) - gammaln(b + jb) - (gammaln(a + b + n) - gammaln(a + b + jb));
      invAB += digamma(a + b + n) - digamma(a + b + jb);
      invB += digamma(b + n) - digamma(b + jb);
      if (hessian) {
        invAB2 += trigamma(a + b + jb) - trigamma(a + b + n);
        invB2 += trigamma(b + jb) - trigamma(b + n);
      }
      jb = n;
    }
    for (; jb < n; jb++) {
      const i1 = 1 / (a + b + jb);
      const i2 = 1 / (b + jb);
      logBOverAB += Math.log((b + jb) * i1);
      invAB += i1;
      invB += i2;
      invAB2 += i1 * i1;
      invB2 += i2 * i2;
    }
    // Per group: log a/(b+x−1+shift) and 1/(b+x−1+shift).
    inverseB[g] = 1 / (b + x - 1 + shift);
    logOdds[g] = Math.log(a * inverseB[g]);
    total += w * (logR + logBOverAB);
    if (wantGradient) {
      gr += w * invR;
      ga -= w * invAB;
      gb += w * (invB - invAB);
    }
    if (hessian) {
      hrr -= w * invR2;
      haa += w * invAB2;
      hab += w * invAB2;
      hbb += w * (invAB2 - invB2);
    }
  }
  // One pass over the distinct histories. r log α − (r + x) log(α + T) = −r log1p(T/α) − x log(α + T); and
  // log(1 + q), q = a/(b+x−1+shift) · ((α+T)/(α+t_x))^(r+x), the "still alive" odds of a history with a purchase term
  // (x > 0; every history in MBG/NBD).
  const { frequency, recency, age, weight, size } = data.histories;
  const slot = groups.slot;
  const logAlpha = Math.log(alpha);
  const inverseAlpha = 1 / alpha;
  let sumLog1p = 0;
  // Σ wσ·(∂ log q), Σ wσ(1−σ)·(∂ log q)(∂ log q)ᵀ and Σ wσ·∂² log q, σ = q/(1+q).
  let sD = 0;
  let sKE = 0;
  let sS = 0;
  let sB = 0;
  let vDD = 0;
  let vDKE = 0;
  let vKEKE = 0;
  let vD = 0;
  let vKE = 0;
  let vV = 0;
  let vDB = 0;
  let vKEB = 0;
  let vB = 0;
  let vBB = 0;
  let sE = 0;
  let sKE2 = 0;
  let sBB = 0;
  for (let i = 0; i < size; i++) {
    const w = weight[i];
    const x = frequency[i];
    const T = age[i];
    const growth = Math.log1p(T * inverseAlpha);
    const inverseT = 1 / (alpha + T);
    total -= w * (r * growth + x * (logAlpha + growth));
    const shrink = T * inverseT * inverseAlpha;
    if (wantGradient) {
      gr -= w * growth;
      galpha += w * (r * shrink - x * inverseT);
    }
    if (hessian) {
      hralpha += w * shrink;
      halphaalpha += w * ((-r * shrink * (2 * alpha + T) * inverseT) / alpha + x * inverseT * inverseT);
    }
    if (x === 0 && shift === 0) continue;
    const g = slot[i];
    const kx = r + x;
    const inverseTx = 1 / (alpha + recency[i]);
    // log(α+T) − log(α+t_x), without the log α that both carry.
    const d = growth - Math.log1p(recency[i] * inverseAlpha);
    // In logs: with thousands of purchases (r + x)·d overflows e^·; log1p(e^L) = max(L, 0) + log1p(e^−|L|).
    const logQ = logOdds[g] + kx * d;
    const tail = Math.exp(-Math.abs(logQ));
    sumLog1p += w * ((logQ > 0 ? logQ : 0) + Math.log1p(tail));
    if (!wantGradient) continue;
    const sigma = logQ > 0 ? 1 / (1 + tail) : tail / (1 + tail);
    const ws = w * sigma;
    const e = inverseT - inverseTx;
    const ke = kx * e;
    const invB = inverseB[g];
    sD += ws * d;
    sKE += ws * ke;
    sS += ws;
    sB += ws * invB;
    if (!hessian) continue;
    const v = ws * (1 - sigma);
    vDD += v * d * d;
    vDKE += v * d * ke;
    vKEKE += v * ke * ke;
    vD += v * d;
    vKE += v * ke;
    vV += v;
    vDB += v * d * invB;
    vKEB += v * ke * invB;
    vB += v * invB;
    vBB += v * invB * invB;
    sE += ws * e;
    sKE2 += ws * kx * (inverseTx * inverseTx - inverseT * inverseT);
    sBB += ws * invB * invB;
  }
  total += sumLog1p;
  if (gradient) {
    gradient[0] = -(gr + sD);
    gradient[1] = -(galpha + sKE);
    gradient[2] = -(ga + sS / a);
    gradient[3] = -(gb - sB);
  }
  if (hessian) {
    // ∂log q: (d, k·e, 1/a, −1/(b+x−1+shift)); ∂²log q: rα e, αα k·e2, aa −1/a², bb 1/(b+x−1+shift)².
    const h = [
      hrr + vDD,
      hralpha + vDKE + sE,
      vD / a,
      -vDB,
      halphaalpha + vKEKE + sKE2,
      vKE / a,
      -vKEB,
      haa + vV / (a * a) - sS / (a * a),
      hab - vB / a,
      hbb + vBB + sBB,
    ];
    const order = [
      [0, 1, 2, 3],
      [1, 4, 5, 6],
      [2, 5, 7, 8],
      [3, 6, 8, 9],
    ];
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) hessian[i * 4 + j] = -h[order[i][j]];
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
  const n = columns.frequency.length;
  const data = historiesForFit(columns.frequency, columns.recency, columns.age ?? new Float64Array(n), columns.weights);
  // On a large base, a sample's fit first (staged-fit.ts): at frequencies in the millions the optimum is at b → ∞
  // (no drop-out), and Newton's walk towards it (16 steps) then runs on the sample, the full data taking the last few.
  const fit = stagedFit(data, (histories) => bgnbdFitSpec(histories, options, modified));
  return { model: modified ? "mbgnbd" : "bgnbd", ...fit };
}

/** What fitBgnbd hands the optimiser for some histories: the likelihood, its subsample for the starts, the starts. */
function bgnbdFitSpec(data: CompressedHistories, options: FitOptions, modified: boolean): LogParameterFitSpec {
  const full = prepareBgnbdData(data, modified);
  const small = data.size > SUBSAMPLE_ROWS ? everyKth(data, SUBSAMPLE_ROWS) : null;
  const sub = small ? prepareBgnbdData(small, modified) : null;
  return {
    subsample:
      small && sub
        ? { negLogLikelihoodWithGradient: (p, g) => bgnbdPreparedNegLogLikelihood(sub, p, g), n: small.total }
        : undefined,
    names: ["r", "alpha", "a", "b"],
    negLogLikelihood: (p) => bgnbdPreparedNegLogLikelihood(full, p),
    negLogLikelihoodWithGradient: (p, g) => bgnbdPreparedNegLogLikelihood(full, p, g),
    negLogLikelihoodWithHessian: (p, g, h) => bgnbdPreparedNegLogLikelihood(full, p, g, h),
    // One code path for the value with or without derivatives.
    exactValueAlone: true,
    starts: scaledStarts(data),
    penalty: options.penalty,
    n: data.total,
    maxIterations: options.maxIterations,
  };
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
  const predictor: PurchasePredictor = {
    probabilityAlive,
    smoothInAge: true,
    probabilityOfAnyPurchase: (customer, t) =>
      probabilityAlive(customer) * probabilityOfPurchaseWhileAlive(r, alpha, customer, t),
    /**
     * P(alive at T + t): alive at T, then no drop-out at the purchases in (T, T + t]. Given alive at T, λ ~ Gamma(r+x,
     * α+T) and p ~ Beta(a, b+x), and E[e^(−λpt)] = 2F1(r+x, a; a+b+x; −t/(α+T)), by Pfaff's transformation the
     * shrunk 2F1 of eq. 10 (FHL 2005; Abramowitz & Stegun 15.3.4).
     */
    probabilityAliveAt(customer, t) {
      const { frequency: x, age } = customer;
      const now = probabilityAlive(customer);
      return t === 0 ? now : now * shrunkHypergeometric(r + x, b + x, a + b + x, alpha + age, t);
    },
    /** DERT = ∫ e^(−δt) dE[Y(t) | x, t_x, T] (FHL 2005 "RFM and CLV" eq. 1), by quadrature of eq. 10. */
    discountedResidualPurchases: (customer, periodRate) =>
      dertByIntegration((t) => predictor.expectedPurchases(customer, t), periodRate),
    logLikelihood: (customer) => bgnbdLogLikelihood({ r, alpha, a, b }, customer),
    // FHL 2005 eq. 10: P(alive) × E[Y(t) | alive], the latter without the pole at a = 1 (see alive-purchases.ts)
    expectedPurchases(customer, t) {
      if (t === 0) return 0;
      const { frequency: x, age } = customer;
      return alivePurchases(r + x, a, b + x, t / (alpha + age)) * probabilityAlive(customer);
    },
    // FHL 2005 eq. 9
    expectedPurchasesNewCustomer(t) {
      if (t === 0) return 0;
      return alivePurchases(r, a, b, t / alpha);
    },
    // FHL 2005 eq. 8
    probabilityOfPurchases(n, t) {
      const lbeta = betaln(a, b);
      const stay = Math.exp(betaln(a, b + n) - lbeta + nbdLogPmf(n, r, alpha, t));
      if (n === 0) return stay;
      // P(N(t) ≥ n) by the incomplete beta function (nbd-tail.ts): its cost does not grow with n.
      return stay + Math.exp(betaln(a + 1, b + n - 1) - lbeta) * nbdTail(n, r, alpha, t);
    },
  };
  return predictor;
}

/**
 * ((α+T)/(α+T+t))^A · 2F1(A, B; C; t/(α+T+t)), the term of FHL 2005 eq. 10 (and Batislam et al. 2007 eq. 6).
 * By @stdlib's hyp2f1; when that overflows or A > 10³, as for the large r of a fit to customers who all buy at the
 * same rate (r, α → ∞ with r/α fixed), by the series itself (see shrunkHypergeometricSeries): with the prefactor
 * kept in logs, it needs about A·z + 10·√(A·z) + 40 terms.
 */
export function shrunkHypergeometric(A: number, B: number, C: number, scale: number, t: number): number {
  // @stdlib's routine is slow this far out (tens of µs at A ≈ 10³) and gives no finite value past A ≈ 10⁶.
  if (A > 1e3 && C > 1e3) {
    // Large frequencies (A, B and C all grow with x): Euler's transformation (Abramowitz & Stegun 15.3.3),
    // (1−z)^A·2F1(A, B; C; z) = (1−z)^(C−B)·2F1(C−A, C−B; C; z), whose series in the small C−A and C−B over the large C
    // settles in a few terms; the series in A needs about A·z terms (3·10⁵ a customer at x = 10⁹ over a year).
    const euler = eulerShrunkHypergeometric(A, B, C, scale, t);
    if (Number.isFinite(euler)) return euler;
  }
  if (A > 1e3 && B > 0 && C + 1 > 0) return shrunkHypergeometricSeries(A, B, C, scale, t);
  const z = t / (scale + t);
  const logShrink = A * Math.log(scale / (scale + t));
  const direct = Math.exp(logShrink) * hyp2f1(A, B, C, z);
  return Number.isFinite(direct) ? direct : shrunkHypergeometricSeries(A, B, C, scale, t);
}

/** (1−z)^(C−B)·Σ_k (C−A)_k (C−B)_k / ((C)_k k!) z^k with z = t/(scale+t); NaN if it does not settle in 10⁴ terms. */
export function eulerShrunkHypergeometric(A: number, B: number, C: number, scale: number, t: number): number {
  const z = t / (scale + t);
  const p = C - A;
  const q = C - B;
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 1e4; k++) {
    term *= ((p + k) * (q + k) * z) / ((C + k) * (k + 1));
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) return Math.exp(q * Math.log(scale / (scale + t))) * sum;
  }
  return NaN;
}

/**
 * The same by its series, whose terms are all positive when A, B, C > 0 (the fallback of shrunkHypergeometric);
 * for −1 < C ≤ 0 (x = 0 with a + b < 1) from C + 1 and C + 2 by Gauss's contiguous relation in c (Abramowitz &
 * Stegun 15.2.18). NaN if it does not settle.
 */
export function shrunkHypergeometricSeries(A: number, B: number, C: number, scale: number, t: number): number {
  const z = t / (scale + t);
  if (!(B > 0) || !(C + 1 > 0)) return NaN;
  if (C <= 0) {
    // c(c−1)(z−1)F(c−1) + c[c−1−(2c−A−B−1)z]F(c) + (c−A)(c−B)z F(c+1) = 0 with c = C + 1
    const c = C + 1;
    const next = shrunkHypergeometricSeries(A, B, c, scale, t);
    const nextButOne = shrunkHypergeometricSeries(A, B, c + 1, scale, t);
    return (
      -(c * (c - 1 - (2 * c - A - B - 1) * z) * next + (c - A) * (c - B) * z * nextButOne) / (c * (c - 1) * (z - 1))
    );
  }
  const logShrink = A * Math.log(scale / (scale + t));
  // Σ t_k with t_0 = 1, rescaled (and the scale kept as a log) whenever it nears overflow.
  let logScale = 0;
  let term = 1;
  let sum = 1;
  const limit = Math.ceil(A * z + 10 * Math.sqrt(A * z) + 1e4);
  for (let k = 0; k < limit; k++) {
    const ratio = ((A + k) * (B + k) * z) / ((C + k) * (k + 1));
    term *= ratio;
    sum += term;
    if (sum > 1e280) {
      logScale += Math.log(sum);
      term /= sum;
      sum = 1;
    }
    if (ratio < 1 && term < 1e-17 * sum) return Math.exp(logShrink + logScale + Math.log(sum));
  }
  return NaN;
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
