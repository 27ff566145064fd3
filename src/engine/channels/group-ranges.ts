/**
 * The range of each group's predicted CLV (the Channels sheet; CUST.PCLVRANGE with `groups`): per group, the low and
 * high of Σ PCLV over the group's customers, made as scheduleRanges makes the base's (src/engine/forecast/ranges.ts)
 * with the same RANGE_DRAWS draws of the fitted parameters for every group: the fit's uncertainty is that of the
 * whole base (its information matrix on all the customers), so groups are compared on the same draws and a small
 * group gets a range too. Each group's total for a draw is its total at the fitted parameters × (its sample's value
 * for the draw ÷ its sample's at the fitted parameters), month by month; each group's sample is at most RANGE_SAMPLE
 * of its customers (seeded), their ages rounded to the grid of AGE_LEVELS ages scheduleRanges uses for the whole
 * base. With one group, and for all the customers together, this is exactly scheduleRanges' total (the same draws,
 * sample and rounding): CUST.PCLVRANGE(…, TRUE) on the same customers.
 *
 * Cost: the information matrix once; per draw, P(alive) of the sampled customers and the monthly schedule of each
 * distinct (frequency, rounded age) once for all the groups (memoised), so the work grows with the samples
 * (at most min(customers, groups × RANGE_SAMPLE)) × draws and with distinct histories × months, not with the
 * number of customers beyond that (BENCHMARKS.md, "Value by group").
 */
import { InputError } from "../errors";
import { ClvOptions } from "../models/clv";
import { PurchasePredictor } from "../models/types";
import type { CellValue } from "../sheet-data";
import {
  AGE_LEVELS,
  DEFAULT_PERCENTILES,
  eachDraw,
  groupedSchedule,
  groupPredictors,
  PredictorOf,
  Percentiles,
  RANGE_DRAWS,
  RANGE_SEED,
  sampleRows,
  spendFor,
  ValueCustomers,
  ValueModel,
} from "../forecast/ranges";
import { percentileOfSorted } from "../forecast/uncertainty";
import { BaseSchedule, financialSchedule } from "../forecast/schedule";
import { modelDefinition } from "../models/registry";

export interface ClvRange {
  low: number;
  high: number;
}

/** Why there is no range, as a catalogue key (the sheet says it in the user's language). */
export interface RangeIssue {
  key: InputError["key"];
  params: InputError["params"];
}

/** A range, or why there is none (the fit's uncertainty could not be computed). */
export type ClvRangeOutcome = ClvRange | { issue: RangeIssue };

export const hasRange = (outcome: ClvRangeOutcome | undefined): outcome is ClvRange =>
  outcome !== undefined && "low" in outcome;

/** The Channels sheet's ranges: per group (in the order of ChannelBase.groups) and for all the customers. */
export interface ChannelRanges {
  percentiles: Percentiles;
  draws: number;
  seed: number;
  groups: ClvRangeOutcome[];
  total: ClvRangeOutcome;
}

const pick = (values: ArrayLike<number>, rows: ArrayLike<number>) => Float64Array.from(rows, (i) => values[i]);

/**
 * The predictor with E[Y(t) | x, t_x, T] remembered for the representative histories (x, x = 0 ? 0 : T, T) at whole
 * months t = m × periodsPerMonth, which the schedules of every group's sample ask for (the ages on one grid).
 */
function memoised(predictor: PurchasePredictor, periodsPerMonth: number, months: number): PurchasePredictor {
  const known = new Map<number, Map<number, Float64Array>>();
  const out: PurchasePredictor = Object.create(predictor) as PurchasePredictor;
  out.expectedPurchases = (customer, t) => {
    const { frequency: x, recency, age: T } = customer;
    const m = Math.round(t / periodsPerMonth);
    if (recency !== (x === 0 ? 0 : T) || m < 1 || m > months || m * periodsPerMonth !== t) {
      return predictor.expectedPurchases(customer, t);
    }
    let byAge = known.get(x);
    if (!byAge) known.set(x, (byAge = new Map()));
    let values = byAge.get(T);
    if (!values) byAge.set(T, (values = new Float64Array(months + 1).fill(NaN)));
    if (Number.isNaN(values[m])) values[m] = predictor.expectedPurchases(customer, t);
    return values[m];
  };
  return out;
}

/** Each covariate group's predictor, memoised (one predictor for all without covariates). */
function memoisedGroups(predictorOf: PredictorOf, periodsPerMonth: number, months: number): PredictorOf {
  const made = new Map<number, PurchasePredictor>();
  return (g) => {
    let predictor = made.get(g);
    if (!predictor) made.set(g, (predictor = memoised(predictorOf(g), periodsPerMonth, months)));
    return predictor;
  };
}

/** roundedAges' grid (ranges.ts) of these ages, as a function that rounds any age to it. */
function ageGrid(ages: Float64Array): (T: number) => number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const T of ages) {
    lo = Math.min(lo, T);
    hi = Math.max(hi, T);
  }
  if (!(hi > lo)) return (T) => T;
  const step = (hi - lo) / (AGE_LEVELS - 1);
  return (T) => lo + Math.round((T - lo) / step) * step;
}

/** Month m's value of a draw scaled from the sample to the group, as scheduleRanges scales it. */
const ratio = (value: number, point: number, of: number) => (point > 0 ? (of * value) / point : of);

/**
 * Each group's range (groups numbered 0..groupCount − 1, `groupOf[c]` customer c's, −1 for none) and the range of
 * all the customers together (scheduleRanges' total on them). A fit whose uncertainty cannot be computed gives its
 * reason for every group.
 */
export function groupClvRanges(
  model: ValueModel,
  customers: ValueCustomers,
  groupOf: ArrayLike<number>,
  groupCount: number,
  options: ClvOptions,
  percentiles: Percentiles = DEFAULT_PERCENTILES,
  draws = RANGE_DRAWS,
): ChannelRanges {
  const { months, periodsPerMonth } = options;
  const members: number[][] = Array.from({ length: groupCount }, () => []);
  for (let c = 0; c < groupOf.length; c++) if (groupOf[c] >= 0) members[groupOf[c]].push(c);
  const all = Int32Array.from({ length: customers.frequency.length }, (_, c) => c);
  // "Group" groupCount is all the customers: the totals row.
  const parts = [...members.map((rows) => Int32Array.from(rows)), all];
  const base = modelDefinition(model.model)!.purchasePredictor!(model.params);
  const covariates = model.covariates ? customers.covariates : undefined;
  const point = memoisedGroups(
    covariates ? groupPredictors(model, model.params, covariates) : () => base,
    periodsPerMonth,
    months,
  );
  const { frequency, recency, age, monetary, spendPerPurchase } = customers;
  const covariateGroup = covariates?.group;
  const full = parts.map((rows) =>
    groupedSchedule(
      point,
      covariateGroup ? pick(covariateGroup, rows) : undefined,
      pick(frequency, rows),
      pick(recency, rows),
      pick(age, rows),
      pick(spendPerPurchase, rows),
      months,
      periodsPerMonth,
    ),
  );
  // Each part's sample, every sampled age rounded to the grid of AGE_LEVELS ages that scheduleRanges puts on the
  // whole base's sample (so the totals row is CUST.PCLVRANGE's total on all the customers, and the groups' samples
  // ask for the same representative histories).
  const sampled = parts.map((rows) => {
    const chosen = sampleRows(rows.length);
    return Int32Array.from(chosen, (k) => rows[k]);
  });
  const round = ageGrid(pick(age, sampled[groupCount]));
  const ages = Float64Array.from(
    sampled.flatMap((rows) => Array.from(rows, (c) => age[c])),
    round,
  );
  let offset = 0;
  const samples = sampled.map((rows) => {
    const sample = {
      group: covariateGroup ? pick(covariateGroup, rows) : undefined,
      frequency: pick(frequency, rows),
      recency: pick(recency, rows),
      age: ages.slice(offset, offset + rows.length),
      monetary: pick(monetary, rows),
      spend: pick(spendPerPurchase, rows),
    };
    offset += rows.length;
    for (let i = 0; i < rows.length; i++) sample.recency[i] = Math.min(sample.recency[i], sample.age[i]);
    return sample;
  });
  type Sample = (typeof samples)[number];
  const sampleSchedule = (predictorOf: PredictorOf, sample: Sample, spend: ArrayLike<number>) =>
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
  const samplePoint = samples.map((sample) => sampleSchedule(point, sample, sample.spend));
  const totals = parts.map(() => new Float64Array(draws));
  let s = 0;
  try {
    eachDraw(model, customers, draws, (draw) => {
      const predictor = memoisedGroups(draw.predictorOf, periodsPerMonth, months);
      const values = samples.map((sample, g) => {
        const drawn = sampleSchedule(
          predictor,
          sample,
          spendFor(draw, sample.frequency, sample.monetary, sample.spend),
        );
        const base: BaseSchedule = {
          purchases: drawn.purchases.map((v, m) => ratio(v, samplePoint[g].purchases[m], full[g].purchases[m])),
          revenue: drawn.revenue.map((v, m) => ratio(v, samplePoint[g].revenue[m], full[g].revenue[m])),
        };
        const { total } = financialSchedule(base, null, options);
        if (!Number.isFinite(total.discounted)) throw new RangeError("draw");
        return total.discounted;
      });
      values.forEach((value, g) => (totals[g][s] = value));
      s++;
    });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const issue = { issue: { key: error.key, params: error.params } };
    return { percentiles, draws, seed: RANGE_SEED, groups: members.map(() => issue), total: issue };
  }
  const ranges = totals.map((values) => {
    values.sort();
    return { low: percentileOfSorted(values, percentiles.low), high: percentileOfSorted(values, percentiles.high) };
  });
  return { percentiles, draws, seed: RANGE_SEED, groups: ranges.slice(0, groupCount), total: ranges[groupCount] };
}

/** Each customer's group index in `labels` (groups matched as `key` matches them); −1 for none. */
export function groupIndexOf(
  group: ArrayLike<CellValue | null>,
  labels: readonly string[],
  key: (value: CellValue | null | undefined) => string,
): Int32Array {
  const index = new Map(labels.map((label, g) => [key(label), g]));
  return Int32Array.from({ length: group.length }, (_, c) => index.get(key(group[c])) ?? -1);
}
