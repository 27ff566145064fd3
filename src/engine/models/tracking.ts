/**
 * Tracking of a customer base's repeat purchases (Fader, Hardie & Lee 2005, "Counting your customers the easy
 * way", fig. 3; BTYD's *.ExpectedCumulativeTransactions; lifetimes' expected_cumulative_transactions): period by
 * period from the earliest first purchase, the repeat purchases the model expects of everyone acquired so far.
 * A customer whose first purchase was at time b contributes E[X(t − b)] to the cumulative total at t > b, where
 * E[X(·)] is the model's expectation for a customer just acquired; b is read off the customers' ages at the end
 * of calibration, b = max T − T.
 */
import { valueError } from "../errors";
import { PurchasePredictor } from "./types";

export interface TrackingPoint {
  /** End of the period, in the data's unit from the earliest first purchase (step, 2·step, …). */
  end: number;
  /** Expected repeat purchases in the period. */
  incremental: number;
  /** Expected repeat purchases from the earliest first purchase to the end of the period. */
  cumulative: number;
}

/** Periods × distinct first-purchase times above which a tracking table is refused (a bound on the work). */
export const MAX_TRACKING_WORK = 2_000_000;
/** At most this many periods. */
export const MAX_TRACKING_PERIODS = 10_000;
/**
 * With whole-number T and step (BG/BB's opportunities, T in whole days), times since acquisition are whole numbers up
 * to periods × step, so E[X(t)] is evaluated at most that many times (per predictor: that product is held to
 * MAX_TRACKING_WORK) and each (period, T) pair is one look-up and one multiplication: the pairs are bounded by this
 * instead of MAX_TRACKING_WORK (about 10 ns each).
 */
export const MAX_TRACKING_LATTICE_PAIRS = 50_000_000;

/**
 * Expected repeat purchases of the whole base per period. ages are the customers' T (time from first purchase
 * to the end of calibration), weights how many customers each row stands for (default 1), step the length of a
 * period, and horizon the end of the last one, both in the data's unit. The work is periods × distinct T (per
 * predictor). `predictorOf` gives row i's own predictor when customers differ (static covariates); `predictor` is
 * then the base model, for its capabilities.
 */
export function expectedTracking(
  predictor: PurchasePredictor,
  ages: ArrayLike<number>,
  horizon: number,
  step = 1,
  weights?: ArrayLike<number>,
  predictorOf?: (row: number) => PurchasePredictor,
): TrackingPoint[] {
  if (!(step > 0) || !Number.isFinite(step)) throw valueError("residual.trackingBadStep", { found: step });
  if (!(horizon >= step) || !Number.isFinite(horizon))
    throw valueError("residual.trackingBadHorizon", { found: horizon, step });
  const periods = Math.floor(horizon / step + 1e-9);
  if (periods > MAX_TRACKING_PERIODS) {
    throw valueError("residual.trackingTooManyPeriods", { found: periods, max: MAX_TRACKING_PERIODS });
  }
  if (predictor.discrete && !Number.isInteger(step)) throw valueError("residual.trackingNotWholeStep", { found: step });
  // Per predictor, the customers of each T.
  const counts = new Map<PurchasePredictor, Map<number, number>>();
  let distinct = 0;
  let oldest = -Infinity;
  for (let i = 0; i < ages.length; i++) {
    const T = ages[i];
    const w = weights ? weights[i] : 1;
    if (!(T >= 0) || !Number.isFinite(T)) throw valueError("residual.trackingBadAge", { row: i + 1, found: T });
    if (!(w >= 0) || !Number.isFinite(w)) throw valueError("residual.trackingBadWeight", { row: i + 1, found: w });
    if (predictor.discrete && !Number.isInteger(T))
      throw valueError("residual.trackingNotWholeAge", { row: i + 1, found: T });
    if (w === 0) continue;
    const own = predictorOf ? predictorOf(i) : predictor;
    let byAge = counts.get(own);
    if (!byAge) counts.set(own, (byAge = new Map()));
    if (!byAge.has(T)) distinct++;
    byAge.set(T, (byAge.get(T) ?? 0) + w);
    if (T > oldest) oldest = T;
  }
  if (distinct === 0) throw valueError("residual.trackingNoCustomers");
  const births = [...counts.entries()].flatMap(([own, byAge]) =>
    [...byAge.entries()].map(([T, count]) => ({ predictor: own, birth: oldest - T, count })),
  );
  const pairs = periods * distinct;
  // On the lattice the evaluations are at most (predictors) × periods × step, bounded as the pairs are otherwise.
  const lattice =
    Number.isInteger(step) &&
    births.every(({ birth }) => Number.isInteger(birth)) &&
    counts.size * periods * step <= MAX_TRACKING_WORK;
  if (lattice ? pairs > MAX_TRACKING_LATTICE_PAIRS : pairs > MAX_TRACKING_WORK) {
    throw valueError("residual.trackingTooMuchWork", {
      periods,
      distinct,
      max: lattice ? MAX_TRACKING_LATTICE_PAIRS : MAX_TRACKING_WORK,
    });
  }
  if (lattice) return latticeTracking(births, periods, step);
  // Many (period, birth) pairs ask for the same time since acquisition (ages on a lattice of days): each
  // predictor's E[X(t)] is computed once per distinct t (the same number in, so the same number out).
  const known = new Map<PurchasePredictor, Map<number, number>>();
  const expectation = (own: PurchasePredictor, t: number): number => {
    let memo = known.get(own);
    if (!memo) known.set(own, (memo = new Map()));
    let value = memo.get(t);
    if (value === undefined) memo.set(t, (value = own.expectedPurchasesNewCustomer(t)));
    return value;
  };
  const points: TrackingPoint[] = [];
  let previous = 0;
  for (let k = 1; k <= periods; k++) {
    const end = k * step;
    let cumulative = 0;
    for (const { predictor: own, birth, count } of births) {
      if (birth < end) cumulative += count * expectation(own, end - birth);
    }
    points.push({ end, incremental: cumulative - previous, cumulative });
    previous = cumulative;
  }
  return points;
}

/**
 * expectedTracking when every time since acquisition is a whole number: each predictor's E[X(t)] in an array by t
 * (at most periods × step values), so a (period, T) pair costs a look-up and a multiplication.
 */
function latticeTracking(
  births: readonly { predictor: PurchasePredictor; birth: number; count: number }[],
  periods: number,
  step: number,
): TrackingPoint[] {
  const span = periods * step;
  const tables = new Map<PurchasePredictor, Float64Array>();
  const rows = births.map(({ predictor: own, birth, count }) => {
    let table = tables.get(own);
    if (!table) tables.set(own, (table = new Float64Array(span + 1).fill(NaN)));
    return { predictor: own, birth, count, table };
  });
  const points: TrackingPoint[] = [];
  let previous = 0;
  for (let k = 1; k <= periods; k++) {
    const end = k * step;
    let cumulative = 0;
    for (const { predictor: own, birth, count, table } of rows) {
      if (birth >= end) continue;
      const t = end - birth;
      let value = table[t];
      if (Number.isNaN(value)) value = table[t] = own.expectedPurchasesNewCustomer(t);
      cumulative += count * value;
    }
    points.push({ end, incremental: cumulative - previous, cumulative });
    previous = cumulative;
  }
  return points;
}
