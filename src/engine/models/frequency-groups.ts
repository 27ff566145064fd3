/**
 * Customers grouped by frequency, with the span of their ages: what the column paths (columns.ts, clv.ts,
 * customer-ranges.ts, smooth-schedule.ts) need to decide, frequency by frequency, whether a quantity of (x, T) is
 * computed at each distinct age or interpolated in T.
 */

/** At most this many distinct ages in a frequency: a quantity of (x, T) is computed at each of them. */
export const DIRECT_AGES = 32;

/** The ages of some rows: their span and whether they hold more than DIRECT_AGES distinct values. */
export interface AgeSpan {
  lo: number;
  hi: number;
  /** More than DIRECT_AGES distinct ages: an interpolant in T is cheaper than a value per age. */
  manyAges: boolean;
}

/** The customers of one frequency: their rows, in row order, and the span of their ages. */
export interface FrequencyGroup extends AgeSpan {
  x: number;
  rows: Int32Array;
}

/** The span of the ages of `rows` (lo = +∞, hi = −∞ when there are none). */
export function ageSpan(rows: ArrayLike<number>, age: ArrayLike<number>): AgeSpan {
  let lo = Infinity;
  let hi = -Infinity;
  // Counting stops past DIRECT_AGES: a frequency of a million customers keeps a set of 33.
  const seen = new Set<number>();
  for (let k = 0; k < rows.length; k++) {
    const T = age[rows[k]];
    lo = Math.min(lo, T);
    hi = Math.max(hi, T);
    if (seen.size <= DIRECT_AGES) seen.add(T);
  }
  return { lo, hi, manyAges: seen.size > DIRECT_AGES };
}

/**
 * The rows (all of them, or only those listed in `only`, in that order) grouped by frequency, the groups in order of
 * each frequency's first row.
 */
export function customersByFrequency(
  frequency: ArrayLike<number>,
  age: ArrayLike<number>,
  only?: ArrayLike<number>,
): FrequencyGroup[] {
  const count = only ? only.length : frequency.length;
  const members = new Map<number, number[]>();
  for (let k = 0; k < count; k++) {
    const i = only ? only[k] : k;
    let rows = members.get(frequency[i]);
    if (!rows) members.set(frequency[i], (rows = []));
    rows.push(i);
  }
  return Array.from(members, ([x, list]) => {
    const rows = Int32Array.from(list);
    return { x, rows, ...ageSpan(rows, age) };
  });
}
