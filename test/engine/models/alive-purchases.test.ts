import { alivePurchases, aliveWork, byQuadrature } from "../../../src/engine/models/alive-purchases";
import { bgnbdPredictor } from "../../../src/engine/models/bgnbd";
import { mbgnbdPredictor } from "../../../src/engine/models/mbgnbd";

/**
 * E[Y(t) | alive] by its positive-term series: with N ~ NegBin(K, u/(1+u)) the purchases of a customer who never
 * leaves, E = E[Σ_{j<N} E(1−p)^j] and E(1−p)^j = (b')_j / (a+b')_j. Exact, but its cost grows with K·u.
 */
function bySeries(K: number, a: number, bPrime: number, u: number): number {
  const z = u / (1 + u);
  let pmf = Math.exp(-K * Math.log1p(u));
  let moment = 1;
  let partial = 0;
  let total = 0;
  for (let n = 1; n < 1e6; n++) {
    partial += moment;
    moment *= (bPrime + n - 1) / (a + bPrime + n - 1);
    pmf *= ((K + n - 1) / n) * z;
    total += pmf * partial;
    if (pmf * partial < 1e-20 * total && n > 3 * K * u + 50) break;
  }
  return total;
}

describe("E[Y(t) | alive] for BG/NBD and MBG/NBD", () => {
  test("matches the exact series to 1e-10 from a = 1e-9 to 10⁴, b' from 0.01 to 10⁷, K from 0.01 to 10⁷", () => {
    let worst = 0;
    for (const K of [0.011, 2.2, 60, 1.4e7])
      for (const a of [1e-9, 0.005, 0.4, 0.97, 1, 1.03, 3, 1e4])
        for (const bPrime of [0.011, 3, 1.2e4, 1e7])
          for (const u of [1e-9, 2.5e-7, 0.9, 30]) {
            if (K * u > 2000 || K * Math.log1p(u) > 600) continue; // the series' own limits
            const error = Math.abs(alivePurchases(K, a, bPrime, u) / bySeries(K, a, bPrime, u) - 1);
            worst = Math.max(worst, error);
          }
    expect(worst).toBeLessThan(1e-10);
  });
  test("agrees with itself at a finer step where the series cannot go (u up to 10³⁰⁰)", () => {
    for (const [K, a, bPrime, u] of [
      [2.2, 1, 3, 1e300],
      [50, 1, 3, 1e300],
      [0.3, 0.5, 1e5, 1e12],
      [1e5, 0.8, 1e7, 1e5],
      [1e7, 3, 30, 1e100],
    ]) {
      expect(alivePurchases(K, a, bPrime, u) / byQuadrature(K, a, bPrime, u, 1 / 40, 0.5) - 1).toBeCloseTo(0, 10);
    }
    // At a = 1 and u → ∞: E ≈ b'(ln u + ψ(K) − ψ(b')), here 3(ln 1e300 + ψ(2.2) − ψ(3)).
    expect(alivePurchases(2.2, 1, 3, 1e300)).toBeCloseTo(2071.19111, 4);
  });
  test("the work per call does not grow with the horizon, K or b'", () => {
    let most = 0;
    for (const K of [0.011, 2.2, 1e3, 1e7])
      for (const a of [0.005, 0.8, 1, 3, 1e4])
        for (const bPrime of [0.011, 3, 1e7])
          for (const u of [1e-12, 1, 1e6, 1e100, 1e300]) {
            aliveWork.nodes = 0;
            expect(Number.isFinite(alivePurchases(K, a, bPrime, u))).toBe(true);
            most = Math.max(most, aliveWork.nodes);
          }
    expect(most).toBeLessThan(2500);
  });
});

describe("BG/NBD and MBG/NBD predictions at the poles and extremes (NaN or −Infinity before)", () => {
  const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const customer = { frequency: 2, recency: 30.43, age: 38.86 };
  for (const [name, make] of [
    ["BG/NBD", bgnbdPredictor],
    ["MBG/NBD", mbgnbdPredictor],
  ] as const) {
    test(`${name}: a = 1 exactly gives the limit of a → 1`, () => {
      const at = (a: number) => make({ ...params, a });
      for (const t of [0.5, 10, 52, 1e4]) {
        const exact = at(1).expectedPurchases(customer, t);
        expect(Number.isFinite(exact)).toBe(true);
        expect(
          exact / ((at(1 + 1e-7).expectedPurchases(customer, t) + at(1 - 1e-7).expectedPurchases(customer, t)) / 2) - 1,
        ).toBeCloseTo(0, 9);
        expect(Number.isFinite(at(1).expectedPurchasesNewCustomer(t))).toBe(true);
      }
      // Near the pole the old closed form lost digits: a = 1 ± 1e-12 differed in the 4th digit.
      expect(
        at(1 + 1e-12).expectedPurchases(customer, 10) / at(1 - 1e-12).expectedPurchases(customer, 10) - 1,
      ).toBeCloseTo(0, 10);
    });
    test(`${name}: a horizon of 1e300 gives a finite number that keeps growing (a < 1)`, () => {
      const model = make(params);
      const far = model.expectedPurchases(customer, 1e300);
      expect(Number.isFinite(far)).toBe(true);
      expect(far).toBeGreaterThan(model.expectedPurchases(customer, 1e100));
      expect(Number.isFinite(model.expectedPurchasesNewCustomer(1e300))).toBe(true);
      // a > 1: the limit is finite, P(alive)·(a+b+x−1)/(a−1) for BG/NBD.
      const settled = make({ ...params, a: 3 });
      expect(Number.isFinite(settled.expectedPurchases(customer, 1e300))).toBe(true);
    });
    test(`${name}: hundreds of purchases within a week, on days-scale parameters`, () => {
      const model = make({ r: 0.52, alpha: 31.6, a: 0.18, b: 2.9 });
      for (const x of [300, 800, 5000, 1e6]) {
        const history = { frequency: x, recency: 6.9, age: 7 };
        for (const t of [1, 30, 365, 3650]) {
          const value = model.expectedPurchases(history, t);
          expect(Number.isFinite(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
          // Never more than the rate of an immortal customer, (r+x)/(α+T) per day.
          expect(value).toBeLessThanOrEqual(((0.52 + x) / 38.6) * t * (1 + 1e-12));
        }
      }
    });
  }
});
