/**
 * The Pareto/NBD "died between t_x and T" integral at a cost that does not grow with the frequency. With
 * F(t) = ∫_t^∞ (α+τ)^−m (β+τ)^−n dτ (m = r + x, n = s + 1), the Euler integral of 2F1 (Abramowitz & Stegun 15.3.1)
 * gives F(t) = (L+t)^−K 2F1(p_S, K; K+1; z)/K, K = m + n − 1, z = (L−S)/(L+t), with L, S the larger and the smaller
 * of α, β and p_S the exponent of S (Fader & Hardie note 008's A0); Pfaff's transformation (A&S 15.3.4) turns it into
 *   F(t) = (L+t)^−(p_L−1) (S+t)^−p_S · Σ_k (p_S)_k / (K+1)_k · w^k / K,   w = −(L−S)/(S+t).
 * Gauss's series in z has terms that grow like e^(m·z) before they fall (a million terms at frequencies in the
 * billions); this one alternates and its terms shrink at least by |w| each, since p_S < K + 1: for |w| ≤ ½ the sum lies
 * in [½, 1] (no digits lost) and settles within 56 terms, whatever m and n.
 */
import { logDeathIntegral } from "./pareto-nbd-likelihood";

/** Most terms of the series: |w| ≤ ½ settles to 1e-17 within 56. */
const MAX_TERMS = 64;

/** ln F(t) by the transformed series, or null where |w| > ½ (t within about 2|α − β| of 0). */
export function logTailByPfaff(alpha: number, beta: number, m: number, n: number, t: number): number | null {
  const alphaLarger = alpha >= beta;
  const L = alphaLarger ? alpha : beta;
  const S = alphaLarger ? beta : alpha;
  const pL = alphaLarger ? m : n;
  const pS = alphaLarger ? n : m;
  const w = -(L - S) / (S + t);
  if (!(w >= -0.5)) return null;
  const K = m + n - 1;
  let term = 1;
  let sum = 1;
  for (let k = 0; term !== 0 && Math.abs(term) > 1e-17 * sum; k++) {
    if (k === MAX_TERMS) return null;
    term *= ((pS + k) / (K + 1 + k)) * w;
    sum += term;
  }
  return -(pL - 1) * Math.log(L + t) - pS * Math.log(S + t) - Math.log(K) + Math.log(sum);
}

/**
 * ln ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ (−∞ when t_x = T): ln F(t_x) + ln(1 − F(T)/F(t_x)) by the series where
 * F(T) ≤ F(t_x)/2 (the difference then keeps its digits), else logDeathIntegral's quadrature over [t_x, T] (short
 * intervals, and t_x near 0 with α and β far apart).
 */
export function logDeathTerm(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number) {
  if (tx >= T) return -Infinity;
  const m = r + x;
  const n = s + 1;
  const early = logTailByPfaff(alpha, beta, m, n, tx);
  if (early !== null) {
    const late = logTailByPfaff(alpha, beta, m, n, T);
    if (late !== null && late - early <= -Math.LN2) return early + Math.log1p(-Math.exp(late - early));
  }
  return logDeathIntegral(r, alpha, s, beta, x, tx, T);
}
