/**
 * GGompertz/NBD on whole columns (issue 12): P(alive) by one sweep over each frequency's times
 * (ggompertz-nbd-columns.ts) against the per-customer death integral and adaptive quadrature; the closed-form floor
 * that returns P(alive) = 0 without the integral; E[min(τ, t)] for horizons up to 1e300 against closed forms.
 */
import { ggomnbdLogDeathColumn } from "../../../src/engine/models/ggompertz-nbd-columns";
import {
  diedWithPurchasesSteep,
  ggomnbdPredictor,
  lifetimeWithin,
  logDeathIntegralFloor,
  logScaledDeathIntegral,
} from "../../../src/engine/models/ggompertz-nbd";
import { predictiveClvColumn } from "../../../src/engine/models/clv";
import { nbdLogPmfOf } from "../../../src/engine/models/nbd";
import { integrate } from "../../../src/engine/optim/quadrature";
import { seededRandom } from "../../../src/engine/random";

const PARAMETERS = [
  // A fit on 2,000 continuous-time customers (the limits audit's table): b → 0, the Pareto/NBD limit.
  { r: 0.5573, alpha: 72.23, b: 4.654e-10, s: 0.7816, beta: 6.108e-8 },
  { r: 0.55, alpha: 10.6, b: 1e-4, s: 0.6, beta: 3.2 },
  { r: 0.5, alpha: 5, b: 0.05, s: 2, beta: 0.3 },
  { r: 2, alpha: 50, b: 1e-6, s: 0.01, beta: 1e4 },
];
type P = (typeof PARAMETERS)[number];

/** ln J(t_x, T) by adaptive Gauss–Kronrod of the integrand relative to its value at t_x. */
function referenceLogJ({ alpha, b, s, beta }: P, m: number, t0: number, t1: number): number {
  const start = Math.log1p(Math.expm1(b * t0) / beta);
  const drop = (y: number) =>
    -m * Math.log1p((y - t0) / (alpha + t0)) - (s + 1) * (Math.log1p(Math.expm1(b * y) / beta) - start) + b * (y - t0);
  return (
    -m * Math.log(alpha + t0) - (s + 1) * start + b * t0 + Math.log(integrate((y) => Math.exp(drop(y)), t0, t1, 1e-14))
  );
}

/** A base of few frequencies (each group large enough for the sweep), ties in the times, and some t_x = T. */
function columns(seed: number, n = 200) {
  const random = seededRandom(seed);
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const age = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = [0, 2, 5, 30][Math.floor(random.next() * 4)];
    const T = i % 7 === 0 ? 365 : 30 + 335 * random.next();
    frequency[i] = x;
    age[i] = T;
    recency[i] = x === 0 ? 0 : i % 11 === 0 ? T : i % 13 === 0 ? 100 : T * random.next();
  }
  return { frequency, recency, age };
}

describe("GGompertz/NBD P(alive) column", () => {
  test("equals the per-customer integral to 1e-10 (P and 1 − P), and the sweep does the work", () => {
    for (const [k, p] of PARAMETERS.entries()) {
      const { frequency, recency, age } = columns(k + 1);
      const predictor = ggomnbdPredictor(p);
      const column = predictor.probabilityAliveColumn!(frequency, recency, age);
      const swept = ggomnbdLogDeathColumn(p, frequency, recency, age);
      let fromSweep = 0;
      for (let i = 0; i < frequency.length; i++) {
        const one = predictor.probabilityAlive({ frequency: frequency[i], recency: recency[i], age: age[i] });
        expect(Math.abs(column[i] - one)).toBeLessThanOrEqual(1e-10 * Math.min(one, 1 - one) + 1e-300);
        if (Number.isFinite(swept[i])) fromSweep++;
      }
      // Most rows come from the sweep (the rest: t_x = T, or F(T) close to F(t_x)).
      expect(fromSweep).toBeGreaterThan(frequency.length / 2);
    }
  });

  test("a group whose intervals would pass the panels' cap (ten million purchases) is left to each customer", () => {
    const p = PARAMETERS[1];
    const n = 40;
    const frequency = new Float64Array(n).fill(1e7);
    const age = new Float64Array(n).fill(1e6);
    // Last purchases just before T, and one 1,000 before: that interval needs 5,000 panels (slope 10 × 1,000 / 2).
    const recency = Float64Array.from({ length: n }, (_, i) => (i === n - 1 ? 1e6 - 1000 : 1e6 - 1e-4 * (i + 1)));
    expect(ggomnbdLogDeathColumn(p, frequency, recency, age).every((v) => Number.isNaN(v))).toBe(true);
    const predictor = ggomnbdPredictor(p);
    const column = predictor.probabilityAliveColumn!(frequency, recency, age);
    let between = 0;
    for (let i = 0; i < n; i++) {
      const one = predictor.probabilityAlive({ frequency: 1e7, recency: recency[i], age: 1e6 });
      expect(column[i]).toBe(one);
      if (one > 0 && one < 1) between++;
    }
    expect(between).toBeGreaterThan(5);
  });

  test("each ln J of the sweep equals adaptive quadrature of the death integral to 1e-11", () => {
    let compared = 0;
    for (const [k, p] of PARAMETERS.entries()) {
      const { frequency, recency, age } = columns(10 + k);
      const swept = ggomnbdLogDeathColumn(p, frequency, recency, age);
      for (let i = 0; i < frequency.length; i += 2) {
        if (!Number.isFinite(swept[i])) continue;
        const exact = referenceLogJ(p, p.r + frequency[i], recency[i], age[i]);
        // An error of 1e-6 relative in J is 1e-6 in ln J: this fails on it.
        expect(Math.abs(swept[i] - exact)).toBeLessThan(1e-11 * Math.max(1, Math.abs(exact)));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(150);
  });
});

describe("GGompertz/NBD log-likelihood column", () => {
  test("equals each customer's log-likelihood to 1e-10", () => {
    for (const [k, p] of PARAMETERS.entries()) {
      const { frequency, recency, age } = columns(20 + k);
      const predictor = ggomnbdPredictor(p);
      const column = predictor.logLikelihoodColumn!(frequency, recency, age);
      for (let i = 0; i < frequency.length; i++) {
        const one = predictor.logLikelihood!({ frequency: frequency[i], recency: recency[i], age: age[i] });
        expect(Math.abs(column[i] - one)).toBeLessThan(1e-10 * Math.max(1, Math.abs(one)));
      }
    }
  });
});

describe("the floor of ln J", () => {
  test("is below the integral itself, and P(alive) is 0 exactly where it alone decides", () => {
    const random = seededRandom(5);
    let zero = 0;
    for (const p of PARAMETERS) {
      for (let k = 0; k < 40; k++) {
        const m = p.r + Math.round(10 ** (6 * random.next()));
        const T = 10 + 1e4 * random.next();
        const tx = T * random.next();
        const floor = logDeathIntegralFloor(p, m, tx, T);
        const exact = logScaledDeathIntegral(p, m, tx, T);
        expect(floor).toBeLessThanOrEqual(exact + 1e-9 * Math.abs(exact));
        const predictor = ggomnbdPredictor(p);
        const alive = -m * Math.log(p.alpha + T) - p.s * Math.log1p(Math.expm1(p.b * T) / p.beta);
        const died = Math.log(p.b) + Math.log(p.s) - Math.log(p.beta) + exact;
        const value = predictor.probabilityAlive({ frequency: m - p.r, recency: tx, age: T });
        // The same number as the integral gives (0 where e^(died − alive) overflows).
        expect(value).toBe(1 / (1 + Math.exp(died - alive)));
        if (value === 0) zero++;
      }
    }
    expect(zero).toBeGreaterThan(20);
  });
});

describe("E[min(τ, t)] (lifetimeWithin)", () => {
  // ∫_0^∞ (1 + (e^(bu) − 1)/c)^−s du: s = 1, (c/b) ln c/(c − 1); s = 2, (c²/b)(ln c/(c − 1)² − 1/(c(c − 1))).
  const closed1 = (b: number, c: number) => ((c / b) * Math.log(c)) / (c - 1);
  const closed2 = (b: number, c: number) => ((c * c) / b) * (Math.log(c) / (c - 1) ** 2 - 1 / (c * (c - 1)));

  test("at t = 1e300 equals the closed forms for s = 1 and 2 to 1e-12", () => {
    for (const b of [4.65e-10, 1e-3, 0.1, 2]) {
      for (const c of [2e-7, 0.3, 0.9, 3, 1e4]) {
        expect(Math.abs(lifetimeWithin(b, 1, c, 1e300) / closed1(b, c) - 1)).toBeLessThan(1e-12);
        expect(Math.abs(lifetimeWithin(b, 2, c, 1e300) / closed2(b, c) - 1)).toBeLessThan(1e-12);
      }
    }
  });

  test("equals adaptive quadrature on [0, t] where that resolves S, to 1e-12", () => {
    for (const b of [4.65e-10, 1e-3, 0.1]) {
      for (const c of [0.3, 3, 1e4]) {
        for (const s of [0.05, 0.78, 3.5]) {
          for (const t of [0.01, 1, 30, 365]) {
            const direct = integrate((u) => Math.exp(-s * Math.log1p(Math.expm1(b * u) / c)), 0, t);
            expect(Math.abs(lifetimeWithin(b, s, c, t) / direct - 1)).toBeLessThan(1e-12);
          }
        }
      }
    }
  });

  test("is, where its first 15 points are accepted, integrate's own value in w bit for bit", () => {
    for (const [b, s, c] of [
      [4.65e-10, 0.78, 2e-7],
      [1e-3, 0.5, 0.3],
      [0.1, 3.5, 3],
    ]) {
      const knee = Math.log1p(c) / b;
      for (const t of [30, 365, 1e4, 2e5]) {
        const bU = Math.max(Math.LN2, (45 + s * Math.log(4 * c) - Math.log(s * Math.log1p(c))) / s);
        const end = Math.log1p(Math.min(t, bU / b) / knee);
        const inW = integrate(
          (w) => {
            const grown = knee * Math.exp(w);
            return Math.exp(-s * Math.log1p(Math.expm1(b * (grown - knee)) / c)) * grown;
          },
          0,
          end,
        );
        expect(lifetimeWithin(b, s, c, t)).toBe(inW);
      }
    }
  });

  test("expected purchases at t = 1e300 are P(alive)·(r+x)/(α+T)·∫_0^∞ S*, not 0", () => {
    const p = { r: 0.55, alpha: 10.6, b: 0.01, s: 1, beta: 3.2 };
    const predictor = ggomnbdPredictor(p);
    const customer = { frequency: 4, recency: 60, age: 100 };
    const scale = (p.beta + Math.expm1(p.b * customer.age)) / Math.exp(p.b * customer.age);
    const expected = predictor.probabilityAlive(customer) * ((p.r + 4) / (p.alpha + 100)) * closed1(p.b, scale);
    expect(Math.abs(predictor.expectedPurchases(customer, 1e300) / expected - 1)).toBeLessThan(1e-12);
  });
});

describe("GGompertz/NBD CLV over a long horizon", () => {
  test("E[Y | alive] is E[Y] / P(alive) at the representative history, and the column is the month-by-month sum", () => {
    const p = PARAMETERS[0];
    const predictor = ggomnbdPredictor(p);
    for (const [x, T] of [
      [0, 200],
      [3, 365],
      [40, 30],
    ]) {
      const representative = { frequency: x, recency: x === 0 ? 0 : T, age: T };
      for (const t of [30, 3650, 1e300]) {
        const ratio = predictor.expectedPurchases(representative, t) / predictor.probabilityAlive(representative);
        expect(Math.abs(predictor.expectedPurchasesIfAlive!(x, T, t) / ratio - 1)).toBeLessThan(1e-14);
      }
    }
    // 600 months (the Euler–Maclaurin tail of discountedPurchases) against the sum of the 600 discounted months.
    const months = 600;
    const f = 365.25 / 12;
    const monthly = Math.pow(1.1, 1 / 12) - 1;
    const frequency = [0, 2, 5, 30];
    const recency = [0, 100, 250, 360];
    const age = [300, 200, 365, 365];
    const values = predictiveClvColumn(predictor, frequency, recency, age, [1, 1, 1, 1], {
      months,
      annualDiscountRate: 0.1,
      margin: 1,
      periodsPerMonth: f,
    });
    for (let i = 0; i < 4; i++) {
      const customer = { frequency: frequency[i], recency: recency[i], age: age[i] };
      let direct = 0;
      let previous = 0;
      for (let m = 1; m <= months; m++) {
        const cumulative = predictor.expectedPurchases(customer, m * f);
        direct += (cumulative - previous) / Math.pow(1 + monthly, m);
        previous = cumulative;
      }
      expect(Math.abs((values[i] as number) / direct - 1)).toBeLessThan(1e-10);
    }
  });
});

describe("GGompertz/NBD P(X(t) = n) at thousands of purchases", () => {
  test("equals quadrature that resolves the rise to t (pieces t(1 − 2^−j)) to 1e-10, the steep path taken", () => {
    let steep = 0;
    for (const p of PARAMETERS) {
      const predictor = ggomnbdPredictor(p);
      const { r, alpha, b, s, beta } = p;
      const density = (tau: number) =>
        ((b * s * Math.exp(b * tau)) / beta) * Math.exp(-(s + 1) * Math.log1p(Math.expm1(b * tau) / beta));
      for (const [n, t] of [
        [20, 11],
        [400, 201],
        [2000, 1001],
        [6000, 3001],
        [9980, 4991],
      ]) {
        if (diedWithPurchasesSteep(p, n, t) === null) continue;
        steep++;
        const nbd = nbdLogPmfOf(n, r, alpha);
        const f = (tau: number) => density(tau) * nbd(tau);
        // f increases on (0, t] where the steep path applies: a piece below width · f(its end) < 1e-20 f(t) t is skipped.
        let died = 0;
        for (let j = 0; j < 60; j++) {
          const [lo, hi] = [t * (1 - 2 ** -j), t * (1 - 2 ** -(j + 1))];
          if ((hi - lo) * f(hi) < 1e-20 * f(t) * t) continue;
          died += integrate(f, lo, hi);
        }
        const exact = nbd(t) * Math.exp(-s * Math.log1p(Math.expm1(b * t) / beta)) + died;
        const value = predictor.probabilityOfPurchases(n, t);
        expect(Math.abs(value / exact - 1)).toBeLessThan(1e-10);
      }
    }
    expect(steep).toBeGreaterThanOrEqual(4);
  });
});
