import { clvWork, discountedPurchases, MAX_MONTHS, predictiveClv } from "../../../src/engine/models/clv";
import { bgnbdPredictor } from "../../../src/engine/models/bgnbd";
import { paretoNbdPredictor } from "../../../src/engine/models/pareto-nbd";
import { PurchasePredictor } from "../../../src/engine/models/types";
import { inputError } from "../../support/thrown";

/** The month-by-month sum, as lifetimes computes it (summed by parts, compensated). */
function direct(E: (months: number) => number, M: number, rho: number): number {
  let sum = 0;
  let carry = 0;
  for (let i = 1; i < M; i++) {
    const y = Math.exp(-rho * i) * E(i) - carry;
    const next = sum + y;
    carry = next - sum - y;
    sum = next;
  }
  return Math.exp(-rho * M) * E(M) - Math.expm1(-rho) * sum;
}

const rhoOf = (annual: number) => Math.log1p(Math.pow(1 + annual, 1 / 12) - 1);

describe("the discounted sum over months (cost independent of the horizon)", () => {
  test("equals the month-by-month sum to 1e-10 for smooth expected-purchase curves", () => {
    for (const L of [0.5, 3, 300])
      for (const k of [0.3, 1.7])
        for (const annual of [1e-9, 0.01, 0.1, 10])
          for (const M of [12, 61, 360, 3000]) {
            // E(s) grows like s^(1−k) (a < 1 in BG/NBD) or settles (k > 1), singular at s = −L.
            const E = (s: number) => (5 * (Math.pow(1 + s / L, 1 - k) - 1)) / (1 - k) + 0.01 * s;
            expect(discountedPurchases(E, M, rhoOf(annual)) / direct(E, M, rhoOf(annual)) - 1).toBeCloseTo(0, 10);
          }
  });
  test("equals it for the models' own predictions, days, weeks and months", () => {
    const models = [
      bgnbdPredictor({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }),
      paretoNbdPredictor({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }),
    ];
    // (@stdlib's 2F1, which BG/NBD uses, runs about 100 times slower under jest: a short grid for it.)
    for (const [model, grid] of [
      [models[0], [4.348]],
      [models[1], [30.4375, 4.348, 1]],
    ] as const)
      for (const f of grid)
        for (const annual of [0, 0.1, 1])
          for (const M of [61, 360]) {
            const customer = { frequency: 2, recency: 30, age: 38 };
            const E = (m: number) => model.expectedPurchases(customer, m * f);
            expect(discountedPurchases(E, M, rhoOf(annual)) / direct(E, M, rhoOf(annual)) - 1).toBeCloseTo(0, 10);
          }
  });
  test("the work does not grow with the horizon: at most ~250 evaluations up to 1,000,000 months (one per month before)", () => {
    let calls = 0;
    const counting: PurchasePredictor = {
      probabilityAlive: () => 1,
      expectedPurchases: (_customer, t) => {
        calls++;
        return 3 * Math.log1p(t / 40);
      },
      expectedPurchasesNewCustomer: () => 0,
      probabilityOfPurchases: () => 0,
    };
    const customer = { frequency: 1, recency: 10, age: 20 };
    for (const months of [360, 1e4, MAX_MONTHS])
      for (const annualDiscountRate of [0, 1e-9, 0.1, 5]) {
        calls = 0;
        clvWork.evaluations = 0;
        const value = predictiveClv(counting, customer, 20, {
          months,
          annualDiscountRate,
          margin: 0.3,
          periodsPerMonth: 4.348,
        });
        expect(Number.isFinite(value)).toBe(true);
        expect(calls).toBeLessThan(260);
        expect(clvWork.evaluations).toBe(calls);
      }
    expect(
      inputError(() =>
        predictiveClv(counting, customer, 20, {
          months: MAX_MONTHS + 1,
          annualDiscountRate: 0,
          margin: 1,
          periodsPerMonth: 1,
        }),
      ).key,
    ).toBe("valuemodels.clv.tooManyMonths");
  });
});
