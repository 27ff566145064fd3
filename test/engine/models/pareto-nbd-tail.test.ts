/**
 * The Pareto/NBD death term by Pfaff's transformation (src/engine/models/pareto-nbd-tail.ts), against the quadrature
 * over [t_x, T] (logDeathIntegral) wherever both apply, and against Laplace's method at frequencies in the billions
 * (issue 12: P(alive) and the log-likelihood of 1,048,576 such customers in seconds, not minutes).
 */
import fc from "fast-check";
import { paretoNbdPredictor } from "../../../src/engine/models/pareto-nbd";
import { logDeathIntegral } from "../../../src/engine/models/pareto-nbd-likelihood";
import { logDeathTerm, logTailByPfaff } from "../../../src/engine/models/pareto-nbd-tail";
import { integrate } from "../../../src/engine/optim/quadrature";

const scale = fc.double({ min: Math.log(0.01), max: Math.log(1e4), noNaN: true }).map(Math.exp);

describe("the Pareto/NBD death term by the transformed series", () => {
  test("equals the quadrature to 1e-10 relative (in the integral) over parameters 0.01–10⁴ and x up to 10⁵", () => {
    fc.assert(
      fc.property(
        fc.tuple(scale, scale, scale, scale),
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: Math.log(1e5), noNaN: true }).map(Math.exp),
        ([r, alpha, s, beta], x, share, T) => {
          const tx = share * T;
          if (tx >= T) return;
          const reference = logDeathIntegral(r, alpha, s, beta, x, tx, T);
          // ln I to 1e-10 absolute is I to 1e-10 relative.
          expect(Math.abs(logDeathTerm(r, alpha, s, beta, x, tx, T) - reference)).toBeLessThan(
            1e-10 * Math.max(1, 1e-5 * Math.abs(reference)),
          );
        },
      ),
      { numRuns: 600 },
    );
  });
  test("takes the series, not the quadrature, where |w| ≤ ½, and gives way beyond", () => {
    expect(logTailByPfaff(72.67, 73.43, 1e9, 1.576, 990_000)).not.toBeNull();
    expect(logTailByPfaff(1e4, 0.01, 5, 1.576, 100)).toBeNull();
    // α = β: the series is 1 and F(t) = (α+t)^−(m+n−1) / (m+n−1).
    expect(logTailByPfaff(10, 10, 3, 2, 5)).toBeCloseTo(-4 * Math.log(15) - Math.log(4), 14);
  });
  // Laplace's method in w = m·ln((α+τ)/(α+t_x)): ln I = −m ln A − n ln B + ln(A/m) + (1 − n·A/B)/m + O(1/m²), with
  // A = α + t_x, B = β + t_x: an evaluation independent of both others, exact to about 1/m² here.
  test.each([
    [1e9, 990_000],
    [3e8, 999_999],
    [2e7, 500_000],
  ])("x = %d, t_x = %d, T = 10^6: Laplace's method", (x, tx) => {
    const [r, alpha, s, beta] = [0.575, 72.67, 0.576, 73.43];
    const m = r + x;
    const n = s + 1;
    const A = alpha + tx;
    const B = beta + tx;
    const laplace = -m * Math.log(A) - n * Math.log(B) + Math.log(A / m) + (1 - (n * A) / B) / m;
    // ln I is about −1.4e10 at x = 10^9: its own rounding is ~2e-6 absolute.
    expect(Math.abs(logDeathTerm(r, alpha, s, beta, x, tx, 1e6) - laplace)).toBeLessThan(1e-15 * Math.abs(laplace));
  });
  test("P(alive) at frequencies 10^6–10^9 stays in [0, 1], and 1 at t_x = T", () => {
    const model = paretoNbdPredictor({ r: 0.575, alpha: 72.67, s: 0.576, beta: 73.43 });
    for (const x of [1e6, 1e7, 1e8, 1e9]) {
      let previous = 0;
      for (const tx of [500_000, 999_000, 999_990, 999_999.9, 1e6]) {
        const alive = model.probabilityAlive({ frequency: x, recency: tx, age: 1e6 });
        expect(alive).toBeGreaterThanOrEqual(previous);
        expect(alive).toBeLessThanOrEqual(1);
        previous = alive;
      }
      expect(previous).toBe(1);
    }
  });
});

describe("Pareto/NBD P(any purchase) at large frequencies", () => {
  const params = { r: 0.575, alpha: 72.67, s: 0.576, beta: 73.43 };
  const model = paretoNbdPredictor(params);
  test("1 − P(buy | alive) is the chance to die first, s/(r+x−1)·(α+T)/(β+T) to O(1/x²) (it was 0 at x = 5e8)", () => {
    for (const x of [1e6, 5e8, 1e9]) {
      const customer = { frequency: x, recency: 1e6, age: 1e6 };
      const none = 1 - model.probabilityOfAnyPurchase!(customer, 365);
      const leading = ((params.s / (params.r + x - 1)) * (params.alpha + 1e6)) / (params.beta + 1e6);
      expect(Math.abs(none / leading - 1)).toBeLessThan(1e-5);
    }
  });
  test("agrees with adaptive quadrature where that resolves the spike (r + x from 1,000 to 3,000 over 3 periods)", () => {
    for (const x of [1000, 1500, 3000]) {
      const [shape, a, b] = [params.r + x, params.alpha + 40, params.beta + 40];
      const t = 3;
      const survive = Math.exp(-shape * Math.log1p(t / a) - params.s * Math.log1p(t / b));
      const die = integrate(
        (tau) => (params.s / b) * Math.exp(-(params.s + 1) * Math.log1p(tau / b) - shape * Math.log1p(tau / a)),
        0,
        t,
        1e-13,
      );
      const none = 1 - model.probabilityOfAnyPurchase!({ frequency: x, recency: 40, age: 40 }, t);
      expect(Math.abs(none / (survive + die) - 1)).toBeLessThan(1e-10);
    }
  });
});
