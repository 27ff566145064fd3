import {
  bgnbdLogLikelihood,
  bgnbdPredictor,
  eulerShrunkHypergeometric,
  shrunkHypergeometric,
  shrunkHypergeometricSeries,
  bgnbdPreparedNegLogLikelihood,
  fitBgnbd,
  prepareBgnbdData,
} from "../../../src/engine/models/bgnbd";
import { compressHistories } from "../../../src/engine/models/compress";
import { mbgnbdLogLikelihood, mbgnbdPredictor } from "../../../src/engine/models/mbgnbd";

/** Six customers, one with a frequency in the thousands to billions (FIT never returned at 1e6 before). */
const columns = (big: number) => ({
  frequency: Float64Array.from([0, 1, 2, 3, 0, big]),
  recency: Float64Array.from([0, 5, 10, 20, 0, 30]),
  age: Float64Array.from([30, 30, 30, 30, 30, 30.5]),
});

describe("BG/NBD and MBG/NBD likelihood with frequencies in the millions (no loop over x)", () => {
  test("the prepared likelihood and its gradient equal the per-customer formula when x jumps by thousands", () => {
    for (const modified of [false, true]) {
      const { frequency, recency, age } = columns(5000);
      const data = prepareBgnbdData(compressHistories(frequency, recency, age), modified);
      for (const p of [
        [0.24, 4.4, 0.79, 2.4],
        [3, 0.2, 1.5, 0.6],
      ]) {
        const one = modified ? mbgnbdLogLikelihood : bgnbdLogLikelihood;
        let expected = 0;
        for (let i = 0; i < frequency.length; i++) {
          expected -= one(
            { r: p[0], alpha: p[1], a: p[2], b: p[3] },
            { frequency: frequency[i], recency: recency[i], age: age[i] },
          );
        }
        const gradient = new Float64Array(4);
        const hessian = new Float64Array(16);
        expect(bgnbdPreparedNegLogLikelihood(data, p, gradient, hessian) / expected - 1).toBeCloseTo(0, 11);
        for (let k = 0; k < 4; k++) {
          const h = 1e-6 * p[k];
          const up = [...p];
          const down = [...p];
          up[k] += h;
          down[k] -= h;
          const numeric =
            (bgnbdPreparedNegLogLikelihood(data, up) - bgnbdPreparedNegLogLikelihood(data, down)) / (2 * h);
          expect(Math.abs(gradient[k] - numeric)).toBeLessThan(1e-4 * Math.max(1, Math.abs(numeric)));
        }
      }
    }
  });
  test("across frequencies spread out in the thousands to millions (the asymptotic steps), value, gradient and Hessian", () => {
    // Gaps of more than 4 purchases above r + x = 20 are crossed by the asymptotic series (gamma-differences.ts).
    const frequency = Float64Array.from([0, 2, 25, 31, 40, 47, 300, 5000, 5006, 123457, 2e6]);
    const recency = Float64Array.from(frequency, (x, i) => (x === 0 ? 0 : 3 + 2.5 * i));
    const age = Float64Array.from(frequency, () => 30);
    for (const modified of [false, true]) {
      const data = prepareBgnbdData(compressHistories(frequency, recency, age), modified);
      for (const p of [
        [0.24, 4.4, 0.79, 2.4],
        [30, 0.2, 1.5, 40],
        [0.5, 3, 0.3, 1e6],
      ]) {
        const one = modified ? mbgnbdLogLikelihood : bgnbdLogLikelihood;
        let expected = 0;
        for (let i = 0; i < frequency.length; i++) {
          expected -= one(
            { r: p[0], alpha: p[1], a: p[2], b: p[3] },
            { frequency: frequency[i], recency: recency[i], age: age[i] },
          );
        }
        const gradient = new Float64Array(4);
        const hessian = new Float64Array(16);
        const value = bgnbdPreparedNegLogLikelihood(data, p, gradient, hessian);
        expect(value / expected - 1).toBeCloseTo(0, 12);
        for (let k = 0; k < 4; k++) {
          // A step large enough that the values' rounding (1e-16 of terms of 10⁷) stays below the tolerance.
          const h = 1e-4 * p[k];
          const up = [...p];
          const down = [...p];
          up[k] += h;
          down[k] -= h;
          const numeric =
            (bgnbdPreparedNegLogLikelihood(data, up) - bgnbdPreparedNegLogLikelihood(data, down)) / (2 * h);
          const rounding = (1e-14 * Math.abs(value)) / h;
          expect(Math.abs(gradient[k] - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)) + rounding);
          const gUp = new Float64Array(4);
          const gDown = new Float64Array(4);
          bgnbdPreparedNegLogLikelihood(data, up, gUp);
          bgnbdPreparedNegLogLikelihood(data, down, gDown);
          for (let j = 0; j < 4; j++) {
            const curvature = (gUp[j] - gDown[j]) / (2 * h);
            // Cross terms on the scale of the diagonal's (|H_kj| ≤ √(H_kk·H_jj) where H is positive definite).
            const scale = Math.max(1, Math.abs(curvature), Math.sqrt(Math.abs(hessian[5 * k] * hessian[5 * j])));
            expect(Math.abs(hessian[4 * k + j] - curvature)).toBeLessThan(1e-5 * scale);
          }
        }
      }
    }
  });
  test("FIT returns finite, converged estimates with 1e6 and 1e9 repeat purchases", () => {
    for (const big of [1e6, 1e9])
      for (const modified of [false, true]) {
        const fit = fitBgnbd(columns(big), {}, modified);
        expect(fit.converged).toBe(true);
        for (const value of Object.values(fit.params)) expect(Number.isFinite(value) && value > 0).toBe(true);
        expect(Number.isFinite(fit.logLikelihood)).toBe(true);
      }
  });
});

describe("P(alive at T + t) with frequencies in the millions (issue 12 item 3: a series of about x·z terms before)", () => {
  test("Euler's form equals the series in A where both settle", () => {
    for (const [r, a, b, x, scale, t] of [
      [0.243, 0.793, 2.426, 2000, 40, 52],
      [0.243, 0.793, 2.426, 5000, 1000, 365],
      [0.5, 0.2, 3, 1e4, 1e4, 1e4],
      [2, 4, 0.5, 3000, 200, 20],
    ]) {
      const [A, B, C] = [r + x, b + x, a + b + x];
      const euler = eulerShrunkHypergeometric(A, B, C, scale, t);
      expect(Math.abs(euler / shrunkHypergeometricSeries(A, B, C, scale, t) - 1)).toBeLessThan(1e-11);
      expect(shrunkHypergeometric(A, B, C, scale, t)).toBe(euler);
    }
  });
  test("BG/NBD and MBG/NBD: P(alive a year on) in [0, P(alive now)] at x = 1e6 to 1e9 over T = 1e6", () => {
    for (const model of [
      bgnbdPredictor({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }),
      mbgnbdPredictor({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }),
    ]) {
      for (const frequency of [1e6, 3e7, 1e9]) {
        const customer = { frequency, recency: 9e5, age: 1e6 };
        const later = model.probabilityAliveAt!(customer, 365);
        expect(later).toBeGreaterThanOrEqual(0);
        expect(later).toBeLessThanOrEqual(model.probabilityAlive(customer));
      }
    }
  });
});
