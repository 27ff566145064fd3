import { compressHistories } from "../../../src/engine/models/compress";
import {
  ggomnbdLogLikelihood,
  ggomnbdNegLogLikelihood,
  ggomnbdPredictor,
  logDeathIntegral,
} from "../../../src/engine/models/ggompertz-nbd";
import { integrate } from "../../../src/engine/optim/quadrature";
import { paretoNbdLogLikelihood, paretoNbdPredictor } from "../../../src/engine/models/pareto-nbd";

const params = { r: 0.6, alpha: 11, b: 0.05, s: 0.7, beta: 0.4 };

describe("GGompertz/NBD", () => {
  test("the fixed-panel death integral equals adaptive quadrature", () => {
    for (const [m, t0, t1] of [
      [0.6, 0, 39],
      [3.6, 12.5, 38],
      [20.6, 30, 39],
    ]) {
      const direct = integrate(
        (y) =>
          Math.pow(params.alpha + y, -m) *
          Math.pow(params.beta + Math.expm1(params.b * y), -(params.s + 1)) *
          Math.exp(params.b * y),
        t0,
        t1,
      );
      expect(logDeathIntegral(params, m, t0, t1) / Math.log(direct) - 1).toBeCloseTo(0, 11);
    }
    expect(logDeathIntegral(params, 1, 5, 5)).toBe(-Infinity);
  });
  test("the analytic gradient matches central differences", () => {
    const data = compressHistories(
      Float64Array.of(0, 2, 7, 1, 0),
      Float64Array.of(0, 20, 35, 3, 0),
      Float64Array.of(39, 38, 39, 30, 12),
    );
    const p = [params.r, params.alpha, params.b, params.s, params.beta];
    const g = new Float64Array(5);
    ggomnbdNegLogLikelihood(data, p, g);
    for (let k = 0; k < 5; k++) {
      const h = 1e-6 * p[k];
      const up = [...p];
      const down = [...p];
      up[k] += h;
      down[k] -= h;
      const numeric = (ggomnbdNegLogLikelihood(data, up) - ggomnbdNegLogLikelihood(data, down)) / (2 * h);
      expect(Math.abs(g[k] - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
    }
  });
  test("b → 0 with β/b fixed is the Pareto/NBD: likelihood and every prediction", () => {
    const b = 1e-7;
    const pareto = { r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 };
    const limit = { r: pareto.r, alpha: pareto.alpha, b, s: pareto.s, beta: pareto.beta * b };
    const g = ggomnbdPredictor(limit);
    const p = paretoNbdPredictor(pareto);
    for (const customer of [
      { frequency: 0, recency: 0, age: 39 },
      { frequency: 26, recency: 30.86, age: 31 },
      { frequency: 3, recency: 10, age: 38 },
    ]) {
      // β^s and (β + e^(bT) − 1)^s scale together: the likelihoods themselves agree.
      expect(ggomnbdLogLikelihood(limit, customer)).toBeCloseTo(paretoNbdLogLikelihood(pareto, customer), 5);
      expect(g.probabilityAlive(customer)).toBeCloseTo(p.probabilityAlive(customer), 5);
      expect(g.expectedPurchases(customer, 52)).toBeCloseTo(p.expectedPurchases(customer, 52), 4);
      expect(g.probabilityOfAnyPurchase!(customer, 10)).toBeCloseTo(p.probabilityOfAnyPurchase!(customer, 10), 5);
      for (const t of [0, 5, 52, 365]) {
        expect(g.probabilityAliveAt!(customer, t)).toBeCloseTo(p.probabilityAliveAt!(customer, t), 5);
      }
    }
    expect(g.expectedPurchasesNewCustomer(52)).toBeCloseTo(p.expectedPurchasesNewCustomer(52), 5);
    expect(g.probabilityOfPurchases(2, 30)).toBeCloseTo(p.probabilityOfPurchases(2, 30), 6);
  });
  test("P(alive at T + t) starts at P(alive), only falls with t, and is P(alive)·S(T+t)/S(T) in the population", () => {
    const g = ggomnbdPredictor(params);
    const customer = { frequency: 3, recency: 20, age: 40 };
    expect(g.probabilityAliveAt!(customer, 0)).toBeCloseTo(g.probabilityAlive(customer), 14);
    let previous = 1;
    for (const t of [0, 1, 10, 100, 1000, 1e6]) {
      const now = g.probabilityAliveAt!(customer, t);
      expect(now).toBeLessThanOrEqual(previous);
      expect(now).toBeGreaterThanOrEqual(0);
      previous = now;
    }
    // A customer seen to buy at T (t_x = T) is alive then: the chance of surviving to T + t given survival to T,
    // E[S(T+t | η)] / E[S(T | η)] over η ~ Gamma(s, β), with S(u) = (β/(β + e^(bu) − 1))^s.
    const S = (u: number) => Math.pow(params.beta / (params.beta + Math.expm1(params.b * u)), params.s);
    const seen = { frequency: 4, recency: 40, age: 40 };
    expect(g.probabilityAliveAt!(seen, 25) / g.probabilityAlive(seen)).toBeCloseTo(S(65) / S(40), 12);
  });
  test("the pmf sums to 1 and its mean is E[X(t)]", () => {
    const model = ggomnbdPredictor(params);
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 300; n++) {
      const q = model.probabilityOfPurchases(n, 40);
      total += q;
      mean += n * q;
    }
    expect(total).toBeCloseTo(1, 8);
    expect(mean).toBeCloseTo(model.expectedPurchasesNewCustomer(40), 6);
  });
});
