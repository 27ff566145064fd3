import fc from "fast-check";
import { compressHistories } from "../../../src/engine/models/compress";
import { fitNbd, nbdLogLikelihood, nbdNegLogLikelihood, nbdPredictor } from "../../../src/engine/models/nbd";
import { modelDefinition } from "../../../src/engine/models/registry";
import { simulateNbd } from "./simulate";

describe("NBD as a fittable model", () => {
  test("recovers simulated parameters within two standard errors", () => {
    const truth = { r: 0.8, alpha: 6 };
    const fit = fitNbd(simulateNbd(truth, 4000, 52, 11));
    expect(fit.converged).toBe(true);
    expect(fit.model).toBe("nbd");
    for (const name of ["r", "alpha"] as const) {
      expect(Math.abs(fit.params[name] - truth[name])).toBeLessThan(2 * fit.standardErrors![name]);
    }
  });
  test("the analytic gradient matches central differences", () => {
    const data = compressHistories(
      Float64Array.of(0, 3, 7, 1),
      Float64Array.of(0, 2, 30, 4),
      Float64Array.of(20, 30, 40, 8),
    );
    const p = [0.7, 5];
    const g = new Float64Array(2);
    nbdNegLogLikelihood(data, p, g);
    for (let k = 0; k < 2; k++) {
      const h = 1e-6 * p[k];
      const up = [...p];
      const down = [...p];
      up[k] += h;
      down[k] -= h;
      expect(g[k]).toBeCloseTo((nbdNegLogLikelihood(data, up) - nbdNegLogLikelihood(data, down)) / (2 * h), 5);
    }
  });
  test("the analytic Hessian matches central differences of the gradient, also with a frequency gap crossed by lnΓ", () => {
    const data = compressHistories(
      Float64Array.of(0, 3, 7, 1, 5000),
      Float64Array.of(0, 0, 0, 0, 0),
      Float64Array.of(20, 30, 40, 8, 60),
    );
    for (const p of [
      [0.7, 5],
      [30, 0.2],
    ]) {
      const g = new Float64Array(2);
      const hessian = new Float64Array(4);
      nbdNegLogLikelihood(data, p, g, hessian);
      for (let k = 0; k < 2; k++) {
        const h = 1e-6 * p[k];
        const up = [...p];
        const down = [...p];
        up[k] += h;
        down[k] -= h;
        const gUp = new Float64Array(2);
        const gDown = new Float64Array(2);
        nbdNegLogLikelihood(data, up, gUp);
        nbdNegLogLikelihood(data, down, gDown);
        for (let j = 0; j < 2; j++) {
          const numeric = (gUp[j] - gDown[j]) / (2 * h);
          expect(Math.abs(hessian[j * 2 + k] - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
        }
      }
    }
  });
  test("a fit on a subsample first ends at the full data's optimum (zero gradient there)", () => {
    const columns = simulateNbd({ r: 0.6, alpha: 9 }, 20_000, 52, 5);
    const fit = fitNbd(columns);
    expect(fit.converged).toBe(true);
    const data = compressHistories(columns.frequency, new Float64Array(columns.frequency.length), columns.age!);
    const g = new Float64Array(2);
    const p = [fit.params.r, fit.params.alpha];
    nbdNegLogLikelihood(data, p, g);
    // Per customer and in log-parameters (what the fit's tolerance is on).
    for (let k = 0; k < 2; k++) expect(Math.abs((g[k] * p[k]) / 20_000)).toBeLessThan(1e-7);
  });
  test("predictions: everyone alive, E[X(t)] = Σ n P(X(t) = n), and the posterior mean rate", () => {
    const model = nbdPredictor({ r: 0.385, alpha: 12.07 });
    expect(model.probabilityAlive({ frequency: 0, recency: 0, age: 30 })).toBe(1);
    let mean = 0;
    let total = 0;
    for (let n = 0; n < 400; n++) {
      const p = model.probabilityOfPurchases(n, 39);
      mean += n * p;
      total += p;
    }
    expect(total).toBeCloseTo(1, 10);
    expect(mean).toBeCloseTo(model.expectedPurchasesNewCustomer(39), 8);
    expect(model.expectedPurchases({ frequency: 4, recency: 20, age: 30 }, 10)).toBeCloseTo((4.385 * 10) / 42.07, 12);
  });
  test("P(any purchase in t) is 1 − P(X(t) = 0) of the posterior, in [0, 1] and rising with t", () => {
    const model = nbdPredictor({ r: 0.5, alpha: 8 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.double({ min: 1, max: 100, noNaN: true }), (x, T) => {
        const customer = { frequency: x, recency: 0, age: T };
        const short = model.probabilityOfAnyPurchase!(customer, 1);
        const long = model.probabilityOfAnyPurchase!(customer, 10);
        return short >= 0 && long <= 1 && long >= short;
      }),
    );
  });
  test("registered, and recency does not change the likelihood", () => {
    expect(modelDefinition("nbd")?.purchasePredictor).toBeDefined();
    const p = { r: 0.5, alpha: 3 };
    expect(nbdLogLikelihood(p, { frequency: 2, recency: 1, age: 9 })).toBe(
      nbdLogLikelihood(p, { frequency: 2, recency: 8, age: 9 }),
    );
  });
});
