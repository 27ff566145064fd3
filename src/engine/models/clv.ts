/**
 * Predictive customer lifetime value: the discounted expected profit of a customer over the next months,
 * from a purchase model (expected purchases), an expected spend per purchase and a margin.
 */
import { numError, valueError } from "../errors";
import { chebyshevInterpolant } from "../optim/chebyshev";
import { aliveColumn } from "./columns";
import { ageSpan } from "./frequency-groups";
import { valuesByFrequency } from "./frequency-interpolant";
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

/**
 * The longest horizon CUST.PCLV values (83,333 years): the cost of a value does not grow with the horizon (see
 * discountedPurchases), this only keeps t = months × periods per month a finite number of days.
 */
export const MAX_MONTHS = 1_000_000;

/** Checks the options once, before thousands of customers are valued with them. */
export function checkClvOptions({ months, annualDiscountRate, margin, periodsPerMonth }: ClvOptions): void {
  if (!Number.isInteger(months) || months < 1) throw numError("valuemodels.clv.badMonths", { found: months });
  if (months > MAX_MONTHS) throw valueError("valuemodels.clv.tooManyMonths", { max: MAX_MONTHS, found: months });
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
  return clvWithFactors(predictor, customer, spendPerPurchase, options);
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
): number {
  const f = options.periodsPerMonth;
  const value = discountedPurchases(
    (months) => predictor.expectedPurchases(customer, months * f),
    options.months,
    Math.log1p(monthlyRateFromAnnual(options.annualDiscountRate)),
  );
  return options.margin * spend * value;
}

/** Horizons up to this many months are summed month by month; longer ones as below. */
const DIRECT_MONTHS = 60;
/** Months summed one by one before the smooth tail. */
const HEAD_MONTHS = 24;
/** Gauss–Legendre nodes and weights on [−1, 1], 10 points (the positive half). */
const GL_NODES = [0.1488743389816312, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845, 0.9739065285171717];
const GL_WEIGHTS = [0.2955242247147529, 0.2692667193099963, 0.219086362515982, 0.1494513491505806, 0.0666713443086881];

/** Work counter for tests: evaluations of E since the last reset (must not grow with the horizon). */
export const clvWork = { evaluations: 0 };

/**
 * V = Σ_{i=1..M} (E(i) − E(i−1))·e^(−ρi), E(m) the purchases expected within m months and ρ = ln(1 + monthly rate),
 * at a cost that does not grow with M. Summation by parts gives V = e^(−ρM)·E(M) + (1 − e^(−ρ))·Σ_{i=1..M−1} G(i),
 * G(s) = e^(−ρs)·E(s) (so V = E(M) when ρ = 0). The first HEAD_MONTHS terms are summed; the rest by the
 * Euler–Maclaurin formula Σ_{i=a..b} G(i) = ∫_a^b G + (G(a)+G(b))/2 + (G′(b)−G′(a))/12 − (G‴(b)−G‴(a))/720
 * (Abramowitz & Stegun 23.1.30), with G′ and G‴ by central differences and the integral by 10-point Gauss–Legendre
 * on panels [c, 2c] cut to ρ·width ≤ 4. E(s) is analytic for s > −(α+T)/f, at least 24 months left of the tail, so
 * the next term is below 1e-12 of G and each panel is exact to about 1e-15. The sum stops where e^(−ρs) has made
 * the rest negligible: E(s) ≤ s·E(1) for these concave E, so the tail beyond s is below E(1)(s/ρ + 1/ρ²)e^(−ρs).
 * The nodes depend on M and ρ only, so V stays a smooth function of the customer's T (for the Chebyshev interpolant).
 */
export function discountedPurchases(E: (months: number) => number, M: number, rho: number): number {
  const at = (s: number) => {
    clvWork.evaluations++;
    return E(s);
  };
  if (M <= DIRECT_MONTHS) {
    let value = 0;
    let previous = 0;
    for (let i = 1; i <= M; i++) {
      const cumulative = at(i);
      value += (cumulative - previous) * Math.exp(-rho * i);
      previous = cumulative;
    }
    return value;
  }
  if (rho === 0) return at(M);
  const G = (s: number) => Math.exp(-rho * s) * at(s);
  let head = 0;
  for (let i = 1; i <= HEAD_MONTHS; i++) head += G(i);
  const a = HEAD_MONTHS + 1;
  let b = M - 1;
  let cut = a;
  while (cut < b && rho * cut - Math.log(cut / rho + 1 / (rho * rho)) < 45) cut = Math.max(cut + 1, cut * 1.25);
  const truncated = cut < b;
  if (truncated) b = Math.ceil(cut);
  let integral = 0;
  for (let lo = a; lo < b;) {
    const hi = Math.min(b, 2 * lo, lo + 4 / rho);
    const mid = (lo + hi) / 2;
    const half = (hi - lo) / 2;
    let panel = 0;
    for (let k = 0; k < GL_NODES.length; k++) {
      panel += GL_WEIGHTS[k] * (G(mid - half * GL_NODES[k]) + G(mid + half * GL_NODES[k]));
    }
    integral += panel * half;
    lo = hi;
  }
  // Steps small enough that the differences' own error (h⁴G⁽⁵⁾/30, h²G⁽⁵⁾/4) is below 1e-12 of G, large enough
  // that rounding in G is not magnified past that.
  const h1 = 0.125;
  const h3 = 0.25;
  const d1 = (s: number) => (G(s - 2 * h1) - 8 * G(s - h1) + 8 * G(s + h1) - G(s + 2 * h1)) / (12 * h1);
  const d3 = (s: number) => (G(s + 2 * h3) - 2 * G(s + h3) + 2 * G(s - h3) - G(s - 2 * h3)) / (2 * h3 * h3 * h3);
  const tail = integral + (G(a) + G(b)) / 2 + (d1(b) - d1(a)) / 12 - (d3(b) - d3(a)) / 720;
  const last = truncated ? 0 : Math.exp(-rho * M) * at(M);
  return last - Math.expm1(-rho) * (head + tail);
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
  if (predictor.discrete && predictor.discountedPurchasesWithin) {
    return discreteClvColumn(predictor, frequency, recency, age, spendPerPurchase, options);
  }
  const unit: ClvOptions = { ...options, margin: 1 };
  const ifAliveAt = valueIfAliveAt(predictor, options);
  const n = frequency.length;
  const out: ClvCell[] = new Array(n);
  // Rows that pass the checks, grouped by frequency (typed arrays: no per-row allocation).
  const groupOf = new Map<number, number>();
  const groupFrequency: number[] = [];
  const rowGroup = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const spend = spendPerPurchase[i];
    const good = spend >= 0 && spend < Infinity && recency[i] <= age[i];
    try {
      const row = i + 1;
      if (!good) {
        checkSpend(spend, row);
        throw valueError("valuemodels.recencyAfterAge", { row, recency: recency[i], age: age[i] });
      }
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
  // Every valid row's P(alive) in one pass: the model's column form where it has one (Pareto/NBD's death term).
  const aliveOf = new Float64Array(n);
  {
    const pick = (column: ArrayLike<number>) => {
      const picked = new Float64Array(rows.length);
      for (let k = 0; k < rows.length; k++) picked[k] = column[rows[k]];
      return picked;
    };
    const alive = aliveColumn(predictor, { frequency: pick(frequency), recency: pick(recency), age: pick(age) });
    for (let k = 0; k < rows.length; k++) aliveOf[rows[k]] = alive[k];
  }
  // Many frequencies at few ages: D given alive interpolated in x (frequency-interpolant.ts).
  const byFrequency = predictor.smoothInAge ? valuesByFrequency(ifAliveAt, frequency, age, rows) : null;
  const interpolated = new Uint8Array(n);
  if (byFrequency) {
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k];
      if (byFrequency[k] >= 0 && aliveOf[i] >= 0) {
        out[i] = options.margin * spendPerPurchase[i] * aliveOf[i] * byFrequency[k];
        interpolated[i] = 1;
      }
    }
  }
  // One history object, refilled for each row: the predictors read it and keep nothing.
  const customer = { frequency: 0, recency: 0, age: 0 };
  for (let g = 0; g < groups; g++) {
    const x = groupFrequency[g];
    let members = rows.subarray(start[g], start[g + 1]);
    if (byFrequency) members = members.filter((i) => interpolated[i] === 0);
    const interpolant = predictor.smoothInAge ? ageInterpolant((T) => ifAliveAt(x, T), members, age) : null;
    const byAge = new Map<number, number>();
    for (let k = 0; k < members.length; k++) {
      const i = members[k];
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
          ? clvWithFactors(predictor, customer, 1, unit)
          : (Number.isNaN(aliveOf[i]) ? predictor.probabilityAlive(customer) : aliveOf[i]) * ifAlive;
        out[i] = options.margin * spendPerPurchase[i] * purchases;
      } catch (error) {
        out[i] = asError(error);
      }
    }
  }
  return out;
}

/**
 * D(x, T): the discounted purchases over the horizon of a customer known to be alive at T with x repeat purchases,
 * as predictiveClvColumn scales it by each customer's P(alive); NaN where it cannot be formed (the caller then values
 * the customer alone). Shared with the per-customer ranges (src/engine/forecast/customer-ranges.ts).
 */
export function valueIfAliveAt(predictor: PurchasePredictor, options: ClvOptions): (x: number, T: number) => number {
  const unit: ClvOptions = { ...options, margin: 1 };
  const f = options.periodsPerMonth;
  const rho = Math.log1p(monthlyRateFromAnnual(options.annualDiscountRate));
  return (x: number, T: number): number => {
    // The model's E[Y | alive] where it has one: no division of two numbers that may both underflow (types.ts).
    const given = predictor.expectedPurchasesIfAlive;
    if (given) return discountedPurchases((months) => given(x, T, months * f), options.months, rho);
    const representative = { frequency: x, recency: x === 0 ? 0 : T, age: T };
    const alive = predictor.probabilityAlive(representative);
    const purchases = clvWithFactors(predictor, representative, 1, unit);
    return alive > 1e-200 ? purchases / alive : NaN;
  };
}

/**
 * The whole opportunities within a horizon of `months` months, periodsPerMonth opportunities a month (a yearly
 * opportunity: 1/12): the months are rounded down to whole opportunities (1e-9 absorbs 12 × 1/12 ≠ 1).
 */
export function opportunitiesWithin(months: number, periodsPerMonth: number): number {
  return Math.floor(months * periodsPerMonth + 1e-9);
}

/**
 * Predictive CLV for a discrete-opportunity model (BG/BB): margin × spend × the expected transactions of the
 * opportunities within the horizon, each discounted at the annual rate turned into a rate per opportunity
 * (discountedPurchasesWithin, a cost that does not grow with the horizon). Identical histories are computed once.
 */
function discreteClvColumn(
  predictor: PurchasePredictor,
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  age: ArrayLike<number>,
  spendPerPurchase: ArrayLike<number>,
  options: ClvOptions,
): ClvCell[] {
  const periods = opportunitiesWithin(options.months, options.periodsPerMonth);
  if (periods < 1) {
    throw valueError("valuemodels.clv.horizonBelowOpportunity", {
      found: options.months,
      min: Math.ceil(1 / options.periodsPerMonth - 1e-9),
    });
  }
  const rate = periodRateFromAnnual(options.annualDiscountRate, options.periodsPerMonth);
  const seen = new Map<string, number>();
  const out: ClvCell[] = new Array(frequency.length);
  for (let i = 0; i < frequency.length; i++) {
    try {
      checkSpend(spendPerPurchase[i], i + 1);
      const customer = { frequency: frequency[i], recency: recency[i], age: age[i] };
      predictor.checkCustomer?.(customer, i + 1);
      const key = `${customer.frequency}|${customer.recency}|${customer.age}`;
      let purchases = seen.get(key);
      if (purchases === undefined) {
        purchases = predictor.discountedPurchasesWithin!(customer, rate, periods);
        seen.set(key, purchases);
      }
      out[i] = options.margin * spendPerPurchase[i] * purchases;
    } catch (error) {
      out[i] = asError(error);
    }
  }
  return out;
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * A piecewise Chebyshev interpolant of f over the ages of the given rows, or null when they are few (direct
 * evaluation is cheaper), when f fails anywhere, or when it cannot be resolved to the tolerance.
 */
function ageInterpolant(
  f: (T: number) => number,
  rows: ArrayLike<number>,
  age: ArrayLike<number>,
): ((T: number) => number) | null {
  const { lo, hi, manyAges } = ageSpan(rows, age);
  return manyAges ? chebyshevInterpolant(f, lo, hi) : null;
}
