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
import { Parameters, PurchaseModelName, PurchasePredictor } from "../models/types";
import { RandomSource, seededRandom } from "../random";
import { baseSchedule, BaseSchedule, cohortSchedule, financialSchedule, NewCohorts } from "./schedule";
import { drawParameters, parameterUncertainty, ParameterUncertainty, percentileOfSorted } from "./uncertainty";

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
}

/** The customers, checked; monetary NaN where not given, spendPerPurchase at the fitted parameters. */
export interface ValueCustomers {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  age: ArrayLike<number>;
  monetary: ArrayLike<number>;
  spendPerPurchase: ArrayLike<number>;
}

interface Draw {
  predictor: PurchasePredictor;
  gg: { p: number; q: number; gamma: number } | null;
}

/** RANGE_DRAWS parameter draws, each handed to `use`; a draw where the models have no value is replaced. */
function eachDraw(model: ValueModel, customers: ValueCustomers, draws: number, use: (draw: Draw) => void): void {
  const columns = {
    frequency: Float64Array.from(customers.frequency),
    recency: Float64Array.from(customers.recency),
    age: Float64Array.from(customers.age),
  };
  const purchase = parameterUncertainty(model.model, model.params, model.standardErrors, columns);
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
      use({ predictor: makePredictor(params), gg: g ? { p: g.p, q: g.q, gamma: g.gamma } : null });
      done++;
    } catch {
      // The draw fell where a model has no value (e.g. Gamma-Gamma q ≤ 1): draw again.
    }
  }
}

/** The customers a total's draws are recomputed on: all, or a seeded sample of RANGE_SAMPLE without replacement. */
function sampleRows(n: number): Int32Array {
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
function roundedAges(ages: Float64Array): Float64Array {
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

const pick = (values: ArrayLike<number>, rows: Int32Array) => Float64Array.from(rows, (i) => values[i]);

function spendFor(draw: Draw, frequency: ArrayLike<number>, monetary: ArrayLike<number>, fixed: ArrayLike<number>) {
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
 * range is that of Σ PCLV. `cohorts.spendPerPurchase` is redrawn with the spend model when there is one.
 */
export function scheduleRanges(
  model: ValueModel,
  customers: ValueCustomers,
  options: ClvOptions,
  cohorts: NewCohorts | null,
  percentiles: Percentiles = DEFAULT_PERCENTILES,
  draws = RANGE_DRAWS,
): ScheduleRanges {
  const { months, periodsPerMonth } = options;
  const pointPredictor = modelDefinition(model.model)!.purchasePredictor!(model.params);
  const { frequency, recency, age, monetary, spendPerPurchase } = customers;
  const full = baseSchedule(pointPredictor, frequency, recency, age, spendPerPurchase, months, periodsPerMonth);
  const rows = sampleRows(frequency.length);
  const sample = {
    frequency: pick(frequency, rows),
    recency: pick(recency, rows),
    age: roundedAges(pick(age, rows)),
    monetary: pick(monetary, rows),
    spend: pick(spendPerPurchase, rows),
  };
  for (let i = 0; i < rows.length; i++) sample.recency[i] = Math.min(sample.recency[i], sample.age[i]);
  const sampleSchedule = (predictor: PurchasePredictor, spend: ArrayLike<number>) =>
    baseSchedule(predictor, sample.frequency, sample.recency, sample.age, spend, months, periodsPerMonth);
  const samplePoint = sampleSchedule(pointPredictor, sample.spend);
  const ratio = (value: number, point: number, of: number) => (point > 0 ? (of * value) / point : of);

  const revenue = Array.from({ length: months }, () => new Float64Array(draws));
  const discounted = Array.from({ length: months }, () => new Float64Array(draws));
  const totalRevenue = new Float64Array(draws);
  const totalDiscounted = new Float64Array(draws);
  let s = 0;
  eachDraw(model, customers, draws, (draw) => {
    const drawn = sampleSchedule(draw.predictor, spendFor(draw, sample.frequency, sample.monetary, sample.spend));
    const base: BaseSchedule = {
      purchases: drawn.purchases.map((v, m) => ratio(v, samplePoint.purchases[m], full.purchases[m])),
      revenue: drawn.revenue.map((v, m) => ratio(v, samplePoint.revenue[m], full.revenue[m])),
    };
    const future = cohorts
      ? cohortSchedule(
          draw.predictor,
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
  const values = new Float32Array(n * RANGE_DRAWS);
  let s = 0;
  eachDraw(model, customers, RANGE_DRAWS, (draw) => {
    const spend = spendFor(draw, customers.frequency, customers.monetary, customers.spendPerPurchase);
    const column = predictiveClvColumn(
      draw.predictor,
      customers.frequency,
      customers.recency,
      customers.age,
      spend,
      options,
    );
    for (let i = 0; i < n; i++) {
      const value = column[i];
      if (typeof value !== "number" || !Number.isFinite(value)) throw new RangeError("draw");
    }
    for (let i = 0; i < n; i++) values[i * RANGE_DRAWS + s] = column[i] as number;
    s++;
  });
  const low = new Float64Array(n);
  const high = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const own = values.subarray(i * RANGE_DRAWS, (i + 1) * RANGE_DRAWS).sort();
    low[i] = percentileOfSorted(own, percentiles.low);
    high[i] = percentileOfSorted(own, percentiles.high);
  }
  return { low, high };
}
