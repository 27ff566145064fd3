/**
 * An interpolant's values at many points at once (fill, four points of a piece interleaved) are its values one by
 * one, bit for bit: on one piece and on many, with points in any order and counts that are not multiples of four.
 */
import { CHEAP_PIECES, chebyshevInterpolant } from "../../../src/engine/optim/chebyshev";
import { seededRandom } from "../../../src/engine/random";

test.each([
  { name: "one piece", f: (x: number) => Math.exp(-x / 3), lo: 0, hi: 2, shape: undefined },
  { name: "many pieces", f: (x: number) => Math.sin(3 * x) + 2, lo: 0, hi: 40, shape: CHEAP_PIECES },
])("fill gives the one-by-one values: $name", ({ f, lo, hi, shape }) => {
  const interpolant = chebyshevInterpolant(f, lo, hi, 1, shape)!;
  expect(interpolant).not.toBeNull();
  const random = seededRandom(3);
  for (const count of [0, 1, 3, 4, 5, 8, 1001]) {
    const points = Float64Array.from({ length: count + 2 }, () => lo + (hi - lo) * random.next());
    // Runs of nearby points too, so that blocks of four share a piece.
    if (count > 8) points.subarray(0, 400).sort();
    const out = new Float64Array(count + 2).fill(-1);
    interpolant.fill(points, count, out);
    for (let k = 0; k < count; k++) expect(Object.is(out[k], interpolant(points[k]))).toBe(true);
    expect(out[count]).toBe(-1);
  }
});
