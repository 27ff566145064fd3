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
): ((x: number) => number) | null {
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
  if (pieces.length === 1) {
    const [piece] = pieces;
    return (x) => chebyshevValue(piece, x);
  }
  const ends = Float64Array.from(pieces, (piece) => piece.hi);
  return (x) => {
    // Binary search for the first piece whose end is at or past x.
    let low = 0;
    let high = pieces.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (x > ends[mid]) low = mid + 1;
      else high = mid;
    }
    return chebyshevValue(pieces[low], x);
  };
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
