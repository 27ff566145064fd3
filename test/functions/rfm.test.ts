import fc from "fast-check";
import { excelError, excelFunction, loadExcelFunctions, setExcelLanguage } from "../support/excel";

// The functions as Excel calls them (the Excel-faithful invoker): arguments as a formula writes them.
beforeAll(() => loadExcelFunctions(), 60000);
const rfm = excelFunction("RFM");
const rfmsegment = excelFunction("RFMSEGMENT");

const col = (...values: unknown[]) => values.map((value) => [value]);
const ten = (f: (i: number) => unknown) => Array.from({ length: 10 }, (_, i) => [f(i)]);

describe("CUST.RFM", () => {
  const recency = ten((i) => i + 1);
  const frequency = ten((i) => 10 - i);
  const monetary = ten((i) => (i + 1) * 10);

  test("R reversed, F and M by quintile, code R·100 + F·10 + M, one row per input row", () => {
    const out = rfm(recency, frequency, monetary);
    expect(out).toHaveLength(10);
    expect(out[0]).toEqual([5, 5, 1, 551]);
    expect(out[9]).toEqual([1, 1, 5, 115]);
  });
  test("blanks are scored blank and excluded from the cut points; trailing blank rows dropped", () => {
    const out = rfm(col(1, null, 3, 4, "", null), col(1, 2, "", 4, 5, ""), col(1, 2, 3, 4, 5, null), 2);
    expect(out).toHaveLength(5);
    expect(out[1]).toEqual(["", 1, 1, ""]);
    expect(out[2]).toEqual([2, "", 1, ""]); // monetary 3 is the median: right-closed, so score 1
    expect(out[4]).toEqual(["", 2, 2, ""]);
  });
  test("ties are never split", () => {
    const out = rfm(col(1, 1, 1, 1, 2), col(3, 3, 3, 3, 3), col(5, 5, 9, 9, 9));
    expect(new Set(out.slice(0, 4).map((row) => row[0])).size).toBe(1);
    expect(new Set(out.map((row) => row[1])).size).toBe(1);
  });
  test("thresholds form: cut points per measure and the distinct scores produced", () => {
    const out = rfm(recency, frequency, monetary, null, null, "thresholds");
    expect(out[0]).toEqual(["cut point", "recency", "frequency", "monetary"]);
    expect(out).toHaveLength(6);
    expect(out[1][0]).toBe(1);
    expect(out[1][1] as number).toBeCloseTo(2.8, 9);
    expect(out[4][3] as number).toBeCloseTo(82, 9);
    expect(out[5]).toEqual(["distinct scores", 5, 5, 5]);
  });
  test("thresholds in French", () => {
    setExcelLanguage("fr");
    const out = rfm(recency, frequency, monetary, 2, null, "thresholds");
    expect(out[0]).toEqual(["seuil", "récence", "fréquence", "montant"]);
    expect(out[2][0]).toBe("scores distincts");
  });
  test("the user's breaks, as the thresholds form lists them; a blank column keeps the computed ones", () => {
    const breaks = [
      [3, null, 25],
      [6, null, 50],
      [9, null, 75],
    ];
    const out = rfm(recency, frequency, monetary, null, null, null, breaks);
    expect(out[0]).toEqual([4, 4, 1, 441]);
    expect(out[9][0]).toBe(1);
    expect(out[9][2]).toBe(4);
    const table = rfm(recency, frequency, monetary, null, null, "thresholds", breaks);
    expect(table.slice(1, 4).map((row) => row[3])).toEqual([25, 50, 75]);
  });
  test("equal-width method", () => {
    const out = rfm(col(0, 1, 100), col(0, 1, 100), col(0, 60, 100), 2, "equal");
    expect(out.map((row) => row[2])).toEqual([1, 2, 2]);
  });
  test("text where numbers are needed: #VALUE! naming the first bad row", () => {
    const error = excelError(() => rfm(col(1, 2, "soon"), col(1, 2, 3), col(1, 2, 3)));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe('recency must hold numbers, but row 3 holds the text "soon".');
  });
  test("columns of different lengths: #VALUE!", () => {
    const error = excelError(() => rfm(col(1, 2, 3), col(1, 2), col(1, 2, 3)));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(
      "frequency has 2 rows but recency has 3: frequency is missing row 3 onwards; give columns of the same length.",
    );
  });
  test.each([1, 11, 2.5])("bins %p: #NUM!", (bins) => {
    const error = excelError(() => rfm(recency, frequency, monetary, bins));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(`bins must be a whole number from 2 to 10 (it is ${bins}).`);
  });
  test("bad breaks: shape, order, partly blank, conflicting bins", () => {
    expect(excelError(() => rfm(recency, frequency, monetary, null, null, null, [[1, 2]])).message).toMatch(
      /3 columns.*it has 1 rows and 2 columns/,
    );
    const order = excelError(() =>
      rfm(
        recency,
        frequency,
        monetary,
        null,
        null,
        null,
        [[5], [4]].map((r) => [...r, 1, 1]),
      ),
    );
    expect(order.code).toBe("#VALUE!");
    expect(order.message).toMatch(/recency breaks must rise.*row 2 \(4\)/);
    expect(
      excelError(() =>
        rfm(recency, frequency, monetary, null, null, null, [
          [1, 1, 1],
          [2, null, 2],
        ]),
      ).message,
    ).toMatch(/frequency breaks column is partly blank \(row 2\)/);
    expect(excelError(() => rfm(recency, frequency, monetary, 5, null, null, [[1, 1, 1]])).message).toBe(
      "bins is 5 but breaks has 1 rows: give bins − 1 rows of cut points, or leave bins blank.",
    );
  });
  test("bad method or output: #VALUE! listing the choices", () => {
    expect(excelError(() => rfm(recency, frequency, monetary, null, "kmeans")).message).toBe(
      'method must be one of: quantile, equal. It is the text "kmeans".',
    );
    expect(excelError(() => rfm(recency, frequency, monetary, null, null, "codes")).code).toBe("#VALUE!");
  });
  test("no values at all: #VALUE!", () => {
    expect(excelError(() => rfm(col(null), col(null), col(null))).message).toMatch(/hold no values/);
  });
  test("permuting the rows permutes the output identically", () => {
    const row = fc.tuple(
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 0, max: 9 }),
    );
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 60 }).chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray(
              rows.map((_, i) => i),
              { minLength: rows.length },
            ),
          ),
        ),
        ([rows, order]) => {
          const run = (data: [number, number, number][]) =>
            rfm(
              data.map((r) => [r[0]]),
              data.map((r) => [r[1]]),
              data.map((r) => [r[2]]),
            );
          const original = run(rows);
          const permuted = run(order.map((i) => rows[i]));
          order.forEach((from, to) => expect(permuted[to]).toEqual(original[from]));
        },
      ),
    );
  });
});

describe("CUST.RFMSEGMENT", () => {
  test("single cells and columns; English by default", () => {
    expect(rfmsegment([[5]], [[5]])).toEqual([["Champions"]]);
    expect(rfmsegment(col(5, 1, null, 3), col(1, 5, null, 3))).toEqual([
      ["New Customers"],
      ["Can't Lose Them"],
      [""],
      ["Need Attention"],
    ]);
  });
  test("language follows Excel's display language, and can be overridden", () => {
    setExcelLanguage("fr");
    expect(rfmsegment([[1]], [[1]])).toEqual([["En hibernation"]]);
    expect(rfmsegment([[1]], [[1]], null, "en")).toEqual([["Hibernating"]]);
    setExcelLanguage(null);
    expect(rfmsegment([[4]], [[5]], null, "fr-FR")).toEqual([["Clients fidèles"]]);
  });
  test("M is checked but never changes the segment", () => {
    expect(rfmsegment(col(5, 5), col(4, 4), col(1, 5))).toEqual([["Champions"], ["Champions"]]);
    expect(excelError(() => rfmsegment(col(5, 5), col(4, 4), col(1, 7))).message).toMatch(/m_score row 2 holds 7/);
  });
  test("scores outside 1..5: #NUM! naming the row", () => {
    const error = excelError(() => rfmsegment(col(5, 6), col(1, 1)));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(
      "r_score row 2 holds 6, but the segment map needs whole scores from 1 to 5: score with CUST.RFM and 5 bins (quintiles).",
    );
    expect(excelError(() => rfmsegment([[0]], [[1]])).message).toMatch(/^r_score is 0/);
  });
  test("text scores and mismatched lengths: #VALUE!", () => {
    expect(excelError(() => rfmsegment(col(5, "high"), col(1, 1))).message).toBe(
      'r_score must hold numbers, but row 2 holds the text "high".',
    );
    expect(excelError(() => rfmsegment(col(5, 4, 3), col(1, 1))).code).toBe("#VALUE!");
  });
  test("an unknown language: #VALUE!", () => {
    expect(excelError(() => rfmsegment([[5]], [[5]], null, "de")).message).toBe(
      'language must be "en" (English) or "fr" (French); it is "de".',
    );
  });
});

describe("CUST.RFM then CUST.RFMSEGMENT", () => {
  test("every scored row gets exactly one segment, and segment counts add up to the scored rows", () => {
    const row = fc.tuple(
      fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
      fc.integer({ min: 1, max: 12 }),
      fc.double({ min: 1, max: 500, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 120 }), (rows) => {
        const scores = rfm(
          rows.map((r) => [r[0]]),
          rows.map((r) => [r[1]]),
          rows.map((r) => [r[2]]),
        );
        const names = rfmsegment(
          scores.map((s) => [s[0]]),
          scores.map((s) => [s[1]]),
        );
        const scored = scores.filter((s) => s[0] !== "" && s[1] !== "").length;
        const counts = new Map<unknown, number>();
        names.forEach(([name]) => name !== "" && counts.set(name, (counts.get(name) ?? 0) + 1));
        expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(scored);
        // trailing rows with a blank recency are dropped only when every column is blank, so rows stay aligned
        expect(scores).toHaveLength(rows.length);
      }),
    );
  });
});
