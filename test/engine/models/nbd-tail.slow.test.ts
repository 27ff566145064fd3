import fc from "fast-check";
import { nbdTail } from "../../../src/engine/models/nbd-tail";
import { tailBySum } from "./nbd-tail-reference";

// ~20 s under jest (the reference sums up to thousands of terms a case): in the slow suite.
describe("P(N(t) ≥ n) of the NBD by the incomplete beta function, over random parameters", () => {
  test("equals the tail summed term by term, to 1e-10 relative, where that sum converges", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: -2, max: 4, noNaN: true }),
        fc.double({ min: -2, max: 4, noNaN: true }),
        fc.double({ min: -3, max: 6, noNaN: true }),
        (n, logR, logAlpha, logT) => {
          const [r, alpha, t] = [10 ** logR, 10 ** logAlpha, 10 ** logT];
          fc.pre((r * t) / alpha < 300);
          const expected = tailBySum(n, r, alpha, t);
          fc.pre(expected > 1e-300);
          const found = nbdTail(n, r, alpha, t);
          expect(Math.abs(found - expected) / expected).toBeLessThan(1e-10);
        },
      ),
      { numRuns: 150 },
    );
  });
});
