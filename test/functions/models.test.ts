/**
 * CUST.FIT and the prediction functions, called as Excel calls them (the Excel-faithful invoker).
 */
import { readFitOptions } from "../../src/functions/models";
import { setFunctionsLocale } from "../../src/functions/locale";
import { column, ExcelFunctions, InputCell, isShownError, loadExcelFunctions, ShownCell } from "../support/excel";

let excel: ExcelFunctions;
beforeAll(async () => {
  excel = await loadExcelFunctions();
}, 60000);
afterEach(() => setFunctionsLocale(null));

// A small calibration summary: (x, t_x, T) in weeks.
const x = column(0, 1, 2, 0, 5, 3, 1, 0, 7, 2, 0, 4);
const tx = column(0, 12, 30.4, 0, 35, 20, 4, 0, 38, 8, 0, 25);
const T = column(38, 39, 38.9, 30, 39, 36, 28, 33, 39, 37, 31, 35);

const table: InputCell[][] = [
  ["model", "bgnbd"],
  ["r", 0.243],
  ["alpha", 4.414],
  ["a", 0.793],
  ["b", 2.426],
  ["loglik", -9582.43],
  ["converged", true],
  ["n", 2357],
];

const asInput = (cells: ShownCell[][]): InputCell[][] =>
  cells.map((row) => row.map((cell) => (isShownError(cell) ? null : cell)));
const rowOf = (cells: ShownCell[][], label: string) => cells.find((row) => row[0] === label)![1];
const numbers = (cells: ShownCell[][]) => cells.map((row) => row[0] as number);

describe("CUST.FIT", () => {
  test("spills a two-column parameter table that the prediction functions accept", () => {
    const out = excel.call("FIT", "bgnbd", x, tx, T);
    expect(out[0]).toEqual(["model", "bgnbd"]);
    expect(out.every((row) => row.length === 2)).toBe(true);
    expect(rowOf(out, "n")).toBe(12);
    expect(excel.call("PALIVE", asInput(out), x, tx, T)).toHaveLength(12);
  });
  test("weights count grouped customers; MBG/NBD and options text are accepted", () => {
    const out = excel.call("FIT", "MBGNBD", x, tx, T, null, "penalty=0.001", column(...x.map(() => 2)));
    expect(out[0][1]).toBe("mbgnbd");
    expect(rowOf(out, "n")).toBe(24);
  });
  test("options as a 2-column range reach the fit as a grid (a matrix parameter)", () => {
    expect(excel.metadata.get("FIT")!.parameters.find((p) => p.name === "options")!.dimensionality).toBe("matrix");
    const byText = excel.call("FIT", "bgnbd", x, tx, T, null, "penalty=0,5");
    const byRange = excel.call("FIT", "bgnbd", x, tx, T, null, [["penalty", 0.5]]);
    expect(byRange).toEqual(byText);
    expect(byRange).not.toEqual(excel.call("FIT", "bgnbd", x, tx, T));
  });
  test("a customer whose first purchase ends the period (T = 0, as CUST.SUMMARY gives) is accepted and left out of n", () => {
    const out = excel.call("FIT", "bgnbd", [...x, [0]], [...tx, [0]], [...T, [0]]);
    expect(rowOf(out, "n")).toBe(12);
    expect(rowOf(out, "r")).toBe(rowOf(excel.call("FIT", "bgnbd", x, tx, T), "r"));
    expect(excel.call("PALIVE", asInput(out), 0, 0, 0)).toEqual([[1]]);
    expect(excel.error("FIT", "bgnbd", 0, 0, 0).message).toMatch(/observed for no time/);
  });
  test("bad inputs: a clear Excel error naming the row", () => {
    expect(excel.error("FIT", "bgnbd", column(1, 2), column(3, -1), column(10, 10)).message).toMatch(/recency.*row 2/);
    expect(excel.error("FIT", "bgnbd", column(1, 2), column(3, 12), column(10, 10)).message).toMatch(
      /recency cannot .*T.*row 2/,
    );
    const notInteger = excel.error("FIT", "bgnbd", [[1.5]], [[3]], [[10]]);
    expect(notInteger.error).toBe("#VALUE!");
    expect(notInteger.message).toMatch(/frequency must be a whole number, but it is 1.5/);
    expect(excel.error("FIT", "bgnbd", x, null, T).message).toMatch(/needs the recency column/);
    expect(excel.error("FIT", "xyz", x, tx, T).message).toMatch(/Unknown model xyz/);
    expect(excel.error("FIT", "bgnbd", x, tx, T, null, "tol=3").message).toMatch(/Unknown option tol/);
    expect(excel.error("FIT", "bgnbd", x, tx.slice(1), T)).toMatchObject({
      error: "#VALUE!",
      message: /recency has 11 rows/,
    });
  });
  test("messages in French", () => {
    expect(
      excel.errorWith({ locale: "fr" }, "FIT", "bgnbd", column(1, 2), column(3, -1), column(10, 10)).message,
    ).toMatch(/ligne 2/);
  });
});

describe("readFitOptions", () => {
  test("text (with French decimal commas) or a two-column range", () => {
    expect(readFitOptions("penalty=0.01; max_iterations=300")).toEqual({ penalty: 0.01, maxIterations: 300 });
    expect(readFitOptions("penalty=0,01; max_iterations=300")).toEqual({ penalty: 0.01, maxIterations: 300 });
    expect(readFitOptions("penalty=0.01, max_iterations=300")).toEqual({ penalty: 0.01, maxIterations: 300 });
    expect(
      readFitOptions([
        ["penalty", 0.5],
        ["max_iterations", 50],
      ]),
    ).toEqual({ penalty: 0.5, maxIterations: 50 });
    expect(readFitOptions(null)).toEqual({});
    expect(() => readFitOptions("penalty=-1")).toThrow(/penalty/);
    expect(() => readFitOptions([["penalty", 1, 2]])).toThrow(/two columns/);
  });
  test("max_iterations is bounded: a larger number is an error that says the limit", () => {
    expect(readFitOptions("max_iterations=5000")).toEqual({ maxIterations: 5000 });
    expect(() => readFitOptions("max_iterations=1e9")).toThrow(/at most 5,000 \(found 1,000,000,000\)/);
    expect(() => readFitOptions([["max_iterations", 5001]])).toThrow(/at most 5,000 \(found 5,001\)/);
  });
});

describe("prediction functions", () => {
  test("CUST.PALIVE and CUST.CHURNRISK add to 1; P(alive) = 1 when x = 0 (BG/NBD)", () => {
    const alive = numbers(excel.call("PALIVE", table, x, tx, T));
    const risk = numbers(excel.call("CHURNRISK", table, x, tx, T));
    alive.forEach((p, i) => expect(p + risk[i]).toBeCloseTo(1, 12));
    expect(alive[0]).toBe(1);
  });
  test("CUST.PURCHASES: the published 1.226 for x = 2, t_x = 30.43, T = 38.86 over 39 weeks", () => {
    expect(excel.value("PURCHASES", table, 39, 2, 30.43, 38.86) as number).toBeCloseTo(1.226, 3);
    // new customer when no history is given; more purchases over a longer horizon
    const newCustomer = excel.value("PURCHASES", table, 52) as number;
    expect(newCustomer).toBeCloseTo(1.444, 2);
    expect(excel.value("PURCHASES", table, 78) as number).toBeGreaterThan(newCustomer);
  });
  test("CUST.PURCHASES with a range of horizons is lifted: one new-customer value per horizon", () => {
    const lifted = excel.call("PURCHASES", table, column(52, 78));
    expect(lifted).toEqual([[excel.value("PURCHASES", table, 52)], [excel.value("PURCHASES", table, 78)]]);
  });
  test("CUST.PBUY is a probability not above P(alive)", () => {
    const buy = numbers(excel.call("PBUY", table, 13, x, tx, T));
    const alive = numbers(excel.call("PALIVE", table, x, tx, T));
    buy.forEach((p, i) => {
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThanOrEqual(alive[i]);
    });
  });
  test("a bad row gives an error in that row only; blank rows stay blank", () => {
    const out = excel.call("PALIVE", table, column(1, null, 2), column(5, null, -3), column(10, null, 10));
    expect(typeof out[0][0]).toBe("number");
    expect(out[1][0]).toBe("");
    expect(out[2][0]).toMatchObject({ error: "#VALUE!", message: expect.stringMatching(/row 3/) });
  });
  test("a parameter table from another model is refused by name", () => {
    const gg = [
      ["model", "gg"],
      ["p", 6.25],
      ["q", 3.74],
      ["gamma", 15.44],
    ];
    expect(excel.error("PALIVE", gg, x, tx, T)).toEqual({
      error: "#VALUE!",
      message: "This parameter table is for gg, but CUST.PALIVE needs bgnbd, mbgnbd, pnbd, bgbb, nbd or ggomnbd.",
    });
    expect(excel.error("PALIVE", [[1, 2]], x, tx, T).message).toMatch(/not a parameter table/);
  });
  test("a negative horizon is refused, naming t", () => {
    expect(excel.error("PURCHASES", table, -1)).toMatchObject({ error: "#VALUE!", message: /^t cannot be negative/ });
  });
});

describe("CUST.HOLDOUTCHECK", () => {
  const holdout = column(0, 1, 2, 0, 4, 1, 0, 1, 6, 2, 0, 3);
  test("groups by calibration frequency, with a header and an all-customers row", () => {
    const out = excel.call("HOLDOUTCHECK", table, x, tx, T, holdout, 39, 3);
    expect(out[0]).toHaveLength(4);
    expect(out.slice(1, -5).map((row) => row[0])).toEqual([0, 1, 2, "3+"]);
    const zero = out[1];
    expect(zero[1]).toBe(4); // four customers with x = 0
    expect(zero[2]).toBeCloseTo(0.25, 12); // one holdout purchase among them
    const last = out[out.length - 5];
    expect(last[1]).toBe(12);
    expect(last[2]).toBeCloseTo(20 / 12, 12);
    expect(last[3] as number).toBeGreaterThan(0);
  });
  test("a negative holdout length blames holdout_length, never an argument it does not have", () => {
    const error = excel.error("HOLDOUTCHECK", table, x, tx, T, holdout, -1);
    expect(error.message).toMatch(/^holdout_length cannot be negative/);
  });
  test("ends with the accuracy summary: predicted and actual totals, % error, mean absolute error per customer", () => {
    const out = excel.call("HOLDOUTCHECK", table, x, tx, T, holdout, 39, 3);
    const predicted = x.map((_, i) => excel.call("PURCHASES", table, 39, [x[i]], [tx[i]], [T[i]])[0][0] as number);
    const total = predicted.reduce((s, v) => s + v, 0);
    const bought = holdout.map((row) => row[0] as number);
    const [pred, actual, error, mae] = out.slice(-4);
    expect(pred[0]).toBe("predicted holdout purchases");
    expect(pred[1]).toBeCloseTo(total, 10);
    expect(actual[1]).toBe(20);
    expect(error[1]).toBeCloseTo((total - 20) / 20, 10);
    expect(mae[1]).toBeCloseTo(predicted.reduce((s, v, i) => s + Math.abs(v - bought[i]), 0) / 12, 10);
    expect(out.every((row) => row.length === 4)).toBe(true);
  });
});
