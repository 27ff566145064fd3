import hyp2f1 from "@stdlib/math-base-special-hyp2f1";
import { compressHistories } from "../../../src/engine/models/compress";
import {
  fitParetoNbd,
  gaussHypergeometric,
  paretoNbdLogLikelihood,
  paretoNbdPredictor,
} from "../../../src/engine/models/pareto-nbd";
import {
  paretoNbdPreparedNegLogLikelihood,
  prepareParetoNbdData,
} from "../../../src/engine/models/pareto-nbd-likelihood";
import { simulateParetoNbd } from "./simulate";

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

describe("Pareto/NBD likelihood over compressed histories, with its analytic gradient", () => {
  // Long and short lives, t_x = T, one-time buyers, x = 200; parameter sets with z = |α−β|/(max+t) above ½.
  const x = [0, 0, 1, 2, 5, 7, 30, 200, 3, 0, 12, 2];
  const tx = [0, 0, 5, 30, 38.5, 39, 20, 38, 0.5, 0, 1, 30];
  const T = [39, 20, 30, 38, 39, 39, 39, 39, 3, 1, 1.5, 38];
  const data = prepareParetoNbdData(compressHistories(x, tx, T));
  const parameterSets = [
    [0.55, 10.58, 0.61, 11.67],
    [0.55, 20, 0.61, 1.2],
    [0.55, 1.5, 0.61, 40],
    [2.5, 300, 3.1, 0.5],
    [0.3, 0.2, 0.9, 500],
  ];
  test.each(parameterSets)("equals the sum of single-customer terms at (%f, %f, %f, %f)", (r, alpha, s, beta) => {
    let direct = 0;
    for (let i = 0; i < x.length; i++) {
      direct -= paretoNbdLogLikelihood({ r, alpha, s, beta }, { frequency: x[i], recency: tx[i], age: T[i] });
    }
    expect(paretoNbdPreparedNegLogLikelihood(data, [r, alpha, s, beta]) / direct - 1).toBeCloseTo(0, 13);
  });
  test.each(parameterSets)("the gradient matches 4-point differences at (%f, %f, %f, %f)", (...p) => {
    const gradient = new Float64Array(4);
    paretoNbdPreparedNegLogLikelihood(data, p, gradient);
    for (let i = 0; i < 4; i++) {
      const h = 1e-3 * p[i];
      const at = (d: number) =>
        paretoNbdPreparedNegLogLikelihood(
          data,
          p.map((v, j) => (j === i ? v + d : v)),
        );
      const numeric = (8 * (at(h) - at(-h)) - (at(2 * h) - at(-2 * h))) / (12 * h);
      expect(Math.abs(numeric - gradient[i])).toBeLessThan(1e-7 * Math.max(1, Math.abs(gradient[i])));
    }
  });
});

describe("Pareto/NBD fit", () => {
  test("simulation recovery: 20,000 customers from known parameters, each within 25% and 3 standard errors", () => {
    const truth = { r: 0.6, alpha: 8, s: 0.8, beta: 12 };
    const data = simulateParetoNbd(truth, 20000, 52, 11);
    // Times in weeks from whole days, as a transaction log gives them.
    for (const times of [data.recency!, data.age!]) {
      for (let i = 0; i < times.length; i++) times[i] = Math.round(times[i] * 7) / 7;
    }
    const fit = fitParetoNbd(data);
    expect(fit.converged).toBe(true);
    expect(fit.n).toBe(20000);
    for (const name of ["r", "alpha", "s", "beta"] as const) {
      expect(Math.abs(fit.params[name] / truth[name] - 1)).toBeLessThan(0.25);
      expect(Math.abs(fit.params[name] - truth[name])).toBeLessThan(3 * fit.standardErrors![name]);
    }
  });
});
