import { readFileSync } from "node:fs";
import { join } from "node:path";
import hyp2f1 from "@stdlib/math-base-special-hyp2f1";
import { compressHistories } from "../../../src/engine/models/compress";
import { fitParetoNbd, paretoNbdLogLikelihood, paretoNbdPredictor } from "../../../src/engine/models/pareto-nbd";
import {
  logDeathIntegral,
  paretoNbdPreparedNegLogLikelihood,
  prepareParetoNbdData,
} from "../../../src/engine/models/pareto-nbd-likelihood";
import { simulateParetoNbd } from "./simulate";

describe("the 'died between t_x and T' term", () => {
  test("the quadrature equals Fader & Hardie's closed form with @stdlib's 2F1 (note 008, A0)", () => {
    const [r, alpha, s, beta] = [0.55, 10.58, 0.61, 11.67];
    for (const [x, tx, T] of [
      [0, 0, 39],
      [2, 30.43, 38.86],
      [7, 1, 39],
      [30, 20, 39],
    ]) {
      // F(t) = (L+t)^−K 2F1(K, s+1; K+1; (L−α... )) / K with L = max(α, β) = β here, z = (β−α)/(β+t), b = r+x.
      const K = r + s + x;
      const F = (t: number) => (Math.pow(beta + t, -K) * hyp2f1(K, r + x, K + 1, (beta - alpha) / (beta + t))) / K;
      const closed = Math.log(F(tx) - F(T));
      expect(logDeathIntegral(r, alpha, s, beta, x, tx, T) / closed - 1).toBeCloseTo(0, 12);
    }
    expect(logDeathIntegral(r, alpha, s, beta, 3, 39, 39)).toBe(-Infinity);
  });
  test("stays finite where an optimiser on days-scale data went (s, β → ∞), and P(alive) with it", () => {
    const params = { r: 3.55, alpha: 176.2, s: 629800, beta: 177090377 };
    const model = paretoNbdPredictor(params);
    for (const customer of [
      { frequency: 0, recency: 0, age: 300 },
      { frequency: 4, recency: 100, age: 500 },
    ]) {
      const alive = model.probabilityAlive(customer);
      expect(alive).toBeGreaterThan(0);
      expect(alive).toBeLessThanOrEqual(1);
      const any = model.probabilityOfAnyPurchase!(customer, 52);
      expect(any).toBeGreaterThan(0);
      expect(any).toBeLessThan(alive);
    }
  });
});

describe("the 'died between t_x and T' term at frequencies in the billions (issue 12)", () => {
  // With m = r + x huge the integrand (α+τ)^−m (β+τ)^−n falls by e^1000 within a day of t_x: Laplace's method in
  // w = m·ln((α+τ)/(α+t_x)) gives ln I = −m ln A − n ln B + ln(A/m) + (1 − n·A/B)/m + O(1/m²), A = α+t_x, B = β+t_x,
  // an evaluation independent of the quadrature (exact to ~1/m² ≈ 1e-18 here). Before, the window kept for the
  // quadrature was sized by a tolerance in ln τ alone: 10^7 panels and 30 s for one customer at x = 10^9.
  test.each([
    [1e9, 990_000],
    [3e8, 999_999],
    [1e6, 600_000],
  ])("x = %d, t_x = %d, T = 10^6", (x, tx) => {
    const [r, alpha, s, beta] = [0.575, 72.67, 0.576, 73.43];
    const m = r + x;
    const n = s + 1;
    const A = alpha + tx;
    const B = beta + tx;
    const laplace = -m * Math.log(A) - n * Math.log(B) + Math.log(A / m) + (1 - (n * A) / B) / m;
    const value = logDeathIntegral(r, alpha, s, beta, x, tx, 1e6);
    expect(Math.abs(value - laplace)).toBeLessThan(1e-12 * Math.abs(laplace));
    // The P(alive) these customers get: finite, in [0, 1].
    const alive = paretoNbdPredictor({ r, alpha, s, beta }).probabilityAlive({ frequency: x, recency: tx, age: 1e6 });
    expect(alive).toBeGreaterThanOrEqual(0);
    expect(alive).toBeLessThanOrEqual(1);
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
    // Where an optimiser went on days-scale data (s, β → ∞): the integrand falls by thousands of e-folds.
    [3.55, 176, 2261.5, 635919],
  ];
  test.each(parameterSets)("equals the sum of single-customer terms at (%f, %f, %f, %f)", (r, alpha, s, beta) => {
    let direct = 0;
    for (let i = 0; i < x.length; i++) {
      direct -= paretoNbdLogLikelihood({ r, alpha, s, beta }, { frequency: x[i], recency: tx[i], age: T[i] });
    }
    expect(paretoNbdPreparedNegLogLikelihood(data, [r, alpha, s, beta]) / direct - 1).toBeCloseTo(0, 12);
  });
  test("outside the domain (β underflowed to 0, α overflowed) it is +∞ for the optimiser, not an exception", () => {
    expect(paretoNbdPreparedNegLogLikelihood(data, [5.4, 276, 8e-5, 0], new Float64Array(4))).toBe(Infinity);
    expect(paretoNbdPreparedNegLogLikelihood(data, [0.5, Infinity, 0.6, 10])).toBe(Infinity);
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

describe("Pareto/NBD likelihood's analytic Hessian (the Newton polish and the standard errors, issue 17)", () => {
  const x = [0, 0, 1, 2, 5, 7, 30, 200, 3, 0, 12, 2];
  const tx = [0, 0, 5, 30, 38.5, 39, 20, 38, 0.5, 0, 1, 30];
  const T = [39, 20, 30, 38, 39, 39, 39, 39, 3, 1, 1.5, 38];
  // Continuous times: every (x, t) distinct, with gaps short enough for the "next larger t" shortcut.
  const continuous = simulateParetoNbd({ r: 0.55, alpha: 10, s: 0.6, beta: 12 }, 300, 39, 5);
  const datasets = {
    "twelve customers": prepareParetoNbdData(compressHistories(x, tx, T)),
    "300 continuous-time customers": prepareParetoNbdData(
      compressHistories(continuous.frequency, continuous.recency!, continuous.age!),
    ),
  };
  const parameterSets = [
    [0.55, 10.58, 0.61, 11.67],
    // α = β exactly (z = 0, the starts): the series' second z-derivative needs its t_2 term.
    [0.55, 10, 0.61, 10],
    [0.55, 20, 0.61, 1.2],
    [0.55, 1.5, 0.61, 40],
    [2.5, 300, 3.1, 0.5],
    [0.3, 0.2, 0.9, 500],
    [3.55, 176, 2261.5, 635919],
  ];
  const cases = Object.keys(datasets).flatMap((name) => parameterSets.map((p) => [name, ...p] as const));
  test.each(cases)("%s: equals central differences of the gradient at (%f, %f, %f, %f)", (name, ...values) => {
    const data = datasets[name as keyof typeof datasets];
    const p = values as number[];
    const gradient = new Float64Array(4);
    const hessian = new Float64Array(16);
    const value = paretoNbdPreparedNegLogLikelihood(data, p, gradient, hessian);
    const plain = new Float64Array(4);
    expect(value).toBe(paretoNbdPreparedNegLogLikelihood(data, p, plain));
    for (let i = 0; i < 4; i++) expect(gradient[i]).toBeCloseTo(plain[i], 9);
    // 4-point differences of the analytic gradient, steps of 1e-3 of each parameter.
    const numeric = new Float64Array(16);
    for (let j = 0; j < 4; j++) {
      const h = 1e-3 * p[j];
      const at = (d: number) => {
        const out = new Float64Array(4);
        paretoNbdPreparedNegLogLikelihood(
          data,
          p.map((v, k) => (k === j ? v + d : v)),
          out,
        );
        return out;
      };
      const [a, b, c, d] = [at(h), at(-h), at(2 * h), at(-2 * h)];
      for (let i = 0; i < 4; i++) numeric[4 * i + j] = (8 * (a[i] - b[i]) - (c[i] - d[i])) / (12 * h);
    }
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        expect(hessian[4 * i + j]).toBe(hessian[4 * j + i]);
        // In log-parameters (∂²/∂ln p_i ∂ln p_j = p_i p_j ∂²/∂p_i∂p_j), relative to the geometric mean of the two
        // diagonal curvatures, with a floor for the differences' own rounding where a curvature is nearly zero. Far out
        // on the ridge (s, β in the thousands and more) the second moments lose digits: ln(β+τ) hardly varies over a
        // customer's interval, so its variance is a small difference of large terms (1e-4 relative there).
        const scale = p[i] * p[j];
        const size = scale * Math.sqrt(Math.abs(numeric[5 * i] * numeric[5 * j]));
        expect(scale * Math.abs(hessian[4 * i + j] - numeric[4 * i + j])).toBeLessThan(
          (p[3] > 1e5 ? 2e-4 : 1e-5) * size + 1e-6,
        );
      }
    }
  });
  test("stays finite with a frequency of 1e9 where α < β (the series' terms pass 1e300 before they fall)", () => {
    const data = prepareParetoNbdData(
      compressHistories([0, 1, 2, 3, 0, 1e9], [0, 5, 10, 20, 0, 30], [30, 30, 30, 30, 30, 30.5]),
    );
    const gradient = new Float64Array(4);
    const hessian = new Float64Array(16);
    const p = [1, 0.752, 1, 0.75202];
    expect(Number.isFinite(paretoNbdPreparedNegLogLikelihood(data, p, gradient, hessian))).toBe(true);
    expect(hessian.every(Number.isFinite)).toBe(true);
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

describe("Pareto/NBD fit on data it does not describe well", () => {
  test("a BG/NBD log in days, whose fit runs to s, β → ∞, finishes with usable predictions", () => {
    // Before the quadrature kept only the part of the interval where the integrand matters, each evaluation out
    // there took thousands of panels and this fit ran for minutes; P(alive) by the closed form was NaN.
    const data = JSON.parse(readFileSync(join(__dirname, "fixtures", "pareto-boundary.json"), "utf8"));
    const columns = {
      frequency: Float64Array.from(data.frequency as number[]),
      recency: Float64Array.from(data.recency as number[]),
      age: Float64Array.from(data.age as number[]),
    };
    const fit = fitParetoNbd(columns);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    expect(fit.params.s).toBeGreaterThan(1e4);
    const model = paretoNbdPredictor(fit.params);
    for (let i = 0; i < columns.frequency.length; i++) {
      const customer = { frequency: columns.frequency[i], recency: columns.recency[i], age: columns.age[i] };
      const alive = model.probabilityAlive(customer);
      expect(alive).toBeGreaterThan(0);
      expect(alive).toBeLessThanOrEqual(1);
      expect(Number.isFinite(model.expectedPurchases(customer, 52))).toBe(true);
    }
  }, 30_000); // a hang guard, not a timing target: the fit takes about a second
});
