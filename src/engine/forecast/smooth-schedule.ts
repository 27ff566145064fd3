/**
 * The base's monthly schedule (schedule.ts, baseSchedule) for a column of customers whose ages T are all different
 * (continuous time), at the cost of a few hundred horizons per frequency instead of one horizon per customer.
 *
 * In every continuous-time model here (predictor.smoothInAge), the purchases a customer alive at T expects within m
 * months, E_m(x, T) = E[Y(m·f) | x, t_x = T, T] / P(alive | x, T, T), are analytic in T, and month m's total of a
 * frequency's customers is Σ_i w_i · (E_m − E_{m−1})(x, T_i) with w_i their own P(alive) (× spend for revenue), as
 * baseSchedule adds them. Each E_m(x, ·) is interpolated by a piecewise Chebyshev interpolant, the same pieces and
 * nodes for every month of the horizon, verified as src/engine/optim/chebyshev.ts verifies its pieces: every
 * month's coefficients decayed below 1e-13 of its largest and every month matching at check points between the
 * nodes to 1e-12 of its value (Trefethen, Approximation Theory and Approximation Practice, 2013, ch. 3–8). With
 * E_m ≈ Σ_k c_mk T_k(u), the month's sum is Σ_k (c_mk − c_(m−1)k) · Σ_i w_i T_k(u_i): the customers only add up their
 * Chebyshev polynomials (no model evaluation per customer beyond P(alive)). The increments are interpolated through
 * the cumulative E_m because a difference E_m − E_{m−1} keeps only ~1e-12 of its digits at three years, too noisy
 * to verify an interpolant against.
 *
 * Frequencies with few distinct ages, models not smooth in T, and any frequency whose horizons cannot be resolved
 * take baseSchedule itself.
 */
import { customersByFrequency } from "../models/frequency-groups";
import { PurchasePredictor } from "../models/types";
import { baseSchedule, BaseSchedule } from "./schedule";

/** Degrees a piece tries before it is halved, and the most halvings. */
const DEGREES = [16, 32, 64];
const MAX_DEPTH = 8;
/** A piece is resolved when every month's last coefficients are below TAIL of its largest, and its check points within CHECK. */
const TAIL = 1e-13;
const CHECK = 1e-12;

/** Work counter for tests: horizons evaluated (one per node or check point) since the last reset. */
export const smoothScheduleWork = { horizons: 0 };

/** A piece of the interpolant: coefficients c[m · (degree + 1) + k] of month m. */
interface Piece {
  lo: number;
  hi: number;
  degree: number;
  coefficients: Float64Array;
}

/**
 * baseSchedule's purchases and revenue per month, equal to its values to ~1e-12 relative (the accuracy of E itself:
 * 8e-13 on 1,048,576 BG/NBD customers with Gamma-Gamma spend, BENCHMARKS.md), each frequency's horizons interpolated
 * in T where it has many distinct ages.
 */
export function smoothBaseSchedule(
  predictor: PurchasePredictor,
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  age: ArrayLike<number>,
  spendPerPurchase: ArrayLike<number>,
  months: number,
  periodsPerMonth: number,
): BaseSchedule {
  if (!predictor.smoothInAge) {
    return baseSchedule(predictor, frequency, recency, age, spendPerPurchase, months, periodsPerMonth);
  }
  const purchases = new Float64Array(months);
  const revenue = new Float64Array(months);
  const exact: number[] = [];
  const customer = { frequency: 0, recency: 0, age: 0 };
  // A frequency with few distinct ages: baseSchedule computes each of them directly.
  for (const { x, rows, lo, hi, manyAges } of customersByFrequency(frequency, age)) {
    const pieces = manyAges && hi > lo ? incrementPieces(predictor, x, lo, hi, months, periodsPerMonth) : null;
    if (!pieces) {
      for (const i of rows) exact.push(i);
      continue;
    }
    const degree = pieces[0].degree;
    const sums = pieces.map(() => ({ alive: new Float64Array(degree + 1), spend: new Float64Array(degree + 1) }));
    const ends = Float64Array.from(pieces, (piece) => piece.hi);
    customer.frequency = x;
    for (const i of rows) {
      const T = age[i];
      customer.recency = recency[i];
      customer.age = T;
      const alive = predictor.probabilityAlive(customer);
      let low = 0;
      let high = pieces.length - 1;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (T > ends[mid]) low = mid + 1;
        else high = mid;
      }
      const { lo, hi } = pieces[low];
      const { alive: a, spend: s } = sums[low];
      const u = (2 * T - lo - hi) / (hi - lo);
      const weight = alive * spendPerPurchase[i];
      // T_0 = 1, T_1 = u, T_{k+1} = 2u·T_k − T_{k−1} (|T_k| ≤ 1 on [−1, 1]: stable).
      let previous = 1;
      let current = u;
      a[0] += alive;
      s[0] += weight;
      for (let k = 1; k <= degree; k++) {
        a[k] += alive * current;
        s[k] += weight * current;
        const next = 2 * u * current - previous;
        previous = current;
        current = next;
      }
    }
    pieces.forEach((piece, p) => {
      const { alive: a, spend: s } = sums[p];
      const c = piece.coefficients;
      for (let m = 0; m < months; m++) {
        let sumAlive = 0;
        let sumSpend = 0;
        for (let k = 0; k <= degree; k++) {
          sumAlive += c[m * (degree + 1) + k] * a[k];
          sumSpend += c[m * (degree + 1) + k] * s[k];
        }
        purchases[m] += sumAlive;
        revenue[m] += sumSpend;
      }
    });
  }
  if (exact.length > 0) {
    const pick = (values: ArrayLike<number>) => Float64Array.from(exact, (i) => values[i]);
    const rest = baseSchedule(
      predictor,
      pick(frequency),
      pick(recency),
      pick(age),
      pick(spendPerPurchase),
      months,
      periodsPerMonth,
    );
    for (let m = 0; m < months; m++) {
      purchases[m] += rest.purchases[m];
      revenue[m] += rest.revenue[m];
    }
  }
  return { purchases, revenue };
}

/**
 * The verified pieces of E_m(x, ·) over the ages [lo, hi], all of one degree (padded with zero coefficients), as the
 * coefficients of the monthly increments; null when a horizon is not finite or a piece cannot be resolved.
 */
function incrementPieces(
  predictor: PurchasePredictor,
  x: number,
  lo: number,
  hi: number,
  months: number,
  periodsPerMonth: number,
): Piece[] | null {
  const known = new Map<number, Float64Array | null>();
  const cumulative = (T: number): Float64Array | null => {
    let values = known.get(T);
    if (values === undefined) {
      smoothScheduleWork.horizons++;
      const representative = { frequency: x, recency: x === 0 ? 0 : T, age: T };
      const alive = predictor.probabilityAlive(representative);
      values = new Float64Array(months);
      for (let m = 0; m < months; m++) {
        values[m] = predictor.expectedPurchases(representative, (m + 1) * periodsPerMonth) / alive;
      }
      if (!(alive > 1e-200) || !values.every(Number.isFinite)) values = null;
      known.set(T, values);
    }
    return values;
  };
  const pieces: Piece[] = [];
  if (!piecesOn(cumulative, lo, hi, 0, months, pieces)) return null;
  // Month m's increment is E(m) − E(m − 1): its coefficients are the differences of the cumulative ones.
  for (const { degree, coefficients: c } of pieces) {
    for (let m = months - 1; m >= 1; m--) {
      for (let k = 0; k <= degree; k++) c[m * (degree + 1) + k] -= c[(m - 1) * (degree + 1) + k];
    }
  }
  const degree = Math.max(...pieces.map((piece) => piece.degree));
  return pieces.map((piece) => {
    if (piece.degree === degree) return piece;
    const padded = new Float64Array(months * (degree + 1));
    for (let m = 0; m < months; m++) {
      for (let k = 0; k <= piece.degree; k++)
        padded[m * (degree + 1) + k] = piece.coefficients[m * (piece.degree + 1) + k];
    }
    return { ...piece, degree, coefficients: padded };
  });
}

/** Appends the pieces covering [lo, hi] in order; false when an increment fails or a piece is not resolved. */
function piecesOn(
  f: (T: number) => Float64Array | null,
  lo: number,
  hi: number,
  depth: number,
  months: number,
  out: Piece[],
): boolean {
  for (const degree of DEGREES) {
    const piece = fit(f, lo, hi, degree, months);
    if (!piece) return false;
    if (resolved(f, piece, months)) {
      out.push(piece);
      return true;
    }
  }
  if (depth >= MAX_DEPTH) return false;
  const mid = (lo + hi) / 2;
  return piecesOn(f, lo, mid, depth + 1, months, out) && piecesOn(f, mid, hi, depth + 1, months, out);
}

/** Every month's interpolant at the Chebyshev points cos(πj/N) mapped to [lo, hi], as Chebyshev coefficients. */
function fit(
  f: (T: number) => Float64Array | null,
  lo: number,
  hi: number,
  degree: number,
  months: number,
): Piece | null {
  const nodes: Float64Array[] = [];
  for (let j = 0; j <= degree; j++) {
    const values = f((hi + lo) / 2 + ((hi - lo) / 2) * Math.cos((Math.PI * j) / degree));
    if (!values) return null;
    nodes.push(values);
  }
  const coefficients = new Float64Array(months * (degree + 1));
  const cosines = new Float64Array(degree + 1);
  for (let k = 0; k <= degree; k++) {
    for (let j = 0; j <= degree; j++) {
      const cosine = Math.cos((Math.PI * j * k) / degree);
      cosines[j] = j === 0 || j === degree ? cosine / 2 : cosine;
    }
    const scale = (k === 0 || k === degree ? 1 : 2) / degree;
    for (let m = 0; m < months; m++) {
      let sum = 0;
      for (let j = 0; j <= degree; j++) sum += nodes[j][m] * cosines[j];
      coefficients[m * (degree + 1) + k] = scale * sum;
    }
  }
  return { lo, hi, degree, coefficients };
}

/** Every month's coefficients decayed below TAIL of its largest, and its values at check points within CHECK. */
function resolved(f: (T: number) => Float64Array | null, piece: Piece, months: number): boolean {
  const { lo, hi, degree, coefficients: c } = piece;
  const width = degree + 1;
  for (let m = 0; m < months; m++) {
    let largest = 0;
    for (let k = 0; k <= degree; k++) largest = Math.max(largest, Math.abs(c[m * width + k]));
    const tail = Math.max(
      Math.abs(c[m * width + degree]),
      Math.abs(c[m * width + degree - 1]),
      Math.abs(c[m * width + degree - 2]),
    );
    if (tail > TAIL * largest) return false;
  }
  for (const share of [0.13, 0.5, 0.87]) {
    const T = lo + share * (hi - lo);
    const exact = f(T);
    if (!exact) return false;
    for (let m = 0; m < months; m++) {
      const value = chebyshevSum(c, m * width, degree, (2 * T - lo - hi) / (hi - lo));
      if (!(Math.abs(value - exact[m]) <= CHECK * Math.abs(exact[m]))) return false;
    }
  }
  return true;
}

/** Clenshaw's recurrence for Σ_k c[offset + k] T_k(u). */
function chebyshevSum(c: Float64Array, offset: number, degree: number, u: number): number {
  let b1 = 0;
  let b2 = 0;
  for (let k = degree; k >= 1; k--) {
    const b0 = c[offset + k] + 2 * u * b1 - b2;
    b2 = b1;
    b1 = b0;
  }
  return c[offset] + u * b1 - b2;
}
