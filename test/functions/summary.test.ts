import { excelSerial } from "../../src/engine/transactions/dates";
import { excelError, excelFunction, loadExcelFunctions, setExcelLanguage } from "../support/excel";

// The functions as Excel calls them (the Excel-faithful invoker): arguments as a formula writes them.
beforeAll(() => loadExcelFunctions(), 60000);
const summary = excelFunction("SUMMARY");

const col = (...values: unknown[]) => values.map((value) => [value]);
const d = excelSerial;

describe("CUST.SUMMARY", () => {
  const ids = col("0001", "0001", "0001", "0001", 7);
  const dates = col(d(1997, 1, 1), d(1997, 1, 18), d(1997, 8, 2), d(1997, 12, 12), d(1997, 3, 1));
  const amounts = col(29.33, 29.73, 14.96, 26.48, 10);

  test("header and one row per customer in first-appearance order, weeks by default", () => {
    const out = summary(ids, dates, amounts, d(1997, 12, 31));
    expect(out[0]).toEqual([
      "customer id",
      "first purchase",
      "last purchase",
      "orders",
      "total amount",
      "average basket",
      "frequency",
      "recency",
      "T",
      "monetary",
      "purchases in last 12 weeks",
      "mean gap (weeks)",
    ]);
    expect(out).toHaveLength(3);
    const [id, first, last, orders, total, basket, x, tx, age, monetary, recent, gap] = out[1] as number[];
    expect([id, first, last, orders, x, recent]).toEqual(["0001", d(1997, 1, 1), d(1997, 12, 12), 4, 3, 1]);
    expect(total).toBeCloseTo(100.5, 9);
    expect(basket).toBeCloseTo(25.125, 9);
    expect(tx).toBeCloseTo(345 / 7, 9);
    expect(age).toBeCloseTo(364 / 7, 9);
    expect(monetary).toBeCloseTo((29.73 + 14.96 + 26.48) / 3, 9);
    expect(gap).toBeCloseTo(345 / 7 / 3, 9);
    expect(out[2].slice(0, 1)).toEqual([7]);
    expect(out[2][11]).toBe(""); // one-time buyer: no gap
  });
  test("calibration form adds holdout purchases and the holdout length", () => {
    const out = summary(ids, dates, amounts, d(1998, 6, 30), "weeks", d(1997, 9, 30));
    expect(out[0].slice(12)).toEqual(["holdout purchases", "holdout length (weeks)"]);
    expect(out[1][6]).toBe(2);
    expect(out[1][8] as number).toBeCloseTo(272 / 7, 9);
    expect(out[1][12]).toBe(1);
    expect(out[1][13] as number).toBeCloseTo(273 / 7, 9);
  });
  test("time units in French, with French headers", () => {
    setExcelLanguage("fr");
    const out = summary(ids, dates, amounts, null, "jours", null, 30);
    expect(out[0][10]).toBe("achats sur 30 jours");
    expect(out[0][11]).toBe("écart moyen (jours)");
    expect(out[1][7]).toBe(345);
  });
  test("whole columns: trailing blank rows are ignored, whatever the blank looks like", () => {
    const out = summary([...ids, [null], [""]], [...dates, [null], [""]], [...amounts, [""], [null]]);
    expect(out).toHaveLength(3);
  });
  test("a text date: #VALUE! naming the row", () => {
    const error = excelError(() => summary(ids, col(d(1997, 1, 1), "2024-01-05", 1, 2, 3), amounts));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(
      'dates row 2 holds the text "2024-01-05": dates must be Excel dates (serial numbers); convert the column with DATEVALUE or Data > Text to Columns.',
    );
  });
  test("a date typed as 20240105: #NUM! that says how to convert it", () => {
    const error = excelError(() => summary(col("a"), col(20240105), col(1)));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/row 1 holds 20,240,105.*DATE\(\)/);
  });
  test("columns of different lengths: #VALUE! naming both", () => {
    const error = excelError(() => summary(ids, dates.slice(0, 3), amounts));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(
      "dates has 3 rows but customer_ids has 5: dates is missing row 4 onwards; give columns of the same length.",
    );
  });
  test("a blank id, a blank amount and a text amount name their rows", () => {
    expect(excelError(() => summary(col("a", null, "b"), col(1, 2, 3), col(1, 2, 3))).message).toBe(
      "customer_ids row 2 is blank: every transaction needs a customer id.",
    );
    expect(excelError(() => summary(col("a", "b"), col(1, 2), col(null, 3))).message).toBe(
      "amounts row 1 is blank: type 0 for a purchase with no amount.",
    );
    expect(excelError(() => summary(col("a", "b"), col(1, 2), col(1, "ten"))).message).toBe(
      'amounts must hold numbers, but row 2 holds the text "ten".',
    );
  });
  test("an error cell in the log: #VALUE! naming the row", () => {
    const error = excelError(() => summary(col("a", "#N/A"), col(1, 2), col(1, 2)));
    expect(error.message).toBe("customer_ids holds the error #N/A in row 2; fix that cell first.");
  });
  test("bad options: time unit, recent periods, calibration after as_of, empty log", () => {
    expect(excelError(() => summary(ids, dates, amounts, null, "years")).message).toBe(
      'time_unit must be one of: days, weeks, months. It is the text "years".',
    );
    expect(excelError(() => summary(ids, dates, amounts, null, null, null, -1)).code).toBe("#VALUE!");
    const late = excelError(() => summary(ids, dates, amounts, d(1997, 6, 1), null, d(1997, 9, 30)));
    expect(late.code).toBe("#VALUE!");
    expect(late.message).toBe("calibration_end (1997-09-30) must be on or before as_of (1997-06-01).");
    expect(excelError(() => summary(col(null), col(null), col(null))).message).toMatch(/transaction log is empty/);
  });
  test("a 2-D range is not a column", () => {
    expect(
      excelError(() =>
        summary(
          [
            ["a", "b"],
            ["c", "d"],
          ],
          dates,
          amounts,
        ),
      ).message,
    ).toBe("customer_ids must be a single column or a single row.");
  });
});
