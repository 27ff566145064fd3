/**
 * Predictive CLV against lifetimes' semantics check (tests/test_utils.py::test_customer_lifetime_value_with_known_values):
 * BG/NBD fitted on example_transactions (daily), CLV with monetary 1 and lifetimes' own 30 days per month
 * passed explicitly (our default for days is 30.4375).
 */
import { predictiveClvColumn } from "../../src/engine/models/clv";
import { modelDefinition } from "../../src/engine/models/registry";
import { expectAlmostEqualDecimal, expectedValue, readReferenceText } from "./reference-dir";

const LIFETIMES_DAYS_PER_MONTH = 30;

/** lifetimes' summary_data_from_transaction_data with freq "D" and observation_period_end = the last date. */
function dailySummary() {
  const days = new Map<number, Set<number>>();
  let end = -Infinity;
  for (const line of readReferenceText("datasets", "example_transactions.csv").trim().split(/\r?\n/).slice(1)) {
    const [date, id] = line.split(",");
    const [y, m, d] = date.slice(0, 10).split("-").map(Number);
    const day = Date.UTC(y, m - 1, d) / 86400000;
    end = Math.max(end, day);
    const customer = Number(id);
    if (!days.has(customer)) days.set(customer, new Set());
    days.get(customer)?.add(day);
  }
  const ids = [...days.keys()].sort((a, b) => a - b);
  const frequency = new Float64Array(ids.length);
  const recency = new Float64Array(ids.length);
  const age = new Float64Array(ids.length);
  ids.forEach((id, i) => {
    const list = [...(days.get(id) ?? [])].sort((a, b) => a - b);
    frequency[i] = list.length - 1;
    recency[i] = list[list.length - 1] - list[0];
    age[i] = end - list[0];
  });
  return { frequency, recency, age };
}

interface Semantics {
  predict_30d_first5: number[];
}

const summary = dailySummary();
const definition = modelDefinition("bgnbd");
if (!definition?.purchasePredictor) throw new Error("bgnbd is not registered");
const fit = definition.fit(summary, {});
const predictor = definition.purchasePredictor(fit.params);
const first5 = {
  frequency: summary.frequency.slice(0, 5),
  recency: summary.recency.slice(0, 5),
  age: summary.age.slice(0, 5),
};
/** lifetimes' discount_rate is monthly; ours is annual: the annual rate with that monthly equivalent. */
const clv = (months: number, lifetimesMonthlyRate: number) =>
  predictiveClvColumn(predictor, first5.frequency, first5.recency, first5.age, [1, 1, 1, 1, 1], {
    months,
    annualDiscountRate: (1 + lifetimesMonthlyRate) ** 12 - 1,
    margin: 1,
    periodsPerMonth: LIFETIMES_DAYS_PER_MONTH,
  }).map(Number);

const expected = expectedValue<Semantics>("clv.lifetimes_semantics").predict_30d_first5;

test("the BG/NBD fit on example_transactions converges near lifetimes' rounded r 0.16, α 1.86, a 1.85, b 3.18", () => {
  expect(fit.converged).toBe(true);
  expect(summary.frequency.length).toBe(5000);
  for (const [name, value] of Object.entries({ r: 0.16, alpha: 1.86, a: 1.85, b: 3.18 })) {
    expect(Math.abs(fit.params[name] - value)).toBeLessThan(0.006);
  }
});

test("a 1-month CLV with monetary 1 and no discount is predict(30) for the first 5 customers (decimal=5)", () => {
  clv(1, 0).forEach((value, i) => {
    expectAlmostEqualDecimal(value, expected[i], 5);
    expectAlmostEqualDecimal(
      predictor.expectedPurchases(
        { frequency: first5.frequency[i], recency: first5.recency[i], age: first5.age[i] },
        30,
      ),
      expected[i],
      5,
    );
  });
});

test("lifetimes' monthly discount_rate 1 (annual 2^12 − 1) halves the 1-month CLV (decimal=5)", () => {
  clv(1, 1).forEach((value, i) => expectAlmostEqualDecimal(value, expected[i] / 2, 5));
});

test("2 months without discount about double it, and with discount 1 give about x/2 + x/4 (rtol 0.1)", () => {
  const twoMonths = clv(2, 0);
  const twoMonthsDiscounted = clv(2, 1);
  expected.forEach((value, i) => {
    expect(Math.abs(twoMonths[i] - 2 * value)).toBeLessThanOrEqual(0.1 * 2 * value);
    expect(Math.abs(twoMonthsDiscounted[i] - (value / 2 + value / 4))).toBeLessThanOrEqual(
      0.1 * (value / 2 + value / 4),
    );
  });
});
