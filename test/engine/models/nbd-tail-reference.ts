import { nbdLogPmf } from "../../../src/engine/models/nbd";

/** Σ_{j ≥ n} P(N(t) = j), term by term from P(N(t) = n) upward: an independent value of the tail (no 1 − Σ). */
export function tailBySum(n: number, r: number, alpha: number, t: number): number {
  const q = t / (alpha + t);
  let term = Math.exp(nbdLogPmf(n, r, alpha, t));
  let sum = 0;
  for (let j = n; j < n + 5_000_000; j++) {
    sum += term;
    term *= ((r + j) / (j + 1)) * q;
    // Past the mode the terms fall geometrically: stop when what is left is below the last digit.
    if (j > n + (r * q) / (1 - q) + 10 && term / (1 - q) < sum * 1e-18) break;
  }
  return sum;
}
