import { InputError } from "../../../src/engine/errors";
import {
  ClvOptions,
  PERIODS_PER_MONTH,
  monthlyRateFromAnnual,
  periodRateFromAnnual,
  predictiveClv,
  predictiveClvColumn,
} from "../../../src/engine/models/clv";
import { modelDefinition } from "../../../src/engine/models/registry";
import { CustomerHistory, PurchasePredictor } from "../../../src/engine/models/types";
import { inputError } from "../../support/thrown";

/**
 * A purchase model with closed forms for the tests: a customer buys at rate λ·(x + 1) per period and leaves
 * at rate μ, so E[Y(t)] = λ(x + 1)(1 − e^(−μt))/μ. `calls` counts the evaluations.
 */
function exponentialModel(lambda: number, mu: number) {
  const model = {
    calls: 0,
    probabilityAlive: () => 1,
    expectedPurchases(customer: CustomerHistory, t: number) {
      model.calls++;
      return (lambda * (customer.frequency + 1) * (1 - Math.exp(-mu * t))) / mu;
    },
    expectedPurchasesNewCustomer: (t: number) => (lambda * (1 - Math.exp(-mu * t))) / mu,
    probabilityOfPurchases: () => NaN,
  };
  return model satisfies PurchasePredictor;
}

const customer = { frequency: 2, recency: 20, age: 30 };
const monthly = (overrides: Partial<ClvOptions> = {}): ClvOptions => ({
  months: 12,
  annualDiscountRate: 0,
  margin: 1,
  periodsPerMonth: PERIODS_PER_MONTH.weeks,
  ...overrides,
});

describe("predictive CLV", () => {
  const model = exponentialModel(0.1, 0.02);

  test("without discounting it is margin × spend × E[Y(horizon)]", () => {
    const value = predictiveClv(model, customer, 40, monthly({ margin: 0.3 }));
    expect(value).toBeCloseTo(0.3 * 40 * model.expectedPurchases(customer, 12 * PERIODS_PER_MONTH.weeks), 10);
  });

  test("the rate is annual: each month's purchases are discounted (1 + annual)^−(i/12)", () => {
    const undiscounted = predictiveClv(model, customer, 1, monthly({ months: 1 }));
    // The annual rate whose monthly equivalent is 100% halves a 1-month CLV.
    expect(predictiveClv(model, customer, 1, monthly({ months: 1, annualDiscountRate: 2 ** 12 - 1 }))).toBeCloseTo(
      undiscounted / 2,
      12,
    );
    const month = (i: number) =>
      model.expectedPurchases(customer, i * PERIODS_PER_MONTH.weeks) -
      model.expectedPurchases(customer, (i - 1) * PERIODS_PER_MONTH.weeks);
    const twoMonths = predictiveClv(model, customer, 1, monthly({ months: 2, annualDiscountRate: 0.1 }));
    expect(twoMonths).toBeCloseTo(month(1) / 1.1 ** (1 / 12) + month(2) / 1.1 ** (2 / 12), 12);
    // Twelve monthly factors compound to exactly the annual one: month 12 is discounted by 1/(1 + annual).
    const year = predictiveClv(model, customer, 1, monthly({ annualDiscountRate: 0.1 }));
    let direct = 0;
    for (let i = 1; i <= 12; i++) direct += month(i) / 1.1 ** (i / 12);
    expect(year).toBeCloseTo(direct, 12);
    expect(monthlyRateFromAnnual(0.1)).toBeCloseTo(0.00797414, 8);
    expect((1 + monthlyRateFromAnnual(0.1)) ** 12).toBeCloseTo(1.1, 14);
    expect((1 + periodRateFromAnnual(0.1, PERIODS_PER_MONTH.weeks)) ** (365.25 / 7)).toBeCloseTo(1.1, 12);
  });

  test("the same customers in days or in weeks get the same CLV (30.4375 days = 4.348 weeks a month)", () => {
    expect(PERIODS_PER_MONTH.days).toBe(30.4375);
    expect(PERIODS_PER_MONTH.days / PERIODS_PER_MONTH.weeks).toBeCloseTo(7, 12);
    const weekly = exponentialModel(0.7, 0.14);
    const daily = exponentialModel(0.1, 0.02);
    const inWeeks = predictiveClv(weekly, customer, 25, monthly({ annualDiscountRate: 0.1 }));
    const inDays = predictiveClv(
      daily,
      { frequency: 2, recency: 140, age: 210 },
      25,
      monthly({ annualDiscountRate: 0.1, periodsPerMonth: PERIODS_PER_MONTH.days }),
    );
    expect(inDays).toBeCloseTo(inWeeks, 9);
  });

  test("more months, lower discount and higher margin all raise the value", () => {
    const base = predictiveClv(model, customer, 10, monthly({ annualDiscountRate: 0.1, margin: 0.5 }));
    expect(
      predictiveClv(model, customer, 10, monthly({ months: 24, annualDiscountRate: 0.1, margin: 0.5 })),
    ).toBeGreaterThan(base);
    expect(predictiveClv(model, customer, 10, monthly({ annualDiscountRate: 0, margin: 0.5 }))).toBeGreaterThan(base);
    expect(predictiveClv(model, customer, 10, monthly({ annualDiscountRate: 0.1, margin: 0.6 }))).toBeGreaterThan(base);
  });

  test("bad options are refused before any customer is valued", () => {
    expect(inputError(() => predictiveClv(model, customer, 1, monthly({ months: 0 }))).key).toBe(
      "valuemodels.clv.badMonths",
    );
    expect(inputError(() => predictiveClv(model, customer, 1, monthly({ months: 2.5 }))).key).toBe(
      "valuemodels.clv.badMonths",
    );
    expect(inputError(() => predictiveClv(model, customer, 1, monthly({ annualDiscountRate: -0.1 }))).kind).toBe("num");
    expect(inputError(() => predictiveClv(model, customer, 1, monthly({ margin: -1 }))).kind).toBe("num");
    expect(inputError(() => predictiveClv(model, customer, 1, monthly({ periodsPerMonth: 0 }))).kind).toBe("num");
  });

  test("a negative spend (refunds) is a clear #NUM!, never a negative or NaN value", () => {
    const error = inputError(() => predictiveClv(model, customer, -12, monthly()));
    expect(error.kind).toBe("num");
    expect(error.message).toMatch(/cannot be negative.*-12/);
  });
});

describe("predictive CLV for a column of customers", () => {
  test("matches customer by customer, and evaluates identical histories once", () => {
    const model = exponentialModel(0.1, 0.02);
    const frequency = [2, 0, 2, 5];
    const recency = [20, 0, 20, 28];
    const age = [30, 30, 30, 30];
    const spend = [40, 10, 55, 20];
    const options = monthly({ annualDiscountRate: 0.1, margin: 0.3 });
    const values = predictiveClvColumn(model, frequency, recency, age, spend, options);
    expect(model.calls).toBe(3 * 12);
    values.forEach((value, i) => {
      const one = { frequency: frequency[i], recency: recency[i], age: age[i] };
      expect(value as number).toBeCloseTo(predictiveClv(exponentialModel(0.1, 0.02), one, spend[i], options), 10);
    });
  });

  test("a bad row gives an error for that row only, naming it", () => {
    const model = exponentialModel(0.1, 0.02);
    const values = predictiveClvColumn(model, [1, 1, 1], [5, 5, 5], [9, 9, 9], [10, -3, NaN], monthly());
    expect(typeof values[0]).toBe("number");
    expect((values[1] as InputError).message).toMatch(/row 2 holds -3/);
    expect((values[2] as InputError).key).toBe("valuemodels.clv.spendMissing");
  });

  test("an error from the purchase model stays in its row; recency after T is named", () => {
    const failing: PurchasePredictor = {
      ...exponentialModel(0.1, 0.02),
      probabilityAlive: (c) => {
        if (c.frequency > 100) throw new Error("too many purchases");
        return 1;
      },
      expectedPurchases: () => 1,
    };
    const values = predictiveClvColumn(
      failing,
      [1, 101, 1],
      [5, 5, 12],
      [9, 9, 9],
      [10, 10, 10],
      monthly({ months: 1 }),
    );
    expect(values[0]).toBe(10);
    expect((values[1] as Error).message).toBe("too many purchases");
    expect((values[2] as Error).message).toMatch(/row 3 has recency 12 but T 9/);
  });

  test("scaling by each customer's P(alive) gives exactly the customer-by-customer BG/NBD values", () => {
    const bgnbd = modelDefinition("bgnbd")?.purchasePredictor?.({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    if (!bgnbd) throw new Error("bgnbd is not registered");
    const frequency = [0, 2, 2, 2, 7, 1];
    const recency = [0, 30.43, 10, 38.86, 20.5, 0.5];
    const age = [38.86, 38.86, 38.86, 38.86, 38.86, 27];
    const options = monthly({ annualDiscountRate: 0.1, margin: 0.3 });
    const values = predictiveClvColumn(bgnbd, frequency, recency, age, [20, 20, 20, 20, 20, 20], options);
    values.forEach((value, i) => {
      const one = { frequency: frequency[i], recency: recency[i], age: age[i] };
      expect(value as number).toBeCloseTo(predictiveClv(bgnbd, one, 20, options), 10);
    });
  });
});

describe("predictive CLV when every customer's T is different", () => {
  // Ages with decimals, as a summary in weeks of day-level dates gives them: the column interpolates in T.
  const random = (() => {
    let state = 12345;
    return () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 4294967296;
    };
  })();
  const n = 1200;
  const frequency: number[] = [];
  const recency: number[] = [];
  const age: number[] = [];
  const spend: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = Math.floor(random() * 6) + (random() < 0.05 ? 40 : 0);
    const T = 1 + random() * 77;
    frequency.push(x);
    age.push(T);
    recency.push(x === 0 ? 0 : random() * T);
    spend.push(5 + random() * 50);
  }
  const cases: [string, Record<string, number>][] = [
    ["bgnbd", { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }],
    ["mbgnbd", { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }],
    ["pnbd", { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }],
  ];
  test.each(cases)("%s: the column equals the customer-by-customer computation to 1e-10 relative", (name, params) => {
    const predictor = modelDefinition(name as "bgnbd")?.purchasePredictor?.(params);
    if (!predictor) throw new Error(`${name} is not registered`);
    const options = monthly({ months: 24, annualDiscountRate: 0.1, margin: 0.3 });
    let calls = 0;
    const counting: PurchasePredictor = {
      ...predictor,
      expectedPurchases: (c, t) => {
        calls++;
        return predictor.expectedPurchases(c, t);
      },
    };
    const values = predictiveClvColumn(counting, frequency, recency, age, spend, options);
    // Interpolated in T: far fewer model evaluations than one per customer and month.
    expect(calls).toBeLessThan((n * options.months) / 2);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const one = { frequency: frequency[i], recency: recency[i], age: age[i] };
      const direct = predictiveClv(predictor, one, spend[i], options);
      worst = Math.max(worst, Math.abs((values[i] as number) / direct - 1));
    }
    expect(worst).toBeLessThan(1e-10);
  });
});
