/**
 * ₂F₁(1, b; c; z) for 0 < b < c and 0 ≤ z < 1: the series of the discounted residual lifetimes and transactions
 * (Fader & Hardie 2010, "Customer-base valuation in a contractual setting", DERL; Fader, Hardie & Shang 2010 eq. 14,
 * DERT), Σ_j (b)_j/(c)_j·z^j. Its terms have the easy ratio (b + j)/(c + j)·z < z, so the part after a term t is
 * below t·z/(1 − z) and the sum stops as soon as that is below its last digit: a number of terms bounded by z alone.
 * (@stdlib's hyp2f1 returns NaN for some of these arguments, e.g. b = 10⁶, c = 10⁶ + 3, z = 0.999.)
 *
 * Values at b₀ + k, c₀ + k for many k share the work (HypergeometricLadder): F(k) = 1 + z·(b₀+k)/(c₀+k)·F(k + 1),
 * taken downwards where each step shrinks the error carried from above, so a range of a million k costs one series
 * and a million multiplications.
 */
import { valueError } from "../errors";

/** The most terms one series may take (a few tens of milliseconds). */
export const MAX_SERIES_TERMS = 10_000_000;

/** Terms the series needs at most for z: t·z/(1 − z) ≤ 1e-16 with t ≤ z^j. */
function termsNeeded(z: number): number {
  if (z <= 0) return 1;
  return Math.ceil((Math.log(1e16) + Math.log(z / (1 - z))) / -Math.log(z));
}

/** z = 1/(1 + d) for the smallest period rate d whose series keeps within MAX_SERIES_TERMS (found once). */
export const MIN_PERIOD_RATE: number = (() => {
  let lo = 1e-12;
  let hi = 1;
  for (let i = 0; i < 200; i++) {
    const mid = Math.sqrt(lo * hi);
    if (termsNeeded(1 / (1 + mid)) > MAX_SERIES_TERMS) lo = mid;
    else hi = mid;
  }
  return hi;
})();

/** Refuses a discount rate per period whose series would take more than MAX_SERIES_TERMS terms. */
export function requireSummableRate(periodRate: number): void {
  if (termsNeeded(1 / (1 + periodRate)) > MAX_SERIES_TERMS) {
    // Two significant digits, rounded up so that the rate named is one that is accepted.
    const digits = 10 ** (Math.floor(Math.log10(MIN_PERIOD_RATE)) - 1);
    throw valueError("residual.rateTooSmall", {
      found: Number(periodRate.toPrecision(3)),
      min: Math.ceil(MIN_PERIOD_RATE / digits) * digits,
    });
  }
}

/** ₂F₁(1, b; c; z), 0 < b < c, 0 ≤ z < 1, z = 1/(1 + d) with d at least MIN_PERIOD_RATE (the caller checks). */
export function hyp2f1One(b: number, c: number, z: number): number {
  const tail = z / (1 - z);
  let term = 1;
  let sum = 1;
  for (let j = 0; j < MAX_SERIES_TERMS; j++) {
    term *= ((b + j) / (c + j)) * z;
    sum += term;
    if (term * tail <= 1e-16 * sum) break;
  }
  return sum;
}

/**
 * F(k) = ₂F₁(1, b₀ + k; c₀ + k; z) for whole k in 0..max, computed on demand: the values known form one run
 * [lo, hi]; a k below it extends the run down by the recurrence, a k above it starts a new series at a top that
 * grows geometrically (so at most a few series whatever the order of the requests) and comes down to the run.
 */
export class HypergeometricLadder {
  private values = new Float64Array(0);
  private lo = 0;
  private hi = -1;

  constructor(
    private readonly b0: number,
    private readonly c0: number,
    private readonly z: number,
    private readonly max: number,
  ) {}

  at(k: number): number {
    const { lo, hi } = this;
    if (k >= lo && k <= hi) return this.values[k - lo];
    if (hi < lo) {
      this.values = Float64Array.of(hyp2f1One(this.b0 + k, this.c0 + k, this.z));
      this.lo = this.hi = k;
      return this.values[0];
    }
    const span = hi - lo + 1;
    if (k < lo) {
      // Down to k, or a run's length below it when that is further (fewer copies for requests that go down).
      const bottom = Math.max(0, Math.min(k, lo - span));
      const values = new Float64Array(hi - bottom + 1);
      values.set(this.values, lo - bottom);
      this.fill(values, bottom, lo);
      this.values = values;
      this.lo = bottom;
    } else {
      // Above the run: a new series at a top far enough that later requests are likely below it, then down.
      const top = Math.min(this.max, Math.max(k, hi + 4 * span + 4096));
      const values = new Float64Array(top - lo + 1);
      values.set(this.values, 0);
      values[top - lo] = hyp2f1One(this.b0 + top, this.c0 + top, this.z);
      this.fill(values, lo, top, hi + 1);
      this.values = values;
      this.hi = top;
    }
    return this.values[k - this.lo];
  }

  /**
   * values[i] holds F(origin + i); F(from) is known: fills F(from − 1) down to F(until) by
   * F(k) = 1 + z·(b₀+k)/(c₀+k)·F(k+1).
   */
  private fill(values: Float64Array, origin: number, from: number, until = origin): void {
    let f = values[from - origin];
    for (let k = from - 1; k >= until; k--) {
      f = 1 + ((this.z * (this.b0 + k)) / (this.c0 + k)) * f;
      values[k - origin] = f;
    }
  }
}
