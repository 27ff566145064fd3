/**
 * compress.ts's frequencyGroups beyond 65,536 distinct frequencies groups by a radix sort instead of a hash
 * (frequencies in the millions and billions, issue 12): the same groups in the same order, the same weights bit for
 * bit, and the groups by increasing frequency for the pair layout.
 */
import { CompressedHistories, frequencyGroups } from "../../../src/engine/models/compress";
import { seededRandom } from "../../../src/engine/random";

/** The grouping by a hash, as frequencyGroups does below the threshold. */
function hashed(data: CompressedHistories) {
  const index = new Map<number, number>();
  const values: number[] = [];
  const weight: number[] = [];
  const slot: number[] = [];
  for (let i = 0; i < data.size; i++) {
    const x = data.frequency[i];
    let at = index.get(x);
    if (at === undefined) {
      at = values.length;
      index.set(x, at);
      values.push(x);
      weight.push(0);
    }
    weight[at] += data.weight[i];
    slot.push(at);
  }
  return { values, weight, slot };
}

function histories(size: number, distinct: number): CompressedHistories {
  const random = seededRandom(3);
  const frequency = new Float64Array(size);
  const weight = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    // Frequencies in the billions, repeated, with −0 and 0 both present (one group, as a Map keys them).
    const k = Math.floor(random.next() * distinct);
    frequency[i] = k === 0 ? (i % 2 === 0 ? -0 : 0) : Math.round(1e9 * (k / distinct) ** 3) + k;
    weight[i] = 0.1 + random.next();
  }
  const zeros = new Float64Array(size);
  return { frequency, recency: zeros, age: zeros, weight, size, total: weight.reduce((s, w) => s + w, 0) };
}

describe("frequencyGroups", () => {
  it.each([
    ["a few hundred distinct frequencies (hashed)", 5000, 300],
    ["about 86,000 distinct frequencies (sorted)", 200_000, 100_000],
  ])("%s: the groups, weights and slots of the hash", (_name, size, distinct) => {
    const data = histories(size, distinct);
    const groups = frequencyGroups(data);
    const expected = hashed(data);
    expect(Array.from(groups.values)).toEqual(expected.values);
    expect(Array.from(groups.weight)).toEqual(expected.weight);
    expect(Array.from(groups.slot)).toEqual(expected.slot);
    if (expected.values.length > 65536) {
      const byValue = groups.byValue!;
      expect(new Set(byValue).size).toBe(expected.values.length);
      let unordered = 0;
      for (let k = 1; k < byValue.length; k++)
        if (!(groups.values[byValue[k]] > groups.values[byValue[k - 1]])) unordered++;
      expect(unordered).toBe(0);
    } else {
      expect(groups.byValue).toBeUndefined();
    }
  });
});
