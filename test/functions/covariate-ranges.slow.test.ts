/**
 * CUST.PCLVRANGE and CUST.FORECAST's ranges for a table fitted with static covariates, called as Excel calls them:
 * the likely value is CUST.PCLV with the same covariates, the draws include the coefficients (a larger standard
 * error of a coefficient widens the range), low ≤ likely ≤ high for any coefficients and customers (fast-check), and
 * a covariate table used without its covariates asks for the columns. (Slow: each range is 200 draws.)
 */
import fc from "fast-check";
import { simulateBgnbd } from "../engine/models/simulate";
import { column, ExcelFunctions, InputCell, isShownError, loadExcelFunctions, ShownCell } from "../support/excel";

let excel: ExcelFunctions;
beforeAll(async () => {
  excel = await loadExcelFunctions();
}, 60000);

// 240 simulated BG/NBD customers (weeks): the offline ones (Channel = 1) buy twice as often (α halved).
const online = simulateBgnbd({ r: 0.8, alpha: 8, a: 0.6, b: 2.5 }, 120, 52, 31);
const offline = simulateBgnbd({ r: 0.8, alpha: 4, a: 0.6, b: 2.5 }, 120, 52, 32);
const whole = (values: ArrayLike<number>) => Array.from(values, Math.round);
const xs = [...online.frequency, ...offline.frequency];
const Ts = whole([...online.age!, ...offline.age!]);
const txs = whole([...online.recency!, ...offline.recency!]).map((t, i) => (xs[i] === 0 ? 0 : Math.min(t, Ts[i])));
const channel = xs.map((_, i) => (i < 120 ? 0 : 1));
const x = column(...xs);
const tx = column(...txs);
const T = column(...Ts);
const covariates: InputCell[][] = [["Channel"], ...channel.map((c) => [c])];
const numbers = (cells: ShownCell[][]) => cells.map((row) => row.map((cell) => cell as number));

let table: InputCell[][];
beforeAll(() => {
  table = excel.call("FIT", "bgnbd", x, tx, T, null, null, null, covariates, covariates) as InputCell[][];
  expect(table.flat().some(isShownError)).toBe(false);
});

describe("ranges with covariates", () => {
  test("the base's range: likely is Σ CUST.PCLV with the covariates, between low and high", () => {
    const pclv = excel.call("PCLV", table, 20, x, tx, T, "weeks", null, 12, "10%", "30%", covariates, covariates);
    const sum = pclv.reduce((total, row) => total + (row[0] as number), 0);
    const out = excel.call(
      "PCLVRANGE",
      table,
      20,
      x,
      tx,
      T,
      "weeks",
      null,
      12,
      "10%",
      "30%",
      null,
      true,
      null,
      covariates,
      covariates,
    );
    const [low, likely, high] = out[1] as number[];
    expect(likely).toBeCloseTo(sum, 6);
    expect(low).toBeLessThan(likely);
    expect(likely).toBeLessThan(high);
    // The centre of the draws sits near the point: the range is not shifted by the coefficients' draws.
    expect(Math.abs((low + high) / 2 - likely)).toBeLessThan((high - low) / 2);

    // The coefficients' uncertainty is in the draws: ten times their standard errors widens the range.
    const looser = table.map((row) =>
      String(row[0]).startsWith("se_") && String(row[0]).includes(".") ? [row[0], (row[1] as number) * 10] : row,
    );
    const wide = excel.call(
      "PCLVRANGE",
      looser,
      20,
      x,
      tx,
      T,
      "weeks",
      null,
      12,
      "10%",
      "30%",
      null,
      true,
      null,
      covariates,
      covariates,
    );
    expect((wide[1][2] as number) - (wide[1][0] as number)).toBeGreaterThan(1.5 * (high - low));

    // With groups: each channel's range on the same draws; the likely values add up to the base's.
    const groups = channel.map((c) => [c === 1 ? "Store" : "Web"]);
    const byGroup = excel.call(
      "PCLVRANGE",
      table,
      20,
      x,
      tx,
      T,
      "weeks",
      null,
      12,
      "10%",
      "30%",
      null,
      true,
      groups,
      covariates,
      covariates,
    );
    expect(byGroup.map((row) => row[0])).toEqual(["group", "Web", "Store"]);
    expect((byGroup[1][2] as number) + (byGroup[2][2] as number)).toBeCloseTo(likely, 6);
    for (const row of byGroup.slice(1)) {
      expect(row[1] as number).toBeLessThan(row[2] as number);
      expect(row[2] as number).toBeLessThan(row[3] as number);
    }
  }, 120000);

  test("per customer: likely is CUST.PCLV with the covariates; FORECAST's ranges bracket its schedule", () => {
    const pclv = excel.call("PCLV", table, 20, x, tx, T, "weeks", null, 12, "10%", "30%", covariates, covariates);
    const out = numbers(
      excel.call(
        "PCLVRANGE",
        table,
        20,
        x,
        tx,
        T,
        "weeks",
        null,
        12,
        "10%",
        "30%",
        null,
        false,
        null,
        covariates,
        covariates,
      ),
    );
    out.forEach(([low, likely, high], i) => {
      expect(likely).toBeCloseTo(pclv[i][0] as number, 8);
      expect(low).toBeLessThanOrEqual(likely + 1e-9);
      expect(likely).toBeLessThanOrEqual(high + 1e-9);
    });
    const schedule = excel.call(
      "FORECAST",
      table,
      20,
      x,
      tx,
      T,
      "weeks",
      null,
      6,
      "10%",
      "30%",
      null,
      null,
      true,
      covariates,
      covariates,
    );
    const header = schedule[0].map(String);
    const total = schedule[schedule.length - 1];
    const discounted = total[header.indexOf("discounted margin")] as number;
    const sum = excel
      .call("PCLV", table, 20, x, tx, T, "weeks", null, 6, "10%", "30%", covariates, covariates)
      .reduce((s, row) => s + (row[0] as number), 0);
    expect(discounted).toBeCloseTo(sum, 6);
    expect(total[header.indexOf("discounted margin, low (10%)")] as number).toBeLessThan(discounted);
    expect(total[header.indexOf("discounted margin, high (90%)")] as number).toBeGreaterThan(discounted);
  }, 120000);

  test("a covariate table without its covariates asks for the columns; customers who all share one row cannot say", () => {
    expect(excel.error("PCLVRANGE", table, 20, x, tx, T, "weeks", null, 12, null, null, null, true).message).toMatch(
      /fitted with purchase covariates \(Channel\): give purchase_covariates/,
    );
    const one = excel.error(
      "PCLVRANGE",
      table,
      20,
      x,
      tx,
      T,
      "weeks",
      null,
      12,
      null,
      null,
      null,
      true,
      null,
      [["Channel"], [1]],
      [["Channel"], [1]],
    );
    expect(one.error).toBe("#N/A");
    expect(one.message).toMatch(/covariate values must differ/);
  }, 120000);

  test("low ≤ likely ≤ high for any coefficients and customers (fast-check)", () => {
    const base = table.filter((row) => !String(row[0]).includes("Channel"));
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 200 }),
        (purchase, dropout, start) => {
          const own: InputCell[][] = [
            ...base,
            ["purchase.Channel", purchase],
            ["dropout.Channel", dropout],
            ["se_purchase.Channel", 0.2],
            ["se_dropout.Channel", 0.3],
          ];
          const rows = Array.from({ length: 40 }, (_, k) => start + k);
          const pick = (cells: InputCell[][]) => rows.map((i) => cells[i]);
          const z = [["Channel"], ...rows.map((i) => [channel[i]])];
          const out = excel.call(
            "PCLVRANGE",
            own,
            20,
            pick(x),
            pick(tx),
            pick(T),
            "weeks",
            null,
            12,
            null,
            null,
            null,
            false,
            null,
            z,
            z,
          );
          for (const row of out) {
            if (isShownError(row[0])) return true; // a set whose covariates do not vary: no range (said)
            const [low, likely, high] = row as number[];
            if (!(low <= likely + 1e-9 && likely <= high + 1e-9)) return false;
          }
          return true;
        },
      ),
      { numRuns: 6, seed: 20261201 },
    );
  }, 300000);
});
