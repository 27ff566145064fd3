/**
 * Columns where many frequencies share one age (issue 12: CUST.PCLV, CUST.PURCHASES and CUST.PBUY on 1,048,576
 * customers with distinct frequencies over one calibration period computed each customer's horizon sum on its own):
 * the value given alive is interpolated in x (src/engine/models/frequency-interpolant.ts) and must equal the
 * per-customer value.
 */
import { bgnbdPredictor } from "../../../src/engine/models/bgnbd";
import { clvWork, predictiveClv, predictiveClvColumn } from "../../../src/engine/models/clv";
import { aliveColumn, conditionalColumn } from "../../../src/engine/models/columns";
import { valuesByFrequency } from "../../../src/engine/models/frequency-interpolant";
import { paretoNbdPredictor } from "../../../src/engine/models/pareto-nbd";
import { seededRandom } from "../../../src/engine/random";

const n = 1000;
const random = seededRandom(4);
const frequency = Float64Array.from({ length: n }, () => Math.round(10 ** (4 + 4 * random.next())));
const age = new Float64Array(n).fill(1000);
const recency = Float64Array.from({ length: n }, () => 1000 - 0.01 * random.next());
const histories = { frequency, recency, age };
const rel = (value: number, reference: number) => Math.abs(value / reference - 1);

describe("values interpolated in the frequency at a shared age", () => {
  const bgnbd = bgnbdPredictor({ r: 0.24, alpha: 30.8, a: 0.79, b: 3.18 });
  const pnbd = paretoNbdPredictor({ r: 0.57, alpha: 72.7, s: 0.58, beta: 73.4 });
  test("PCLV of 1,000 distinct frequencies equals each customer's own, for a small part of the work", () => {
    const options = { months: 24, annualDiscountRate: 0.1, margin: 0.3, periodsPerMonth: 30.4375 / 10 };
    clvWork.evaluations = 0;
    const column = predictiveClvColumn(bgnbd, frequency, recency, age, new Float64Array(n).fill(20), options);
    const work = clvWork.evaluations;
    // Each customer alone costs 24 evaluations of E: 24,000 for the column.
    expect(work).toBeLessThan((24 * n) / 4);
    for (let i = 0; i < n; i += 37) {
      const customer = { frequency: frequency[i], recency: recency[i], age: age[i] };
      expect(rel(column[i] as number, predictiveClv(bgnbd, customer, 20, options))).toBeLessThan(1e-11);
    }
  });
  test("expected purchases and P(any purchase) equal each customer's own (BG/NBD and Pareto/NBD)", () => {
    for (const model of [bgnbd, pnbd]) {
      const alive = aliveColumn(model, histories);
      const bought = conditionalColumn(model, histories, alive, (c) => model.probabilityOfAnyPurchase!(c, 0.01));
      const expected = conditionalColumn(model, histories, alive, (c) => model.expectedPurchases(c, 1e300));
      for (let i = 0; i < n; i += 37) {
        const customer = { frequency: frequency[i], recency: recency[i], age: age[i] };
        expect(rel(bought[i], model.probabilityOfAnyPurchase!(customer, 0.01))).toBeLessThan(1e-11);
        expect(rel(expected[i], model.expectedPurchases(customer, 1e300))).toBeLessThan(1e-11);
      }
    }
  });
  test("leaves the rows to the caller when the ages are many or the frequencies few", () => {
    const f = (x: number, T: number) => x * T;
    expect(
      valuesByFrequency(
        f,
        frequency,
        Float64Array.from({ length: n }, (_, i) => i),
      ),
    ).toBeNull();
    expect(valuesByFrequency(f, frequency.subarray(0, 100), age.subarray(0, 100))).toBeNull();
    const zeros = valuesByFrequency(
      f,
      Float64Array.from(frequency, (x, i) => (i % 2 ? x : 0)),
      age,
    );
    expect(zeros).not.toBeNull();
    expect(Number.isNaN(zeros![0])).toBe(true);
    expect(rel(zeros![1], frequency[1] * 1000)).toBeLessThan(1e-12);
  });
});
