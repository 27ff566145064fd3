/**
 * Per-customer predictions for whole columns, at about the cost of one closed form per customer.
 * In every purchase model here a customer's future, given that they are alive at T, depends on (x, T) only: t_x
 * enters solely through P(alive) (the likelihood of an alive customer is free of t_x in BG/NBD, MBG/NBD and
 * Pareto/NBD). So any expectation E[· | x, t_x, T] = P(alive | x, t_x, T) · E[· | x, T, alive], and the second factor
 * is the value at the customer with t_x = T (the one certainly alive in Pareto/NBD, the likeliest in BG/NBD) divided
 * by that customer's P(alive). It is computed once per distinct (x, T), or, for a frequency with many distinct ages in
 * a model continuous in time, interpolated in T by a verified Chebyshev interpolant (src/engine/optim/chebyshev.ts).
 * The rows must be valid histories (checked by the caller).
 */
import { chebyshevInterpolant } from "../optim/chebyshev";
import { FrequencyGroup, customersByFrequency } from "./frequency-groups";
import { valuesByFrequency } from "./frequency-interpolant";
import { CustomerHistory, PurchasePredictor } from "./types";

export interface HistoryColumns {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  age: ArrayLike<number>;
}

/**
 * P(alive) of every row: the model's column form where it has one, else customer by customer. A row whose
 * per-customer value throws is NaN, so the caller can take that row alone and report its error in it. `groups`:
 * customersByFrequency of these columns, when the caller keeps them for many predictors.
 */
export function aliveColumn(
  predictor: PurchasePredictor,
  { frequency, recency, age }: HistoryColumns,
  groups?: readonly FrequencyGroup[],
): Float64Array {
  if (predictor.probabilityAliveColumn) return predictor.probabilityAliveColumn(frequency, recency, age, groups);
  const out = new Float64Array(frequency.length);
  const customer = { frequency: 0, recency: 0, age: 0 };
  for (let i = 0; i < out.length; i++) {
    customer.frequency = frequency[i];
    customer.recency = recency[i];
    customer.age = age[i];
    try {
      out[i] = predictor.probabilityAlive(customer);
    } catch {
      out[i] = NaN;
    }
  }
  return out;
}

/**
 * ln L of every row (the likelihood CUST.FIT maximises): the model's column form where it has one, else customer by
 * customer. A model without a likelihood gives NaN rows (callers check the capability first).
 */
export function logLikelihoodColumn(
  predictor: PurchasePredictor,
  { frequency, recency, age }: HistoryColumns,
): Float64Array {
  if (predictor.logLikelihoodColumn) return predictor.logLikelihoodColumn(frequency, recency, age);
  const out = new Float64Array(frequency.length);
  if (!predictor.logLikelihood) return out.fill(NaN);
  for (let i = 0; i < out.length; i++) {
    out[i] = predictor.logLikelihood({ frequency: frequency[i], recency: recency[i], age: age[i] });
  }
  return out;
}

/**
 * `value(customer)` for every row, for an expectation of the customer's future (expected purchases, P(any purchase)
 * in a horizon), from the rows' P(alive) (`alive`, as aliveColumn gives it) and the value given alive.
 */
export function conditionalColumn(
  predictor: PurchasePredictor,
  { frequency, recency, age }: HistoryColumns,
  alive: Float64Array,
  value: (customer: CustomerHistory) => number,
): Float64Array {
  const n = frequency.length;
  const out = new Float64Array(n);
  const ifAliveAt = (x: number, T: number): number => {
    const representative = { frequency: x, recency: x === 0 ? 0 : T, age: T };
    const p = predictor.probabilityAlive(representative);
    return p > 1e-200 ? value(representative) / p : NaN;
  };
  // Many frequencies at few ages: the value given alive interpolated in x (frequency-interpolant.ts).
  const byFrequency = predictor.smoothInAge ? valuesByFrequency(ifAliveAt, frequency, age) : null;
  const rest: number[] = [];
  for (let i = 0; i < n; i++) {
    if (byFrequency && byFrequency[i] >= 0 && alive[i] >= 0) out[i] = alive[i] * byFrequency[i];
    else rest.push(i);
  }
  const customer = { frequency: 0, recency: 0, age: 0 };
  for (const { x, rows, lo, hi, manyAges } of customersByFrequency(frequency, age, rest)) {
    const interpolant = predictor.smoothInAge && manyAges ? chebyshevInterpolant((T) => ifAliveAt(x, T), lo, hi) : null;
    const byAge = new Map<number, number>();
    for (const i of rows) {
      let ifAlive = interpolant ? interpolant(age[i]) : byAge.get(age[i]);
      if (ifAlive === undefined) {
        ifAlive = ifAliveAt(x, age[i]);
        byAge.set(age[i], ifAlive);
      }
      if (Number.isNaN(ifAlive) || Number.isNaN(alive[i])) {
        customer.frequency = x;
        customer.recency = recency[i];
        customer.age = age[i];
        out[i] = value(customer);
      } else {
        out[i] = alive[i] * ifAlive;
      }
    }
  }
  return out;
}
