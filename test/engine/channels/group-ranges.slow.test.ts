/**
 * Each group's CLV range on the same draws (the Channels sheet, CUST.PCLVRANGE with groups): one group, and all the
 * customers together, give exactly scheduleRanges' total; every group's range holds its Σ PCLV; a Refresh (a second
 * call) gives the same numbers; a fit whose uncertainty cannot be computed gives the reason for every group.
 */
import { groupClvRanges, groupIndexOf, hasRange } from "../../../src/engine/channels/group-ranges";
import { groupKey } from "../../../src/engine/channels/value-by-group";
import { scheduleRanges } from "../../../src/engine/forecast/ranges";
import { predictiveClvColumn } from "../../../src/engine/models/clv";
import { fitBgnbd } from "../../../src/engine/models/bgnbd";
import { modelDefinition } from "../../../src/engine/models/registry";
import { simulateBgnbd } from "../models/simulate";
import { OPTIONS, TRUE } from "../forecast/coverage";

const DRAWS = 40;
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

describe("groupClvRanges", () => {
  test("one group, and the totals, are scheduleRanges' total on the same customers", () => {
    const one = groupClvRanges(model, customers, new Int32Array(n), 1, OPTIONS, undefined, DRAWS);
    const base = scheduleRanges(model, customers, OPTIONS, null, undefined, DRAWS).total;
    expect(one.groups).toEqual([{ low: base.discountedLow, high: base.discountedHigh }]);
    const three = groupClvRanges(
      model,
      customers,
      Int32Array.from({ length: n }, (_, c) => c % 3),
      3,
      OPTIONS,
      undefined,
      DRAWS,
    );
    expect(three.total).toEqual({ low: base.discountedLow, high: base.discountedHigh });
  });

  test("each group's range holds its Σ PCLV, and a second call gives the same numbers", () => {
    const groupOf = Int32Array.from({ length: n }, (_, c) => (data.frequency[c] > 2 ? 0 : c % 2 === 0 ? 1 : 2));
    const a = groupClvRanges(model, customers, groupOf, 3, OPTIONS, undefined, DRAWS);
    expect(groupClvRanges(model, customers, groupOf, 3, OPTIONS, undefined, DRAWS)).toEqual(a);
    const predictor = modelDefinition("bgnbd")!.purchasePredictor!(fit.params);
    const pclv = predictiveClvColumn(predictor, data.frequency, data.recency, age, customers.spendPerPurchase, OPTIONS);
    const likely = [0, 0, 0];
    pclv.forEach((value, c) => (likely[groupOf[c]] += value as number));
    a.groups.forEach((range, g) => {
      expect(hasRange(range)).toBe(true);
      if (!hasRange(range)) return;
      expect(range.low).toBeLessThan(likely[g]);
      expect(range.high).toBeGreaterThan(likely[g]);
    });
    // The groups' likely values add up to the total's; their lows do not (each is a percentile of its own total).
    expect(hasRange(a.total) && a.total.low < likely[0] + likely[1] + likely[2]).toBe(true);
  });

  test("no uncertainty: the reason, for every group and the totals", () => {
    const few = { ...customers, frequency: customers.frequency.slice(0, 2).fill(0) };
    const two = {
      ...few,
      recency: new Float64Array(2),
      age: customers.age.slice(0, 2),
      monetary: customers.monetary.slice(0, 2),
      spendPerPurchase: customers.spendPerPurchase.slice(0, 2),
    };
    const out = groupClvRanges(model, two, Int32Array.from([0, 1]), 2, OPTIONS, undefined, DRAWS);
    expect(out.groups.every((range) => !hasRange(range) && range.issue.key === "finance.range.noCovariance")).toBe(
      true,
    );
    expect(hasRange(out.total)).toBe(false);
  });

  test("customers find their group as groupKey matches them", () => {
    expect(Array.from(groupIndexOf(["Web ", "store", null, 3], ["web", "Store", "", "3"], groupKey))).toEqual([
      0, 1, 2, 3,
    ]);
    expect(Array.from(groupIndexOf(["Other"], ["web"], groupKey))).toEqual([-1]);
  });
});
