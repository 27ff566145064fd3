import { nbdCumulative, nbdLogPmf, nbdLogPmfOf } from "../../../src/engine/models/nbd";
import { tailBySum } from "./nbd-tail-reference";
import { nbdTail } from "../../../src/engine/models/nbd-tail";
import { bgnbdPredictor } from "../../../src/engine/models/bgnbd";

describe("P(N(t) ≥ n) of the NBD by the incomplete beta function", () => {
  test("is 1 − P(N(t) ≤ n − 1) where that difference keeps its digits", () => {
    for (const [n, r, alpha, t] of [
      [1, 0.24, 30.8, 365],
      [5, 0.55, 10.6, 52],
      [40, 2, 1, 30],
      [300, 0.8, 6, 2000],
    ]) {
      const tail = nbdTail(n, r, alpha, t);
      expect(tail).toBeGreaterThan(1e-3);
      expect(tail).toBeCloseTo(1 - nbdCumulative(n - 1, r, alpha, t), 13);
    }
  });
  test("keeps the digits of a tiny tail that 1 − Σ loses", () => {
    const tail = nbdTail(100, 0.24, 30.8, 1);
    expect(tail).toBeGreaterThan(1e-200);
    expect(Math.abs(tail - tailBySum(100, 0.24, 30.8, 1)) / tail).toBeLessThan(1e-10);
    expect(Math.abs(1 - nbdCumulative(99, 0.24, 30.8, 1) - tail)).toBeGreaterThan(tail);
  });
  test("edges: n ≤ 0 is certain, t = 0 has no purchases", () => {
    expect(nbdTail(0, 0.5, 2, 10)).toBe(1);
    expect(nbdTail(3, 0.5, 2, 0)).toBe(0);
  });
  test("nbdLogPmfOf gives exp(nbdLogPmf) exactly, t = 0 included", () => {
    for (const n of [0, 1, 7, 10_000]) {
      const pmf = nbdLogPmfOf(n, 0.6, 12);
      for (const t of [0, 1e-3, 1, 52, 1e6]) expect(pmf(t)).toBe(Math.exp(nbdLogPmf(n, 0.6, 12, t)));
    }
  });
  test("BG/NBD's P(X(t) = n) sums to 1 over n with the new tail (FHL 2005 eq. 8)", () => {
    const predictor = bgnbdPredictor({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    let total = 0;
    for (let n = 0; n <= 2000; n++) total += predictor.probabilityOfPurchases(n, 39);
    expect(total).toBeCloseTo(1, 10);
  });
});
