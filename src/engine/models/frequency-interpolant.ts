/**
 * A customer's future given alive, as a function of the frequency x at a fixed age T, for columns where many
 * frequencies share few ages (a base observed over one calibration period, T the same for everyone, frequencies all
 * different: up to 1,048,576 distinct x). The grouping by x of columns.ts and clv.ts then computes the value once per
 * customer, at the cost of a whole horizon's sum each (CUST.PCLV over 1,000,000 months). In every continuous-time
 * model here that value is analytic in x (x enters through r + x and b + x), so ln f(x) is interpolated in ln x by a
 * verified piecewise Chebyshev interpolant (src/engine/optim/chebyshev.ts: coefficients decayed below 1e-13, check
 * points matching to 1e-12 of the shifted logarithm, that is about 1e-12·(1 + 3·max|ln f|) relative in f), built from a
 * few hundred evaluations.
 */
import { chebyshevInterpolant } from "../optim/chebyshev";

/** At most this many distinct ages: beyond, the grouping by x (and interpolation in T) is the better split. */
const MAX_AGES = 32;
/** At least this many distinct frequencies x ≥ 1 at an age before an interpolant is worth building. */
const MIN_FREQUENCIES = 256;

/**
 * ifAliveAt(x, T) for each row, interpolated in x where many frequencies share an age; NaN for the rows left to the
 * caller (x = 0, small groups, values that cannot be resolved). null when the rows have too many distinct ages or
 * too few frequencies for any interpolant.
 */
export function valuesByFrequency(
  ifAliveAt: (x: number, T: number) => number,
  frequency: ArrayLike<number>,
  age: ArrayLike<number>,
  rows?: ArrayLike<number>,
): Float64Array | null {
  const n = rows ? rows.length : frequency.length;
  const at = (k: number) => (rows ? rows[k] : k);
  const byAge = new Map<number, number[]>();
  for (let k = 0; k < n; k++) {
    const T = age[at(k)];
    let members = byAge.get(T);
    if (!members) {
      if (byAge.size === MAX_AGES) return null;
      byAge.set(T, (members = []));
    }
    members.push(k);
  }
  const out = new Float64Array(n).fill(NaN);
  let any = false;
  for (const [T, members] of byAge) {
    let lo = Infinity;
    let hi = -Infinity;
    const distinct = new Set<number>();
    for (const k of members) {
      const x = frequency[at(k)];
      if (!(x >= 1)) continue;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
      if (distinct.size < MIN_FREQUENCIES) distinct.add(x);
    }
    if (distinct.size < MIN_FREQUENCIES) continue;
    // ln f shifted to at least 1 in size at the ends: a probability near 1 (ln f ≈ 0) would otherwise leave the
    // coefficients' decay to be judged against rounding noise, and the interpolant would never be accepted.
    const logAt = (v: number) => Math.log(ifAliveAt(Math.exp(v), T));
    const shift = 1 + Math.abs(logAt(Math.log(lo))) + Math.abs(logAt(Math.log(hi)));
    if (!Number.isFinite(shift)) continue;
    const logValue = chebyshevInterpolant((v) => logAt(v) + shift, Math.log(lo), Math.log(hi), 1);
    if (!logValue) continue;
    any = true;
    for (const k of members) {
      const x = frequency[at(k)];
      if (x >= 1) out[k] = Math.exp(logValue(Math.log(x)) - shift);
    }
  }
  return any ? out : null;
}
