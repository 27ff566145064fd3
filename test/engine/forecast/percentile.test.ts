/**
 * The per-customer ranges take their percentiles by selection (percentileOf): the same numbers as sorting the draws
 * and interpolating (percentileOfSorted), whatever the order, ties and precision of the draws.
 */
import { percentileOf, percentileOfSorted } from "../../../src/engine/forecast/uncertainty";
import { seededRandom } from "../../../src/engine/random";

describe("percentileOf", () => {
  const random = seededRandom(41);
  const cases: { name: string; make: (n: number) => number[] }[] = [
    { name: "distinct", make: (n) => Array.from({ length: n }, () => 1000 * random.next()) },
    { name: "many ties", make: (n) => Array.from({ length: n }, () => Math.floor(5 * random.next())) },
    { name: "all equal", make: (n) => Array.from({ length: n }, () => 3) },
    { name: "ascending", make: (n) => Array.from({ length: n }, (_, i) => i) },
    { name: "descending", make: (n) => Array.from({ length: n }, (_, i) => n - i) },
    {
      name: "huge and zero",
      make: (n) => Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : 1e38 * random.next())),
    },
  ];
  test.each(cases)("equals the sorted percentile: $name", ({ make }) => {
    for (const n of [1, 2, 3, 7, 200]) {
      for (const p of [0, 0.05, 0.1, 0.25, 0.5, 0.9, 0.95, 0.999, 1]) {
        const values = make(n);
        for (const typed of [Float32Array.from(values), Float64Array.from(values)]) {
          const expected = percentileOfSorted(typed.slice().sort(), p);
          expect(percentileOf(typed, p)).toBe(expected);
        }
      }
    }
  });
});
