import { fitParetoNbd, paretoNbdPredictor } from "../../src/engine/models/pareto-nbd";
import { FittedModel } from "../../src/engine/models/types";
import { cdnowSummary } from "./cdnow-summary";
import { expectAlmostEqualDecimal, expectRelative, expectedValue } from "./reference-dir";

let fitted: FittedModel;
beforeAll(() => {
  fitted = fitParetoNbd(cdnowSummary());
}, 120000);

describe("Pareto/NBD on CDNOW", () => {
  test("parameters (decimal=2), log-likelihood −9595.0 (relative 1e-3) and standard errors (relative 1e-3)", () => {
    expect(fitted.converged).toBe(true);
    const expected = expectedValue<Record<string, number>>("pnbd.cdnow.params");
    for (const name of ["r", "alpha", "s", "beta"]) expectAlmostEqualDecimal(fitted.params[name], expected[name], 2);
    expectRelative(fitted.logLikelihood, expectedValue<number>("pnbd.cdnow.loglik"), 1e-3);
    const se = expectedValue<Record<string, number>>("pnbd.cdnow.standard_errors");
    for (const name of ["r", "alpha", "s", "beta"]) expectRelative(fitted.standardErrors![name], se[name], 1e-3);
  });
  test("CLVTools' precise MLE to 1e-3 relative", () => {
    const precise = expectedValue<{ CLVTools: Record<string, number> }>("pnbd.cdnow.params_precise").CLVTools;
    for (const name of ["r", "alpha", "s", "beta"]) expectRelative(fitted.params[name], precise[name], 1e-3);
  });
  test("mean expected holdout purchases by calibration frequency at BTYD's printed parameters (walkthrough §3.4, 3 decimals)", () => {
    const published = expectedValue<{ n: number[]; expected: number[] }>(
      "pnbd.cdnow.cond_exp_by_calibration_frequency",
    );
    const btyd =
      expectedValue<Record<string, Record<string, number>>>("pnbd.cdnow.params_precise")["BTYD(rounded 3dp)"];
    const model = paretoNbdPredictor(btyd);
    const data = cdnowSummary();
    const sums = new Array(8).fill(0);
    const counts = new Array(8).fill(0);
    for (let i = 0; i < data.frequency.length; i++) {
      const bin = Math.min(data.frequency[i], 7);
      counts[bin]++;
      sums[bin] += model.expectedPurchases(
        { frequency: data.frequency[i], recency: data.recency![i], age: data.age![i] },
        39,
      );
    }
    expect(counts).toEqual(published.n);
    published.expected.forEach((value, bin) => expectAlmostEqualDecimal(sums[bin] / counts[bin], value, 3));
  });
  test("predictions: new customer at 52 weeks and t = 0..9, customer 1516, the frequency paradox", () => {
    const model = paretoNbdPredictor(fitted.params);
    expectRelative(
      model.expectedPurchasesNewCustomer(52),
      expectedValue<number>("pnbd.cdnow.expected_new_customer_52w"),
      1e-3,
    );
    expectedValue<number[]>("pnbd.cdnow.expected_new_customer_t0_9").forEach((v, t) =>
      expect(Math.abs(model.expectedPurchasesNewCustomer(t) - v)).toBeLessThan(0.01),
    );
    const c1516 = expectedValue<{ cond_exp_52w: number; p_alive: number }>("pnbd.cdnow.customer1516");
    const customer = { frequency: 26, recency: 30.85714, age: 31 };
    expectRelative(model.expectedPurchases(customer, 52), c1516.cond_exp_52w, 1e-3);
    expectRelative(model.probabilityAlive(customer), c1516.p_alive, 1e-4);
    const paradox = expectedValue<{ x: number[]; cond_exp_52w: number[] }>("pnbd.cdnow.increasing_frequency_paradox");
    paradox.x.forEach((x, i) =>
      expectRelative(
        model.expectedPurchases({ frequency: x, recency: 20, age: 39 }, 52),
        paradox.cond_exp_52w[i],
        1e-2,
      ),
    );
  });
});
