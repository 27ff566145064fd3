/**
 * The NBD count: purchases in t by a customer who never leaves, with a Gamma(r, α) purchase rate
 * (Ehrenberg 1959; FHL 2005 eq. 8 uses it). Shared by BG/NBD and MBG/NBD.
 */
import gammaln from "@stdlib/math-base-special-gammaln";

/** log P(N(t) = n) = log[Γ(r+n)/(Γ(r) n!) (α/(α+t))^r (t/(α+t))^n]. */
export function nbdLogPmf(n: number, r: number, alpha: number, t: number): number {
  if (t === 0) return n === 0 ? 0 : -Infinity;
  const logTotal = Math.log(alpha + t);
  return gammaln(r + n) - gammaln(r) - gammaln(n + 1) + r * (Math.log(alpha) - logTotal) + n * (Math.log(t) - logTotal);
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
