/**
 * A monthly schedule of what the current customer base is expected to buy: for months m = 1..M, the expected
 * purchases Σ_i (E[Y_i(m·f)] − E[Y_i((m − 1)·f)]) and the revenue Σ_i spend_i × the same, with f the data's periods
 * per month. It is CUST.PCLV's sum taken month by month instead of customer by customer, with the same months, the
 * same spend per purchase and the same discount factors (src/engine/models/clv.ts), so the schedule's discounted
 * margin adds up to Σ PCLV.
 *
 * As in predictiveClvColumn, E[Y(t) | x, t_x, T] = P(alive | x, t_x, T) · E[Y(t) | x, T, alive] in every BTYD model
 * here: the month-by-month purchases of an alive customer are computed once per distinct (x, T), and each customer
 * adds them weighted by their own P(alive).
 *
 * Future cohorts: n_j customers acquired in month j (j = 1..M) each make their first purchase in month j and then
 * buy as a new customer does, E[X(t)] of the purchase model (the repeat purchases in the t periods after the first),
 * spending the new customers' spend per purchase; each costs the acquisition cost (CAC) of month j.
 */
import { valueError } from "../errors";
import { checkClvOptions, ClvOptions, discountFactors } from "../models/clv";
import { PurchasePredictor } from "../models/types";

/** The largest horizon of a schedule (50 years): it spills one row per month. */
export const MAX_SCHEDULE_MONTHS = 600;

export interface BaseSchedule {
  /** Expected purchases in month m (index m − 1). */
  purchases: Float64Array;
  /** Expected revenue (spend × purchases) in month m. */
  revenue: Float64Array;
}

/**
 * The base's expected purchases and revenue month by month. The customers' histories are parallel columns (already
 * checked, as CUST.PCLV checks them); `spendPerPurchase` is each customer's expected spend per purchase.
 */
export function baseSchedule(
  predictor: PurchasePredictor,
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  age: ArrayLike<number>,
  spendPerPurchase: ArrayLike<number>,
  months: number,
  periodsPerMonth: number,
): BaseSchedule {
  const purchases = new Float64Array(months);
  const revenue = new Float64Array(months);
  // Per distinct (x, T): Σ P(alive) and Σ P(alive)·spend of its customers.
  const groups = new Map<number, Map<number, { alive: number; spend: number }>>();
  const customer = { frequency: 0, recency: 0, age: 0 };
  const increments = new Float64Array(months);
  const addDirect = (weightPurchases: number, weightRevenue: number) => {
    for (let m = 0; m < months; m++) {
      purchases[m] += weightPurchases * increments[m];
      revenue[m] += weightRevenue * increments[m];
    }
  };
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i];
    customer.frequency = x;
    customer.recency = recency[i];
    customer.age = age[i];
    const alive = predictor.probabilityAlive(customer);
    let byAge = groups.get(x);
    if (!byAge) groups.set(x, (byAge = new Map()));
    let group = byAge.get(age[i]);
    if (!group) byAge.set(age[i], (group = { alive: 0, spend: 0 }));
    group.alive += alive;
    group.spend += alive * spendPerPurchase[i];
  }
  // Groups whose representative's P(alive) underflows: their customers are valued one by one, in one pass.
  const direct = new Map<number, Set<number>>();
  for (const [x, byAge] of groups) {
    for (const [T, group] of byAge) {
      const representative = { frequency: x, recency: x === 0 ? 0 : T, age: T };
      const alive = predictor.probabilityAlive(representative);
      if (!(alive > 1e-200)) {
        if (!direct.has(x)) direct.set(x, new Set());
        direct.get(x)!.add(T);
        continue;
      }
      monthlyIncrements(predictor, representative, periodsPerMonth, increments);
      for (let m = 0; m < months; m++) increments[m] /= alive;
      addDirect(group.alive, group.spend);
    }
  }
  if (direct.size > 0) {
    for (let i = 0; i < frequency.length; i++) {
      if (!direct.get(frequency[i])?.has(age[i])) continue;
      customer.frequency = frequency[i];
      customer.recency = recency[i];
      customer.age = age[i];
      monthlyIncrements(predictor, customer, periodsPerMonth, increments);
      addDirect(1, spendPerPurchase[i]);
    }
  }
  return { purchases, revenue };
}

/** E[Y(m·f)] − E[Y((m − 1)·f)] for m = 1..out.length, as predictiveClv sums them. */
export function monthlyIncrements(
  predictor: PurchasePredictor,
  customer: { frequency: number; recency: number; age: number },
  periodsPerMonth: number,
  out: Float64Array,
): void {
  let previous = 0;
  for (let m = 1; m <= out.length; m++) {
    const cumulative = predictor.expectedPurchases(customer, m * periodsPerMonth);
    out[m - 1] = cumulative - previous;
    previous = cumulative;
  }
}

export interface NewCohorts {
  /** Customers acquired in month m (index m − 1); months beyond the array acquire none. */
  customers: ArrayLike<number>;
  /** Acquisition cost per new customer in month m; one value for every month when of length 1. */
  cac: ArrayLike<number>;
  /** Spend per purchase of a new customer. */
  spendPerPurchase: number;
}

/** Purchases and revenue of the future cohorts month by month, and their acquisition costs. */
export function cohortSchedule(
  predictor: PurchasePredictor,
  cohorts: NewCohorts,
  months: number,
  periodsPerMonth: number,
): BaseSchedule & { customers: Float64Array; acquisitionCost: Float64Array } {
  // A new customer's purchases in the k-th month after acquisition (k = 0: the first purchase and what follows).
  const perCustomer = new Float64Array(months);
  let previous = 0;
  for (let k = 0; k < months; k++) {
    const cumulative = predictor.expectedPurchasesNewCustomer((k + 1) * periodsPerMonth);
    perCustomer[k] = (k === 0 ? 1 : 0) + cumulative - previous;
    previous = cumulative;
  }
  const customers = new Float64Array(months);
  const acquisitionCost = new Float64Array(months);
  const purchases = new Float64Array(months);
  for (let j = 0; j < months; j++) {
    const n = j < cohorts.customers.length ? cohorts.customers[j] : 0;
    if (!(n >= 0) || !Number.isFinite(n)) throw valueError("finance.forecast.badNewCustomers", { row: j + 1 });
    const cac = cohorts.cac.length === 1 ? cohorts.cac[0] : j < cohorts.cac.length ? cohorts.cac[j] : 0;
    if (!(cac >= 0) || !Number.isFinite(cac)) throw valueError("finance.forecast.badCac", { row: j + 1 });
    customers[j] = n;
    acquisitionCost[j] = n * cac;
    for (let m = j; m < months; m++) purchases[m] += n * perCustomer[m - j];
  }
  const revenue = purchases.map((p) => p * cohorts.spendPerPurchase);
  return { purchases, revenue, customers, acquisitionCost };
}

export interface ScheduleRow {
  month: number;
  newCustomers: number;
  purchases: number;
  revenue: number;
  margin: number;
  acquisitionCost: number;
  /** margin − acquisition cost. */
  net: number;
  discountFactor: number;
  /** net × discount factor: with no cohorts, the discounted margin whose total is Σ PCLV. */
  discounted: number;
}

/** The financial schedule: margin, acquisition cost and discounting, one row per month, and the total row. */
export function financialSchedule(
  base: BaseSchedule,
  cohorts: (BaseSchedule & { customers: Float64Array; acquisitionCost: Float64Array }) | null,
  options: ClvOptions,
): { rows: ScheduleRow[]; total: ScheduleRow } {
  checkClvOptions(options);
  const factors = discountFactors(options.months, options.annualDiscountRate);
  const rows: ScheduleRow[] = [];
  const total: ScheduleRow = {
    month: NaN,
    newCustomers: 0,
    purchases: 0,
    revenue: 0,
    margin: 0,
    acquisitionCost: 0,
    net: 0,
    discountFactor: NaN,
    discounted: 0,
  };
  for (let m = 0; m < options.months; m++) {
    const purchases = base.purchases[m] + (cohorts ? cohorts.purchases[m] : 0);
    const revenue = base.revenue[m] + (cohorts ? cohorts.revenue[m] : 0);
    const margin = options.margin * revenue;
    const acquisitionCost = cohorts ? cohorts.acquisitionCost[m] : 0;
    const net = margin - acquisitionCost;
    const row: ScheduleRow = {
      month: m + 1,
      newCustomers: cohorts ? cohorts.customers[m] : 0,
      purchases,
      revenue,
      margin,
      acquisitionCost,
      net,
      discountFactor: factors[m],
      discounted: net * factors[m],
    };
    rows.push(row);
    total.newCustomers += row.newCustomers;
    total.purchases += purchases;
    total.revenue += revenue;
    total.margin += margin;
    total.acquisitionCost += acquisitionCost;
    total.net += net;
    total.discounted += row.discounted;
  }
  return { rows, total };
}
