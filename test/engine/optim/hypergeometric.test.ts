import hyp2f1 from "@stdlib/math-base-special-hyp2f1";
import fc from "fast-check";
import {
  HypergeometricLadder,
  hyp2f1One,
  MAX_SERIES_TERMS,
  MIN_PERIOD_RATE,
  requireSummableRate,
} from "../../../src/engine/optim/hypergeometric";
import { inputError } from "../../support/thrown";

describe("₂F₁(1, b; c; z) by its series", () => {
  test("equals @stdlib's hyp2f1 where that is finite", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        fc.double({ min: 0.01, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        (b, gap, z) => {
          const expected = hyp2f1(1, b, b + gap, z);
          fc.pre(Number.isFinite(expected));
          expect(Math.abs(hyp2f1One(b, b + gap, z) - expected)).toBeLessThanOrEqual(1e-12 * expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  test("is finite where @stdlib's gives NaN: b = 10⁶, c = b + 3, z = 0.999 against the sum written out", () => {
    const b = 1e6;
    const z = 0.999;
    expect(Number.isNaN(hyp2f1(1, b, b + 3, z))).toBe(true);
    // (b)_j/(b+3)_j = b(b+1)(b+2)/((b+j)(b+j+1)(b+j+2)); 0.999^60000 < 1e-26.
    let sum = 0;
    let power = 1;
    for (let j = 0; j < 60_000; j++) {
      sum += ((((power * b) / (b + j)) * (b + 1)) / (b + j + 1)) * ((b + 2) / (b + j + 2));
      power *= z;
    }
    expect(hyp2f1One(b, b + 3, z)).toBeCloseTo(sum, 9);
  });

  test("a rate per period below MIN_PERIOD_RATE is refused with a message naming the least one accepted", () => {
    expect(MIN_PERIOD_RATE).toBeGreaterThan(1e-6);
    expect(MIN_PERIOD_RATE).toBeLessThan(1e-4);
    expect(() => requireSummableRate(MIN_PERIOD_RATE * 1.01)).not.toThrow();
    const error = inputError(() => requireSummableRate(1e-9));
    expect(error.key).toBe("residual.rateTooSmall");
    expect(Number(error.params.min)).toBeGreaterThanOrEqual(MIN_PERIOD_RATE);
    expect(() => requireSummableRate(Number(error.params.min))).not.toThrow();
    expect(MAX_SERIES_TERMS).toBe(10_000_000);
  });
});

describe("HypergeometricLadder: many consecutive b, c share one series", () => {
  test("any order of requests gives the series' own value at each k", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.constantFrom(0.5, 0.1, 0.01),
        fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 12 }),
        (b0, gap, rate, ks) => {
          const z = 1 / (1 + rate);
          const ladder = new HypergeometricLadder(b0, b0 + gap, z, 200_000);
          for (const k of ks) {
            const expected = hyp2f1One(b0 + k, b0 + gap + k, z);
            expect(Math.abs(ladder.at(k) - expected)).toBeLessThanOrEqual(1e-11 * expected);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
