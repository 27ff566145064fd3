/**
 * The optional capabilities of the purchase models (future P(alive), P(X(t) = n), DERT, the log-likelihood),
 * checked by simulation from the models themselves (src/engine/random.ts) and against independent sums.
 * Simulation checks use the law of total expectation: over a simulated base, the mean predicted P(alive at
 * T + t | history) must equal the share of customers actually alive at T + t, within sampling error.
 */
import { MAX_OPPORTUNITIES } from "../../../src/engine/models/bgbb";
import { modelDefinition } from "../../../src/engine/models/registry";
import { dertByIntegration } from "../../../src/engine/models/residual";
import { expectedTracking } from "../../../src/engine/models/tracking";
import { CustomerHistory, ModelName, PurchasePredictor } from "../../../src/engine/models/types";
import { beta, exponential, gamma, RandomSource, seededRandom } from "../../../src/engine/random";

const predictorOf = (model: ModelName, params: Record<string, number>): PurchasePredictor => {
  const make = modelDefinition(model)?.purchasePredictor;
  if (!make) throw new Error(`${model} has no predictor`);
  return make(params);
};

interface Simulated {
  history: CustomerHistory;
  /** Alive at T + later? */
  aliveLater: boolean;
  /** Repeat purchases in (0, T]. */
  count: number;
}

/** One continuous-time customer observed for T, followed to T + later. */
function simulateContinuous(
  random: RandomSource,
  model: "bgnbd" | "mbgnbd" | "pnbd",
  p: Record<string, number>,
  T: number,
  later: number,
): Simulated {
  const rate = gamma(random, p.r, p.alpha);
  const end = T + later;
  let death = Infinity;
  let drop = 0;
  if (model === "pnbd") death = exponential(random, gamma(random, p.s, p.beta));
  else drop = beta(random, p.a, p.b);
  if (model === "mbgnbd" && random.next() < drop) death = 0;
  let time = 0;
  let count = 0;
  let last = 0;
  while (time < death) {
    time += exponential(random, rate);
    if (time > end || time > death) break;
    if (time <= T) {
      count++;
      last = time;
    }
    if (model !== "pnbd" && random.next() < drop) death = time;
  }
  return { history: { frequency: count, recency: last, age: T }, aliveLater: death > end, count };
}

/** One BG/BB customer over n opportunities, followed to opportunity n + later + 1. */
function simulateBgbb(random: RandomSource, p: Record<string, number>, n: number, later: number): Simulated {
  const buy = beta(random, p.alpha, p.beta);
  const die = beta(random, p.gamma, p.delta);
  let count = 0;
  let last = 0;
  let alive = true;
  for (let j = 1; j <= n + later + 1; j++) {
    if (alive && random.next() < die) alive = false;
    if (alive && j <= n && random.next() < buy) {
      count++;
      last = j;
    }
  }
  return { history: { frequency: count, recency: last, age: n }, aliveLater: alive, count };
}

const CASES = [
  { model: "bgnbd", params: { r: 0.8, alpha: 5, a: 0.9, b: 3 } },
  { model: "mbgnbd", params: { r: 0.8, alpha: 5, a: 0.9, b: 3 } },
  { model: "pnbd", params: { r: 0.8, alpha: 5, s: 0.7, beta: 12 } },
] as const;
const CUSTOMERS = 20000;

describe("P(alive) at a future time, by simulation", () => {
  test.each(CASES)("$model: mean predicted P(alive at T + 20) = share alive at T + 20", ({ model, params }) => {
    const predictor = predictorOf(model, params);
    const random = seededRandom(11);
    let predicted = 0;
    let alive = 0;
    for (let i = 0; i < CUSTOMERS; i++) {
      const customer = simulateContinuous(random, model, params, 30 + 20 * random.next(), 20);
      predicted += predictor.probabilityAliveAt!(customer.history, 20);
      if (customer.aliveLater) alive++;
    }
    const share = alive / CUSTOMERS;
    const se = Math.sqrt((share * (1 - share)) / CUSTOMERS);
    expect(Math.abs(predicted / CUSTOMERS - share)).toBeLessThan(4 * se);
  });

  test("bgbb: mean predicted P(alive at opportunity n + 4 + 1) = share alive then", () => {
    const params = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
    const predictor = predictorOf("bgbb", params);
    const random = seededRandom(12);
    let predicted = 0;
    let alive = 0;
    for (let i = 0; i < CUSTOMERS; i++) {
      const customer = simulateBgbb(random, params, 6, 4);
      predicted += predictor.probabilityAliveAt!(customer.history, 4);
      if (customer.aliveLater) alive++;
    }
    const share = alive / CUSTOMERS;
    expect(Math.abs(predicted / CUSTOMERS - share)).toBeLessThan(4 * Math.sqrt((share * (1 - share)) / CUSTOMERS));
  });

  test.each(CASES)("$model: t = 0 is P(alive) now, and P(alive) only falls with t", ({ model, params }) => {
    const predictor = predictorOf(model, params);
    const customer = { frequency: 3, recency: 20, age: 40 };
    expect(predictor.probabilityAliveAt!(customer, 0)).toBeCloseTo(predictor.probabilityAlive(customer), 14);
    let previous = 1;
    for (const t of [0, 1, 10, 100, 1000]) {
      const now = predictor.probabilityAliveAt!(customer, t);
      expect(now).toBeLessThanOrEqual(previous);
      expect(now).toBeGreaterThanOrEqual(0);
      previous = now;
    }
  });
});

describe("P(X(t) = n) for a new customer, by simulation", () => {
  test.each(CASES)(
    "$model: the simulated counts in t = 30 follow the pmf (0 to 6, and the rest)",
    ({ model, params }) => {
      const predictor = predictorOf(model, params);
      const random = seededRandom(21);
      const counts = new Float64Array(8);
      for (let i = 0; i < CUSTOMERS; i++) counts[Math.min(7, simulateContinuous(random, model, params, 30, 0).count)]++;
      let rest = 1;
      for (let n = 0; n < 7; n++) {
        const p = predictor.probabilityOfPurchases(n, 30);
        rest -= p;
        expect(Math.abs(counts[n] / CUSTOMERS - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / CUSTOMERS) + 1e-4);
      }
      expect(Math.abs(counts[7] / CUSTOMERS - rest)).toBeLessThan(
        4 * Math.sqrt((rest * (1 - rest)) / CUSTOMERS) + 1e-4,
      );
    },
  );
});

describe("DERT", () => {
  const rate = Math.expm1(0.0027); // Fader, Hardie & Lee's 15% a year as 0.0027 a week, continuously compounded
  test("Pareto/NBD's closed form (FHL 2005 eq. 2) equals the integral of its own conditional expectation", () => {
    const predictor = predictorOf("pnbd", { r: 0.5629966, alpha: 12.559037, s: 0.4081095, beta: 10.5148048 });
    for (const customer of [
      { frequency: 7, recency: 35, age: 77.86 },
      { frequency: 0, recency: 0, age: 77.86 },
      { frequency: 2, recency: 30, age: 40 },
    ]) {
      const closed = predictor.discountedResidualPurchases!(customer, rate);
      const integrated = dertByIntegration((t) => predictor.expectedPurchases(customer, t), rate);
      expect(closed).toBeCloseTo(integrated, 8);
    }
  });

  test("BG/NBD: equals a fine discounted sum of its expected purchases", () => {
    const predictor = predictorOf("bgnbd", { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    const customer = { frequency: 2, recency: 30.43, age: 38.86 };
    // At 2% a week (continuously), weeks beyond 1,500 weigh less than e^−30: a midpoint sum over quarter weeks.
    let brute = 0;
    let previous = 0;
    for (let k = 1; k <= 6000; k++) {
      const t = k * 0.25;
      const e = predictor.expectedPurchases(customer, t);
      brute += (e - previous) * Math.exp(-0.02 * (t - 0.125));
      previous = e;
    }
    expect(predictor.discountedResidualPurchases!(customer, Math.expm1(0.02))).toBeCloseTo(brute, 5);
  });

  test("BG/BB (FHS 2010 eq. 14) equals Σ_t P(transaction at n + t)/(1 + d)^t", () => {
    const predictor = predictorOf("bgbb", { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 });
    for (const customer of [
      { frequency: 3, recency: 4, age: 6 },
      { frequency: 0, recency: 0, age: 6 },
      { frequency: 6, recency: 6, age: 6 },
    ]) {
      let sum = 0;
      let previous = 0;
      // Up to BG/BB's bound on opportunities: at 10 % a year the terms past it are below 1e-40.
      for (let t = 1; t <= MAX_OPPORTUNITIES; t++) {
        const e = predictor.expectedPurchases(customer, t);
        sum += (e - previous) / 1.1 ** t;
        previous = e;
      }
      expect(predictor.discountedResidualPurchases!(customer, 0.1)).toBeCloseTo(sum, 10);
    }
  });

  test("a higher discount rate lowers DERT; a rate of 0 is refused with a message", () => {
    const predictor = predictorOf("pnbd", { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 });
    const customer = { frequency: 3, recency: 30, age: 39 };
    expect(predictor.discountedResidualPurchases!(customer, 0.01)).toBeLessThan(
      predictor.discountedResidualPurchases!(customer, 0.001),
    );
    expect(() => predictor.discountedResidualPurchases!(customer, 0)).toThrow(/above 0/);
  });
});

describe("tracking", () => {
  test("one cohort acquired at once tracks customers × E[X(t)]; a later cohort starts at its birth", () => {
    const predictor = predictorOf("bgnbd", { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    const points = expectedTracking(predictor, [10, 10, 4], 12, 1);
    expect(points).toHaveLength(12);
    // Customers with T = 10 were born at 0, the one with T = 4 at 6.
    expect(points[4].cumulative).toBeCloseTo(2 * predictor.expectedPurchasesNewCustomer(5), 12);
    expect(points[8].cumulative).toBeCloseTo(
      2 * predictor.expectedPurchasesNewCustomer(9) + predictor.expectedPurchasesNewCustomer(3),
      12,
    );
    const sum = points.reduce((s, p) => s + p.incremental, 0);
    expect(sum).toBeCloseTo(points[11].cumulative, 12);
  });

  test("the work is bounded: too many periods × distinct T is refused with a message", () => {
    const predictor = predictorOf("bgnbd", { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    const ages = Array.from({ length: 5000 }, (_, i) => i / 100);
    expect(() => expectedTracking(predictor, ages, 5000, 1)).toThrow(/round T/);
    expect(() => expectedTracking(predictor, [1], 1e6, 1)).toThrow(/more than 10000|10,000/);
  });

  test("whole-number T and step: periods × distinct T beyond that bound, each E[X(t)] once (BG/BB's opportunities)", () => {
    const predictor = predictorOf("bgbb", { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 });
    // 1,001 distinct T over 2,100 periods: 2,102,100 pairs, more than the 2,000,000 evaluations of continuous T.
    const ages = Array.from({ length: 3003 }, (_, i) => i % 1001);
    const points = expectedTracking(predictor, ages, 2100, 1);
    expect(points).toHaveLength(2100);
    for (const k of [1, 500, 1000, 1001, 2100]) {
      let expected = 0;
      for (let T = 0; T <= 1000; T++) {
        const birth = 1000 - T;
        if (birth < k) expected += 3 * predictor.expectedPurchasesNewCustomer(k - birth);
      }
      expect(points[k - 1].cumulative).toBeCloseTo(expected, 8);
    }
    // The same base half a period later: times since acquisition are no longer whole, the evaluations' bound holds.
    const bgnbd = predictorOf("bgnbd", { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    expect(() => expectedTracking(bgnbd, [...ages.map((T) => T + 0.5), 0], 2100, 1)).toThrow(/round T/);
  });
});

describe("log-likelihood", () => {
  test.each([
    ["bgnbd", { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, -0.59947382, 100.7957],
    ["mbgnbd", { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, -0.41792826, 100.7869],
  ] as const)("%s single-customer ln L (Hardie note 027 / lifetimes)", (model, params, zero, busy) => {
    const predictor = predictorOf(model, params);
    expect(predictor.logLikelihood!({ frequency: 0, recency: 0, age: 40 })).toBeCloseTo(zero, 5);
    expect(predictor.logLikelihood!({ frequency: 200, recency: 38, age: 40 })).toBeCloseTo(busy, 3);
  });
});
