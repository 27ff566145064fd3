import { bgnbdPredictor } from "../../../src/engine/models/bgnbd";
import { expectedTracking } from "../../../src/engine/models/tracking";
import type { PurchasePredictor } from "../../../src/engine/models/types";
import { summarizeTransactions } from "../../../src/engine/transactions/summary";
import { sharedSummary, withSummaryCache } from "../../../src/engine/transactions/summary-cache";

// A small log: 40 customers, purchases on whole days over a year.
const ids: string[] = [];
const dates: number[] = [];
const amounts: number[] = [];
for (let c = 0; c < 40; c++) {
  for (let k = 0; k <= c % 5; k++) {
    ids.push(`C${c}`);
    dates.push(45000 + ((c * 7 + k * 53) % 360));
    amounts.push(10 + c + k);
  }
}
const log = { ids, dates: Float64Array.from(dates), amounts: Float64Array.from(amounts) };

describe("sharedSummary", () => {
  test("outside withSummaryCache every call summarises afresh", () => {
    const a = sharedSummary(log.ids, log.dates, log.amounts, { timeUnit: "weeks" });
    const b = sharedSummary(log.ids, log.dates, log.amounts, { timeUnit: "weeks" });
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
  });

  test("inside, the same columns and window give the same summary, equal to summarizeTransactions", () => {
    withSummaryCache(() => {
      const whole = sharedSummary(log.ids, log.dates, log.amounts, { timeUnit: "weeks" });
      // No as-of date is the last purchase: asking for it explicitly is the same summary.
      expect(sharedSummary(log.ids, log.dates, log.amounts, { timeUnit: "weeks", asOf: whole.asOf })).toBe(whole);
      expect(whole).toEqual(summarizeTransactions(log.ids, log.dates, log.amounts, { timeUnit: "weeks" }));
      const options = { timeUnit: "weeks" as const, asOf: whole.asOf, calibrationEnd: whole.asOf - 120 };
      const calibration = sharedSummary(log.ids, log.dates, log.amounts, options);
      expect(calibration).not.toBe(whole);
      expect(sharedSummary(log.ids, log.dates, log.amounts, { ...options })).toBe(calibration);
      expect(calibration).toEqual(summarizeTransactions(log.ids, log.dates, log.amounts, options));
      // Another unit or other columns are other summaries.
      expect(sharedSummary(log.ids, log.dates, log.amounts, { timeUnit: "days" })).not.toBe(whole);
      const copy = Float64Array.from(log.dates);
      expect(sharedSummary(log.ids, copy, log.amounts, { timeUnit: "weeks" })).not.toBe(whole);
    });
  });

  test("the cache ends with the computation, even when it throws", () => {
    expect(() =>
      withSummaryCache(() => {
        sharedSummary(log.ids, log.dates, log.amounts);
        throw new Error("stop");
      }),
    ).toThrow("stop");
    const a = sharedSummary(log.ids, log.dates, log.amounts);
    expect(sharedSummary(log.ids, log.dates, log.amounts)).not.toBe(a);
  });
});

describe("expectedTracking computes each time since acquisition once", () => {
  test("same points as the period-by-birth sum, with fewer model calls", () => {
    const base = bgnbdPredictor({ r: 0.24, alpha: 4.41, a: 0.79, b: 2.43 });
    let calls = 0;
    const counted: PurchasePredictor = {
      ...base,
      expectedPurchasesNewCustomer: (t) => {
        calls++;
        return base.expectedPurchasesNewCustomer(t);
      },
    };
    const whole = summarizeTransactions(log.ids, log.dates, log.amounts, { timeUnit: "weeks" });
    const points = expectedTracking(counted, whole.age, 50, 1);
    // The plain double sum over periods and births, as the table is defined.
    const oldest = Math.max(...whole.age);
    const byAge = new Map<number, number>();
    for (const T of whole.age) byAge.set(T, (byAge.get(T) ?? 0) + 1);
    let pairs = 0;
    points.forEach((point, index) => {
      let cumulative = 0;
      for (const [T, count] of byAge) {
        const birth = oldest - T;
        if (birth < point.end) {
          pairs++;
          cumulative += count * base.expectedPurchasesNewCustomer(point.end - birth);
        }
      }
      expect(point.cumulative).toBe(cumulative);
      expect(point.end).toBe(index + 1);
    });
    expect(calls).toBeLessThan(pairs);
  });
});
