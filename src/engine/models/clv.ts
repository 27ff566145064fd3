/**
 * Predictive customer lifetime value: the discounted expected profit of a customer over the next months,
 * from a purchase model (expected purchases), an expected spend per purchase and a margin.
 */
import { numError, valueError } from "../errors";
import { CustomerHistory, PurchasePredictor } from "./types";

/**
 * Periods of the data's time unit in one month, with the calendar month as 365.25/12 days (= 30.4375):
 * days 30.4375, weeks 30.4375/7 ≈ 4.348, months 1. lifetimes uses 30 days and 4.345 weeks per month,
 * which makes the daily and weekly horizons inconsistent with each other (landscape.md, problem 4).
 */
export const PERIODS_PER_MONTH = {
  days: 365.25 / 12,
  weeks: 365.25 / 12 / 7,
  months: 1,
} as const;

export type TimeUnit = keyof typeof PERIODS_PER_MONTH;
export const TIME_UNITS = Object.keys(PERIODS_PER_MONTH) as TimeUnit[];

/**
 * THE DISCOUNT-RATE CONVENTION of every function and of the pane: the rate a user types is ANNUAL (10% → 0.1),
 * what finance people quote; cash flows are discounted month by month at the equivalent monthly rate
 * (1 + annual)^(1/12) − 1, so twelve monthly factors compound to exactly 1/(1 + annual). A month is 365.25/12 days
 * (30.4375 days = 4.348 weeks of 7 days).
 */
export function monthlyRateFromAnnual(annualRate: number): number {
  return Math.pow(1 + annualRate, 1 / 12) - 1;
}

/** The same annual rate as a rate per period of the data (days, weeks or months): (1 + annual)^(1/(12·f)) − 1. */
export function periodRateFromAnnual(annualRate: number, periodsPerMonth: number): number {
  return Math.pow(1 + annualRate, 1 / (12 * periodsPerMonth)) - 1;
}

export interface ClvOptions {
  /** Horizon in months (a whole number ≥ 1). */
  months: number;
  /** ANNUAL discount rate (10% → 0.1); months are discounted at monthlyRateFromAnnual of it. */
  annualDiscountRate: number;
  /** Gross margin on spend (30% → 0.3); 1 values revenue. */
  margin: number;
  /** Periods of the data's time unit per month: PERIODS_PER_MONTH[unit], or another convention stated explicitly. */
  periodsPerMonth: number;
}

/** Checks the options once, before thousands of customers are valued with them. */
export function checkClvOptions({ months, annualDiscountRate, margin, periodsPerMonth }: ClvOptions): void {
  if (!Number.isInteger(months) || months < 1) throw numError("valuemodels.clv.badMonths", { found: months });
  if (!(annualDiscountRate >= 0) || !Number.isFinite(annualDiscountRate)) {
    throw numError("valuemodels.clv.badDiscount", { found: annualDiscountRate });
  }
  if (!(margin >= 0) || !Number.isFinite(margin)) throw numError("valuemodels.clv.badMargin", { found: margin });
  if (!(periodsPerMonth > 0) || !Number.isFinite(periodsPerMonth)) {
    throw numError("valuemodels.clv.badPeriodsPerMonth", { found: periodsPerMonth });
  }
}

/** (1 + annual)^−(i/12) for months i = 1..months: the monthly rate equivalent to the annual one. */
export function discountFactors(months: number, annualRate: number): Float64Array {
  const factors = new Float64Array(months);
  const monthly = monthlyRateFromAnnual(annualRate);
  let factor = 1;
  for (let i = 0; i < months; i++) {
    factor /= 1 + monthly;
    factors[i] = factor;
  }
  return factors;
}

/**
 * Σ_{i=1..months} margin × spend × (E[Y(i·f)] − E[Y((i − 1)·f)]) / (1 + d)^i with d = (1 + annual)^(1/12) − 1, the purchases expected in
 * month i discounted to today (the CLV of lifetimes' GammaGammaFitter.customer_lifetime_value, with f explicit).
 */
export function predictiveClv(
  predictor: PurchasePredictor,
  customer: CustomerHistory,
  spendPerPurchase: number,
  options: ClvOptions,
): number {
  checkClvOptions(options);
  checkSpend(spendPerPurchase, 1);
  return clvWithFactors(
    predictor,
    customer,
    spendPerPurchase,
    options,
    discountFactors(options.months, options.annualDiscountRate),
  );
}

function checkSpend(spend: number, row: number): void {
  if (!Number.isFinite(spend)) throw valueError("valuemodels.clv.spendMissing", { row });
  if (spend < 0) throw numError("valuemodels.clv.negativeSpend", { row, found: spend });
}

function clvWithFactors(
  predictor: PurchasePredictor,
  customer: CustomerHistory,
  spend: number,
  options: ClvOptions,
  factors: Float64Array,
): number {
  let value = 0;
  let previous = 0;
  for (let i = 1; i <= options.months; i++) {
    const cumulative = predictor.expectedPurchases(customer, i * options.periodsPerMonth);
    value += (cumulative - previous) * factors[i - 1];
    previous = cumulative;
  }
  return options.margin * spend * value;
}

/** One customer's result in a column: the value, or the error that explains why there is none. */
export type ClvCell = number | Error;

/**
 * Predictive CLV for a whole customer table, fast enough for 100,000 rows.
 * In every BTYD model here, a customer known to be alive at T has a future that depends on (x, T) only:
 * t_x enters solely through P(alive). So E[Y(t) | x, t_x, T] = P(alive | x, t_x, T)·E[Y(t) | x, T, alive],
 * and the discounted sum over months D(x, T) is computed from the customer with t_x = T (the one most likely
 * alive), then scaled by each customer's own P(alive). D is computed once per distinct (x, T) when a frequency
 * has few distinct ages; when it has many (times with decimals) and the model is continuous in time, D(x, ·) is
 * interpolated in T by Chebyshev polynomials whose coefficients have decayed below 1e-13 of the largest and which
 * match D at check points to 1e-12 (Trefethen, Approximation Theory and Approximation Practice, 2013, ch. 3–8).
 * A bad row gives an error for that row only.
 */
export function predictiveClvColumn(
  predictor: PurchasePredictor,
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  age: ArrayLike<number>,
  spendPerPurchase: ArrayLike<number>,
  options: ClvOptions,
): ClvCell[] {
  checkClvOptions(options);
  const factors = discountFactors(options.months, options.annualDiscountRate);
  const unit: ClvOptions = { ...options, margin: 1 };
  const ifAliveAt = (x: number, T: number): number => {
    const representative = { frequency: x, recency: x === 0 ? 0 : T, age: T };
    const alive = predictor.probabilityAlive(representative);
    const purchases = clvWithFactors(predictor, representative, 1, unit, factors);
    return alive > 1e-200 ? purchases / alive : NaN;
  };
  const n = frequency.length;
  const out: ClvCell[] = new Array(n);
  // Rows that pass the checks, grouped by frequency (typed arrays: no per-row allocation).
  const groupOf = new Map<number, number>();
  const groupFrequency: number[] = [];
  const rowGroup = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    try {
      const row = i + 1;
      checkSpend(spendPerPurchase[i], row);
      if (recency[i] > age[i])
        throw valueError("valuemodels.recencyAfterAge", { row, recency: recency[i], age: age[i] });
      let g = groupOf.get(frequency[i]);
      if (g === undefined) {
        g = groupFrequency.length;
        groupOf.set(frequency[i], g);
        groupFrequency.push(frequency[i]);
      }
      rowGroup[i] = g;
    } catch (error) {
      out[i] = asError(error);
    }
  }
  const groups = groupFrequency.length;
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < n; i++) if (rowGroup[i] >= 0) start[rowGroup[i] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const rows = new Int32Array(start[groups]);
  const fill = start.slice(0, groups);
  for (let i = 0; i < n; i++) if (rowGroup[i] >= 0) rows[fill[rowGroup[i]]++] = i;
  // One history object, refilled for each row: the predictors read it and keep nothing.
  const customer = { frequency: 0, recency: 0, age: 0 };
  for (let g = 0; g < groups; g++) {
    const x = groupFrequency[g];
    const members = rows.subarray(start[g], start[g + 1]);
    const interpolant = predictor.smoothInAge ? ageInterpolant((T) => ifAliveAt(x, T), members, age) : null;
    const byAge = new Map<number, number>();
    for (const i of members) {
      try {
        customer.frequency = x;
        customer.recency = recency[i];
        customer.age = age[i];
        let ifAlive = interpolant ? interpolant(age[i]) : byAge.get(age[i]);
        if (ifAlive === undefined) {
          ifAlive = ifAliveAt(x, age[i]);
          byAge.set(age[i], ifAlive);
        }
        const purchases = Number.isNaN(ifAlive)
          ? clvWithFactors(predictor, customer, 1, unit, factors)
          : predictor.probabilityAlive(customer) * ifAlive;
        out[i] = options.margin * spendPerPurchase[i] * purchases;
      } catch (error) {
        out[i] = asError(error);
      }
    }
  }
  return out;
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/** Below this many distinct ages for a frequency, D(x, T) is computed at each of them. */
const DIRECT_AGES = 32;

/**
 * A piecewise Chebyshev interpolant of f over the ages of the given rows, or null when they are few (direct
 * evaluation is cheaper), when f fails anywhere, or when it cannot be resolved to the tolerance.
 */
function ageInterpolant(
  f: (T: number) => number,
  rows: ArrayLike<number>,
  age: ArrayLike<number>,
): ((T: number) => number) | null {
  let lo = Infinity;
  let hi = -Infinity;
  const seen = new Set<number>();
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    lo = Math.min(lo, age[i]);
    hi = Math.max(hi, age[i]);
    if (seen.size <= DIRECT_AGES) seen.add(age[i]);
  }
  if (seen.size <= DIRECT_AGES || !(hi > lo)) return null;
  const pieces: ChebyshevPiece[] = [];
  // The points of degree N are among those of degree 2N: each is evaluated once.
  const known = new Map<number, number>();
  const memo = (T: number) => {
    let v = known.get(T);
    if (v === undefined) known.set(T, (v = f(T)));
    return v;
  };
  try {
    if (!chebyshevPieces(memo, lo, hi, 0, pieces)) return null;
  } catch {
    return null;
  }
  return (T) => {
    let k = 0;
    while (k < pieces.length - 1 && T > pieces[k].hi) k++;
    return chebyshevValue(pieces[k], T);
  };
}

interface ChebyshevPiece {
  lo: number;
  hi: number;
  coefficients: Float64Array;
}

/** Appends the pieces covering [lo, hi] in order; false when f is not finite or not resolved within 8 halvings. */
function chebyshevPieces(
  f: (T: number) => number,
  lo: number,
  hi: number,
  depth: number,
  out: ChebyshevPiece[],
): boolean {
  for (const degree of [16, 32, 64]) {
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
      const T = lo + share * (hi - lo);
      const exact = f(T);
      if (!(Math.abs(chebyshevValue(piece, T) - exact) <= 1e-12 * Math.abs(exact))) matches = false;
    }
    if (matches) {
      out.push(piece);
      return true;
    }
  }
  if (depth >= 8) return false;
  const mid = (lo + hi) / 2;
  return chebyshevPieces(f, lo, mid, depth + 1, out) && chebyshevPieces(f, mid, hi, depth + 1, out);
}

/** Interpolation at the Chebyshev points cos(πj/N) mapped to [lo, hi], as Chebyshev coefficients. */
function chebyshevFit(f: (T: number) => number, lo: number, hi: number, degree: number): ChebyshevPiece | null {
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

/** Clenshaw's recurrence for Σ c_k T_k(u) at u = T mapped from [lo, hi] to [−1, 1]. */
function chebyshevValue({ lo, hi, coefficients: c }: ChebyshevPiece, T: number): number {
  const u = (2 * T - lo - hi) / (hi - lo);
  let b1 = 0;
  let b2 = 0;
  for (let k = c.length - 1; k >= 1; k--) {
    const b0 = c[k] + 2 * u * b1 - b2;
    b2 = b1;
    b1 = b0;
  }
  return c[0] + u * b1 - b2;
}
