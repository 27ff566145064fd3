/**
 * Piecewise Chebyshev interpolation of a smooth function on an interval, verified before use: each piece's
 * coefficients must have decayed below 1e-13 of the largest and the interpolant must match f at check points between
 * the nodes to 1e-12 (Trefethen, Approximation Theory and Approximation Practice, 2013, ch. 3–8). Used where a
 * per-customer quantity depends smoothly on one variable (a customer's age T, a time t) and a column of a million
 * customers would otherwise evaluate it a million times.
 */

export interface ChebyshevPiece {
  lo: number;
  hi: number;
  coefficients: Float64Array;
}

/**
 * A verified piecewise interpolant of f on [lo, hi], or null when f fails anywhere or cannot be resolved. The check
 * points must match to 1e-12 × max(|f|, floor): a floor of 1 suits a logarithm (an absolute 1e-12 there is a relative
 * 1e-12 in the quantity), 0 a quantity of any size.
 */
export function chebyshevInterpolant(
  f: (x: number) => number,
  lo: number,
  hi: number,
  floor = 0,
  shape: PieceShape = WIDE_PIECES,
): Interpolant | null {
  if (!(hi > lo)) return null;
  const pieces: ChebyshevPiece[] = [];
  // The points of degree N are among those of degree 2N: each is evaluated once.
  const known = new Map<number, number>();
  const memo = (x: number) => {
    let v = known.get(x);
    if (v === undefined) known.set(x, (v = f(x)));
    return v;
  };
  try {
    if (!chebyshevPieces(memo, lo, hi, 0, pieces, floor, shape)) return null;
  } catch {
    return null;
  }
  return interpolantOf(pieces);
}

/** A verified interpolant: its value at a point, and its values at many points at once. */
export interface Interpolant {
  (x: number): number;
  /**
   * out[k] = the interpolant at points[k] for k < count, the same numbers as one by one: four points of one piece at
   * a time, so that their recurrences (each a chain of dependent multiply-adds) overlap.
   */
  fill(points: ArrayLike<number>, count: number, out: Float64Array): void;
}

function interpolantOf(pieces: ChebyshevPiece[]): Interpolant {
  const ends = Float64Array.from(pieces, (piece) => piece.hi);
  // The first piece whose end is at or past x (binary search).
  const pieceOf = (x: number) => {
    let low = 0;
    let high = pieces.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (x > ends[mid]) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const value = (x: number) => chebyshevValue(pieces[pieceOf(x)], x);
  const fill = (points: ArrayLike<number>, count: number, out: Float64Array) => {
    let k = 0;
    for (; k + 4 <= count; k += 4) {
      const p = pieceOf(points[k]);
      if (pieceOf(points[k + 1]) === p && pieceOf(points[k + 2]) === p && pieceOf(points[k + 3]) === p) {
        chebyshevValues4(pieces[p], points, k, out);
      } else {
        for (let j = k; j < k + 4; j++) out[j] = value(points[j]);
      }
    }
    for (; k < count; k++) out[k] = value(points[k]);
  };
  return Object.assign(value, { fill });
}

/**
 * The degrees a piece tries before it is halved, and how many halvings are allowed: few wide pieces of high degree
 * when the interpolant is built for a few thousand evaluations, many of degree 16 when it is evaluated a million
 * times (each evaluation costs its degree).
 */
export interface PieceShape {
  degrees: readonly number[];
  maxDepth: number;
}
export const WIDE_PIECES: PieceShape = { degrees: [16, 32, 64], maxDepth: 8 };
export const CHEAP_PIECES: PieceShape = { degrees: [16], maxDepth: 12 };

/** Appends the pieces covering [lo, hi] in order; false when f is not finite or not resolved within the halvings. */
export function chebyshevPieces(
  f: (x: number) => number,
  lo: number,
  hi: number,
  depth: number,
  out: ChebyshevPiece[],
  floor = 0,
  shape: PieceShape = WIDE_PIECES,
): boolean {
  for (const degree of shape.degrees) {
    const piece = chebyshevFit(f, lo, hi, degree);
    if (piece === null) return false;
    const c = piece.coefficients;
    let largest = 0;
    for (let k = 0; k < c.length; k++) largest = Math.max(largest, Math.abs(c[k]));
    const tail = Math.max(Math.abs(c[degree]), Math.abs(c[degree - 1]), Math.abs(c[degree - 2]));
    if (tail > 1e-13 * largest) continue;
    // Check points between the interpolation nodes.
    let matches = true;
    for (const share of [0.13, 0.5, 0.87]) {
      const x = lo + share * (hi - lo);
      const exact = f(x);
      if (!(Math.abs(chebyshevValue(piece, x) - exact) <= 1e-12 * Math.max(Math.abs(exact), floor))) matches = false;
    }
    if (matches) {
      out.push(piece);
      return true;
    }
  }
  if (depth >= shape.maxDepth) return false;
  const mid = (lo + hi) / 2;
  return (
    chebyshevPieces(f, lo, mid, depth + 1, out, floor, shape) &&
    chebyshevPieces(f, mid, hi, depth + 1, out, floor, shape)
  );
}

/** Interpolation at the Chebyshev points cos(πj/N) mapped to [lo, hi], as Chebyshev coefficients. */
function chebyshevFit(f: (x: number) => number, lo: number, hi: number, degree: number): ChebyshevPiece | null {
  const values = new Float64Array(degree + 1);
  for (let j = 0; j <= degree; j++) {
    const v = f((hi + lo) / 2 + ((hi - lo) / 2) * Math.cos((Math.PI * j) / degree));
    if (!Number.isFinite(v)) return null;
    values[j] = v;
  }
  const coefficients = new Float64Array(degree + 1);
  for (let k = 0; k <= degree; k++) {
    let sum = 0;
    for (let j = 0; j <= degree; j++) {
      const term = values[j] * Math.cos((Math.PI * j * k) / degree);
      sum += j === 0 || j === degree ? term / 2 : term;
    }
    coefficients[k] = ((k === 0 || k === degree ? 1 : 2) * sum) / degree;
  }
  return { lo, hi, coefficients };
}

/** Clenshaw's recurrence for Σ c_k T_k(u) at u = x mapped from [lo, hi] to [−1, 1]. */
export function chebyshevValue({ lo, hi, coefficients: c }: ChebyshevPiece, x: number): number {
  const u = (2 * x - lo - hi) / (hi - lo);
  let b1 = 0;
  let b2 = 0;
  for (let k = c.length - 1; k >= 1; k--) {
    const b0 = c[k] + 2 * u * b1 - b2;
    b2 = b1;
    b1 = b0;
  }
  return c[0] + u * b1 - b2;
}

/** chebyshevValue at points[k .. k + 3], all in this piece: each point's operations are chebyshevValue's, interleaved. */
function chebyshevValues4(
  { lo, hi, coefficients: c }: ChebyshevPiece,
  points: ArrayLike<number>,
  k: number,
  out: Float64Array,
): void {
  const u0 = (2 * points[k] - lo - hi) / (hi - lo);
  const u1 = (2 * points[k + 1] - lo - hi) / (hi - lo);
  const u2 = (2 * points[k + 2] - lo - hi) / (hi - lo);
  const u3 = (2 * points[k + 3] - lo - hi) / (hi - lo);
  let a1 = 0;
  let a2 = 0;
  let b1 = 0;
  let b2 = 0;
  let c1 = 0;
  let c2 = 0;
  let d1 = 0;
  let d2 = 0;
  for (let j = c.length - 1; j >= 1; j--) {
    const cj = c[j];
    const a0 = cj + 2 * u0 * a1 - a2;
    const b0 = cj + 2 * u1 * b1 - b2;
    const c0 = cj + 2 * u2 * c1 - c2;
    const d0 = cj + 2 * u3 * d1 - d2;
    a2 = a1;
    a1 = a0;
    b2 = b1;
    b1 = b0;
    c2 = c1;
    c1 = c0;
    d2 = d1;
    d1 = d0;
  }
  out[k] = c[0] + u0 * a1 - a2;
  out[k + 1] = c[0] + u1 * b1 - b2;
  out[k + 2] = c[0] + u2 * c1 - c2;
  out[k + 3] = c[0] + u3 * d1 - d2;
}
