/**
 * GGompertz/NBD (Bemmaor & Glady 2012, "Modeling purchasing behavior with sudden 'death': a flexible customer
 * lifetime model", Management Science 58(5)): while alive a customer buys at a Poisson rate λ ~ Gamma(r, α); the
 * lifetime is Gompertz, S(t | η) = exp(−η (e^(bt) − 1)), with η ~ Gamma(s, β), so that
 * S(t) = (β / (β + e^(bt) − 1))^s. b → 0 with β/b fixed gives back the Pareto/NBD.
 * Parameters in the order of Bemmaor & Glady and CLVTools: r, alpha, b, s, beta.
 */
import digamma from "@stdlib/math-base-special-digamma";
import gammaln from "@stdlib/math-base-special-gammaln";
import { LogParameterFitSpec } from "../optim/fit";
import { steepIntegral } from "../optim/gauss-laguerre";
import { GAUSS_KRONROD_15, integrate } from "../optim/quadrature";
import { logAddExp } from "./bgnbd";
import { ggomnbdLogDeathColumn } from "./ggompertz-nbd-columns";
import { CompressedHistories, everyKth, fitColumnsHistories } from "./compress";
import { nbdLogPmfOf } from "./nbd";
import { ggomnbdPreparedNegLogLikelihood, prepareGgomnbdData } from "./ggompertz-nbd-likelihood";
import { stagedFit } from "./staged-fit";
import { CustomerHistory, FitColumns, FitOptions, FittedModel, Parameters, PurchasePredictor } from "./types";

export interface GgomnbdParameters {
  r: number;
  alpha: number;
  b: number;
  s: number;
  beta: number;
}

/** 8-point Gauss–Legendre nodes and weights on [−1, 1]. */
const NODES = [
  -0.9602898564975363, -0.7966664774136267, -0.525532409916329, -0.1834346424956498, 0.1834346424956498,
  0.525532409916329, 0.7966664774136267, 0.9602898564975363,
];
const WEIGHTS = [
  0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.362683783378362, 0.362683783378362, 0.3137066458778873,
  0.2223810344533745, 0.1012285362903763,
];
/** At most this many panels per integral: the optimiser may try extreme parameters; the cost stays bounded. */
const MAX_PANELS = 400;
/**
 * ln J − L(t0) where the integrand e^L falls steeply from t0 (a customer with many purchases: m = r + x large), by
 * steepIntegral with c = −L'(t0); L(y) − L(t0) is formed from log1p of the increments, without the cancellation of
 * two values of order m ln(α + t0). null when it does not apply: the panels then take over.
 */
function logSteepDeathIntegral(p: GgomnbdParameters, m: number, t0: number, t1: number): number | null {
  const { alpha, b, s, beta } = p;
  // L'(y) ≤ −m/(α+y) + b < 0 on [t0, t1] when m > b(α + t1): e^L decreases, so the part beyond the nodes is smaller
  // than what the nodes see.
  if (!(m > b * (alpha + t1))) return null;
  const ratio = (y: number) => 1 / (1 + (beta - 1) * Math.exp(-b * y));
  const c = m / (alpha + t0) - b + (s + 1) * b * ratio(t0);
  const base = alpha + t0;
  const start = Math.log1p(Math.expm1(b * t0) / beta);
  const integral = steepIntegral(
    (delta) =>
      -m * Math.log1p(delta / base) - (s + 1) * (Math.log1p(Math.expm1(b * (t0 + delta)) / beta) - start) + b * delta,
    c,
    t1 - t0,
  );
  return integral === null ? null : Math.log(integral);
}

/**
 * ln J with J = ∫_t0^t1 (α+y)^−m (1 + (e^(by) − 1)/β)^−(s+1) e^(by) dy, the "died between t_x and T" term without
 * b s / β (so β^(s+1) J is the integral of Bemmaor & Glady's appendix, written so that no power of β has to cancel
 * against another: at s, β → ∞ with s/β fixed, the lifetime's mixing collapse, every term stays of order one), and,
 * when `out` is given, its gradient in (r, α, b, s, β) (m = r + x, so ∂/∂r = ∂/∂m). Fixed 8-point Gauss–Legendre
 * panels, each at most half its distance to the integrand's nearest singularity and short enough that its log
 * changes by at most 2 across it (relative error below 1e-11, checked against adaptive quadrature in the tests): the
 * value is a smooth function of the parameters (the gradient is that of the same rule). Without a gradient (the
 * predictions), an integrand that falls steeply from t0 takes logSteepDeathIntegral instead: 40 evaluations whatever
 * the frequency, where the 400 capped panels would both cost 3,200 and be far off at frequencies in the millions.
 */
export function logScaledDeathIntegral(
  p: GgomnbdParameters,
  m: number,
  t0: number,
  t1: number,
  out?: Float64Array,
): number {
  const { alpha, b, s, beta } = p;
  if (t1 <= t0) return -Infinity;
  const width = t1 - t0;
  const logIntegrand = (y: number) => -m * Math.log(alpha + y) - (s + 1) * Math.log1p(Math.expm1(b * y) / beta) + b * y;
  if (!out) {
    const steep = logSteepDeathIntegral(p, m, t0, t1);
    if (steep !== null) return logIntegrand(t0) + steep;
  }
  // Singularities: y = −α, and 1 + (e^(by) − 1)/β = 0 at y = ln(1 − β)/b when β < 1.
  let near = alpha + t0;
  if (beta < 1) near = Math.min(near, t0 - Math.log1p(-beta) / b);
  // |d/dy ln integrand| ≤ m/(α+y) + b + (s+1) b e^(by)/(β + e^(by) − 1); the last ratio is monotone in y
  // (increasing when β > 1, decreasing when β < 1), so its largest value is at one end of the interval.
  const ratio = (y: number) => 1 / (1 + (beta - 1) * Math.exp(-b * y));
  const slope = m / (alpha + t0) + b + (s + 1) * b * Math.max(ratio(t0), ratio(t1));
  const panels = Math.min(
    MAX_PANELS,
    Math.max(1, Math.ceil((slope * width) / 2), Math.ceil(width / (0.5 * Math.max(near, 1e-300)))),
  );
  const h = width / panels;
  const reference = logIntegrand(t0);
  let i0 = 0;
  let dr = 0;
  let dAlpha = 0;
  let dB = 0;
  let dS = 0;
  let dBeta = 0;
  for (let panel = 0; panel < panels; panel++) {
    const mid = t0 + (panel + 0.5) * h;
    for (let k = 0; k < NODES.length; k++) {
      const y = mid + 0.5 * h * NODES[k];
      const logAlphaY = Math.log(alpha + y);
      const grow = Math.expm1(b * y);
      const base = beta + grow;
      const logRelative = Math.log1p(grow / beta);
      const weight = 0.5 * h * WEIGHTS[k] * Math.exp(-m * logAlphaY - (s + 1) * logRelative + b * y - reference);
      i0 += weight;
      if (!out) continue;
      dr -= weight * logAlphaY;
      dAlpha -= (weight * m) / (alpha + y);
      dB += weight * y * (1 - ((s + 1) * (grow + 1)) / base);
      dS -= weight * logRelative;
      dBeta += (weight * (s + 1) * grow) / (beta * base);
    }
  }
  if (out) {
    out[0] = dr / i0;
    out[1] = dAlpha / i0;
    out[2] = dB / i0;
    out[3] = dS / i0;
    out[4] = dBeta / i0;
  }
  return reference + Math.log(i0);
}

/** Above this, e^(died − alive) is Infinity in doubles (709.78) with a margin for roundings: P(alive) is 0 exactly. */
const ALIVE_UNDERFLOW = 712;

/**
 * A lower bound of ln J (logScaledDeathIntegral's J) at the cost of a closed form: −d ln g/dy = m/(α+y) − b +
 * (s+1) b e^(by)/(β + e^(by) − 1) is at most c = m/(α+t0) − b + (s+1) b·max of that ratio at t0 and t1 (it is monotone
 * in y), so g(y) ≥ g(t0) e^(−c(y−t0)) and J ≥ g(t0)(1 − e^(−c(t1−t0)))/c (g(t0)(t1 − t0) when c ≤ 0).
 */
export function logDeathIntegralFloor(p: GgomnbdParameters, m: number, t0: number, t1: number): number {
  const { alpha, b, s, beta } = p;
  if (!(t1 > t0)) return -Infinity;
  // (No closures here: this runs once per customer, and tsx wraps each closure it creates.)
  const ratio0 = 1 / (1 + (beta - 1) * Math.exp(-b * t0));
  const ratio1 = 1 / (1 + (beta - 1) * Math.exp(-b * t1));
  const c = m / (alpha + t0) - b + (s + 1) * b * Math.max(ratio0, ratio1);
  const start = -m * Math.log(alpha + t0) - (s + 1) * Math.log1p(Math.expm1(b * t0) / beta) + b * t0;
  const width = t1 - t0;
  return start + (c > 0 ? Math.log(-Math.expm1(-c * width) / c) : Math.log(width));
}

/**
 * E[min(τ, t)] = ∫_0^t S(u) du for a Gompertz lifetime mixed over η ~ Gamma(s, c): S(u) = (1 + (e^(bu) − 1)/c)^−s.
 * S is flat up to its knee k = ln(1 + c)/b (S(k) = 2^−s), then falls like a power of u (c small) and at last like
 * e^(−sbu): its mass may spread over many orders of magnitude of u, far below a horizon of 1e300 (where an
 * adaptive rule on [0, t] sees only zeros). So u = k(e^w − 1), w in [0, ln(1 + t/k)], an integrand smooth on a few
 * units of w, integrated adaptively to 1e-12; beyond U, with bU ≥ ln 2 and
 * s·b·U ≥ 45 + s ln(4c) − ln(s ln(1 + c)), the rest ∫_U^∞ S ≤ (2c)^s e^(−sbU)/(sb) is below e^−45 of ∫_0^k S ≥ k 2^−s.
 */
export function lifetimeWithin(b: number, s: number, c: number, t: number): number {
  if (t === 0) return 0;
  const knee = Math.log1p(c) / b;
  const bU = Math.max(Math.LN2, (45 + s * Math.log(4 * c) - Math.log(s * Math.log1p(c))) / s);
  const end = Math.log1p(Math.min(t, bU / b) / knee);
  if (!(knee > 0 && knee < Infinity && end > 0 && end < Infinity)) {
    return integrate((u) => Math.exp(-s * Math.log1p(Math.expm1(b * u) / c)), 0, t);
  }
  // integrate's first step inlined, the same sums in the same order (a CLV column asks this some 300,000 times,
  // and the closures of a call cost more than its 15 points under tsx); when it is not accepted, integrate itself.
  const { nodes, kronrod, gauss } = GAUSS_KRONROD_15;
  const centre = end / 2;
  let k = 0;
  let g = 0;
  for (let i = 0; i < nodes.length; i++) {
    let sum = 0;
    for (let side = nodes[i] === 0 ? 1 : 0; side < 2; side++) {
      const grown = knee * Math.exp(side === 0 ? centre - centre * nodes[i] : centre + centre * nodes[i]);
      sum += Math.exp(-s * Math.log1p(Math.expm1(b * (grown - knee)) / c)) * grown;
    }
    k += kronrod[i] * sum;
    if (i % 2 === 1) g += gauss[(i - 1) / 2] * sum;
  }
  const value = k * centre;
  if (Math.abs((k - g) * centre) <= Math.max(1e-12 * Math.abs(value), 1e-300)) return value;
  return integrate(
    (w) => {
      const grown = knee * Math.exp(w);
      return Math.exp(-s * Math.log1p(Math.expm1(b * (grown - knee)) / c)) * grown;
    },
    0,
    end,
  );
}

/**
 * ∫_0^t f(τ) dτ / f(t) for f(τ) = death density(τ) · P(N(τ) = n), the "died at τ with n purchases by then" term of
 * P(X(t) = n), where f rises steeply to t (n in the thousands): steepIntegral of f(t − δ)/f(t), its logarithm formed
 * from log1p of the increments. It applies when f increases on the whole of (0, t]: d ln f/dτ = (nα − rτ)/(τ(α+τ))
 * + b − (s+1) b e^(bτ)/(β + e^(bτ) − 1), whose first term decreases in τ and whose last ratio is monotone, so its least
 * value is at most that of the first term at t plus the other terms' least value at 0 or t. null otherwise (adaptive
 * quadrature, which on a spike at t refines everywhere to its cap).
 */
export function diedWithPurchasesSteep(p: GgomnbdParameters, n: number, t: number): number | null {
  const { r, alpha, b, s, beta } = p;
  const ratio0 = 1 / beta;
  const ratioT = 1 / (1 + (beta - 1) * Math.exp(-b * t));
  const rise = (n * alpha - r * t) / (t * (alpha + t));
  if (!(rise + b - (s + 1) * b * Math.max(ratio0, ratioT) > 0)) return null;
  const c = rise + b - (s + 1) * b * ratioT;
  const alphaT = alpha + t;
  const atT = Math.log1p(Math.expm1(b * t) / beta);
  return steepIntegral(
    (delta) =>
      -r * Math.log1p(-delta / alphaT) +
      n * (Math.log1p(-delta / t) - Math.log1p(-delta / alphaT)) -
      b * delta -
      (s + 1) * (Math.log1p(Math.expm1(b * (t - delta)) / beta) - atT),
    c,
    t,
  );
}

/** ln ∫_t0^t1 (α+y)^−m (β + e^(by) − 1)^−(s+1) e^(by) dy, Bemmaor & Glady's integral itself (= ln β^−(s+1) J). */
export function logDeathIntegral(p: GgomnbdParameters, m: number, t0: number, t1: number): number {
  return logScaledDeathIntegral(p, m, t0, t1) - (p.s + 1) * Math.log(p.beta);
}

/**
 * One customer's log-likelihood and, when `gradient` is given, its gradient in (r, α, b, s, β) (Bemmaor & Glady
 * 2012, appendix): L = Γ(r+x)/Γ(r) α^r [(α+T)^−(r+x) (β/(β+e^(bT)−1))^s + b s β^s ∫_{t_x}^T (α+y)^−(r+x)
 * (β+e^(by)−1)^−(s+1) e^(by) dy].
 */
export function ggomnbdLogLikelihood(
  p: GgomnbdParameters,
  { frequency: x, recency, age }: CustomerHistory,
  gradient?: Float64Array,
  scratch = new Float64Array(5),
): number {
  const { r, alpha, b, s, beta } = p;
  const m = r + x;
  const logAlpha = Math.log(alpha);
  const growT = Math.expm1(b * age);
  // ln(β / (β + e^(bT) − 1)) as −ln(1 + (e^(bT) − 1)/β): exact also when β is huge.
  const logRelativeT = Math.log1p(growT / beta);
  const common = gammaln(m) - gammaln(r) + r * logAlpha;
  const alive = -m * Math.log(alpha + age) - s * logRelativeT;
  const logJ = logScaledDeathIntegral(p, m, recency, age, gradient ? scratch : undefined);
  // b s β^s ∫ … = (b s / β) J.
  const died = Math.log(b) + Math.log(s) - Math.log(beta) + logJ;
  const total = common + logAddExp(alive, died);
  if (gradient) {
    const top = Math.max(alive, died);
    const eAlive = Math.exp(alive - top);
    const eDied = Number.isFinite(died) ? Math.exp(died - top) : 0;
    const wAlive = eAlive / (eAlive + eDied);
    const wDied = 1 - wAlive;
    gradient[0] =
      digamma(m) - digamma(r) + logAlpha - wAlive * Math.log(alpha + age) + (wDied ? wDied * scratch[0] : 0);
    gradient[1] = r / alpha - (wAlive * m) / (alpha + age) + (wDied ? wDied * scratch[1] : 0);
    gradient[2] = (-wAlive * s * age * (growT + 1)) / (beta + growT) + (wDied ? wDied * (1 / b + scratch[2]) : 0);
    gradient[3] = -wAlive * logRelativeT + (wDied ? wDied * (1 / s + scratch[3]) : 0);
    gradient[4] = (wAlive * s * growT) / (beta * (beta + growT)) + (wDied ? wDied * (-1 / beta + scratch[4]) : 0);
  }
  return total;
}

/** −log L over compressed histories and, when asked, its gradient in (r, α, b, s, β). */
export function ggomnbdNegLogLikelihood(
  data: CompressedHistories,
  params: ArrayLike<number>,
  gradient?: Float64Array,
): number {
  for (let k = 0; k < 5; k++) if (!(params[k] > 0) || !Number.isFinite(params[k])) return Infinity;
  const p = { r: params[0], alpha: params[1], b: params[2], s: params[3], beta: params[4] };
  const one = gradient ? new Float64Array(5) : undefined;
  const scratch = new Float64Array(5);
  if (gradient) gradient.fill(0);
  let total = 0;
  for (let i = 0; i < data.size; i++) {
    const w = data.weight[i];
    const customer = { frequency: data.frequency[i], recency: data.recency[i], age: data.age[i] };
    total += w * ggomnbdLogLikelihood(p, customer, one, scratch);
    if (gradient && one) for (let k = 0; k < 5; k++) gradient[k] -= w * one[k];
  }
  return Number.isFinite(total) ? -total : Infinity;
}

/** Above this many distinct histories, the starts run on a subsample first (see fitLogParameters). */
const SUBSAMPLE_ROWS = 2000;

/** The fit's gradient tolerance (per customer, log-parameters). */
const GG_GRADIENT_TOLERANCE = 1e-7;

/** What fitGgomnbd hands the optimiser (exported so that tests and benches can count its evaluations). */
export function ggomnbdFitSpec(columns: FitColumns, options: FitOptions = {}): LogParameterFitSpec {
  return ggomnbdHistoriesFitSpec(fitColumnsHistories(columns), options);
}

/** `withoutSubsample`: a staged fit's full data, whose subsample is the stage's sample (staged-fit.ts). */
function ggomnbdHistoriesFitSpec(
  data: CompressedHistories,
  options: FitOptions,
  withoutSubsample = false,
): LogParameterFitSpec {
  let meanAge = 0;
  for (let i = 0; i < data.size; i++) meanAge += (data.weight[i] * data.age[i]) / data.total;
  const unit = Math.max(meanAge / 40, 1e-6);
  const small = data.size > SUBSAMPLE_ROWS && !withoutSubsample ? everyKth(data, SUBSAMPLE_ROWS) : null;
  // The likelihood on the histories laid out by frequency and time, with its analytic gradient and Hessian
  // (ggompertz-nbd-likelihood.ts): the full-data polish is Newton's method, a few passes (issue 12: 1,048,576
  // customers, each evaluation integrating between consecutive times instead of over each customer's [t_x, T]).
  const full = prepareGgomnbdData(data);
  const sub = small ? prepareGgomnbdData(small) : null;
  return {
    names: ["r", "alpha", "b", "s", "beta"],
    subsample:
      small && sub
        ? {
            negLogLikelihoodWithGradient: (p, g) => ggomnbdPreparedNegLogLikelihood(sub, p, g),
            negLogLikelihoodWithHessian: (p, g, h) => ggomnbdPreparedNegLogLikelihood(sub, p, g, h),
            n: small.total,
          }
        : undefined,
    negLogLikelihood: (p) => ggomnbdPreparedNegLogLikelihood(full, p),
    negLogLikelihoodWithGradient: (p, g) => ggomnbdPreparedNegLogLikelihood(full, p, g),
    negLogLikelihoodWithHessian: (p, g, h) => ggomnbdPreparedNegLogLikelihood(full, p, g, h),
    // One code path for the value with or without derivatives.
    exactValueAlone: true,
    starts: [
      [1, unit, 0.1 / unit, 1, 1],
      [0.5, 10 * unit, 0.01 / unit, 0.5, 0.1],
    ],
    penalty: options.penalty,
    n: data.total,
    maxIterations: options.maxIterations,
    // The likelihood is nearly flat along b → 0 with β/b fixed (the Pareto/NBD limit): a tight tolerance only
    // moves the estimate along that ridge.
    gradientTolerance: GG_GRADIENT_TOLERANCE,
    // Newton's ridge rule only once a step gains no more than that per customer: at frequencies in the millions the
    // likelihood is ~10⁹ a customer of constants, "nearly stationary" everywhere, and the rule stopped the sample's
    // fit at s ≈ 2.5 while its steps still gained 0.1-0.3 a customer (the full data then walked s, β → ∞ one pass
    // at a time: 13 passes on 1,048,576 customers, ending at s = 304, "converged").
    ridgeGain: GG_GRADIENT_TOLERANCE,
    // Its last full-data pass on the heavy histories confirmed a step of 5e-9 a customer against a rounding of 2e-6.
    polishStopsAtRounding: true,
    // Each evaluation integrates between every two consecutive times of a frequency (up to MAX_PANELS panels each): a
    // smaller budget keeps the worst case (a search stalled at the edge of the parameter space) to seconds. Fits
    // that settle use about 100.
    maxEvaluations: 2000,
  };
}

export function fitGgomnbd(columns: FitColumns, options: FitOptions = {}): FittedModel {
  // On a large base, a sample's fit first (staged-fit.ts): on a ridge (b → 0) Newton walks it on the sample.
  return {
    model: "ggomnbd",
    // At frequencies in the millions its sample walks a ridge (s, β → ∞) for a dozen passes: on a quarter of it first.
    ...stagedFit(fitColumnsHistories(columns), (data, staged) => ggomnbdHistoriesFitSpec(data, options, staged), {
      innerStage: true,
    }),
  };
}

export function ggomnbdPredictor(params: Parameters): PurchasePredictor {
  const { r, alpha, b, s, beta } = params;
  const p = { r, alpha, b, s, beta };
  /** S(u) for a lifetime with η ~ Gamma(s, scale): (scale / (scale + e^(bu) − 1))^s. */
  const survival = (scale: number, u: number) => Math.exp(-s * Math.log1p(Math.expm1(b * u) / scale));
  /** Death density −dS/du. */
  const density = (scale: number, u: number) =>
    (b * s * Math.exp(b * u) * Math.exp(-(s + 1) * Math.log1p(Math.expm1(b * u) / scale))) / scale;
  /**
   * Given alive at T, η | alive ~ Gamma(s, β + e^(bT) − 1) and the residual lifetime is again of this form with
   * scale β* = (β + e^(bT) − 1) / e^(bT) (S(T+u)/S(T) = exp(−η e^(bT) (e^(bu) − 1))).
   */
  const residualScale = (age: number) => (beta + Math.expm1(b * age)) / Math.exp(b * age);
  const logBsOverBeta = Math.log(b) + Math.log(s) - Math.log(beta);
  /** P(alive) from ln J (NaN: computed here), as 1 / (1 + e^(died − alive)). */
  const aliveOf = (x: number, recency: number, age: number, logJ: number) => {
    const alive = -(r + x) * Math.log(alpha + age) - s * Math.log1p(Math.expm1(b * age) / beta);
    if (Number.isNaN(logJ)) {
      // e^(died − alive) overflows to Infinity, so P(alive) is 0 exactly, wherever a lower bound of `died` is
      // already more than 709.8 above `alive` (2 more for the roundings of terms of size m·ln(α+T)): the integral
      // is then not needed (most customers with millions of purchases and their last one long before T).
      if (logBsOverBeta + logDeathIntegralFloor(p, r + x, recency, age) - alive > ALIVE_UNDERFLOW) return 0;
      logJ = logScaledDeathIntegral(p, r + x, recency, age);
    }
    return 1 / (1 + Math.exp(logBsOverBeta + logJ - alive));
  };
  const probabilityAlive = ({ frequency: x, recency, age }: CustomerHistory) => aliveOf(x, recency, age, NaN);
  /** E[min(lifetime, t)] = ∫_0^t S(u) du. */
  const expectedLifetimeWithin = (scale: number, t: number) => lifetimeWithin(b, s, scale, t);
  return {
    probabilityAlive,
    /** The same values by one sweep over each frequency's times (ggompertz-nbd-columns.ts). */
    probabilityAliveColumn(frequency, recency, age) {
      const logJ = ggomnbdLogDeathColumn(p, frequency, recency, age);
      for (let i = 0; i < logJ.length; i++) logJ[i] = aliveOf(frequency[i], recency[i], age[i], logJ[i]);
      return logJ;
    },
    smoothInAge: true,
    /**
     * P(alive at T + t) = P(alive at T)·S*(t): given alive at T the purchases say nothing more of η, whose law is then
     * Gamma(s, β + e^(bT) − 1), so the residual lifetime survives t with probability (c/(c + e^(bt) − 1))^s, with c the
     * residual scale above (Bemmaor & Glady 2012's survival from T on).
     */
    probabilityAliveAt(customer, t) {
      return probabilityAlive(customer) * survival(residualScale(customer.age), t);
    },
    logLikelihood: (customer) => ggomnbdLogLikelihood(p, customer),
    /** The same values with the death integrals of ggomnbdLogDeathColumn (one sweep per frequency). */
    logLikelihoodColumn(frequency, recency, age) {
      const logJ = ggomnbdLogDeathColumn(p, frequency, recency, age);
      const logAlpha = Math.log(alpha);
      const gammalnR = gammaln(r);
      let lastX = NaN;
      let common = 0;
      for (let i = 0; i < logJ.length; i++) {
        const x = frequency[i];
        const T = age[i];
        const m = r + x;
        if (x !== lastX) {
          common = gammaln(m) - gammalnR + r * logAlpha;
          lastX = x;
        }
        const alive = -m * Math.log(alpha + T) - s * Math.log1p(Math.expm1(b * T) / beta);
        const lnJ = Number.isNaN(logJ[i]) ? logScaledDeathIntegral(p, m, recency[i], T) : logJ[i];
        logJ[i] = common + logAddExp(alive, logBsOverBeta + lnJ);
      }
      return logJ;
    },
    // E[Y(t) | x, t_x, T] = P(alive) · (r+x)/(α+T) · ∫_0^t S*(u) du.
    expectedPurchases(customer, t) {
      const { frequency: x, age } = customer;
      return probabilityAlive(customer) * ((r + x) / (alpha + age)) * expectedLifetimeWithin(residualScale(age), t);
    },
    /** E[Y(t) | x, T, alive] = (r+x)/(α+T) · ∫_0^t S*(u) du (no P(alive) to divide by). */
    expectedPurchasesIfAlive: (x, age, t) => ((r + x) / (alpha + age)) * expectedLifetimeWithin(residualScale(age), t),
    expectedPurchasesNewCustomer: (t) => (r / alpha) * expectedLifetimeWithin(beta, t),
    /** P(X(t) = n): alive at t with n purchases, or died at τ < t with n purchases by then. */
    // An integral over the lifetime (up to ~10 ms a value): CUST.PNPURCHASES bounds how many it computes.
    costlyProbabilityOfPurchases: true,
    probabilityOfPurchases(n, t) {
      const nbd = nbdLogPmfOf(n, r, alpha);
      const atEnd = nbd(t) * survival(beta, t);
      if (t === 0) return atEnd;
      const steep = n > 0 ? diedWithPurchasesSteep(p, n, t) : null;
      if (steep !== null) return atEnd + density(beta, t) * nbd(t) * steep;
      return atEnd + integrate((tau) => density(beta, tau) * nbd(tau), 0, t);
    },
    probabilityOfAnyPurchase(customer, t) {
      const { frequency: x, age } = customer;
      const scale = residualScale(age);
      const rate = alpha + age;
      const none = (u: number) => Math.exp(-(r + x) * Math.log1p(u / rate));
      // Died at u before buying: the integral of density(u) none(u) over [0, t]. Its integrand decreases when the
      // purchase rate (r+x)/(rate+t) outgrows the density's growth (at most b): at many purchases, steepIntegral.
      const logDensity = (u: number) => b * u - (s + 1) * Math.log1p(Math.expm1(b * u) / scale);
      const steep =
        t > 0 && (r + x) / (rate + t) > b
          ? steepIntegral(
              (delta) => logDensity(delta) - (r + x) * Math.log1p(delta / rate),
              (r + x) / rate - b + ((s + 1) * b) / scale,
              t,
            )
          : null;
      const died =
        t === 0 ? 0 : steep !== null ? density(scale, 0) * steep : integrate((u) => density(scale, u) * none(u), 0, t);
      const noPurchase = survival(scale, t) * none(t) + died;
      return probabilityAlive(customer) * (1 - noPurchase);
    },
  };
}
