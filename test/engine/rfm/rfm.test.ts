import { rfmCode, scoreRfm } from "../../../src/engine/rfm/rfm";
import { InputError } from "../../../src/engine/errors";

const column = (...values: number[]) => Float64Array.from(values);

describe("scoreRfm", () => {
  const recency = column(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  const frequency = column(10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
  const monetary = column(5, 5, 5, 5, 5, 50, 50, 50, 50, 50);

  test("recency reversed, frequency and monetary ascending; code R·100 + F·10 + M", () => {
    const result = scoreRfm(recency, frequency, monetary);
    expect(result.recency.scores[0]).toBe(5);
    expect(result.frequency.scores[0]).toBe(5);
    expect(result.monetary.scores[0]).toBe(1);
    expect(result.codes[0]).toBe(551);
    // monetary cut points are 5, 5, 50, 50 (PERCENTILE.INC): the tied 50s are above two of them, hence M = 3
    expect(Array.from(result.monetary.thresholds)).toEqual([5, 5, 50, 50]);
    expect(result.codes[9]).toBe(113);
    expect(rfmCode(5, 4, 5)).toBe(545);
  });
  test("a blank in any measure blanks the code only for that row", () => {
    const result = scoreRfm(column(1, NaN), column(1, 2), column(3, 4), { bins: 2 });
    expect(result.recency.scores[1]).toBe(0);
    expect(result.frequency.scores[1]).toBe(2);
    expect(Array.from(result.codes)).toEqual([result.codes[0], 0]);
    expect(result.codes[0]).toBeGreaterThan(0);
  });
  test("breaks for one measure set the bins of the others", () => {
    const result = scoreRfm(recency, frequency, monetary, { breaks: { monetary: [10, 40] } });
    expect(result.monetary.bins).toBe(3);
    expect(result.recency.bins).toBe(3);
    expect(Array.from(result.monetary.scores)).toEqual([1, 1, 1, 1, 1, 3, 3, 3, 3, 3]);
  });
  test("columns of different lengths: #VALUE!", () => {
    expect(() => scoreRfm(column(1, 2), column(1), column(1, 2))).toThrow(InputError);
    expect(() => scoreRfm(column(1, 2), column(1), column(1, 2))).toThrow(
      "frequency has 1 values but recency has 2; the columns must have the same length.",
    );
  });
});
