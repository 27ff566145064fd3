import hyp2f1 from "@stdlib/math-base-special-hyp2f1";
import fc from "fast-check";
import {
  bgnbdLogLikelihood,
  bgnbdNegLogLikelihood,
  bgnbdPredictor,
  fitBgnbd,
  shrunkHypergeometric,
  shrunkHypergeometricSeries,
} from "../../../src/engine/models/bgnbd";
import { compressHistories, frequencyGroups } from "../../../src/engine/models/compress";
import { mbgnbdPredictor } from "../../../src/engine/models/mbgnbd";
import { simulateBgnbd } from "./simulate";

const note027 = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };

describe("BG/NBD log-likelihood", () => {
  test("Hardie note 027 single-customer values (T = 40)", () => {
    expect(bgnbdLogLikelihood(note027, { frequency: 0, recency: 0, age: 40 })).toBeCloseTo(-0.59947382, 7);
    expect(bgnbdLogLikelihood(note027, { frequency: 200, recency: 38, age: 40 })).toBeCloseTo(100.7957, 4);
  });
  test("the compressed likelihood equals the sum of single-customer terms, weights counting repeats", () => {
    const x = [0, 2, 2, 5, 0, 2];
    const tx = [0, 10.5, 10.5, 30, 0, 12];
    const T = [40, 38, 38, 39, 20, 38];
    const data = compressHistories(x, tx, T);
    expect(data.size).toBe(5);
    expect(data.total).toBe(6);
    const direct = x.reduce(
      (sum, _, i) => sum + bgnbdLogLikelihood(note027, { frequency: x[i], recency: tx[i], age: T[i] }),
      0,
    );
    const params = [note027.r, note027.alpha, note027.a, note027.b];
    expect(-bgnbdNegLogLikelihood(data, frequencyGroups(data), params)).toBeCloseTo(direct, 10);
  });
  test("the analytic gradient matches central differences", () => {
    const data = compressHistories([0, 1, 3, 7, 2], [0, 5, 20, 33, 9], [40, 30, 38, 39, 15]);
    const groups = frequencyGroups(data);
    const p = [0.4, 6, 0.9, 3.1];
    const g = new Float64Array(4);
    bgnbdNegLogLikelihood(data, groups, p, g);
    for (let i = 0; i < 4; i++) {
      const h = 1e-6 * p[i];
      const up = [...p];
      const down = [...p];
      up[i] += h;
      down[i] -= h;
      const numeric = (bgnbdNegLogLikelihood(data, groups, up) - bgnbdNegLogLikelihood(data, groups, down)) / (2 * h);
      expect(g[i]).toBeCloseTo(numeric, 5);
    }
  });
});

describe("BG/NBD predictions", () => {
  const model = bgnbdPredictor({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
  test("P(alive) = 1 when there is no repeat purchase", () => {
    expect(model.probabilityAlive({ frequency: 0, recency: 0, age: 38 })).toBe(1);
  });
  test("pmf at the rounded CDNOW parameters (lifetimes' test values)", () => {
    expect(model.probabilityOfPurchases(10, 2)).toBeCloseTo(1.07869e-7, 10);
    expect(model.probabilityOfPurchases(0, 39)).toBeCloseTo(0.5737864, 6);
    expect(model.probabilityOfPurchases(11, 30)).toBeCloseTo(0.0019995214, 8);
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
  test("expected purchases grow with t and P(alive) is a probability (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        (x, share, T, t) => {
          const customer = { frequency: x, recency: x === 0 ? 0 : share * T, age: T };
          const alive = model.probabilityAlive(customer);
          expect(alive).toBeGreaterThanOrEqual(0);
          expect(alive).toBeLessThanOrEqual(1);
          const near = model.expectedPurchases(customer, t);
          const far = model.expectedPurchases(customer, t * 1.5);
          expect(near).toBeGreaterThan(0);
          expect(far).toBeGreaterThanOrEqual(near);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("BG/NBD fit", () => {
  test("simulation recovery: 20,000 customers from known parameters, each within 20% and 3 standard errors", () => {
    const truth = { r: 0.5, alpha: 8, a: 0.7, b: 3 };
    const data = simulateBgnbd(truth, 20000, 52, 7);
    const fit = fitBgnbd(data);
    expect(fit.converged).toBe(true);
    expect(fit.n).toBe(20000);
    for (const name of ["r", "alpha", "a", "b"] as const) {
      expect(Math.abs(fit.params[name] / truth[name] - 1)).toBeLessThan(0.2);
    }
    // the truth lies within 3 standard errors
    for (const name of ["r", "alpha", "a", "b"] as const) {
      expect(Math.abs(fit.params[name] - truth[name])).toBeLessThan(3 * fit.standardErrors![name]);
    }
  });
  test("bad histories are refused with the first bad row named", () => {
    const columns = (x: number[], tx: number[], T: number[]) => ({
      frequency: Float64Array.from(x),
      recency: Float64Array.from(tx),
      age: Float64Array.from(T),
    });
    expect(() => fitBgnbd(columns([1, 2], [3, -1], [10, 10]))).toThrow(/row 2/);
    expect(() => fitBgnbd(columns([1, 2], [3, 12], [10, 10]))).toThrow(/greater than T.*row 2/);
    expect(() => fitBgnbd(columns([1.5, 2], [3, 4], [10, 10]))).toThrow(/whole number: row 1/);
    expect(() => fitBgnbd(columns([1, 0], [3, 0], [10, -1]))).toThrow(/cannot be negative: row 2/);
  });
  test("customers first seen at the end of the period (T = 0) carry no information: same fit, not counted", () => {
    const data = simulateBgnbd({ r: 0.5, alpha: 8, a: 0.7, b: 3 }, 2000, 52, 11);
    const plus = (values: Float64Array, extra: number) => Float64Array.from([...values, ...Array(300).fill(extra)]);
    const withNewcomers = {
      frequency: plus(data.frequency, 0),
      recency: plus(data.recency!, 0),
      age: plus(data.age!, 0),
    };
    const fit = fitBgnbd(data);
    const fitWith = fitBgnbd(withNewcomers);
    expect(fitWith.n).toBe(2000);
    expect(fitWith.logLikelihood).toBe(fit.logLikelihood);
    expect(fitWith.params).toEqual(fit.params);
    const zeros = Float64Array.from([0, 0]);
    expect(() => fitBgnbd({ frequency: zeros, recency: zeros, age: zeros })).toThrow(/observed for no time/);
  });
});

describe("BG/NBD predictions when everyone buys at the same rate (r, α → ∞, a → 0)", () => {
  test("the series agrees with @stdlib's 2F1 where both work", () => {
    for (const [A, B, C, scale, t] of [
      [2.243, 4.426, 4.219, 40, 39],
      [50.5, 3000, 3002, 2000, 52],
      [1500, 12, 11.2, 1e5, 365],
      // −1 < C ≤ 0 (x = 0 with a + b < 1): through the contiguous relation in c
      [0.243, 0.3, -0.5, 40, 39],
      [1088.96, 0.000167, -0.99983, 16380, 52],
    ]) {
      const stdlib = Math.exp(A * Math.log(scale / (scale + t))) * hyp2f1(A, B, C, t / (scale + t));
      expect(shrunkHypergeometricSeries(A, B, C, scale, t) / stdlib - 1).toBeCloseTo(0, 9);
      expect(shrunkHypergeometric(A, B, C, scale, t) / stdlib - 1).toBeCloseTo(0, 9);
    }
  });
  test("expected purchases stay finite and close to the common rate × t", () => {
    // r/α = 0.0667 purchases per period; no dropout to speak of.
    const model = bgnbdPredictor({ r: 1.4e7, alpha: 2.1e8, a: 3e-6, b: 1.2e4 });
    const customer = { frequency: 6, recency: 80, age: 100 };
    const expected = model.expectedPurchases(customer, 52);
    expect(Number.isFinite(expected)).toBe(true);
    expect(expected / (52 * (1.4e7 / 2.1e8)) - 1).toBeCloseTo(0, 2);
  });
  test("a new customer's expected purchases stay finite too, for BG/NBD and MBG/NBD (NaN before)", () => {
    // A fit that ran to r, α → ∞ on a small days-scale log: r/α ≈ 0.0136 a day, p ≈ 0.16 after each purchase.
    const params = { r: 4.748e12, alpha: 3.494e14, a: 507.7, b: 2605.2 };
    for (const model of [bgnbdPredictor(params), mbgnbdPredictor(params)]) {
      const expected = model.expectedPurchasesNewCustomer(52);
      expect(expected).toBeGreaterThan(0);
      expect(expected).toBeLessThan(52 * (params.r / params.alpha));
    }
  });
});
