/**
 * The per-customer ranges' prepared columns (src/engine/forecast/customer-ranges.ts) give CUST.PCLV's values
 * (predictiveClvColumn) bit for bit, for every continuous-time model, across parameter scales and horizons that take
 * the month-by-month sum and the long-horizon one. Slow under jest (thousands of horizons per case).
 */
import { prepareValueColumns } from "../../../src/engine/forecast/customer-ranges";
import { PERIODS_PER_MONTH, predictiveClvColumn } from "../../../src/engine/models/clv";
import { modelDefinition } from "../../../src/engine/models/registry";
import { PurchaseModelName } from "../../../src/engine/models/types";
import { seededRandom } from "../../../src/engine/random";

const PARAMS: Record<string, Record<string, number>[]> = {
  bgnbd: [{ r: 0.24, alpha: 4.4, a: 0.79, b: 2.43 }],
  mbgnbd: [{ r: 0.52, alpha: 6.2, a: 0.89, b: 1.61 }],
  pnbd: [
    { r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 },
    // Where E[Y | alive] comes from the model's closed form (P(alive) of the representative underflows).
    { r: 1e4, alpha: 0.01, s: 1e4, beta: 0.01 },
  ],
  nbd: [{ r: 0.39, alpha: 11.2 }],
  ggomnbd: [{ r: 0.6, alpha: 9.0, b: 0.05, s: 1.2, beta: 8.0 }],
};

/** Continuous ages in weeks: frequencies 0–4 with 60 customers each, and a few heavier buyers alone. */
function customers(seed: number) {
  const random = seededRandom(seed);
  const frequency: number[] = [];
  const recency: number[] = [];
  const age: number[] = [];
  const spend: number[] = [];
  for (let i = 0; i < 320; i++) {
    const x = i < 300 ? i % 5 : 5 + i;
    const T = 2 + 78 * random.next();
    frequency.push(x);
    age.push(T);
    recency.push(x === 0 ? 0 : T * random.next());
    spend.push(5 + 100 * random.next() ** 3);
  }
  return { frequency, recency, age, spend };
}

const cases = Object.entries(PARAMS).flatMap(([model, sets]) =>
  // The long-horizon sum (beyond 60 months) where E is cheap under jest; month by month for every model.
  sets.flatMap((params) =>
    (model === "pnbd" || model === "nbd" ? [12, 120] : [12]).map((months) => [model, params, months] as const),
  ),
);

describe("per-customer ranges: the prepared columns", () => {
  test.each(cases)("%s %j, %i months: predictiveClvColumn's values bit for bit", (model, params, months) => {
    const predictor = modelDefinition(model as PurchaseModelName)!.purchasePredictor!(params);
    const c = customers(11);
    const options = { months, annualDiscountRate: 0.1, margin: 0.3, periodsPerMonth: PERIODS_PER_MONTH.weeks };
    const values = prepareValueColumns(c.frequency, c.recency, c.age)!;
    expect(values).not.toBeNull();
    const expected = predictiveClvColumn(predictor, c.frequency, c.recency, c.age, c.spend, options);
    expect(Array.from(values(predictor, c.spend, options))).toEqual(expected);
  });

  test("few distinct ages: left to predictiveClvColumn (it interpolates in the frequency there)", () => {
    const c = customers(12);
    expect(
      prepareValueColumns(
        c.frequency,
        c.recency,
        c.age.map((T) => Math.ceil(T / 4) * 4),
      ),
    ).toBeNull();
  });

  test("a row without a finite value stops the draw", () => {
    const predictor = modelDefinition("bgnbd")!.purchasePredictor!(PARAMS.bgnbd[0]);
    const c = customers(13);
    const options = { months: 12, annualDiscountRate: 0.1, margin: 1, periodsPerMonth: PERIODS_PER_MONTH.weeks };
    const values = prepareValueColumns(c.frequency, c.recency, c.age)!;
    const spend = [...c.spend];
    spend[7] = NaN;
    expect(() => values(predictor, spend, options)).toThrow(RangeError);
  });
});
