import fc from "fast-check";
import {
  equalWidthThresholds,
  percentileInc,
  quantileThresholds,
  quantileThresholdsInPlace,
  scoreColumn,
  scoreOf,
} from "../../../src/engine/rfm/scores";
import { inputError } from "../../support/thrown";

const column = (...values: number[]) => Float64Array.from(values);

describe("percentileInc (Excel PERCENTILE.INC)", () => {
  test("matches Excel on 1..10", () => {
    const sorted = column(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    expect(percentileInc(sorted, 0.2)).toBeCloseTo(2.8, 12);
    expect(percentileInc(sorted, 0.5)).toBeCloseTo(5.5, 12);
    expect(percentileInc(sorted, 1)).toBe(10);
    expect(percentileInc(sorted, 0)).toBe(1);
  });
  test("no values: NaN", () => expect(percentileInc(column(), 0.5)).toBeNaN());
});

describe("scoreColumn", () => {
  test("quintiles of 1..10: two values per score, thresholds as PERCENTILE.INC", () => {
    const result = scoreColumn(column(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    expect(Array.from(result.scores)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(Array.from(result.thresholds).map((t) => +t.toFixed(9))).toEqual([2.8, 4.6, 6.4, 8.2]);
    expect(result.distinctBins).toBe(5);
    expect(Array.from(result.counts)).toEqual([0, 2, 2, 2, 2, 2]);
  });
  test("reverse: the smallest value gets the highest score (recency)", () => {
    const result = scoreColumn(column(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), { reverse: true });
    expect(Array.from(result.scores)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });
  test("ties across a cut point stay together, and a skewed column says how many bins it produced", () => {
    const result = scoreColumn(column(1, 1, 1, 1, 1, 1, 1, 2, 3, 9));
    expect(new Set(Array.from(result.scores.subarray(0, 7))).size).toBe(1);
    expect(result.scores[0]).toBe(1);
    expect(result.distinctBins).toBeLessThan(5);
    expect(result.distinctBins).toBe(new Set(Array.from(result.scores)).size);
  });
  test("blanks (NaN) are scored 0 and left out of the cut points", () => {
    const withBlanks = scoreColumn(column(NaN, 1, 2, NaN, 3, 4, 5));
    const without = scoreColumn(column(1, 2, 3, 4, 5));
    expect(Array.from(withBlanks.thresholds)).toEqual(Array.from(without.thresholds));
    expect(Array.from(withBlanks.scores)).toEqual([0, 1, 2, 0, 3, 4, 5]);
    expect(withBlanks.counts[0]).toBe(2);
  });
  test("a column of blanks: every score blank, thresholds NaN", () => {
    const result = scoreColumn(column(NaN, NaN));
    expect(Array.from(result.scores)).toEqual([0, 0]);
    expect(Number.isNaN(result.thresholds[0])).toBe(true);
    expect(result.distinctBins).toBe(0);
  });
  test("equal-width bins between min and max", () => {
    expect(Array.from(equalWidthThresholds(0, 100, 4))).toEqual([25, 50, 75]);
    const result = scoreColumn(column(0, 10, 25, 26, 100), { bins: 4, method: "equal" });
    expect(Array.from(result.scores)).toEqual([1, 1, 1, 2, 4]);
  });
  test("equal-width bins from −1.7e308 to 1.7e308 (max − min overflows): finite, ordered cuts and the right scores", () => {
    const cuts = Array.from(equalWidthThresholds(-1.7e308, 1.7e308, 4));
    expect(cuts.every(Number.isFinite)).toBe(true);
    expect(cuts[0] / -0.85e308).toBeCloseTo(1, 12);
    expect(Object.is(cuts[1], 0)).toBe(true); // never −0
    expect(cuts[2] / 0.85e308).toBeCloseTo(1, 12);
    const result = scoreColumn(column(-1.7e308, -1e308, -1, 1, 1e308, 1.7e308), { bins: 4, method: "equal" });
    expect(Array.from(result.scores)).toEqual([1, 1, 2, 3, 4, 4]);
  });
  test("user breaks replace the method; bins follow their count", () => {
    const result = scoreColumn(column(5, 50, 500, 5000), { breaks: [10, 100, 1000] });
    expect(result.bins).toBe(4);
    expect(Array.from(result.scores)).toEqual([1, 2, 3, 4]);
    expect(scoreOf(10, [10, 100, 1000])).toBe(1); // right-closed
  });
  test("breaks that do not rise: #NUM! naming the row", () => {
    const error = inputError(() => scoreColumn(column(1), { breaks: [1, 5, 5], name: "frequency" }));
    expect(error.kind).toBe("num");
    expect(error.message).toBe(
      "The frequency breaks must rise from one row to the next, but row 3 (5) is not above the row before it.",
    );
  });
  test("bins that contradict the breaks: #VALUE!", () => {
    const error = inputError(() => scoreColumn(column(1), { breaks: [1, 5], bins: 5 }));
    expect(error.kind).toBe("value");
    expect(error.key).toBe("rfm.breaksBinsConflict");
  });
  test.each([1, 11, 2.5, NaN])("bins %p: #NUM!", (bins) => {
    const error = inputError(() => scoreColumn(column(1, 2), { bins }));
    expect(error.kind).toBe("num");
    expect(error.key).toBe("rfm.binsRange");
  });
  test("bins 2 and 10 are allowed", () => {
    expect(scoreColumn(column(1, 2, 3, 4), { bins: 2 }).scores).toEqual(Uint8Array.from([1, 1, 2, 2]));
    const deciles = scoreColumn(
      Float64Array.from({ length: 100 }, (_, i) => i),
      { bins: 10 },
    );
    expect(Array.from(deciles.counts.subarray(1))).toEqual(Array(10).fill(10));
  });
  test("quantileThresholds are non-decreasing", () => {
    expect(Array.from(quantileThresholds(column(1, 1, 1, 2), 4))).toEqual([1, 1, 1.25]);
  });
});

const valuesArb = fc.array(
  fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(NaN), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
  {
    minLength: 1,
    maxLength: 200,
  },
);

describe("scoreColumn properties", () => {
  test("scores are within 1..bins (0 only for blanks)", () => {
    fc.assert(
      fc.property(valuesArb, fc.integer({ min: 2, max: 10 }), fc.boolean(), (values, bins, reverse) => {
        const { scores } = scoreColumn(Float64Array.from(values), { bins, reverse });
        values.forEach((value, i) => {
          if (Number.isNaN(value)) expect(scores[i]).toBe(0);
          else expect(scores[i] >= 1 && scores[i] <= bins).toBe(true);
        });
      }),
    );
  });
  test("equal inputs get equal scores, and larger values never score lower", () => {
    fc.assert(
      fc.property(valuesArb, fc.integer({ min: 2, max: 10 }), (values, bins) => {
        const { scores } = scoreColumn(Float64Array.from(values), { bins });
        for (let i = 0; i < values.length; i++) {
          for (let j = 0; j < values.length; j++) {
            if (values[i] === values[j]) expect(scores[i]).toBe(scores[j]);
            if (values[i] < values[j]) expect(scores[i]).toBeLessThanOrEqual(scores[j]);
          }
        }
      }),
    );
  });
  test("permuting the rows permutes the scores identically", () => {
    fc.assert(
      fc.property(
        valuesArb.chain((values) =>
          fc.tuple(
            fc.constant(values),
            fc.shuffledSubarray(
              values.map((_, i) => i),
              { minLength: values.length },
            ),
          ),
        ),
        fc.integer({ min: 2, max: 10 }),
        ([values, order], bins) => {
          const original = scoreColumn(Float64Array.from(values), { bins, reverse: true }).scores;
          const permuted = scoreColumn(Float64Array.from(order.map((i) => values[i])), { bins, reverse: true }).scores;
          order.forEach((from, to) => expect(permuted[to]).toBe(original[from]));
        },
      ),
    );
  });
  test("counts add up to the rows and distinctBins counts the scores given", () => {
    fc.assert(
      fc.property(valuesArb, fc.integer({ min: 2, max: 10 }), (values, bins) => {
        const result = scoreColumn(Float64Array.from(values), { bins });
        expect(result.counts.reduce((a, b) => a + b, 0)).toBe(values.length);
        const given = new Set(Array.from(result.scores).filter((s) => s > 0));
        expect(result.distinctBins).toBe(given.size);
      }),
    );
  });
});

describe("quantileThresholdsInPlace", () => {
  test("a −0 cell gives a cut point of 0, as sorting does", () => {
    const cuts = Array.from(quantileThresholdsInPlace(Float64Array.from([0, -0, 0, 0, 0, 0, 1]), 3));
    expect(cuts.map((cut) => Object.is(cut, -0))).toEqual([false, false]);
    expect(cuts).toEqual(Array.from(quantileThresholds(Float64Array.from([0, -0, 0, 0, 0, 0, 1]).sort(), 3)));
  });
  test("selects the same cut points as sorting, ties and all", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: -1e3, max: 1e3, noNaN: true })), {
          minLength: 1,
          maxLength: 300,
        }),
        fc.integer({ min: 2, max: 10 }),
        (values, bins) => {
          const sorted = Float64Array.from(values).sort();
          expect(Array.from(quantileThresholdsInPlace(Float64Array.from(values), bins))).toEqual(
            Array.from(quantileThresholds(sorted, bins)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
  test("no values: NaN cut points", () => {
    expect(Array.from(quantileThresholdsInPlace(new Float64Array(0), 3))).toEqual([NaN, NaN]);
  });
});
