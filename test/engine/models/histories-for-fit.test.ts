/**
 * historiesForFit: the rows as they are when nearly all are distinct (continuous times), compressed when they
 * repeat; either way the same likelihood, and a bad row named by its row in the columns.
 */
import { simulateHistories } from "../../../bench/functions/data";
import { bgnbdPreparedNegLogLikelihood, prepareBgnbdData } from "../../../src/engine/models/bgnbd";
import { compressHistories, historiesForFit } from "../../../src/engine/models/compress";

describe("historiesForFit", () => {
  test.each(["continuous", "days"] as const)("%s times: the same BG/NBD likelihood as the compressed rows", (kind) => {
    const h = simulateHistories(12_000, kind, "bgnbd", 4);
    // Two customers observed for no time: no term either way.
    h.age[5] = 0;
    h.recency[5] = 0;
    h.frequency[5] = 0;
    const rows = historiesForFit(h.frequency, h.recency, h.age);
    const compressed = compressHistories(h.frequency, h.recency, h.age);
    // Continuous times are taken as they are (every row), days compressed.
    expect(rows.size).toBe(kind === "continuous" ? 12_000 : compressed.size);
    expect(rows.total).toBe(compressed.total);
    const p = [0.3, 20, 0.8, 2.5];
    const [a, b] = [rows, compressed].map((data) => bgnbdPreparedNegLogLikelihood(prepareBgnbdData(data), p));
    expect(Math.abs(a - b)).toBeLessThan(1e-9 * Math.abs(b));
  });
  test("a bad row is named by its row in the columns, whichever path", () => {
    const h = simulateHistories(12_000, "continuous", "bgnbd", 4);
    h.recency[9_000] = h.age[9_000] + 1;
    expect(() => historiesForFit(h.frequency, h.recency, h.age)).toThrow(
      expect.objectContaining({ key: "models.recencyAfterAge", params: expect.objectContaining({ row: 9_001 }) }),
    );
  });
  test.each([1_000, 12_000])("%i rows: the same row checks and 'no time observed' on both paths", (n) => {
    const h = simulateHistories(n, "continuous", "bgnbd", 4);
    const weights = new Float64Array(n).fill(2);
    weights[n - 3] = -1;
    for (const run of [
      () => historiesForFit(h.frequency, h.recency, h.age, weights),
      () => compressHistories(h.frequency, h.recency, h.age, weights),
    ]) {
      expect(run).toThrow(
        expect.objectContaining({ key: "models.weightNegative", params: expect.objectContaining({ row: n - 2 }) }),
      );
    }
    weights[n - 3] = 0;
    expect(historiesForFit(h.frequency, h.recency, h.age, weights).total).toBe(2 * (n - 1));
    expect(compressHistories(h.frequency, h.recency, h.age, weights).total).toBe(2 * (n - 1));
    const none = new Float64Array(n);
    for (const run of [() => historiesForFit(none, none, none), () => compressHistories(none, none, none)]) {
      expect(run).toThrow(expect.objectContaining({ key: "models.noTimeObserved" }));
    }
  });
});
