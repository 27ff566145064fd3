import {
  bgnbdNegLogLikelihood,
  bgnbdPreparedNegLogLikelihood,
  prepareBgnbdData,
} from "../../../src/engine/models/bgnbd";
import { compressHistories, frequencyGroups } from "../../../src/engine/models/compress";
import { seededRandom } from "../../../src/engine/random";

/**
 * Above 65,536 distinct histories the prepared likelihood renumbers the frequency groups in increasing x and orders
 * the histories by group (reads in order: a third of a pass at a million distinct frequencies). Same sums in
 * another order: the value and gradient equal those of the histories in their own order.
 */
test("BG/NBD and MBG/NBD: the histories ordered by frequency give the same likelihood and gradient", () => {
  const random = seededRandom(3);
  const n = 70_000;
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const age = new Float64Array(n).fill(1e4);
  for (let i = 0; i < n; i++) {
    frequency[i] = Math.round(10 ** (1 + 5 * random.next()));
    recency[i] = 1e4 * random.next();
  }
  const data = compressHistories(frequency, recency, age);
  expect(data.size).toBeGreaterThan(65_536);
  const groups = frequencyGroups(data);
  for (const modified of [false, true]) {
    const sorted = prepareBgnbdData(data, modified);
    // The groups in increasing x, and each history in its group.
    for (let g = 1; g < sorted.groups.values.length; g++) {
      expect(sorted.groups.values[g]).toBeGreaterThan(sorted.groups.values[g - 1]);
    }
    for (let i = 0; i < sorted.histories.size; i += 997) {
      expect(sorted.groups.values[sorted.groups.slot[i]]).toBe(sorted.histories.frequency[i]);
    }
    for (const p of [
      [0.5, 20, 0.8, 3],
      [2, 0.1, 0.2, 1e5],
    ]) {
      const g0 = new Float64Array(4);
      const g1 = new Float64Array(4);
      const inOrder = bgnbdNegLogLikelihood(data, groups, p, g0, modified);
      const byFrequency = bgnbdPreparedNegLogLikelihood(sorted, p, g1);
      // Sums of 70,000 terms of both signs in another order: their rounding, not the formula, sets the digits.
      expect(byFrequency / inOrder - 1).toBeCloseTo(0, 11);
      for (let k = 0; k < 4; k++) expect(Math.abs(g1[k] - g0[k])).toBeLessThan(1e-10 * Math.abs(inOrder));
    }
  }
});
