import { compressHistories } from "../../../src/engine/models/compress";
import { paretoNbdLogLikelihood } from "../../../src/engine/models/pareto-nbd";
import {
  logSeriesTail,
  logTailIntegral,
  paretoNbdPreparedNegLogLikelihood,
  prepareParetoNbdData,
} from "../../../src/engine/models/pareto-nbd-likelihood";
import { logPfaffTail } from "../../../src/engine/models/pareto-nbd-pfaff";
import { logSteepTail } from "../../../src/engine/models/pareto-nbd-steep";
import { gaussLaguerre } from "../../../src/engine/optim/gauss-laguerre";
import { seededRandom } from "../../../src/engine/random";

const PACKED = [
  [4, 5, 6, 7],
  [5, 8, 9, 10],
  [6, 9, 11, 12],
  [7, 10, 12, 13],
];

/** ∇²ln F from the second moments: M − ∇ln F ∇ln Fᵀ. */
const curvature = (out: Float64Array, i: number, j: number) => out[PACKED[i][j]] - out[i] * out[j];

describe("Pareto/NBD ln F at frequencies in the thousands to billions (issue 12)", () => {
  test("the Pfaff-transformed series equals Gauss's where both settle: value, gradient and second derivatives", () => {
    for (const [r, alpha, s, beta, x, t] of [
      [0.5, 3, 0.8, 10, 40, 30],
      [0.5, 10, 0.8, 3, 40, 30],
      [0.3, 50, 2, 40, 12, 7],
      [0.55, 10.6, 0.61, 11.7, 300, 20],
    ]) {
      const gauss = new Float64Array(14);
      const pfaff = new Float64Array(14);
      const g = logSeriesTail(r, alpha, s, beta, x, t, gauss, true, true);
      const p = logPfaffTail(r, alpha, s, beta, x, t, pfaff, true, true) as number;
      expect(p / g - 1).toBeCloseTo(0, 14);
      const scale = Math.max(...Array.from(gauss.slice(0, 4), Math.abs));
      for (let i = 0; i < 4; i++) {
        expect(Math.abs(pfaff[i] - gauss[i])).toBeLessThan(1e-12 * scale);
        for (let j = i; j < 4; j++) {
          const diagonal = Math.sqrt(Math.abs(curvature(gauss, i, i) * curvature(gauss, j, j)));
          expect(Math.abs(curvature(pfaff, i, j) - curvature(gauss, i, j))).toBeLessThan(1e-9 * diagonal + 1e-15);
        }
      }
    }
  });
  test("the steep Gauss–Laguerre rule equals 24 nodes and the Pfaff series, and its derivatives the differences", () => {
    const rule24 = gaussLaguerre(24);
    for (const [r, alpha, s, beta, x, t] of [
      // The audit's heavy histories near the fit's optimum, and towards s, β → ∞ (its boundary).
      [0.42, 0.0021, 0.08, 2.7, 3e6, 7e5],
      [0.42, 0.0021, 2.3, 2.9e6, 3e6, 7e5],
      [0.42, 0.0021, 3e4, 3e10, 1e6, 7e5],
      [0.4, 5, 3, 2, 5e4, 300],
    ]) {
      const out = new Float64Array(14);
      const check = new Float64Array(14);
      const value = logSteepTail(r, alpha, s, beta, x, t, out, true, true) as number;
      expect(value).not.toBeNull();
      expect(logSteepTail(r, alpha, s, beta, x, t, check, true, true, rule24)! / value - 1).toBeCloseTo(0, 14);
      const pfaff = logPfaffTail(r, alpha, s, beta, x, t, new Float64Array(14), false);
      if (pfaff !== null) expect(pfaff / value - 1).toBeCloseTo(0, 14);
      const p = [r, alpha, s, beta];
      for (let k = 0; k < 4; k++) {
        const h = 1e-5 * p[k];
        const up = [...p];
        const down = [...p];
        up[k] += h;
        down[k] -= h;
        const gUp = new Float64Array(14);
        const gDown = new Float64Array(14);
        const vUp = logSteepTail(up[0], up[1], up[2], up[3], x, t, gUp, true, false, rule24) as number;
        const vDown = logSteepTail(down[0], down[1], down[2], down[3], x, t, gDown, true, false, rule24) as number;
        const slope = (vUp - vDown) / (2 * h);
        expect(Math.abs(out[k] - slope)).toBeLessThan(
          1e-6 * Math.max(1, Math.abs(slope)) + (1e-14 * Math.abs(value)) / h,
        );
        for (let j = 0; j < 4; j++) {
          const second = (gUp[j] - gDown[j]) / (2 * h);
          const scale = Math.max(
            1e-12,
            Math.abs(second),
            Math.sqrt(Math.abs(curvature(out, k, k) * curvature(out, j, j))),
          );
          expect(Math.abs(curvature(out, k, j) - second)).toBeLessThan(1e-4 * scale + (1e-14 * Math.abs(out[j])) / h);
        }
      }
    }
  });
  test("the prepared likelihood on heavy histories equals the per-customer formula (off by 7e-4 before)", () => {
    // Forty customers with 1e6 to 1e9 purchases, the last between T/2 and T (the audit's heavy histories). Gauss's
    // series, capped at 5,000 terms, was off by 7e-4 here and gave NaN at the fit's first start on a million of them.
    const random = seededRandom(7);
    const n = 40;
    const x = new Float64Array(n);
    const tx = new Float64Array(n);
    const T = new Float64Array(n).fill(1e6);
    for (let i = 0; i < n; i++) {
      x[i] = Math.round(10 ** (6 + 3 * random.next()));
      tx[i] = 1e6 * (0.5 + 0.5 * random.next());
    }
    const data = prepareParetoNbdData(compressHistories(x, tx, T));
    for (const p of [
      [1, 25000, 1, 25000],
      [1, 22000, 1, 25000],
      [0.42, 0.0021, 0.08, 2.7],
      [0.42, 0.0021, 3e4, 3e10],
    ]) {
      let expected = 0;
      for (let i = 0; i < n; i++) {
        expected -= paretoNbdLogLikelihood(
          { r: p[0], alpha: p[1], s: p[2], beta: p[3] },
          { frequency: x[i], recency: tx[i], age: T[i] },
        );
      }
      const gradient = new Float64Array(4);
      const value = paretoNbdPreparedNegLogLikelihood(data, p, gradient, new Float64Array(16));
      expect(Number.isFinite(value)).toBe(true);
      expect(value / expected - 1).toBeCloseTo(0, 11);
      for (const g of gradient) expect(Number.isFinite(g)).toBe(true);
    }
  });
  test("ln F takes the steep rule or the Pfaff series at huge frequencies, Gauss's series at small ones", () => {
    const out = new Float64Array(14);
    const gauss = new Float64Array(14);
    // Small frequencies: unchanged (Gauss's series, bit for bit).
    expect(logTailIntegral(0.55, 10.6, 0.61, 11.7, 5, 20, out, true, true)).toBe(
      logSeriesTail(0.55, 10.6, 0.61, 11.7, 5, 20, gauss, true, true),
    );
    // s, β → ∞ at 3e6 purchases: the steep rule.
    const steep = logSteepTail(0.42, 0.0021, 3e4, 3e10, 3e6, 7e5, gauss, true, true);
    expect(logTailIntegral(0.42, 0.0021, 3e4, 3e10, 3e6, 7e5, out, true, true)).toBe(steep);
  });
});
