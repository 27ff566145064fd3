/**
 * E[Y(t) | alive] for the BG/NBD family (Fader, Hardie & Lee 2005, eq. 10 without its P(alive) factor; Batislam et
 * al. 2007, eq. 6): a customer alive now buys at a rate λ ~ Gamma(K, scale) and drops out after each purchase with
 * probability p ~ Beta(a, b'). Given λ and p, E[Y(t)] = (1 − e^(−λpt))/p, so with u = t/scale
 *   E = ∫₀¹ g(p) Beta(p; a, b') dp,   g(p) = (1 − (1 + p·u)^(−K)) / p ≤ K·u.
 * The closed form (a+b'−1)/(a−1) · [1 − (1+u)^(−K) 2F1(K, b'; a+b'−1; u/(1+u))] has a removable pole at a = 1 and
 * loses every digit for large K, large b' or large u (@stdlib's 2F1 then returns NaN or takes milliseconds), so it is
 * only used where it was checked against the integral; elsewhere the integral is taken numerically, in y = logit(p).
 * There the integrand is log-concave (ln g and the Beta log-density are both concave in y), so after centring on its
 * mode and scaling by its curvature, the substitution y = mode + L·sinh(v) makes both tails decay
 * double-exponentially in v and the trapezoidal rule in v converges geometrically (Takahasi & Mori 1974). The
 * number of nodes grows only with the logarithm of the tails' length, whatever t, K, a or b'.
 */
import betaln from "@stdlib/math-base-special-betaln";
import hyp2f1 from "@stdlib/math-base-special-hyp2f1";

/** Step of the trapezoidal rule in v, and the most nodes on each side of the mode (never reached in tests). */
const STEP = 1 / 20;
/** v up to 14 (y up to L·sinh 14 ≈ 6e5 from the mode): the left tail for a ≥ SMALL_A ends within 4e3. */
const MAX_NODES_PER_SIDE = 280;
/** u ≤ 1.8e308 makes the plateau at most ~710 long in y: at most ~1,600 nodes at step 1/2. */
const MAX_PLATEAU_NODES = 4000;

/** Work counter for tests (nodes evaluated since the last reset): the cost must not grow with t or K. */
export const aliveWork = { nodes: 0 };

/** −expm1(−K·log1p(w)) = 1 − (1+w)^(−K), accurate for small and large w. */
const oneMinusPower = (K: number, w: number) => -Math.expm1(-K * Math.log1p(w));

/**
 * E[Y(t) | alive] = ∫ g(p) Beta(p; a, b') dp (see the module comment); u = t / scale ≥ 0. Finite for every
 * K, a, b' > 0 and finite u ≥ 0; grows without bound in u only when a ≤ 1 (like u^(1−a)).
 */
export function alivePurchases(K: number, a: number, bPrime: number, u: number): number {
  if (u === 0) return 0;
  if (!(u > 0) || !(K > 0) || !(a > 0) || !(bPrime > 0)) return NaN;
  const large = largeShapes(K, a, bPrime, u);
  if (large !== null) return large;
  const closed = closedForm(K, a, bPrime, u);
  if (closed !== null) return closed;
  return a < SMALL_A ? K * u - complementByQuadrature(K, a, bPrime, u) : byQuadrature(K, a, bPrime, u);
}

/**
 * Below this a, the Beta density's left tail p^(a−1) is too long for the map (ln p down to −40/a): E = K·u − ∫ (K·u −
 * g(p)) Beta(p; a, b') dp instead, whose integrand vanishes like p^(a+1) as p → 0.
 */
const SMALL_A = 0.01;

/** (K·u − g(p))/u = K − (1 − (1+w)^(−K))/w at w = p·u, by its series while K·w is small (no cancellation). */
function shortfall(K: number, w: number): number {
  if (K * w < 0.1 && w < 0.1) {
    // K(K+1)w/2 · Σ_j (−1)^j [(K+2)…(K+1+j)] w^j · 2 / (j+2)!
    let term = (K * (K + 1) * w) / 2;
    let sum = term;
    for (let j = 1; j < 40; j++) {
      term *= (-(K + 1 + j) * w) / (j + 2);
      sum += term;
      if (Math.abs(term) < 1e-17 * sum) break;
    }
    return sum;
  }
  return K + Math.expm1(-K * Math.log1p(w)) / w;
}

function complementByQuadrature(K: number, a: number, bPrime: number, u: number): number {
  const logF = (y: number) => {
    const logP = logSigmoid(y);
    return Math.log(u * shortfall(K, Math.exp(logP) * u)) + a * logP + bPrime * logSigmoid(-y);
  };
  const width = Math.sqrt(1 / a + 1 / bPrime);
  const d = 1e-4;
  const slopeF = (y: number) => (logF(y + d) - logF(y - d)) / (2 * d);
  const guess = Math.min(Math.log(a / bPrime), -Math.log(u * Math.max(K, 1)));
  return Math.exp(sinhTrapezoid(logF, slopeF, guess, Math.min(width, 1), STEP, 1) - betaln(a, bPrime));
}

/** Below this C = a + b' − 1 (and unless |C − K| and |a − 1| are small beside it), largeShapes gives way. */
const LARGE_C = 1000;

/**
 * The closed form for large frequencies (K = r + x and b' = b + x both large, K − b' and a fixed), at a cost that does
 * not grow with x. With C = a + b' − 1, z = u/(1+u) and Q = a − 1, Euler's transformation (Abramowitz & Stegun
 * 15.3.3) turns the 2F1 of FHL 2005 eq. 10 into (1+u)^(K+b'−C) 2F1(P, Q; C; z), P = C − K, so that
 *   E = (C/Q)·[1 − (1+u)^(−Q) 2F1(P, Q; C; z)] = C·[(1 − (1+u)^(−Q))/Q − (1+u)^(−Q) Σ_{k≥1} t_k/Q],
 * t_k/Q = P z/C · Π_{j=1}^{k−1} (P+j)(Q+j) z/((C+j)(j+1)) (no pole at a = 1; (1 − (1+u)^(−Q))/Q → ln(1+u)). With
 * (|P|+1)(|Q|+1) ≤ C/16 every ratio of terms is below 1 in size and the first below 1/16, so the terms shrink from the
 * start (a few terms at x in the millions, even at z = 1, where the series converges since C − P − Q = K − a + 1 > 0),
 * and the sum is at most ~|P|/C of the first part: no digits cancel, for any u.
 */
function largeShapes(K: number, a: number, bPrime: number, u: number): number | null {
  const C = a + bPrime - 1;
  const P = C - K;
  const Q = a - 1;
  if (!(C >= LARGE_C) || (Math.abs(P) + 1) * (Math.abs(Q) + 1) * 16 > C) return null;
  const z = u / (1 + u);
  let term = (P * z) / C;
  let sum = term;
  for (let j = 1; term !== 0 && Math.abs(term) > 1e-17 * Math.abs(sum); j++) {
    if (j > 1000) return null;
    term *= ((P + j) * (Q + j) * z) / ((C + j) * (j + 1));
    sum += term;
  }
  const logGrowth = Math.log1p(u);
  const e = -Q * logGrowth;
  // (1 − (1+u)^(−Q))/Q = −expm1(e)/Q, by its series where Q·ln(1+u) is tiny (a = 1 exactly included).
  const first = Math.abs(e) < 1e-5 ? logGrowth * (1 + e / 2 + (e * e) / 6) : -Math.expm1(e) / Q;
  const value = C * (first - Math.exp(e) * sum);
  return Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * The closed form where it is accurate (compared with the quadrature to 1e-10 over a grid of K, a, b', u in the
 * tests): moderate K and b', a away from 1, and u neither tiny (1 − 2F1 cancels) nor large (2F1 slows and fails).
 */
function closedForm(K: number, a: number, bPrime: number, u: number): number | null {
  if (K > 50 || bPrime > 200 || Math.abs(a - 1) < 0.05 || a > 200 || K * u < 1e-3 || u > 1e3) return null;
  const C = a + bPrime - 1;
  // The form of FHL 2005 eq. 10. (Its Pfaff transform 2F1(K, a−1; C; −u), faster for large u, is off by up to
  // 2e-5 there for small a or b' ≈ 30.)
  const shrunk = Math.exp(-K * Math.log1p(u)) * hyp2f1(K, bPrime, C, u / (1 + u));
  const value = (C / (a - 1)) * (1 - shrunk);
  return Number.isFinite(value) && value > 0 && value <= K * u ? value : null;
}

/** ln of the integrand in y = logit(p), without the Beta normalisation, and its derivative in y. */
const logSigmoid = (y: number) => (y < 0 ? y - Math.log1p(Math.exp(y)) : -Math.log1p(Math.exp(-y)));

function logIntegrand(K: number, a: number, bPrime: number, u: number, y: number): number {
  const logP = logSigmoid(y);
  const logQ = logSigmoid(-y);
  const w = Math.exp(logP) * u;
  // ln g(p): for K·w small, ln(K·u) + ln(1 − (K+1)w/2) (p may underflow far out in the left tail).
  const logG =
    K * w < 1e-6 && w < 1e-6
      ? Math.log(K) + Math.log(u) + Math.log1p((-(K + 1) * w) / 2)
      : Math.log(oneMinusPower(K, w)) - logP;
  return logG + a * logP + bPrime * logQ;
}

function slope(K: number, a: number, bPrime: number, u: number, y: number): number {
  // d/dy: p(1−p)·Ku / ((1+pu)·((1+pu)^K − 1)) − (1 − p) + a(1 − p) − b'p, with p = σ(y).
  const p = 1 / (1 + Math.exp(-y));
  const q = 1 / (1 + Math.exp(y));
  const w = p * u;
  let dg: number;
  if (K * w < 1e-6 && w < 1e-6) dg = q / ((1 + w) * (1 + ((K - 1) * w) / 2));
  else {
    const growth = Math.expm1(K * Math.log1p(w));
    dg = growth === Infinity ? 0 : (p * q * K * u) / ((1 + w) * growth);
  }
  return dg - q + a * q - bPrime * p;
}

/**
 * The quadrature alone (exported for tests, which also run it with a finer step as a reference). When |a − 1| < 0.6
 * and u large, the integrand is a long plateau between the 2F1 transition at y ≈ −ln(u·K) and the Beta bulk at
 * y ≈ ln(a/b'): it is then split smoothly by a logistic partition of unity at the midpoint (both parts stay
 * analytic and log-concave) and each part gets its own mode and map.
 */
export function byQuadrature(K: number, a: number, bPrime: number, u: number, step = STEP, spread = 1): number {
  const logF = (y: number) => logIntegrand(K, a, bPrime, u, y);
  const slopeF = (y: number) => slope(K, a, bPrime, u, y);
  const bulk = Math.log(a / bPrime);
  const transition = -Math.log(u * Math.max(K, 1));
  const width = Math.sqrt(1 / a + 1 / bPrime);
  const logNorm = betaln(a, bPrime);
  if (!(Math.abs(a - 1) < 0.6 && bulk - transition > 8)) {
    return Math.exp(sinhTrapezoid(logF, slopeF, Math.min(bulk, transition), width, step, spread) - logNorm);
  }
  // Left part (tail, transition and plateau): the uniform trapezoidal rule, exact to e^(−2π²/h) for integrands
  // analytic in the strip |Im y| < π (the nearest singularities of σ and of g). Right part (the Beta bulk and its
  // tail): the sinh map.
  const cut = bulk - 4;
  const leftLog = (y: number) => logF(y) + logSigmoid(cut - y);
  const h = 0.5;
  const top = leftLog(transition);
  let sum = 1;
  for (const side of [1, -1]) {
    for (let k = 1; k <= MAX_PLATEAU_NODES; k++) {
      const term = Math.exp(leftLog(transition + side * k * h) - top);
      aliveWork.nodes++;
      if (!(term >= 0)) break;
      sum += term;
      if (term < 1e-18 * sum && (side < 0 || transition + k * h > cut)) break;
    }
  }
  const right = sinhTrapezoid(
    (y) => logF(y) + logSigmoid(y - cut),
    (y) => slopeF(y) + 1 / (1 + Math.exp(y - cut)),
    bulk,
    width,
    step,
    spread,
  );
  return Math.exp(top + Math.log(sum * h) - logNorm) + Math.exp(right - logNorm);
}

/**
 * ln ∫ e^(logF(y)) dy for a concave logF: the mode by bisection on the sign of the slope, the scale L from the
 * curvature there, then the trapezoidal rule in v with y = mode + L·sinh(v) until the terms are negligible.
 */
function sinhTrapezoid(
  logF: (y: number) => number,
  slopeF: (y: number) => number,
  guess: number,
  width: number,
  step: number,
  spread: number,
): number {
  let lo = guess - 2;
  let hi = guess + 2;
  for (let k = 0; k < 60 && slopeF(lo) < 0; k++) lo -= 2 * (hi - lo);
  for (let k = 0; k < 60 && slopeF(hi) > 0; k++) hi += 2 * (hi - lo);
  // The mode only centres the map: a hundredth of the width is close enough.
  for (let k = 0; k < 200 && hi - lo > 0.01 * Math.min(1, width); k++) {
    const mid = (lo + hi) / 2;
    if (slopeF(mid) > 0) lo = mid;
    else hi = mid;
  }
  const mode = (lo + hi) / 2;
  const delta = 1e-3 * Math.min(1, width);
  const curvature = (slopeF(mode - delta) - slopeF(mode + delta)) / (2 * delta);
  const L = spread * Math.min(1, curvature > 0 ? 1 / Math.sqrt(curvature) : 1);
  const peak = logF(mode);
  let sum = L;
  const most = Math.ceil(MAX_NODES_PER_SIDE * (STEP / step));
  for (const side of [1, -1]) {
    for (let k = 1; k <= most; k++) {
      const v = side * k * step;
      const term = Math.exp(logF(mode + L * Math.sinh(v)) - peak) * L * Math.cosh(v);
      aliveWork.nodes++;
      if (!(term >= 0)) break;
      sum += term;
      if (term < 1e-18 * sum) break;
    }
  }
  return peak + Math.log(sum * step);
}
