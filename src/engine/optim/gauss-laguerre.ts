/**
 * n-point Gauss–Laguerre nodes and weights for ∫_0^∞ e^(−v) g(v) dv (Abramowitz & Stegun 25.4.45: nodes the roots of
 * the Laguerre polynomial L_n, weights v_i / ((n+1)² L_{n+1}(v_i)²)), by Newton's method on the three-term
 * recurrence (k+1) L_{k+1} = (2k+1−v) L_k − k L_{k−1}, each root started from the last ones (the roots spread out
 * roughly linearly in their index). Deterministic.
 */
export function gaussLaguerre(n: number): [Float64Array, Float64Array] {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  // L_n(v), L_{n−1}(v) and L_{n+1}(v) by the recurrence.
  const laguerre = (v: number): [number, number, number] => {
    let previous = 1;
    let current = 1 - v;
    for (let k = 1; k < n; k++) {
      const next = ((2 * k + 1 - v) * current - k * previous) / (k + 1);
      previous = current;
      current = next;
    }
    const after = ((2 * n + 1 - v) * current - n * previous) / (n + 1);
    return [current, previous, after];
  };
  for (let i = 0; i < n; i++) {
    // Starting points: the first two roots' asymptotics, then extrapolated from the two before.
    let v =
      i === 0
        ? 3 / (1 + 2.4 * n)
        : i === 1
          ? nodes[0] + 15 / (1 + 2.5 * n)
          : nodes[i - 1] + ((1 + 2.55 * (i - 1)) / (1.9 * (i - 1))) * (nodes[i - 1] - nodes[i - 2]);
    for (let iteration = 0; iteration < 100; iteration++) {
      const [value, before] = laguerre(v);
      const derivative = (n * (value - before)) / v;
      const step = value / derivative;
      v -= step;
      if (Math.abs(step) <= 1e-15 * Math.max(1, v)) break;
    }
    nodes[i] = v;
    const after = laguerre(v)[2];
    weights[i] = v / ((n + 1) * (n + 1) * after * after);
  }
  return [nodes, weights];
}

const [STEEP_NODES, STEEP_WEIGHTS] = gaussLaguerre(16);
const [COARSE_NODES, COARSE_WEIGHTS] = gaussLaguerre(8);
const [CHECK_NODES, CHECK_WEIGHTS] = gaussLaguerre(24);
/** The 16-point rule steepIntegral accepts, for callers that sum more than the value at its nodes (moments). */
export const STEEP_RULE = { nodes: STEEP_NODES, weights: STEEP_WEIGHTS };
/**
 * The rules that accept it, in the order tried: 8 points (exact to degree 15 against the 16-point rule's 31, so its
 * error bounds the 16-point rule's from above at a third of the 24-point check's cost), then 24 points.
 */
export const STEEP_CHECKS = [
  { nodes: COARSE_NODES, weights: COARSE_WEIGHTS },
  { nodes: CHECK_NODES, weights: CHECK_WEIGHTS },
] as const;
/** A steep integral is one whose integrand falls by e^−(this) or more over its interval. */
export const STEEP_FALL = 100;

/** Whether a check's value (one of STEEP_CHECKS) agrees with the 16-point rule's value to 1e-13. */
export function steepAgrees(value: number, check: number): boolean {
  return value > 0 && Math.abs(check - value) <= 1e-13 * value;
}

/**
 * ∫_0^width e^(drop(δ)) dδ for an integrand that decreases on the whole interval, from drop(0) = 0 at a rate c at the
 * start (a customer with many purchases: (α + y)^−(r+x) and its kind). With δ = v/c it is (1/c) ∫ e^−v g(v) dv,
 * g(v) = e^(drop(v/c) + v) close to 1: a 16-point Gauss–Laguerre rule, accepted when the 8-point or else the 24-point
 * rule agrees to 1e-13 and every node lies inside the interval (c · width ≥ STEEP_FALL: what the rule leaves out is
 * below e^−100 of the whole). null when that does not hold, for the caller's general quadrature. The caller forms
 * drop without the cancellation of two large logarithms (log1p of the increment).
 */
export function steepIntegral(drop: (delta: number) => number, c: number, width: number): number | null {
  if (!(c > 0) || !(c * width >= STEEP_FALL)) return null;
  const rule = (nodes: Float64Array, weights: Float64Array): number => {
    let sum = 0;
    for (let i = 0; i < nodes.length; i++) sum += weights[i] * Math.exp(drop(nodes[i] / c) + nodes[i]);
    return sum;
  };
  const value = rule(STEEP_NODES, STEEP_WEIGHTS);
  const [coarse, fine] = STEEP_CHECKS;
  if (!steepAgrees(value, rule(coarse.nodes, coarse.weights)) && !steepAgrees(value, rule(fine.nodes, fine.weights))) {
    return null;
  }
  return value / c;
}
