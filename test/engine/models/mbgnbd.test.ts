import { mbgnbdLogLikelihood, mbgnbdPredictor } from "../../../src/engine/models/mbgnbd";

const params = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };

describe("MBG/NBD", () => {
  test("single-customer log-likelihood (pymc-marketing's test values, T = 40)", () => {
    expect(mbgnbdLogLikelihood(params, { frequency: 0, recency: 0, age: 40 })).toBeCloseTo(-0.41792826, 6);
    expect(mbgnbdLogLikelihood(params, { frequency: 200, recency: 38, age: 40 })).toBeCloseTo(100.7869, 4);
  });
  const model = mbgnbdPredictor({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 });
  test("unlike BG/NBD, a one-time buyer may already be gone: P(alive) < 1 when x = 0", () => {
    const alive = model.probabilityAlive({ frequency: 0, recency: 0, age: 38 });
    expect(alive).toBeLessThan(1);
    expect(alive).toBeGreaterThan(0);
  });
  test("the pmf sums to 1 and its mean is E[X(t)]", () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const p = model.probabilityOfPurchases(n, 52);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 8);
    expect(mean).toBeCloseTo(model.expectedPurchasesNewCustomer(52), 6);
  });
  test("E[X(t)] for a new customer matches a simulation of the model's own story", () => {
    // 2,000,000 simulated customers (numpy, seed 1) at these parameters gave a mean of 1.4216 purchases in 52 periods.
    expect(model.expectedPurchasesNewCustomer(52)).toBeCloseTo(1.42, 2);
  });
  test("P(at least one purchase) ≤ P(alive) and grows with t", () => {
    const customer = { frequency: 3, recency: 20, age: 38 };
    const soon = model.probabilityOfAnyPurchase!(customer, 4);
    const later = model.probabilityOfAnyPurchase!(customer, 40);
    expect(soon).toBeGreaterThan(0);
    expect(later).toBeGreaterThan(soon);
    expect(later).toBeLessThan(model.probabilityAlive(customer));
  });
});
