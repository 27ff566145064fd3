/**
 * ln F(t) of the Pareto/NBD likelihood, F(t) = ∫_t^∞ (α+τ)^−m (β+τ)^−n dτ (m = r + x, n = s + 1), where the frequency
 * makes (α+τ)^−m steep (m in the thousands to billions) and the series do not settle quickly (Gauss's needs about
 * m·z terms, Pfaff's is unavailable where α and β are far apart relative to t, e.g. s, β → ∞). With α + τ = A·e^(v/m),
 * A = α + t (Abramowitz & Stegun 25.4.45, Gauss–Laguerre):
 *   F(t) = A^(1−m) (β+t)^−n / m · ∫_0^∞ e^−v · e^(v/m) (1 + A·(e^(v/m) − 1)/(β+t))^−n dv,
 * whose factor after e^−v is e^(−εv) or flatter, ε ≤ (1 + n·max(1, A/(β+t)))/m: a few Gauss–Laguerre nodes integrate
 * it to a double's precision (4 nodes for ε ≤ 0.01, 8 to 0.05, 16 to 0.2; checked against 24 in the tests). The
 * gradient and second moments in (r, α, s, β) are the same rule applied to ∂ln g = (−ln(α+τ), −m/(α+τ), −ln(β+τ),
 * −n/(β+τ)) and its products, ∇²ln g adding −1/(α+τ), m/(α+τ)², −1/(β+τ) and n/(β+τ)² (the layout of
 * pareto-nbd-likelihood.ts's MOMENTS).
 */
import { gaussLaguerre } from "../optim/gauss-laguerre";

const RULES: readonly { epsilon: number; rule: [Float64Array, Float64Array] }[] = [
  { epsilon: 0.01, rule: gaussLaguerre(4) },
  { epsilon: 0.05, rule: gaussLaguerre(8) },
  { epsilon: 0.2, rule: gaussLaguerre(16) },
];

/** The frequency shape m = r + x from which the rule is tried. */
export const STEEP_SHAPE = 1000;

/**
 * The moments of ∫ g (pareto-nbd-likelihood.ts's MOMENTS) from a rule's sums: i0 = Σ w, s0..s3 = Σ w·d_i and
 * s4..s13 = Σ w·d_i·d_j (packed as MOMENTS) with d = ∂ln g. ∇²ln g adds −1/(α+τ) = d_α/m at (r, α), m/(α+τ)² = d_α²/m
 * at (α, α), and likewise in (s, β) with n. (Also the few-point rule's: its sums are locals too.)
 */
export function storeMoments(
  out: Float64Array,
  i0: number,
  m: number,
  n: number,
  s0: number,
  s1: number,
  s2: number,
  s3: number,
  s4: number,
  s5: number,
  s6: number,
  s7: number,
  s8: number,
  s9: number,
  s10: number,
  s11: number,
  s12: number,
  s13: number,
): void {
  const m1 = s1 / i0;
  const m3 = s3 / i0;
  const m8 = s8 / i0;
  const m13 = s13 / i0;
  out[0] = s0 / i0;
  out[1] = m1;
  out[2] = s2 / i0;
  out[3] = m3;
  out[4] = s4 / i0;
  out[5] = s5 / i0 + m1 / m;
  out[6] = s6 / i0;
  out[7] = s7 / i0;
  out[8] = m8 + m8 / m;
  out[9] = s9 / i0;
  out[10] = s10 / i0;
  out[11] = s11 / i0;
  out[12] = s12 / i0 + m3 / n;
  out[13] = m13 + m13 / n;
}

/** The rule for a factor as flat as e^(−ε·v), or undefined past the last. */
function ruleFor(epsilon: number): [Float64Array, Float64Array] | undefined {
  for (let k = 0; k < RULES.length; k++) if (epsilon <= RULES[k].epsilon) return RULES[k].rule;
  return undefined;
}

/**
 * ln F(t), or null where the rule's factor is not flat enough (ε > 0.2). `nodes` forces a rule (tests). With
 * `withGradient`, out[0..3] receive ∂ln F/∂(r, α, s, β); with `withHessian` too, out[4..13] the second moments ∇²F/F.
 */
export function logSteepTail(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  t: number,
  out: Float64Array,
  withGradient: boolean,
  withHessian = false,
  nodes?: [Float64Array, Float64Array],
): number | null {
  const m = r + x;
  const n = s + 1;
  const A = alpha + t;
  const B = beta + t;
  const epsilon = (1 + n * Math.max(1, A / B)) / m;
  const chosen = nodes ?? ruleFor(epsilon);
  if (!chosen) return null;
  const v = chosen[0];
  const weights = chosen[1];
  const logA = Math.log(A);
  const logB = Math.log(B);
  // The sums in locals, each node's w·d_i taken once for its row of products (the same roundings as w·d_i·d_j).
  let i0 = 0;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  let s6 = 0;
  let s7 = 0;
  let s8 = 0;
  let s9 = 0;
  let s10 = 0;
  let s11 = 0;
  let s12 = 0;
  let s13 = 0;
  for (let i = 0; i < v.length; i++) {
    const u = v[i] / m;
    // τ − t = A·(e^u − 1); ln((β+τ)/(β+t)) by log1p, without the cancellation of two large logarithms.
    const grow = A * Math.expm1(u);
    const logRise = Math.log1p(grow / B);
    const w = weights[i] * Math.exp(u - n * logRise);
    i0 += w;
    if (!withGradient) continue;
    const d0 = -(logA + u);
    const d1 = -m / (A + grow);
    const d2 = -(logB + logRise);
    const d3 = -n / (B + grow);
    const w0 = w * d0;
    const w1 = w * d1;
    const w2 = w * d2;
    const w3 = w * d3;
    s0 += w0;
    s1 += w1;
    s2 += w2;
    s3 += w3;
    if (!withHessian) continue;
    s4 += w0 * d0;
    s5 += w0 * d1;
    s6 += w0 * d2;
    s7 += w0 * d3;
    s8 += w1 * d1;
    s9 += w1 * d2;
    s10 += w1 * d3;
    s11 += w2 * d2;
    s12 += w2 * d3;
    s13 += w3 * d3;
  }
  if (withGradient && withHessian)
    storeMoments(out, i0, m, n, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13);
  else if (withGradient) {
    out[0] = s0 / i0;
    out[1] = s1 / i0;
    out[2] = s2 / i0;
    out[3] = s3 / i0;
  }
  return (1 - m) * logA - Math.log(m) - n * logB + Math.log(i0);
}
