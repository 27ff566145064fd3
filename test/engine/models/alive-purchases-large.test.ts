/**
 * E[Y(t) | alive] of BG/NBD and MBG/NBD at frequencies from a thousand to a billion (issue 12: CUST.PURCHASES on
 * 1,048,576 such customers ran for minutes, ~200 µs a customer in the quadrature). The Euler-transformed closed form
 * (largeShapes in src/engine/models/alive-purchases.ts) against: the exact positive series where it can go, the limit
 * C/(a − 1) as u → ∞ (a > 1), a 60-digit evaluation (decimal.js) of the hypergeometric form, and the quadrature.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { alivePurchases, aliveWork, byQuadrature } from "../../../src/engine/models/alive-purchases";

/** E[Y(t) | alive] by the positive-term series of alive-purchases.test.ts (exact; its cost grows with K·u). */
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

/**
 * (C/(a−1))·[1 − (1+u)^(1−a) 2F1(C−K, a−1; C; u/(1+u))], C = a + b' − 1 (FHL 2005 eq. 10 after Euler's
 * transformation), summed in 60-digit decimals until the terms are below 1e-50 of the sum.
 */
function byDecimals(K: number, a: number, bPrime: number, u: number): number {
  const D = Decimal.clone({ precision: 60 });
  const C = new D(a).plus(bPrime).minus(1);
  const P = C.minus(K);
  const Q = new D(a).minus(1);
  const U = new D(u);
  const z = U.div(U.plus(1));
  let term = new D(1);
  let sum = new D(1);
  for (let j = 0; j < 100_000; j++) {
    term = term
      .mul(P.plus(j))
      .mul(Q.plus(j))
      .mul(z)
      .div(C.plus(j).mul(j + 1));
    sum = sum.plus(term);
    if (term.abs().lt(sum.abs().mul("1e-50"))) break;
  }
  return C.div(Q)
    .mul(new D(1).minus(U.plus(1).pow(Q.neg()).mul(sum)))
    .toNumber();
}

const rel = (value: number, reference: number) => Math.abs(value / reference - 1);

describe("E[Y(t) | alive] at frequencies in the thousands to billions", () => {
  test("equals the exact series where K·ln(1+u) is small enough for it (K from 10³ to 10⁶)", () => {
    for (const K of [1200.5, 3e4, 1e6])
      for (const a of [0.3, 0.97, 1, 1.03, 4])
        for (const extra of [-0.7, 0, 2.5]) {
          const bPrime = K + extra;
          // The series starts from (1+u)^(−K): beyond K·ln(1+u) ≈ 600 it underflows.
          for (const u of [1e-9, 1e-5, 500 / K]) {
            expect(rel(alivePurchases(K, a, bPrime, u), bySeries(K, a, bPrime, u))).toBeLessThan(1e-12);
          }
        }
  });
  test("equals a 60-digit evaluation at x up to 10⁹ and u up to 10³⁰⁰", () => {
    for (const [K, a, bPrime, u] of [
      [1e9 + 0.24, 0.79, 1e9 + 3.18, 1e294],
      [1e9 + 0.24, 0.79, 1e9 + 3.18, 3.65e-4],
      [5805457 + 81.9, 1.0739, 5805457 + 17.04, 25946.9],
      [88530 + 4.78, 0.7925, 88530 + 0.1669, 4.965e50],
      [3e6 + 1.15, 1 + 1e-7, 3e6 + 1.58, 1e12],
      [2e4 + 0.3, 3.5, 2e4 + 2, 3],
    ]) {
      expect(rel(alivePurchases(K, a, bPrime, u), byDecimals(K, a, bPrime, u))).toBeLessThan(1e-13);
    }
  });
  test("tends to C/(a − 1), the purchases before the drop-out, as u → ∞ (a > 1)", () => {
    for (const [x, a, b] of [
      [1e6, 3, 2],
      [1e9, 1.5, 0.2],
      [123_456, 20, 5],
    ]) {
      expect(rel(alivePurchases(0.5 + x, a, b + x, 1e300), (a + b + x - 1) / (a - 1))).toBeLessThan(1e-14);
    }
  });
  test("at a = 1 and u → ∞ is b'·(ln u + ψ(K) − ψ(b')): b'·ln u when K = b' (the quadrature gave 200 times less)", () => {
    const x = 179_769_313;
    expect(rel(alivePurchases(1 + x, 1, 1 + x, 1e300), (1 + x) * Math.log(1e300))).toBeLessThan(1e-12);
  });
  test("equals the quadrature to 1e-9 over parameters 0.01–10⁴, x 10³–10⁹, u 10⁻¹²–10³⁰⁰ (fast-check)", () => {
    // The quadrature's own error reaches ~3e-10 on its long plateaus (a near 1, u large): the 60-digit values above
    // side with the closed form there.
    const scale = (lo: number, hi: number) =>
      fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map(Math.exp);
    fc.assert(
      fc.property(
        fc.tuple(scale(0.01, 1e4), scale(0.01, 1e4), scale(0.01, 1e4)),
        scale(1e3, 1e9).map(Math.round),
        // Up to 10²⁵⁰: where u·K nears 10³⁰⁸ the quadrature's p·u passes through denormals (at x = 1.8e8 and
        // u = 1e300 it gave 6.3e8 where E ≈ b'·ln u = 1.24e11 at a = 1).
        scale(1e-12, 1e250),
        fc.boolean(),
        ([r, a, b], x, u, modified) => {
          const K = r + x;
          const bPrime = b + x + (modified ? 1 : 0);
          aliveWork.nodes = 0;
          const value = alivePurchases(K, a, bPrime, u);
          expect(rel(value, byQuadrature(K, a, bPrime, u))).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });
  test("needs no quadrature node at x ≥ 10⁴ with moderate parameters (the cost does not grow with x)", () => {
    for (const x of [1e4, 1e6, 1e9])
      for (const u of [1e-12, 1, 1e300]) {
        aliveWork.nodes = 0;
        expect(alivePurchases(0.24 + x, 0.79, 3.18 + x, u)).toBeGreaterThan(0);
        expect(aliveWork.nodes).toBe(0);
      }
  });
  test("is non-decreasing in the horizon", () => {
    let previous = 0;
    for (let e = -12; e <= 300; e += 4) {
      const value = alivePurchases(1e8 + 0.24, 0.79, 1e8 + 3.18, 10 ** e);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
  });
});
