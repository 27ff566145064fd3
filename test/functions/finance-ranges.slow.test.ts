/**
 * CUST.FORECAST(…, range) and CUST.PCLVRANGE through the Excel-faithful invoker. Slow (about 30 s: each call redraws the
 * fitted parameters 200 times), so it runs in `npm run test:slow`, which CI calls; the range engine's own tests and
 * the coverage simulation are in test/engine/forecast/ranges.slow.test.ts.
 */
import { fitBgnbd } from "../../src/engine/models/bgnbd";
import { toParameterTable } from "../../src/engine/models/parameter-table";
import { simulateBgnbd } from "../engine/models/simulate";
import { excelError, excelFunction, loadExcelFunctions, setExcelLanguage } from "../support/excel";

beforeAll(() => loadExcelFunctions(), 60000);
const forecast = excelFunction("FORECAST");
const pclvrange = excelFunction("PCLVRANGE");
const pclv = excelFunction("PCLV");

const sum = (column: unknown[][]) => column.reduce((s, [v]) => s + (v as number), 0);

describe("ranges: CUST.FORECAST(…, range) and CUST.PCLVRANGE", () => {
  const data = simulateBgnbd({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, 300, 52, 5);
  const fitted = fitBgnbd(data);
  const params = toParameterTable(fitted, "en");
  const column = (values: ArrayLike<number>) => Array.from(values, (v) => [v]);
  const x = column(data.frequency);
  const tx = column(data.recency!);
  const T = column(data.age!);

  test("FORECAST adds low and high columns that bracket the likely values; deterministic", () => {
    const plain = forecast(params, [[20]], x, tx, T, "weeks", undefined, 6, 0.1, 0.3) as unknown[][];
    const ranged = forecast(
      params,
      [[20]],
      x,
      tx,
      T,
      "weeks",
      undefined,
      6,
      0.1,
      0.3,
      undefined,
      undefined,
      true,
    ) as unknown[][];
    expect(ranged[0].slice(5)).toEqual([
      "revenue, low (10%)",
      "revenue, high (90%)",
      "discounted margin, low (10%)",
      "discounted margin, high (90%)",
    ]);
    for (let r = 1; r < ranged.length; r++) {
      expect(ranged[r].slice(0, 5)).toEqual(plain[r]);
      const [revenue, discounted] = [ranged[r][2] as number, ranged[r][4] as number];
      expect(ranged[r][5] as number).toBeLessThan(revenue);
      expect(ranged[r][6] as number).toBeGreaterThan(revenue);
      expect(ranged[r][7] as number).toBeLessThan(discounted);
      expect(ranged[r][8] as number).toBeGreaterThan(discounted);
    }
    const again = forecast(params, [[20]], x, tx, T, "weeks", undefined, 6, 0.1, 0.3, undefined, undefined, true);
    expect(again).toEqual(ranged);
    // A wider pair gives a wider range.
    const wide = forecast(params, [[20]], x, tx, T, "weeks", undefined, 6, 0.1, 0.3, undefined, undefined, [
      [0.05, 0.95],
    ]);
    const totalRow = (table: unknown) => (table as unknown[][])[7];
    expect(totalRow(wide)[7] as number).toBeLessThan(totalRow(ranged)[7] as number);
    expect(totalRow(wide)[8] as number).toBeGreaterThan(totalRow(ranged)[8] as number);
    expect((wide as unknown[][])[0][5]).toBe("revenue, low (5%)");
  });

  test("PCLVRANGE: likely is CUST.PCLV, per customer and for the base; the base's range is FORECAST's", () => {
    const values = pclv(params, [[20]], x, tx, T, "weeks", undefined, 6, 0.1, 0.3) as unknown[][];
    const perCustomer = pclvrange(params, [[20]], x, tx, T, "weeks", undefined, 6, 0.1, 0.3) as unknown[][];
    expect(perCustomer).toHaveLength(x.length);
    perCustomer.forEach((row, i) => {
      expect(row[1]).toBe(values[i][0]);
      expect(row[0] as number).toBeLessThanOrEqual(row[1] as number);
      expect(row[2] as number).toBeGreaterThanOrEqual(row[1] as number);
    });
    const base = pclvrange(params, [[20]], x, tx, T, "weeks", undefined, 6, 0.1, 0.3, null, true) as unknown[][];
    expect(base[0]).toEqual(["low (10%)", "likely", "high (90%)"]);
    expect(base[1][1] as number).toBeCloseTo(sum(values), 8);
    const ranged = forecast(
      params,
      [[20]],
      x,
      tx,
      T,
      "weeks",
      undefined,
      6,
      0.1,
      0.3,
      undefined,
      undefined,
      true,
    ) as unknown[][];
    expect(base[1][0]).toBeCloseTo(ranged[7][7] as number, 10);
    expect(base[1][2]).toBeCloseTo(ranged[7][8] as number, 10);
    setExcelLanguage("fr");
    const fr = pclvrange(params, [[20]], x, tx, T, "weeks", undefined, 6, 0.1, 0.3, 0.2, "VRAI") as unknown[][];
    expect(fr[0]).toEqual(["bas (20 %)", "probable", "haut (80 %)"]);
  });

  test("bad percentiles, and a table without a covariance, say what to fix", () => {
    expect(excelError(() => pclvrange(params, [[20]], x, tx, T, "weeks", undefined, 6, 0, 1, 1.5)).message).toMatch(
      /percentiles/,
    );
    expect(excelError(() => pclvrange(params, [[20]], x, tx, T, "weeks", undefined, 6, 0, 1, [[0.9, 0.1]])).code).toBe(
      "#VALUE!",
    );
    // Every customer alike: the likelihood is flat in some direction and has no inverse.
    const same = x.map(() => [0]);
    const error = excelError(() =>
      pclvrange(
        params,
        [[20]],
        same,
        same,
        T.map(() => [40]),
        "weeks",
        undefined,
        6,
        0,
        1,
        null,
        true,
      ),
    );
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/uncertainty/);
  });
});
