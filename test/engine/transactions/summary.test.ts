import fc from "fast-check";
import { excelSerial } from "../../../src/engine/transactions/dates";
import { customerHistory, DAYS_PER_PERIOD, summarizeTransactions } from "../../../src/engine/transactions/summary";
import { inputError } from "../../support/thrown";

const d = (year: number, month: number, day: number) => excelSerial(year, month, day);
const f64 = (values: number[]) => Float64Array.from(values);

// The worked example of the reference README: CDNOW customer 1 bought on 1997-01-01, 01-18, 08-02 and 12-12.
const cdnowOne = {
  ids: ["0001", "0001", "0001", "0001"],
  dates: f64([d(1997, 1, 1), d(1997, 1, 18), d(1997, 8, 2), d(1997, 12, 12)]),
  amounts: f64([29.33, 29.73, 14.96, 26.48]),
};

describe("summarizeTransactions", () => {
  test("CDNOW customer 1 with calibration end 1997-09-30, in weeks", () => {
    const s = summarizeTransactions(cdnowOne.ids, cdnowOne.dates, cdnowOne.amounts, {
      calibrationEnd: d(1997, 9, 30),
      asOf: d(1998, 6, 30),
    });
    expect(s.count).toBe(1);
    expect(s.ids).toEqual(["0001"]);
    expect(s.frequency[0]).toBe(2);
    expect(s.recency[0]).toBeCloseTo(213 / 7, 12);
    expect(s.age[0]).toBeCloseTo(272 / 7, 12);
    expect(s.monetary[0]).toBeCloseTo((29.73 + 14.96) / 2, 12);
    expect(s.orders[0]).toBe(3);
    expect(s.totalAmount[0]).toBeCloseTo(29.33 + 29.73 + 14.96, 12);
    expect(s.averageBasket[0]).toBeCloseTo((29.33 + 29.73 + 14.96) / 3, 12);
    expect(s.firstPurchase[0]).toBe(d(1997, 1, 1));
    expect(s.lastPurchase[0]).toBe(d(1997, 8, 2));
    expect(s.meanGap[0]).toBeCloseTo(213 / 7 / 2, 12);
    expect(s.holdoutPurchases?.[0]).toBe(1);
    expect(s.holdoutLength).toBeCloseTo(273 / 7, 12);
    expect(s.sinceLastPurchase[0]).toBeCloseTo(59 / 7, 12);
    expect(customerHistory(s, 0)).toEqual({ frequency: 2, recency: s.recency[0], age: s.age[0] });
  });
  test("same-day purchases count once and their amounts are added before averaging", () => {
    const s = summarizeTransactions(["a", "a", "a", "a"], f64([10, 20, 20.5, 30]), f64([1, 2, 3, 10]), {
      timeUnit: "days",
    });
    expect(s.orders[0]).toBe(4);
    expect(s.frequency[0]).toBe(2);
    expect(s.monetary[0]).toBeCloseTo((5 + 10) / 2, 12);
    expect(s.recency[0]).toBe(20);
    expect(s.age[0]).toBe(20);
  });
  test("one-time buyers: x = 0, t_x = 0, monetary 0, no mean gap", () => {
    const s = summarizeTransactions([7], f64([100]), f64([50]), { asOf: 114, timeUnit: "weeks" });
    expect([s.frequency[0], s.recency[0], s.monetary[0]]).toEqual([0, 0, 0]);
    expect(s.age[0]).toBe(2);
    expect(s.meanGap[0]).toBeNaN();
    expect(s.holdoutPurchases).toBeNull();
    expect(s.holdoutLength).toBeNaN();
  });
  test("time units: days, weeks, and months of 365.25 / 12 days", () => {
    const run = (timeUnit: "days" | "weeks" | "months") =>
      summarizeTransactions(["a", "a"], f64([1000, 1000 + 365.25]), f64([1, 1]), { timeUnit, asOf: 1000 + 730.5 });
    expect(run("days").recency[0]).toBe(365);
    expect(run("weeks").recency[0]).toBeCloseTo(365 / 7, 12);
    expect(DAYS_PER_PERIOD.months).toBe(30.4375);
    expect(run("months").age[0]).toBeCloseTo(730 / 30.4375, 12);
  });
  test("first-appearance order; numbers and text that spell them are one customer; text is trimmed", () => {
    const s = summarizeTransactions(["b", 42, " b ", "42", "00042"], f64([5, 3, 6, 4, 1]), f64([1, 1, 1, 1, 1]));
    expect(s.ids).toEqual(["b", 42, "00042"]);
    expect(Array.from(s.orders)).toEqual([2, 2, 1]);
  });
  test("transactions after as_of are ignored; customers who start after it are left out", () => {
    const s = summarizeTransactions(["late", "a", "a"], f64([50, 10, 40]), f64([9, 1, 2]), {
      asOf: 30,
      timeUnit: "days",
    });
    expect(s.ids).toEqual(["a"]);
    expect(s.totalAmount[0]).toBe(1);
    expect(s.age[0]).toBe(20);
  });
  test("calibration/holdout: customers who first buy in the holdout are left out; holdout purchase days counted", () => {
    const s = summarizeTransactions(["a", "new", "a", "a", "a"], f64([10, 25, 15, 25, 25.3]), f64([1, 1, 1, 1, 1]), {
      calibrationEnd: 20,
      asOf: 34,
      timeUnit: "days",
    });
    expect(s.ids).toEqual(["a"]);
    expect(s.frequency[0]).toBe(1);
    expect(s.holdoutPurchases?.[0]).toBe(1);
    expect(s.holdoutLength).toBe(14);
    expect(s.age[0]).toBe(10);
  });
  test("customerOfRow maps each row to its customer, and rows outside the period (or of dropped customers) to −1", () => {
    const s = summarizeTransactions(
      ["late", "a", "b", "a", "new", "a", "b"],
      f64([50, 10, 12, 15, 25, 25, 18]),
      f64([9, 1, 1, 1, 1, 1, 1]),
      { calibrationEnd: 20, asOf: 34, timeUnit: "days" },
    );
    expect(s.ids).toEqual(["a", "b"]);
    expect(Array.from(s.customerOfRow)).toEqual([-1, 0, 1, 0, -1, -1, 1]);
  });
  test("purchases in the last N periods count purchase days in (end − N, end]", () => {
    const s = summarizeTransactions(["a", "a", "a", "a"], f64([1, 80, 85, 100]), f64([1, 1, 1, 1]), {
      timeUnit: "days",
      recentPeriods: 20,
    });
    expect(s.recentPurchases[0]).toBe(2);
  });
  test("bad rows name the row", () => {
    expect(inputError(() => summarizeTransactions(["a", ""], f64([1, 2]), f64([1, 1]))).message).toBe(
      "customer_ids row 2 is blank: every transaction needs a customer id.",
    );
    expect(inputError(() => summarizeTransactions(["a", "b"], f64([1, NaN]), f64([1, 1]))).key).toBe(
      "summary.blankDate",
    );
    const outOfRange = inputError(() => summarizeTransactions(["a"], f64([20240105]), f64([1])));
    expect(outOfRange.kind).toBe("num");
    expect(outOfRange.key).toBe("summary.dateOutOfRange");
    expect(inputError(() => summarizeTransactions(["a", "b"], f64([1, 2]), f64([1, NaN]))).message).toBe(
      "amounts row 2 is blank: type 0 for a purchase with no amount.",
    );
  });
  test("bad options", () => {
    expect(inputError(() => summarizeTransactions([], f64([]), f64([]))).key).toBe("summary.empty");
    expect(inputError(() => summarizeTransactions(["a"], f64([1, 2]), f64([1]))).key).toBe("args.lengthMismatch");
    const early = inputError(() => summarizeTransactions(["a"], f64([45658]), f64([1]), { asOf: 45000 }));
    expect(early.message).toMatch(/2023-03-15/);
    expect(
      inputError(() => summarizeTransactions(["a"], f64([100]), f64([1]), { asOf: 200, calibrationEnd: 300 })).key,
    ).toBe("summary.calibrationAfterAsOf");
    expect(inputError(() => summarizeTransactions(["a"], f64([100]), f64([1]), { recentPeriods: 0 })).key).toBe(
      "summary.badRecentPeriods",
    );
    expect(inputError(() => summarizeTransactions(["a"], f64([100]), f64([1]), { asOf: -3 })).key).toBe(
      "summary.notDate",
    );
  });
});

const logArb = fc.array(
  fc.record({
    id: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.constantFrom("x", "y", "z")),
    date: fc.integer({ min: 40000, max: 40200 }),
    time: fc.double({ min: 0, max: 0.99, noNaN: true }),
    amount: fc.integer({ min: -50, max: 500 }),
  }),
  { minLength: 1, maxLength: 80 },
);

describe("summarizeTransactions properties", () => {
  test("totals equal the input totals (orders and amounts) when as_of covers the log", () => {
    fc.assert(
      fc.property(logArb, (log) => {
        const s = summarizeTransactions(
          log.map((row) => row.id),
          f64(log.map((row) => row.date + row.time)),
          f64(log.map((row) => row.amount)),
        );
        expect(s.orders.reduce((a, b) => a + b, 0)).toBe(log.length);
        const total = s.totalAmount.reduce((a, b) => a + b, 0);
        expect(total).toBeCloseTo(
          log.reduce((a, row) => a + row.amount, 0),
          6,
        );
        expect(s.count).toBe(new Set(log.map((row) => String(row.id))).size);
        for (let i = 0; i < s.count; i++) {
          expect(s.recency[i]).toBeLessThanOrEqual(s.age[i]);
          expect(s.frequency[i]).toBeLessThan(s.orders[i]);
        }
      }),
    );
  });
  test("permuting the log changes only the order of the customers", () => {
    fc.assert(
      fc.property(
        logArb.chain((log) => fc.tuple(fc.constant(log), fc.shuffledSubarray(log, { minLength: log.length }))),
        ([log, shuffled]) => {
          const run = (rows: typeof log) =>
            summarizeTransactions(
              rows.map((row) => row.id),
              f64(rows.map((row) => row.date)),
              f64(rows.map((row) => row.amount)),
              { timeUnit: "days" },
            );
          const a = run(log);
          const b = run(shuffled);
          const byId = (s: typeof a) =>
            new Map(s.ids.map((id, i) => [id, [s.frequency[i], s.recency[i], s.age[i], s.orders[i], s.monetary[i]]]));
          const left = byId(a);
          for (const [id, values] of byId(b)) {
            const other = left.get(id)!;
            values.forEach((value, k) => expect(value).toBeCloseTo(other[k], 9));
          }
        },
      ),
    );
  });
});
