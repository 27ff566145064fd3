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

export interface ClvOptions {
  /** Horizon in months (a whole number ≥ 1). */
  months: number;
  /** Discount rate per month (1% → 0.01). */
  monthlyDiscountRate: number;
  /** Gross margin on spend (30% → 0.3); 1 values revenue. */
  margin: number;
  /** Periods of the data's time unit per month: PERIODS_PER_MONTH[unit], or another convention stated explicitly. */
  periodsPerMonth: number;
}

/** Checks the options once, before thousands of customers are valued with them. */
export function checkClvOptions({ months, monthlyDiscountRate, margin, periodsPerMonth }: ClvOptions): void {
  if (!Number.isInteger(months) || months < 1) throw numError("valuemodels.clv.badMonths", { found: months });
  if (!(monthlyDiscountRate >= 0) || !Number.isFinite(monthlyDiscountRate)) {
    throw numError("valuemodels.clv.badDiscount", { found: monthlyDiscountRate });
  }
  if (!(margin >= 0) || !Number.isFinite(margin)) throw numError("valuemodels.clv.badMargin", { found: margin });
  if (!(periodsPerMonth > 0) || !Number.isFinite(periodsPerMonth)) {
    throw numError("valuemodels.clv.badPeriodsPerMonth", { found: periodsPerMonth });
  }
}

/** (1 + d)^−i for months i = 1..months. */
function discountFactors(months: number, rate: number): Float64Array {
  const factors = new Float64Array(months);
  let factor = 1;
  for (let i = 0; i < months; i++) {
    factor /= 1 + rate;
    factors[i] = factor;
  }
  return factors;
}

/**
 * Σ_{i=1..months} margin × spend × (E[Y(i·f)] − E[Y((i − 1)·f)]) / (1 + d)^i, the purchases expected in
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
    discountFactors(options.months, options.monthlyDiscountRate),
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
 * and the discounted sum over months is computed once per distinct (x, T), from the customer with t_x = T
 * (the one most likely alive), then scaled by each customer's own P(alive). A bad row gives an error for
 * that row only.
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
  const factors = discountFactors(options.months, options.monthlyDiscountRate);
  const unit: ClvOptions = { ...options, margin: 1 };
  const givenAlive = new Map<number, Map<number, number>>();
  const discountedPurchasesIfAlive = (x: number, T: number): number => {
    let byAge = givenAlive.get(x);
    if (!byAge) givenAlive.set(x, (byAge = new Map()));
    let value = byAge.get(T);
    if (value === undefined) {
      const representative = { frequency: x, recency: x === 0 ? 0 : T, age: T };
      const alive = predictor.probabilityAlive(representative);
      const purchases = clvWithFactors(predictor, representative, 1, unit, factors);
      value = alive > 1e-200 ? purchases / alive : NaN;
      byAge.set(T, value);
    }
    return value;
  };
  const out: ClvCell[] = new Array(frequency.length);
  for (let i = 0; i < frequency.length; i++) {
    try {
      const row = i + 1;
      const spend = spendPerPurchase[i];
      checkSpend(spend, row);
      const customer = { frequency: frequency[i], recency: recency[i], age: age[i] };
      if (customer.recency > customer.age) {
        throw valueError("valuemodels.recencyAfterAge", { row, recency: customer.recency, age: customer.age });
      }
      const ifAlive = discountedPurchasesIfAlive(customer.frequency, customer.age);
      const purchases = Number.isNaN(ifAlive)
        ? clvWithFactors(predictor, customer, 1, unit, factors)
        : predictor.probabilityAlive(customer) * ifAlive;
      out[i] = options.margin * spend * purchases;
    } catch (error) {
      out[i] = error instanceof Error ? error : new Error(String(error));
    }
  }
  return out;
}
