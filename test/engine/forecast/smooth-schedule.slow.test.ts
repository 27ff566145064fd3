/**
 * The base's schedule interpolated in T (src/engine/forecast/smooth-schedule.ts) against baseSchedule, which computes
 * every distinct (x, T) directly: the same months to 1e-11 relative for every continuous-time model, the interpolating
 * path taken where the ages are many, and baseSchedule's own values where the horizons are not smooth in T or the
 * ages are few. Slow under jest (a few thousand horizons per model).
 */
import { BaseSchedule, baseSchedule } from "../../../src/engine/forecast/schedule";
import { scheduleRanges } from "../../../src/engine/forecast/ranges";
import { smoothBaseSchedule, smoothScheduleWork } from "../../../src/engine/forecast/smooth-schedule";
import { fitBgnbd } from "../../../src/engine/models/bgnbd";
import { PERIODS_PER_MONTH } from "../../../src/engine/models/clv";
import { modelDefinition } from "../../../src/engine/models/registry";
import { PurchaseModelName, PurchasePredictor } from "../../../src/engine/models/types";
import { seededRandom } from "../../../src/engine/random";
import { simulateBgnbd } from "../models/simulate";

const PER_FREQUENCY = 150;
const PARAMS: Record<string, Record<string, number>> = {
  bgnbd: { r: 0.24, alpha: 4.4, a: 0.79, b: 2.43 },
  mbgnbd: { r: 0.52, alpha: 6.2, a: 0.89, b: 1.61 },
  pnbd: { r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 },
  nbd: { r: 0.39, alpha: 11.2 },
  ggomnbd: { r: 0.6, alpha: 9.0, b: 0.05, s: 1.2, beta: 8.0 },
};

/** Customers in weeks with continuous ages: frequencies 0–3, 150 different ages each. */
function customers(seed: number) {
  const random = seededRandom(seed);
  const frequency: number[] = [];
  const recency: number[] = [];
  const age: number[] = [];
  const spend: number[] = [];
  for (let x = 0; x <= 3; x++) {
    for (let k = 0; k < PER_FREQUENCY; k++) {
      const T = 4 + 70 * random.next();
      frequency.push(x);
      age.push(T);
      recency.push(x === 0 ? 0 : T * random.next());
      spend.push(5 + 100 * random.next() ** 3);
    }
  }
  return { frequency, recency, age, spend };
}

function worstRelative(a: BaseSchedule, b: BaseSchedule): number {
  let worst = 0;
  for (let m = 0; m < a.purchases.length; m++) {
    worst = Math.max(worst, Math.abs(a.purchases[m] / b.purchases[m] - 1), Math.abs(a.revenue[m] / b.revenue[m] - 1));
  }
  return worst;
}

const MONTHS = 6;
const F = PERIODS_PER_MONTH.weeks;

describe("the base's schedule interpolated in T", () => {
  test.each(Object.keys(PARAMS))("%s: baseSchedule's months to 1e-11, from fewer horizons", (model) => {
    const predictor = modelDefinition(model as PurchaseModelName)!.purchasePredictor!(PARAMS[model]);
    const c = customers(3);
    smoothScheduleWork.horizons = 0;
    const smooth = smoothBaseSchedule(predictor, c.frequency, c.recency, c.age, c.spend, MONTHS, F);
    const interpolated = smoothScheduleWork.horizons;
    const exact = baseSchedule(predictor, c.frequency, c.recency, c.age, c.spend, MONTHS, F);
    expect(worstRelative(smooth, exact)).toBeLessThan(1e-11);
    // Every frequency interpolated: a few pieces' nodes and checks, not one horizon per customer.
    expect(interpolated).toBeGreaterThan(0);
    expect(interpolated).toBeLessThan(4 * PER_FREQUENCY);
  });

  test("horizons that are not smooth in T are refused by the checks: baseSchedule's values", () => {
    const base = modelDefinition("bgnbd")!.purchasePredictor!(PARAMS.bgnbd);
    // A kink at T = 30 weeks: no interpolant resolves it, every frequency falls back to the direct sum.
    const kinked: PurchasePredictor = {
      ...base,
      expectedPurchases: (customer, t) =>
        base.expectedPurchases(customer, t) * (1 + Math.max(0, customer.age - 30) / 100),
    };
    const c = customers(4);
    const smooth = smoothBaseSchedule(kinked, c.frequency, c.recency, c.age, c.spend, MONTHS, F);
    const exact = baseSchedule(kinked, c.frequency, c.recency, c.age, c.spend, MONTHS, F);
    expect(worstRelative(smooth, exact)).toBeLessThan(1e-14);
  });

  test("few distinct ages: baseSchedule itself", () => {
    const predictor = modelDefinition("pnbd")!.purchasePredictor!(PARAMS.pnbd);
    const c = customers(5);
    const age = c.age.map((T) => Math.round(T / 10) * 10);
    const recency = c.recency.map((t, i) => Math.min(t, age[i]));
    smoothScheduleWork.horizons = 0;
    const smooth = smoothBaseSchedule(predictor, c.frequency, recency, age, c.spend, MONTHS, F);
    expect(smoothScheduleWork.horizons).toBe(0);
    expect(worstRelative(smooth, baseSchedule(predictor, c.frequency, recency, age, c.spend, MONTHS, F))).toBeLessThan(
      1e-14,
    );
  });

  test("the ranges of a continuous-time base: those from baseSchedule's point schedule to 1e-11", () => {
    const data = simulateBgnbd({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, 400, 52, 7);
    const fit = fitBgnbd(data);
    const n = data.frequency.length;
    const ranged = {
      frequency: data.frequency,
      recency: data.recency!,
      age: data.age!,
      monetary: new Float64Array(n).fill(NaN),
      spendPerPurchase: Float64Array.from({ length: n }, (_, i) => 10 + (i % 7)),
    };
    const options = { months: 6, annualDiscountRate: 0.1, margin: 0.3, periodsPerMonth: F };
    const model = { model: "bgnbd" as const, params: fit.params, standardErrors: fit.standardErrors, gg: null };
    const predictor = modelDefinition("bgnbd")!.purchasePredictor!(fit.params);
    const point = baseSchedule(predictor, ranged.frequency, ranged.recency, ranged.age, ranged.spendPerPurchase, 6, F);
    const smooth = scheduleRanges(model, ranged, options, null, undefined, 40);
    const exact = scheduleRanges(model, ranged, options, null, undefined, 40, point);
    for (const key of ["discountedLow", "discountedHigh", "revenueLow", "revenueHigh"] as const) {
      expect(Math.abs(smooth.total[key] / exact.total[key] - 1)).toBeLessThan(1e-11);
    }
    for (let m = 0; m < 6; m++) expect(Math.abs(smooth.revenueHigh[m] / exact.revenueHigh[m] - 1)).toBeLessThan(1e-11);
  });
});
