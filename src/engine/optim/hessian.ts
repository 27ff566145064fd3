/**
 * Second derivatives by central differences, and the standard errors of a maximum-likelihood estimate
 * from the inverse of the negative log-likelihood's Hessian (the observed information matrix).
 */

/** Step for coordinate i: relative to the value (ε^(1/4) is the optimum for second differences). */
const STEP = 1e-4;

/** The Hessian of f at x as a row-major n×n matrix (array of rows). */
export function numericalHessian(f: (x: Float64Array) => number, x: ArrayLike<number>): number[][] {
  const n = x.length;
  const at = Float64Array.from(x);
  const h = Array.from(at, (v) => STEP * Math.max(Math.abs(v), 1e-3));
  const f0 = f(at);
  const value = (i: number, di: number, j: number, dj: number) => {
    const probe = Float64Array.from(at);
    probe[i] += di;
    probe[j] += dj;
    return f(probe);
  };
  const hessian: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    hessian[i][i] = (value(i, h[i], i, 0) - 2 * f0 + value(i, -h[i], i, 0)) / (h[i] * h[i]);
    for (let j = 0; j < i; j++) {
      const d =
        (value(i, h[i], j, h[j]) - value(i, h[i], j, -h[j]) - value(i, -h[i], j, h[j]) + value(i, -h[i], j, -h[j])) /
        (4 * h[i] * h[j]);
      hessian[i][j] = d;
      hessian[j][i] = d;
    }
  }
  return hessian;
}

/** The inverse of a square matrix by Gauss–Jordan with partial pivoting; null when it is singular. */
export function invertMatrix(matrix: readonly (readonly number[])[]): number[][] | null {
  const n = matrix.length;
  const a = matrix.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  let scale = 0;
  for (const row of matrix) for (const v of row) scale = Math.max(scale, Math.abs(v));
  if (!Number.isFinite(scale) || scale === 0) return null;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (!(Math.abs(a[pivot][col]) > 1e-13 * scale)) return null;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    const p = a[col][col];
    for (let k = 0; k < 2 * n; k++) a[col][k] /= p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = a[r][col];
      if (factor === 0) continue;
      for (let k = 0; k < 2 * n; k++) a[r][k] -= factor * a[col][k];
    }
  }
  return a.map((row) => row.slice(n));
}

/**
 * Standard errors sqrt(diag(H⁻¹)) from the Hessian of a negative log-likelihood at its minimum.
 * All NaN when H is singular or not finite; NaN for a coordinate whose variance is not positive.
 */
export function standardErrorsFromHessian(hessian: readonly (readonly number[])[]): Float64Array {
  const n = hessian.length;
  const out = new Float64Array(n).fill(NaN);
  if (!hessian.every((row) => row.every(Number.isFinite))) return out;
  // Inverted as D·H·D with D = diag(H_ii^−½), unit diagonal: parameters of very different sizes (p ≈ 10⁻⁶ beside
  // γ ≈ 10⁸) make H's entries span 10²⁸, which the pivot test below would take for a singular matrix.
  const d = hessian.every((row, i) => row[i] > 0) ? hessian.map((row, i) => 1 / Math.sqrt(row[i])) : null;
  const inverse = d ? invertMatrix(hessian.map((row, i) => row.map((v, j) => d[i] * v * d[j]))) : invertMatrix(hessian);
  if (!inverse) return out;
  for (let i = 0; i < n; i++) {
    const variance = d ? inverse[i][i] * d[i] * d[i] : inverse[i][i];
    out[i] = variance > 0 ? Math.sqrt(variance) : NaN;
  }
  return out;
}

/** The Hessian by central differences of an analytic gradient (2n gradient calls), symmetrised. */
export function hessianFromGradient(
  gradient: (x: Float64Array, out: Float64Array) => void,
  x: ArrayLike<number>,
): number[][] {
  const n = x.length;
  const probe = Float64Array.from(x);
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const h = 1e-5 * Math.max(Math.abs(probe[i]), 1e-3);
    const centre = probe[i];
    probe[i] = centre + h;
    gradient(probe, up);
    probe[i] = centre - h;
    gradient(probe, down);
    probe[i] = centre;
    rows.push(Array.from(up, (u, j) => (u - down[j]) / (2 * h)));
  }
  return rows.map((row, i) => row.map((v, j) => (v + rows[j][i]) / 2));
}
