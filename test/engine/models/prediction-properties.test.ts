/**
 * Properties of every purchase model's predictions over random valid inputs and parameter scales from 0.01 to 10⁴
 * (issue 12, item 6): P(alive) and P(buy) in [0, 1], expected purchases and PCLV finite, non-negative and
 * non-decreasing in the horizon. CHURNRISK = 1 − PALIVE is checked through the functions in test/functions.
 */
import fc from "fast-check";
import { bgbbPredictor } from "../../../src/engine/models/bgbb";
import { bgnbdPredictor } from "../../../src/engine/models/bgnbd";
import { predictiveClv } from "../../../src/engine/models/clv";
import { mbgnbdPredictor } from "../../../src/engine/models/mbgnbd";
import { paretoNbdPredictor } from "../../../src/engine/models/pareto-nbd";
import { CustomerHistory, PurchasePredictor } from "../../../src/engine/models/types";

/** A parameter log-uniform on [0.01, 10⁴]. */
const scale = fc.double({ min: Math.log(0.01), max: Math.log(1e4), noNaN: true }).map(Math.exp);
const params4 = fc.tuple(scale, scale, scale, scale);

/** A continuous-time history: x repeat purchases, 0 < t_x ≤ T when x > 0. */
const history = fc
  .tuple(
    fc.integer({ min: 0, max: 500 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: Math.log(0.1), max: Math.log(2000), noNaN: true }).map(Math.exp),
  )
  .map(([x, share, T]): CustomerHistory => ({ frequency: x, recency: x === 0 ? 0 : share * T, age: T }));

/** Two horizons t1 ≤ t2 from 0 to 10⁴ periods. */
const horizons = fc
  .tuple(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }))
  .map(([u, v]) => (u <= v ? [u, v] : [v, u]));

/** Monotone up to rounding: b ≥ a·(1 − 1e-9) − 1e-300. */
const notBelow = (b: number, a: number) => b >= a * (1 - 1e-9) - 1e-300;
const probability = (p: number) => Number.isFinite(p) && p >= 0 && p <= 1;

const models: [string, (p: [number, number, number, number]) => PurchasePredictor][] = [
  ["BG/NBD", ([r, alpha, a, b]) => bgnbdPredictor({ r, alpha, a, b })],
  ["MBG/NBD", ([r, alpha, a, b]) => mbgnbdPredictor({ r, alpha, a, b })],
  ["Pareto/NBD", ([r, alpha, s, beta]) => paretoNbdPredictor({ r, alpha, s, beta })],
];

// fast-check's default 100 runs per property; a fixed seed keeps CI reproducible (change it to explore).
const settings = { numRuns: 60, seed: 20261201 };

describe.each(models)("%s over random parameters and histories", (_name, make) => {
  test("P(alive) and P(buy) are probabilities; expected purchases finite, ≥ 0 and non-decreasing in t", () => {
    fc.assert(
      fc.property(params4, history, horizons, (params, customer, [t1, t2]) => {
        const model = make(params);
        const alive = model.probabilityAlive(customer);
        const e1 = model.expectedPurchases(customer, t1);
        const e2 = model.expectedPurchases(customer, t2);
        const n1 = model.expectedPurchasesNewCustomer(t1);
        const n2 = model.expectedPurchasesNewCustomer(t2);
        const b1 = model.probabilityOfAnyPurchase!(customer, t1);
        const b2 = model.probabilityOfAnyPurchase!(customer, t2);
        return (
          probability(alive) &&
          probability(b1) &&
          probability(b2) &&
          notBelow(b2, b1) &&
          b2 <= alive * (1 + 1e-12) &&
          [e1, e2, n1, n2].every((v) => Number.isFinite(v) && v >= 0) &&
          notBelow(e2, e1) &&
          notBelow(n2, n1)
        );
      }),
      settings,
    );
  });
  test("PCLV is finite, ≥ 0 and non-decreasing in the horizon (months)", () => {
    fc.assert(
      fc.property(
        params4,
        history,
        fc.tuple(fc.integer({ min: 1, max: 1200 }), fc.integer({ min: 1, max: 1200 })),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (params, customer, [m1, m2], annualDiscountRate) => {
          const model = make(params);
          const value = (months: number) =>
            predictiveClv(model, customer, 25, { months, annualDiscountRate, margin: 0.3, periodsPerMonth: 4.348 });
          const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
          const v1 = value(lo);
          const v2 = value(hi);
          return Number.isFinite(v1) && v1 >= 0 && Number.isFinite(v2) && notBelow(v2, v1);
        },
      ),
      { ...settings, numRuns: 15 },
    );
  });
});

describe("BG/BB over random parameters and histories", () => {
  const discreteHistory = fc
    .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }))
    .map(([a, b, c]): CustomerHistory => {
      const [x, tx, n] = [a, b, c].sort((p, q) => p - q);
      return { frequency: x, recency: x === 0 ? 0 : Math.max(tx, x), age: Math.max(n, tx, x) };
    });
  const opportunities = fc
    .tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }))
    .map(([u, v]) => (u <= v ? [u, v] : [v, u]));
  test("P(alive) and P(buy) are probabilities; expected purchases finite, ≥ 0 and non-decreasing in t", () => {
    fc.assert(
      fc.property(params4, discreteHistory, opportunities, ([alpha, beta, gamma, delta], customer, [t1, t2]) => {
        const model = bgbbPredictor({ alpha, beta, gamma, delta });
        const alive = model.probabilityAlive(customer);
        const e1 = model.expectedPurchases(customer, t1);
        const e2 = model.expectedPurchases(customer, t2);
        const b1 = model.probabilityOfAnyPurchase!(customer, t1);
        const b2 = model.probabilityOfAnyPurchase!(customer, t2);
        return (
          probability(alive) &&
          probability(b1) &&
          probability(b2) &&
          notBelow(b2, b1) &&
          [e1, e2].every((v) => Number.isFinite(v) && v >= 0) &&
          notBelow(e2, e1)
        );
      }),
      settings,
    );
  });
});
