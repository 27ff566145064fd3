/**
 * Pareto/NBD CLV at extreme parameters (issue 12: "PCLV pnbd extreme parameters 2, 1,048,576", r = s = 1e4,
 * α = β = 0.01, took 26 s). There P(alive) of the representative history (x = 0, t_x = 0) underflows below 1e-200
 * from T ≈ 2e-4 on, and each such customer was valued alone: 120 months of the death integral, twice. The column now
 * takes E[Y | x, T, alive] from the model's closed form (expectedPurchasesIfAlive). With α = β every term has a closed
 * form, so the values are checked against a 50-digit evaluation (decimal.js) of the same sum, at 1e-10 relative
 * (a slow test: about 2 s of decimals under jest). clv-extreme.test.ts counts the work.
 */
import Decimal from "decimal.js";
import { clvWork, predictiveClv, predictiveClvColumn } from "../../../src/engine/models/clv";
import { aliveColumn } from "../../../src/engine/models/columns";
import { mbgnbdPredictor } from "../../../src/engine/models/mbgnbd";
import { paretoNbdPredictor } from "../../../src/engine/models/pareto-nbd";

const r = 1e4;
const s = 1e4;
const a = 0.01; // α = β
const options = { months: 120, annualDiscountRate: 0.1, margin: 0.3, periodsPerMonth: 365.25 / 12 };
const spend = 20;
const pnbd = paretoNbdPredictor({ r, alpha: a, s, beta: a });

/**
 * margin · spend · P(alive) · Σ_{i=1..M} (E(i·f) − E((i−1)·f)) (1 + annual)^(−i/12), in 50 digits, with α = β:
 * K = r + x + s, P(alive) = 1 / (1 + (s/K)(((α+T)/(α+t_x))^K − 1)) (the death integral is ((α+t_x)^−K − (α+T)^−K)/K),
 * E(t | alive) = (r+x)(1 − ((β+T)/(β+T+t))^(s−1))/(s−1) (Schmittlein, Morrison & Colombo 1987; Fader, Hardie & Lee
 * 2005 eq. 2, with (β+T)/(α+T) = 1).
 */
const D = Decimal.clone({ precision: 50 });
const discount = Array.from({ length: options.months }, (_, i) =>
  new D(1 + options.annualDiscountRate)
    .ln()
    .mul(-(i + 1))
    .div(12)
    .exp(),
);
function byDecimals(x: number, tx: number, T: number): { alive: Decimal; value: Decimal } {
  const A = new D(a);
  const K = new D(r).plus(x).plus(s);
  const ratio = A.plus(T).div(A.plus(tx));
  const alive = new D(1).div(new D(1).plus(new D(s).div(K).mul(ratio.pow(K).minus(1))));
  // Below 1e-300 the value (at most margin · spend · (r+x)/(s−1) times P(alive)) is below the doubles too.
  if (alive.lt("1e-300")) return { alive, value: alive };
  const base = A.plus(T);
  const f = new D(365.25).div(12);
  let sum = new D(0);
  let previous = new D(0);
  for (let i = 1; i <= options.months; i++) {
    const cumulative = new D(r + x).mul(new D(1).minus(base.div(base.plus(f.mul(i))).pow(s - 1))).div(s - 1);
    sum = sum.plus(cumulative.minus(previous).mul(discount[i - 1]));
    previous = cumulative;
  }
  return { alive, value: alive.mul(sum).mul(options.margin * spend) };
}

// x = 0 at 40 distinct ages (so that the column interpolates in T), from P(alive) ≈ 0.9 to P(alive) = 0 in doubles.
const zeroAges = [
  ...Array.from({ length: 40 }, (_, k) => 10 ** (-8 + (11 * k) / 39)),
  // Just past the representative's underflow below 1e-200 (T ≈ 2.3e-4), where the value is still a double.
  2.4e-4,
  2.6e-4,
  2.8e-4,
  3.1e-4,
];
const histories: [number, number, number][] = [
  ...zeroAges.map((T): [number, number, number] => [0, 0, T]),
  [1, 1e-6, 1e-6],
  [3, 0.5, 0.5],
  [7, 200, 200],
  [1, 0, 1e-7],
  [5, 1e-5, 2e-5],
  [2, 999.99999, 1000],
];
const frequency = Float64Array.from(histories, (h) => h[0]);
const recency = Float64Array.from(histories, (h) => h[1]);
const age = Float64Array.from(histories, (h) => h[2]);
const spends = new Float64Array(histories.length).fill(spend);

describe("Pareto/NBD CLV column at r = s = 1e4, α = β = 0.01", () => {
  const column = predictiveClvColumn(pnbd, frequency, recency, age, spends, options);
  const alive = aliveColumn(pnbd, { frequency, recency, age });
  const references = histories.map(([x, tx, T]) => byDecimals(x, tx, T));

  test("the value given alive equals a 50-digit evaluation to 1e-10 relative; 0 where the value is below the doubles", () => {
    let checked = 0;
    let pastUnderflow = 0;
    histories.forEach(([x, , T], i) => {
      const value = column[i] as number;
      const { alive: P, value: reference } = references[i];
      expect(Number.isFinite(value) && value >= 0).toBe(true);
      if (reference.lt("1e-290")) {
        expect(value).toBeLessThan(1e-280);
        return;
      }
      const givenAlive = reference.div(P).toNumber();
      expect(Math.abs(value / (alive[i] * givenAlive) - 1)).toBeLessThan(1e-10);
      checked++;
      if (x === 0 && T > 2.3e-4) pastUnderflow++;
    });
    expect(checked).toBeGreaterThan(25);
    // Customers whose representative history (x = 0, t_x = 0) has P(alive) below 1e-200, yet a value in doubles.
    expect(pastUnderflow).toBeGreaterThanOrEqual(4);
  });

  test("P(alive) of the column (unchanged: its interpolant of ln F, of size 9e4 here, is verified to 1e-12 of it) is within 1e-9", () => {
    histories.forEach((_, i) => {
      const P = references[i].alive;
      if (P.gt("1e-290")) expect(Math.abs(alive[i] / P.toNumber() - 1)).toBeLessThan(1e-9);
      else expect(alive[i]).toBeLessThan(1e-280);
    });
  });

  test("equals each customer valued alone, where that customer's own P(alive) is representable (also α ≠ β)", () => {
    let compared = 0;
    for (const [model, alives, values] of [
      [pnbd, alive, column],
      ...[
        { r: 1e4, alpha: 0.01, s: 1e4, beta: 0.03 },
        { r: 1e4, alpha: 0.05, s: 5e3, beta: 0.01 },
        { r: 0.57, alpha: 72.7, s: 0.58, beta: 73.4 },
      ].map((p) => {
        const other = paretoNbdPredictor(p);
        return [
          other,
          aliveColumn(other, { frequency, recency, age }),
          predictiveClvColumn(other, frequency, recency, age, spends, options),
        ] as const;
      }),
    ] as const) {
      histories.forEach(([x, tx, T], i) => {
        const customer = { frequency: x, recency: tx, age: T };
        const P = model.probabilityAlive(customer);
        if (P < 1e-250) return;
        const alone = predictiveClv(model, customer, spend, options);
        expect(Math.abs((values[i] as number) / alives[i] / (alone / P) - 1)).toBeLessThan(1e-10);
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(100);
  });
});

describe("MBG/NBD CLV column at r = a = 1e4, α = b = 0.01", () => {
  // P(alive | x = 0) = 1/(1 + (a/b)((α+T)/α)^r) underflows from T ≈ 6e-4: each such customer was valued alone,
  // 120 months of E[Y | alive] by quadrature (65,536 customers: 121 s of CPU; 1,048,576 now 1.6 s).
  const model = mbgnbdPredictor({ r: 1e4, alpha: 0.01, a: 1e4, b: 0.01 });
  test("equals each customer valued alone, where that customer's own P(alive) is representable", () => {
    const picked = histories.filter((_, i) => i % 2 === 0);
    const f = Float64Array.from(picked, (h) => h[0]);
    const tx = Float64Array.from(picked, (h) => h[1]);
    const T = Float64Array.from(picked, (h) => h[2]);
    const values = predictiveClvColumn(model, f, tx, T, new Float64Array(picked.length).fill(spend), options);
    const alive = aliveColumn(model, { frequency: f, recency: tx, age: T });
    let compared = 0;
    picked.forEach(([x, r, age], i) => {
      const value = values[i] as number;
      expect(Number.isFinite(value) && value >= 0).toBe(true);
      const customer = { frequency: x, recency: r, age };
      const P = model.probabilityAlive(customer);
      if (P < 1e-250) {
        expect(value).toBeLessThan(1e-240);
        return;
      }
      const alone = predictiveClv(model, customer, spend, options);
      expect(Math.abs(value / alive[i] / (alone / P) - 1)).toBeLessThan(1e-10);
      compared++;
    });
    expect(compared).toBeGreaterThan(10);
  });

  test("1,000 never-repeat customers for a few thousand evaluations of E", () => {
    const mbgnbd = mbgnbdPredictor({ r: 1e4, alpha: 0.01, a: 1e4, b: 0.01 });
    const n = 1000;
    const T = Float64Array.from({ length: n }, (_, i) => 1e-3 + i);
    clvWork.evaluations = 0;
    const values = predictiveClvColumn(
      mbgnbd,
      new Float64Array(n),
      new Float64Array(n),
      T,
      new Float64Array(n).fill(1),
      options,
    );
    expect(values.every((v) => typeof v === "number" && v >= 0 && v < 1e-280)).toBe(true);
    expect(clvWork.evaluations).toBeLessThan(20_000);
  });
});
