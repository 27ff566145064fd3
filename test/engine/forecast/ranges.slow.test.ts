/**
 * Ranges from the fitted parameters' uncertainty. The coverage test simulates bases from known BG/NBD parameters,
 * fits each, and checks how often the 80 % range of Σ PCLV (10 % to 90 %) contains the value at the true parameters
 * on the same customers: about 80 % of the time. A longer version runs in the reference suite.
 */
import { predictiveClvColumn } from "../../../src/engine/models/clv";
import { fitBgnbd } from "../../../src/engine/models/bgnbd";
import { modelDefinition } from "../../../src/engine/models/registry";
import { customerValueRanges, scheduleRanges } from "../../../src/engine/forecast/ranges";
import { choleskyFactor, percentileOfSorted } from "../../../src/engine/forecast/uncertainty";
import { baseSchedule } from "../../../src/engine/forecast/schedule";
import { simulateBgnbd } from "../models/simulate";
import { coverage, OPTIONS, TRUE } from "./coverage";

describe("parameter-uncertainty ranges", () => {
  test("the 80% range of Σ PCLV covers the value at the true parameters about 80% of the time", () => {
    // 40 bases of 600 customers, 80 draws each (the product uses 200), kept small for npm test: the binomial spread
    // of the share is ±6 points, so 60–95 % is a wide band that a biased method still fails (drawing the parameters
    // independently, without their correlations, covers far more). test/reference/ranges-coverage.test.ts runs 200
    // bases with 200 draws (0.775 measured).
    const share = coverage(40, 600, 80);
    expect(share).toBeGreaterThanOrEqual(0.6);
    expect(share).toBeLessThanOrEqual(0.95);
  });

  test("deterministic, the point inside, and per-customer ranges bracket CUST.PCLV", () => {
    // Whole weeks, as CUST.SUMMARY gives them: few distinct ages per frequency.
    const simulated = simulateBgnbd(TRUE, 300, 52, 99);
    const age = simulated.age!.map(Math.round);
    const data = { ...simulated, age, recency: simulated.recency!.map((t, i) => Math.min(Math.round(t), age[i])) };
    const fit = fitBgnbd(data);
    const n = data.frequency.length;
    const customers = {
      frequency: data.frequency,
      recency: data.recency!,
      age: data.age!,
      monetary: new Float64Array(n).fill(NaN),
      spendPerPurchase: Float64Array.from({ length: n }, (_, i) => 10 + (i % 5)),
    };
    const model = { model: "bgnbd" as const, params: fit.params, standardErrors: fit.standardErrors, gg: null };
    const a = scheduleRanges(model, customers, OPTIONS, null);
    const b = scheduleRanges(model, customers, OPTIONS, null);
    expect(a).toEqual(b);
    const predictor = modelDefinition("bgnbd")!.purchasePredictor!(fit.params);
    const point = predictiveClvColumn(
      predictor,
      customers.frequency,
      customers.recency,
      customers.age,
      customers.spendPerPurchase,
      OPTIONS,
    );
    const total = point.reduce((s: number, v) => s + (v as number), 0);
    expect(a.total.discountedLow).toBeLessThan(total);
    expect(a.total.discountedHigh).toBeGreaterThan(total);
    const schedule = baseSchedule(
      predictor,
      customers.frequency,
      customers.recency,
      customers.age,
      customers.spendPerPurchase,
      12,
      OPTIONS.periodsPerMonth,
    );
    for (let m = 0; m < 12; m++) {
      expect(a.revenueLow[m]).toBeLessThan(schedule.revenue[m]);
      expect(a.revenueHigh[m]).toBeGreaterThan(schedule.revenue[m]);
    }
    const perCustomer = customerValueRanges(model, customers, OPTIONS);
    let inside = 0;
    for (let i = 0; i < n; i++) {
      expect(perCustomer.low[i]).toBeLessThanOrEqual(perCustomer.high[i]);
      if (perCustomer.low[i] <= (point[i] as number) && (point[i] as number) <= perCustomer.high[i]) inside++;
    }
    expect(inside / n).toBeGreaterThan(0.95);
  });

  test("helpers: Cholesky of a known matrix, PERCENTILE.INC interpolation", () => {
    const l = choleskyFactor(Float64Array.from([4, 2, 2, 3]), 2)!;
    expect(Array.from(l)).toEqual([2, 0, 1, Math.sqrt(2)]);
    expect(choleskyFactor(Float64Array.from([1, 2, 2, 1]), 2)).toBeNull();
    expect(percentileOfSorted([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4, 12);
    expect(percentileOfSorted([1, 2, 3, 4, 5], 0.9)).toBeCloseTo(4.6, 12);
  });
});
