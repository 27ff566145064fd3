import hyp2f1 from "@stdlib/math-base-special-hyp2f1";
import { gaussHypergeometric, paretoNbdLogLikelihood, paretoNbdPredictor } from "../../../src/engine/models/pareto-nbd";

describe("2F1 for the Pareto/NBD likelihood", () => {
  test("values checked with mpmath (30 digits)", () => {
    // mpmath.hyp2f1 at 30 digits
    expect(hyp2f1(0.55, 12.28, 2.16, 0.9) / 788985408.745921 - 1).toBeLessThan(1e-13);
    expect(Math.abs(hyp2f1(0.55, 0.61, 1.5, 0.97) / 1.66163240681783 - 1)).toBeLessThan(1e-13);
    expect(Math.abs(gaussHypergeometric(2.243, 4.426, 4.219, 0.4740258161752194) / 4.575315897643689 - 1)).toBeLessThan(
      1e-14,
    );
  });
  test("the series agrees with @stdlib's routine where it is used", () => {
    for (const z of [0, 0.05, 0.2, 0.35, 0.5]) {
      for (const x of [0, 3, 30]) {
        const a = 1.2 + x;
        expect(gaussHypergeometric(a, 1.6, a + 1, z) / hyp2f1(a, 1.6, a + 1, z)).toBeCloseTo(1, 13);
      }
    }
  });
});

describe("Pareto/NBD", () => {
  const params = { r: 0.5533, alpha: 10.5776, s: 0.6061, beta: 11.6679 };
  test("the likelihood is finite and the same whichever of α and β is larger (no overflow at x = 200)", () => {
    for (const p of [params, { ...params, alpha: 20 }, { ...params, beta: 30 }]) {
      for (const customer of [
        { frequency: 0, recency: 0, age: 39 },
        { frequency: 200, recency: 38, age: 39 },
        { frequency: 5, recency: 39, age: 39 },
      ]) {
        expect(Number.isFinite(paretoNbdLogLikelihood(p, customer))).toBe(true);
      }
    }
    // continuity across α = β
    const below = paretoNbdLogLikelihood({ ...params, alpha: 11.6679 - 1e-7 }, { frequency: 2, recency: 30, age: 38 });
    const above = paretoNbdLogLikelihood({ ...params, alpha: 11.6679 + 1e-7 }, { frequency: 2, recency: 30, age: 38 });
    expect(below).toBeCloseTo(above, 6);
  });
  const model = paretoNbdPredictor(params);
  test("the pmf sums to 1 and its mean is E[X(t)]", () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 300; n++) {
      const p = model.probabilityOfPurchases(n, 52);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 6);
    expect(mean).toBeCloseTo(model.expectedPurchasesNewCustomer(52), 4);
  });
  test("expected purchases increase with t; P(any purchase) is below P(alive)", () => {
    const customer = { frequency: 2, recency: 30.43, age: 38.86 };
    expect(model.expectedPurchases(customer, 52)).toBeGreaterThan(model.expectedPurchases(customer, 39));
    const any = model.probabilityOfAnyPurchase!(customer, 52);
    expect(any).toBeGreaterThan(0);
    expect(any).toBeLessThan(model.probabilityAlive(customer));
  });
});
