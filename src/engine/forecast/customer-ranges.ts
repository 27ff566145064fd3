/**
 * CUST.PCLV of the same customers for each of many parameter draws (the per-customer ranges of ranges.ts), with what
 * does not depend on the parameters prepared once: the customers grouped by frequency, each group's span of ages and
 * whether it has enough distinct ages for an interpolant in T. Each draw then computes what predictiveClvColumn
 * computes (src/engine/models/clv.ts), in the same order and with the same functions, so the values are its values
 * bit for bit: every row's P(alive) by the model's column form (aliveColumn), the discounted purchases given alive
 * D(x, T) once per distinct age or by the same verified Chebyshev interpolant in T, and margin × spend × P(alive) ×
 * D per row, into a typed array (no allocation per customer). Where predictiveClvColumn would take another path
 * (a discrete model, or few distinct ages, which it interpolates in x), `prepareValueColumns` gives null and the
 * caller uses predictiveClvColumn itself.
 */
import { ClvOptions, predictiveClv, valueIfAliveAt } from "../models/clv";
import { aliveColumn } from "../models/columns";
import { DIRECT_AGES, customersByFrequency } from "../models/frequency-groups";
import { PurchasePredictor } from "../models/types";
import { chebyshevInterpolant } from "../optim/chebyshev";

/**
 * margin × spend × E-discounted purchases of every row for one draw's predictor, into `into` when given (a column the
 * caller reuses for every draw); throws when a row has no finite value.
 */
export type ValueColumns = (
  predictor: PurchasePredictor,
  spend: ArrayLike<number>,
  options: ClvOptions,
  into?: Float64Array,
) => Float64Array;

/**
 * The customers prepared for many draws, or null where predictiveClvColumn interpolates in the frequency instead (at
 * most DIRECT_AGES distinct ages in all): the rows must be valid histories (0 ≤ t_x ≤ T).
 */
export function prepareValueColumns(
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  age: ArrayLike<number>,
): ValueColumns | null {
  const n = frequency.length;
  const ages = new Set<number>();
  for (let i = 0; i < n && ages.size <= DIRECT_AGES; i++) ages.add(age[i]);
  if (ages.size <= DIRECT_AGES) return null;
  const groups = customersByFrequency(frequency, age);
  const columns = { frequency, recency, age };
  const customer = { frequency: 0, recency: 0, age: 0 };
  // A group's ages, in its rows' order, and D at each of them from the interpolant.
  const largest = groups.reduce((most, group) => Math.max(most, group.rows.length), 0);
  const groupAges = new Float64Array(largest);
  const interpolated = new Float64Array(largest);
  return (predictor, spend, options, into) => {
    if (predictor.discrete) throw new RangeError("discrete");
    const unit: ClvOptions = { ...options, margin: 1 };
    for (let i = 0; i < n; i++) if (!(spend[i] >= 0 && spend[i] < Infinity)) throw new RangeError("spend");
    const ifAliveAt = valueIfAliveAt(predictor, options);
    const alive = aliveColumn(predictor, columns, groups);
    const out = into ?? new Float64Array(n);
    for (const { x, rows, lo, hi, manyAges } of groups) {
      const interpolant =
        predictor.smoothInAge && manyAges && hi > lo ? chebyshevInterpolant((T) => ifAliveAt(x, T), lo, hi) : null;
      // D at each row's age, into `interpolated`: the row loop then reads plain numbers (no value boxed per row).
      if (interpolant) {
        for (let k = 0; k < rows.length; k++) groupAges[k] = age[rows[k]];
        interpolant.fill(groupAges, rows.length, interpolated);
      } else {
        const byAge = new Map<number, number>();
        for (let k = 0; k < rows.length; k++) {
          const T = age[rows[k]];
          let ifAlive = byAge.get(T);
          if (ifAlive === undefined) byAge.set(T, (ifAlive = ifAliveAt(x, T)));
          interpolated[k] = ifAlive;
        }
      }
      for (let k = 0; k < rows.length; k++) {
        const i = rows[k];
        const ifAlive = interpolated[k];
        let purchases = alive[i] * ifAlive;
        if (Number.isNaN(ifAlive) || Number.isNaN(alive[i])) {
          customer.frequency = x;
          customer.recency = recency[i];
          customer.age = age[i];
          purchases = Number.isNaN(ifAlive)
            ? predictiveClv(predictor, customer, 1, unit)
            : predictor.probabilityAlive(customer) * ifAlive;
        }
        const value = options.margin * spend[i] * purchases;
        if (!Number.isFinite(value)) throw new RangeError("draw");
        out[i] = value;
      }
    }
    return out;
  };
}
