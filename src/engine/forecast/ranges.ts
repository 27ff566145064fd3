/**
 * Low / likely / high ranges of predictive CLV and of the monthly forecast, from the uncertainty of the fitted
 * parameters (see uncertainty.ts). "Likely" is the value at the fitted parameters, what CUST.PCLV and CUST.FORECAST
 * give; low and high are percentiles (10 % and 90 % unless stated) of the same value recomputed with RANGE_DRAWS
 * draws of the parameters of the purchase model and, when spend comes from a Gamma-Gamma table, of the spend model
 * (the two fits are separate, so their draws are independent).
 *
 * Totals are recomputed for each draw on a fixed random sample of at most RANGE_SAMPLE customers whose ages T are
 * rounded to AGE_LEVELS evenly spaced values (recency kept, capped at the rounded age), and the base's value moves by
 * the same proportion as the sample's: month m's revenue for a draw is the base's revenue at the fitted parameters ×
 * (the sample's revenue for the draw ÷ the sample's at the fitted parameters). A parameter draw moves every
 * customer's value in the same direction and by similar proportions, so the proportion hardly depends on which
 * customers are in the sample or on the rounding, while the work per draw stays bounded whatever the base's size:
 * the schedule of an alive customer is computed once per distinct (frequency, rounded age).
 */
import { naError, valueError } from "../errors";
import { ClvOptions, predictiveClvColumn } from "../models/clv";
import { expectedAverageSpend, populationMeanSpend } from "../models/gamma-gamma";
import { modelDefinition } from "../models/registry";
import { individualParameters } from "../models/covariates";
import { CovariateNames, CovariateTable, Parameters, PurchaseModelName, PurchasePredictor } from "../models/types";
import { RandomSource, seededRandom } from "../random";
import { baseSchedule, BaseSchedule, cohortSchedule, financialSchedule, NewCohorts } from "./schedule";
import { smoothBaseSchedule } from "./smooth-schedule";
import { prepareValueColumns } from "./customer-ranges";
import {
  covariateParameterUncertainty,
  drawParameters,
  parameterUncertainty,
  ParameterUncertainty,
  percentileOf,
  percentileOfSorted,
} from "./uncertainty";

/** Draws of the parameters behind every range. */
export const RANGE_DRAWS = 200;
/** The fixed seed: the same inputs give the same range on every machine. */
export const RANGE_SEED = 20261201;
/** Customers a total's draws are recomputed on (all of them when the base is smaller). */
export const RANGE_SAMPLE = 5000;
/** Distinct ages of the sample a total's draws are recomputed on. */
export const AGE_LEVELS = 16;
/** Per-customer ranges keep RANGE_DRAWS values per customer: at most this many customers. */
export const MAX_CUSTOMER_RANGES = 100_000;
/**
 * Expected-purchases evaluations a schedule's range may take: draws × the sample's different (covariate group,
 * frequency, rounded age) × months, each ~1–2 µs (BENCHMARKS.md). Beyond, the range is refused, saying how many
 * months fit (600 months of 1,048,576 customers in whole days took more than 2 minutes).
 */
export const RANGE_WORK = 2_000_000;

export interface Percentiles {
  low: number;
  high: number;
}
export const DEFAULT_PERCENTILES: Percentiles = { low: 0.1, high: 0.9 };

/** The fitted models as read from their CUST.FIT tables. */
export interface ValueModel {
  model: PurchaseModelName;
  params: Parameters;
  standardErrors?: Parameters;
  /** The spend model when spend comes from a Gamma-Gamma table (then customers.monetary is read). */
  gg: { params: Parameters; standardErrors?: Parameters } | null;
  /**
   * The fit's static covariates (their coefficients are in params and standardErrors as "purchase.<name>",
   * "dropout.<name>"); then customers.covariates says each customer's values. Absent: none.
   */
  covariates?: CovariateNames;
}

/** The customers' covariate values: a group per distinct row, and each customer's group. */
export interface CustomerCovariates {
  /** Customer i's group (0-based). */
  group: ArrayLike<number>;
  /** Each group's values, per process, in the order of the fit's names. */
  rows: readonly { purchase: ArrayLike<number>; dropout: ArrayLike<number> }[];
}

/** The customers, checked; monetary NaN where not given, spendPerPurchase at the fitted parameters. */
export interface ValueCustomers {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  age: ArrayLike<number>;
  monetary: ArrayLike<number>;
  spendPerPurchase: ArrayLike<number>;
  /** With a fit with covariates: each customer's covariate group and the groups' values. */
  covariates?: CustomerCovariates;
}

export interface Draw {
  /** The predictor of the drawn parameters (without covariates: every customer's). */
  predictor: PurchasePredictor;
  /** The predictor of covariate group g for the drawn parameters (predictor itself without covariates). */
  predictorOf: PredictorOf;
  gg: { p: number; q: number; gamma: number } | null;
}

/** RANGE_DRAWS parameter draws, each handed to `use`; a draw where the models have no value is replaced. */
export function eachDraw(model: ValueModel, customers: ValueCustomers, draws: number, use: (draw: Draw) => void): void {
  const columns = {
    frequency: Float64Array.from(customers.frequency),
    recency: Float64Array.from(customers.recency),
    age: Float64Array.from(customers.age),
  };
  const covariates = model.covariates && customers.covariates ? customers.covariates : null;
  const purchase =
    covariates && model.covariates
      ? covariateParameterUncertainty(
          model.model,
          model.params,
          model.standardErrors,
          { ...columns, ...covariateTables(model.covariates, covariates) },
          model.covariates,
        )
      : parameterUncertainty(model.model, model.params, model.standardErrors, columns);
  let spend: ParameterUncertainty | null = null;
  if (model.gg) {
    spend = parameterUncertainty("gg", model.gg.params, model.gg.standardErrors, {
      frequency: columns.frequency,
      monetary: Float64Array.from(customers.monetary),
    });
  }
  const makePredictor = modelDefinition(model.model)!.purchasePredictor!;
  const random: RandomSource = seededRandom(RANGE_SEED);
  let done = 0;
  for (let attempt = 0; done < draws; attempt++) {
    if (attempt >= 2 * draws) throw naError("finance.range.unstable", { model: model.model });
    const params = drawParameters(purchase, random);
    const g = spend ? drawParameters(spend, random) : null;
    try {
      const predictor = makePredictor(params);
      use({
        predictor,
        predictorOf: covariates ? groupPredictors(model, params, covariates) : () => predictor,
        gg: g ? { p: g.p, q: g.q, gamma: g.gamma } : null,
      });
      done++;
    } catch {
      // The draw fell where a model has no value (e.g. Gamma-Gamma q ≤ 1): draw again.
    }
  }
}

/** Covariate group g's predictor for some parameters. */
export type PredictorOf = (group: number) => PurchasePredictor;

/** Each covariate group's predictor for these parameters (the customer's own scales, as CUST.PCLV makes them). */
export function groupPredictors(model: ValueModel, params: Parameters, covariates: CustomerCovariates): PredictorOf {
  const definition = modelDefinition(model.model)!;
  const names = model.covariates!;
  const made = new Map<number, PurchasePredictor>();
  return (g) => {
    let predictor = made.get(g);
    if (!predictor) {
      const row = covariates.rows[g];
      const own = individualParameters(params, definition.covariates!, names, row.purchase, row.dropout);
      made.set(g, (predictor = definition.purchasePredictor!(own)));
    }
    return predictor;
  };
}

/** The customers' covariates as CUST.FIT reads them (one row per customer), for the information matrix. */
function covariateTables(names: CovariateNames, covariates: CustomerCovariates) {
  const table = (process: "purchase" | "dropout"): CovariateTable | undefined => {
    const k = names[process].length;
    if (k === 0) return undefined;
    const n = covariates.group.length;
    const values = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      const row = covariates.rows[covariates.group[i]][process];
      for (let j = 0; j < k; j++) values[i * k + j] = row[j];
    }
    return { names: names[process], values };
  };
  return { purchaseCovariates: table("purchase"), dropoutCovariates: table("dropout") };
}

/**
 * The monthly schedule of some customers, each covariate group (`group[i]`; undefined: one group) with its own
 * predictor: the sum of the groups' schedules.
 */
export function groupedSchedule(
  predictorOf: PredictorOf,
  group: ArrayLike<number> | undefined,
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  age: ArrayLike<number>,
  spend: ArrayLike<number>,
  months: number,
  periodsPerMonth: number,
  schedule: typeof baseSchedule = baseSchedule,
): BaseSchedule {
  if (!group) return schedule(predictorOf(0), frequency, recency, age, spend, months, periodsPerMonth);
  const purchases = new Float64Array(months);
  const revenue = new Float64Array(months);
  for (const [g, rows] of rowsByGroup(group)) {
    const part = schedule(
      predictorOf(g),
      pick(frequency, rows),
      pick(recency, rows),
      pick(age, rows),
      pick(spend, rows),
      months,
      periodsPerMonth,
    );
    for (let m = 0; m < months; m++) {
      purchases[m] += part.purchases[m];
      revenue[m] += part.revenue[m];
    }
  }
  return { purchases, revenue };
}

/** The rows of each group (customer i in group[i]), in order. */
export function rowsByGroup(group: ArrayLike<number>): Map<number, number[]> {
  const members = new Map<number, number[]>();
  for (let i = 0; i < group.length; i++) {
    let rows = members.get(group[i]);
    if (!rows) members.set(group[i], (rows = []));
    rows.push(i);
  }
  return members;
}

/** A customer not acquired yet with the customers' mix of covariate groups: E[X(t)] averaged by the groups' shares. */
function newcomerPredictor(draw: Draw, covariates: CustomerCovariates | undefined): PurchasePredictor {
  if (!covariates) return draw.predictor;
  const n = covariates.group.length;
  const parts = [...rowsByGroup(covariates.group)].map(([g, rows]) => ({
    predictor: draw.predictorOf(g),
    share: rows.length / n,
  }));
  const mix = (value: (predictor: PurchasePredictor) => number) =>
    parts.reduce((sum, { predictor, share }) => sum + share * value(predictor), 0);
  return {
    ...draw.predictor,
    expectedPurchasesNewCustomer: (t) => mix((p) => p.expectedPurchasesNewCustomer(t)),
    probabilityOfPurchases: (k, t) => mix((p) => p.probabilityOfPurchases(k, t)),
  };
}

/** The customers a total's draws are recomputed on: all, or a seeded sample of RANGE_SAMPLE without replacement. */
export function sampleRows(n: number): Int32Array {
  const rows = Int32Array.from({ length: n }, (_, i) => i);
  if (n <= RANGE_SAMPLE) return rows;
  const random = seededRandom(RANGE_SEED + 1);
  for (let i = 0; i < RANGE_SAMPLE; i++) {
    const j = i + Math.floor(random.next() * (n - i));
    const swap = rows[i];
    rows[i] = rows[j];
    rows[j] = swap;
  }
  return rows.slice(0, RANGE_SAMPLE).sort();
}

/** Ages rounded to AGE_LEVELS evenly spaced values between the smallest and the largest. */
export function roundedAges(ages: Float64Array): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (const T of ages) {
    lo = Math.min(lo, T);
    hi = Math.max(hi, T);
  }
  if (!(hi > lo)) return ages;
  const step = (hi - lo) / (AGE_LEVELS - 1);
  return ages.map((T) => lo + Math.round((T - lo) / step) * step);
}

const pick = (values: ArrayLike<number>, rows: ArrayLike<number>) =>
  Float64Array.from({ length: rows.length }, (_, k) => values[rows[k]]);

export function spendFor(
  draw: Draw,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  fixed: ArrayLike<number>,
) {
  if (!draw.gg) return fixed;
  const out = new Float64Array(frequency.length);
  for (let i = 0; i < out.length; i++) {
    const value = expectedAverageSpend(draw.gg, frequency[i], monetary[i]);
    if (!Number.isFinite(value)) throw new RangeError("spend");
    out[i] = value;
  }
  return out;
}

export interface ScheduleRanges {
  /** Per month (index m − 1): the percentiles of revenue and of the discounted (net) margin. */
  revenueLow: Float64Array;
  revenueHigh: Float64Array;
  discountedLow: Float64Array;
  discountedHigh: Float64Array;
  /** The same for the totals over the horizon (percentiles of the totals, not totals of percentiles). */
  total: { revenueLow: number; revenueHigh: number; discountedLow: number; discountedHigh: number };
}

/**
 * Ranges of the monthly schedule (CUST.FORECAST) and of its totals; with no cohorts, the total discounted margin's
 * range is that of Σ PCLV. `cohorts.spendPerPurchase` is redrawn with the spend model when there is one. `point`:
 * the base's schedule at the fitted parameters when the caller has it already (CUST.FORECAST's own rows); else it
 * is computed here, interpolated in T where the ages are many (smooth-schedule.ts: equal to baseSchedule to ~1e-12).
 */
export function scheduleRanges(
  model: ValueModel,
  customers: ValueCustomers,
  options: ClvOptions,
  cohorts: NewCohorts | null,
  percentiles: Percentiles = DEFAULT_PERCENTILES,
  draws = RANGE_DRAWS,
  point?: BaseSchedule,
): ScheduleRanges {
  const { months, periodsPerMonth } = options;
  const pointPredictor = modelDefinition(model.model)!.purchasePredictor!(model.params);
  const covariates = model.covariates ? customers.covariates : undefined;
  const pointOf = covariates ? groupPredictors(model, model.params, covariates) : () => pointPredictor;
  const { frequency, recency, age, monetary, spendPerPurchase } = customers;
  const group = covariates?.group;
  const rows = sampleRows(frequency.length);
  const sample = {
    group: group ? pick(group, rows) : undefined,
    frequency: pick(frequency, rows),
    recency: pick(recency, rows),
    age: roundedAges(pick(age, rows)),
    monetary: pick(monetary, rows),
    spend: pick(spendPerPurchase, rows),
  };
  for (let i = 0; i < rows.length; i++) sample.recency[i] = Math.min(sample.recency[i], sample.age[i]);
  checkRangeWork(sample, months, draws);
  const full =
    point ??
    groupedSchedule(
      pointOf,
      group,
      frequency,
      recency,
      age,
      spendPerPurchase,
      months,
      periodsPerMonth,
      smoothBaseSchedule,
    );
  const sampleSchedule = (predictorOf: PredictorOf, spend: ArrayLike<number>) =>
    groupedSchedule(
      predictorOf,
      sample.group,
      sample.frequency,
      sample.recency,
      sample.age,
      spend,
      months,
      periodsPerMonth,
    );
  const samplePoint = sampleSchedule(pointOf, sample.spend);
  const ratio = (value: number, point: number, of: number) => (point > 0 ? (of * value) / point : of);

  const revenue = Array.from({ length: months }, () => new Float64Array(draws));
  const discounted = Array.from({ length: months }, () => new Float64Array(draws));
  const totalRevenue = new Float64Array(draws);
  const totalDiscounted = new Float64Array(draws);
  let s = 0;
  eachDraw(model, customers, draws, (draw) => {
    const drawn = sampleSchedule(draw.predictorOf, spendFor(draw, sample.frequency, sample.monetary, sample.spend));
    const base: BaseSchedule = {
      purchases: drawn.purchases.map((v, m) => ratio(v, samplePoint.purchases[m], full.purchases[m])),
      revenue: drawn.revenue.map((v, m) => ratio(v, samplePoint.revenue[m], full.revenue[m])),
    };
    const future = cohorts
      ? cohortSchedule(
          newcomerPredictor(draw, covariates),
          { ...cohorts, spendPerPurchase: draw.gg ? populationMeanSpend(draw.gg) : cohorts.spendPerPurchase },
          months,
          periodsPerMonth,
        )
      : null;
    const { rows: schedule, total } = financialSchedule(base, future, options);
    if (!Number.isFinite(total.discounted) || !Number.isFinite(total.revenue)) throw new RangeError("draw");
    for (let m = 0; m < months; m++) {
      revenue[m][s] = schedule[m].revenue;
      discounted[m][s] = schedule[m].discounted;
    }
    totalRevenue[s] = total.revenue;
    totalDiscounted[s] = total.discounted;
    s++;
  });
  const at = (values: Float64Array, p: number) => percentileOfSorted(values.sort(), p);
  const lowHigh = (values: Float64Array) => [at(values, percentiles.low), at(values, percentiles.high)];
  const out: ScheduleRanges = {
    revenueLow: new Float64Array(months),
    revenueHigh: new Float64Array(months),
    discountedLow: new Float64Array(months),
    discountedHigh: new Float64Array(months),
    total: { revenueLow: 0, revenueHigh: 0, discountedLow: 0, discountedHigh: 0 },
  };
  for (let m = 0; m < months; m++) {
    [out.revenueLow[m], out.revenueHigh[m]] = lowHigh(revenue[m]);
    [out.discountedLow[m], out.discountedHigh[m]] = lowHigh(discounted[m]);
  }
  [out.total.revenueLow, out.total.revenueHigh] = lowHigh(totalRevenue);
  [out.total.discountedLow, out.total.discountedHigh] = lowHigh(totalDiscounted);
  return out;
}

/** Throws as scheduleRanges would, before any schedule is computed, when its draws would pass RANGE_WORK. */
export function checkScheduleRanges(customers: ValueCustomers, months: number, draws = RANGE_DRAWS): void {
  const rows = sampleRows(customers.frequency.length);
  const group = customers.covariates?.group;
  checkRangeWork(
    {
      group: group ? pick(group, rows) : undefined,
      frequency: pick(customers.frequency, rows),
      age: roundedAges(pick(customers.age, rows)),
    },
    months,
    draws,
  );
}

/** Throws, saying how many months fit, when the draws × the sample's different histories × months pass RANGE_WORK. */
function checkRangeWork(
  sample: { group?: ArrayLike<number>; frequency: ArrayLike<number>; age: ArrayLike<number> },
  months: number,
  draws: number,
): void {
  const histories = new Set<string>();
  for (let i = 0; i < sample.frequency.length; i++) {
    histories.add(`${sample.group ? sample.group[i] : 0}|${sample.frequency[i]}|${sample.age[i]}`);
  }
  if (draws * histories.size * months > RANGE_WORK) {
    throw valueError("finance.range.tooMuchWork", {
      months,
      draws,
      histories: histories.size,
      most: Math.max(1, Math.floor(RANGE_WORK / (draws * histories.size))),
    });
  }
}

/** Per-customer ranges of predictive CLV: every customer recomputed for every draw. */
export function customerValueRanges(
  model: ValueModel,
  customers: ValueCustomers,
  options: ClvOptions,
  percentiles: Percentiles = DEFAULT_PERCENTILES,
): { low: Float64Array; high: Float64Array } {
  const n = customers.frequency.length;
  if (n > MAX_CUSTOMER_RANGES)
    throw valueError("finance.range.tooManyCustomers", { found: n, max: MAX_CUSTOMER_RANGES });
  // Draw s's values are values[s·n .. (s+1)·n): each draw writes one contiguous row.
  const values = new Float32Array(n * RANGE_DRAWS);
  const covariates = model.covariates ? customers.covariates : undefined;
  // Without covariates, what does not depend on the parameters is prepared once (the same values, customer-ranges.ts).
  const prepared = covariates ? null : prepareValueColumns(customers.frequency, customers.recency, customers.age);
  const drawValues = prepared ? new Float64Array(n) : null;
  let s = 0;
  eachDraw(model, customers, RANGE_DRAWS, (draw) => {
    const spend = spendFor(draw, customers.frequency, customers.monetary, customers.spendPerPurchase);
    if (prepared) {
      values.set(prepared(draw.predictor, spend, options, drawValues!), s * n);
    } else {
      const column = groupedClv(draw.predictorOf, covariates?.group, customers, spend, options);
      for (let i = 0; i < n; i++) {
        const value = column[i];
        if (typeof value !== "number" || !Number.isFinite(value)) throw new RangeError("draw");
      }
      for (let i = 0; i < n; i++) values[s * n + i] = column[i] as number;
    }
    s++;
  });
  const low = new Float64Array(n);
  const high = new Float64Array(n);
  // Customers in blocks, so that gathering their draws reads each draw's row in order.
  const BLOCK = 512;
  const own = new Float32Array(BLOCK * RANGE_DRAWS);
  for (let start = 0; start < n; start += BLOCK) {
    const size = Math.min(BLOCK, n - start);
    for (let d = 0; d < RANGE_DRAWS; d++) {
      const row = d * n + start;
      for (let k = 0; k < size; k++) own[k * RANGE_DRAWS + d] = values[row + k];
    }
    for (let k = 0; k < size; k++) {
      const draws = own.subarray(k * RANGE_DRAWS, (k + 1) * RANGE_DRAWS);
      low[start + k] = percentileOf(draws, percentiles.low);
      high[start + k] = percentileOf(draws, percentiles.high);
    }
  }
  return { low, high };
}

/** CUST.PCLV of each customer, each covariate group (undefined: one) with its own predictor, in the customers' order. */
function groupedClv(
  predictorOf: PredictorOf,
  group: ArrayLike<number> | undefined,
  customers: ValueCustomers,
  spend: ArrayLike<number>,
  options: ClvOptions,
): ReturnType<typeof predictiveClvColumn> {
  const { frequency, recency, age } = customers;
  if (!group) return predictiveClvColumn(predictorOf(0), frequency, recency, age, spend, options);
  const out: ReturnType<typeof predictiveClvColumn> = new Array(frequency.length);
  for (const [g, rows] of rowsByGroup(group)) {
    const values = predictiveClvColumn(
      predictorOf(g),
      pick(frequency, rows),
      pick(recency, rows),
      pick(age, rows),
      pick(spend, rows),
      options,
    );
    rows.forEach((i, k) => (out[i] = values[k]));
  }
  return out;
}
