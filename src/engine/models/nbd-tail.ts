/**
 * P(N(t) ≥ n) of the NBD (a Poisson count whose rate is Gamma(r, α)), at a cost that does not grow with n: the tail
 * is the regularised incomplete beta function I_q(n, r) with q = t/(α+t) (Johnson, Kemp & Kotz, "Univariate Discrete
 * Distributions", 3rd ed., eq. 5.31), evaluated by its continued fraction (DLMF 8.17.22) with Lentz's method. The sum
 * of the n first terms (nbd.ts, nbdCumulative) takes n steps and loses the tail's digits in 1 − Σ when the tail is
 * small; this takes O(√n) steps and keeps them. BG/NBD's and MBG/NBD's P(X(t) = n) (FHL 2005 eq. 8) use it.
 */
import betaln from "@stdlib/math-base-special-betaln";

/** Steps of the continued fraction before it is taken as settled (it needs about √max(a, b) + 20 here). */
const MAX_STEPS = 100_000;
const TINY = 1e-300;

/**
 * The continued fraction of I_x(a, b) / (x^a (1−x)^b / (a B(a, b))), DLMF 8.17.22, for x < (a+1)/(a+b+2), where it
 * settles fast.
 */
function betaFraction(a: number, b: number, x: number): number {
  // f = 1/(1+ d1/(1+ d2/(1+ …))), d_{2m} = m(b−m)x / ((a+2m−1)(a+2m)), d_{2m+1} = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1)).
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let f = d;
  for (let m = 1; m <= MAX_STEPS; m++) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 + even * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + even / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    f *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + odd * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + odd / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    f *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return f;
}

/**
 * The regularised incomplete beta function I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1, with y = 1 − x, log x and log y
 * given (so that x near 0 or 1 keeps its digits).
 */
export function regularizedBeta(a: number, b: number, x: number, y: number, logX: number, logY: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logFront = a * logX + b * logY - betaln(a, b);
  if (x < (a + 1) / (a + b + 2)) return Math.min(1, (Math.exp(logFront) * betaFraction(a, b, x)) / a);
  // I_x(a, b) = 1 − I_y(b, a): the fraction in y, which settles fast there.
  return Math.max(0, 1 - (Math.exp(logFront) * betaFraction(b, a, y)) / b);
}

/** P(N(t) ≥ n) for N(t) ~ NBD(r, α) at t: 1 at n ≤ 0, I_{t/(α+t)}(n, r) otherwise. */
export function nbdTail(n: number, r: number, alpha: number, t: number): number {
  if (n <= 0) return 1;
  if (t === 0) return 0;
  // q = t/(α+t) and 1 − q = α/(α+t), each from its own logarithm.
  const logQ = -Math.log1p(alpha / t);
  const log1mQ = -Math.log1p(t / alpha);
  return regularizedBeta(n, r, t / (alpha + t), alpha / (alpha + t), logQ, log1mQ);
}
