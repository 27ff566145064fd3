/**
 * The coverage simulation shared by test/engine/forecast/ranges.slow.test.ts (short) and the reference suite (long):
 * bases simulated from known BG/NBD parameters, each fitted, and the share whose 80 % range of Σ PCLV (10 % to 90 %)
 * contains the value at the true parameters on the same customers.
 */
import { scheduleRanges } from "../../../src/engine/forecast/ranges";
import { fitBgnbd } from "../../../src/engine/models/bgnbd";
import { PERIODS_PER_MONTH, predictiveClvColumn } from "../../../src/engine/models/clv";
import { modelDefinition } from "../../../src/engine/models/registry";
import { simulateBgnbd } from "../models/simulate";

export const TRUE = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
export const OPTIONS = { months: 12, annualDiscountRate: 0.1, margin: 1, periodsPerMonth: PERIODS_PER_MONTH.weeks };

export function coverage(replications: number, customers: number, draws: number, firstSeed = 1): number {
  let covered = 0;
  for (let k = 0; k < replications; k++) {
    const data = simulateBgnbd(TRUE, customers, 52, firstSeed + k);
    const fit = fitBgnbd(data);
    const n = data.frequency.length;
    const spend = new Float64Array(n).fill(1);
    const customersIn = {
      frequency: data.frequency,
      recency: data.recency!,
      age: data.age!,
      monetary: new Float64Array(n).fill(NaN),
      spendPerPurchase: spend,
    };
    let range;
    try {
      range = scheduleRanges(
        { model: "bgnbd", params: fit.params, standardErrors: fit.standardErrors, gg: null },
        customersIn,
        OPTIONS,
        null,
        undefined,
        draws,
      );
    } catch {
      // A base whose fit has no invertible information (a boundary fit) has no range: counted as a miss.
      continue;
    }
    const truth = predictiveClvColumn(
      modelDefinition("bgnbd")!.purchasePredictor!(TRUE),
      data.frequency,
      data.recency!,
      data.age!,
      spend,
      OPTIONS,
    ).reduce((s: number, v) => s + (v as number), 0);
    if (range.total.discountedLow <= truth && truth <= range.total.discountedHigh) covered++;
  }
  return covered / replications;
}
