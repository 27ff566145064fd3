import { churnrisk, fit, holdoutcheck, palive, pbuy, purchases, readFitOptions } from "../../src/functions/models";
import { setFunctionsLocale } from "../../src/functions/locale";
import { excelError } from "../support/thrown";

afterEach(() => setFunctionsLocale(null));

// A small calibration summary: (x, t_x, T) in weeks.
const x = [[0], [1], [2], [0], [5], [3], [1], [0], [7], [2], [0], [4]];
const tx = [[0], [12], [30.4], [0], [35], [20], [4], [0], [38], [8], [0], [25]];
const T = [[38], [39], [38.9], [30], [39], [36], [28], [33], [39], [37], [31], [35]];

const table = [
  ["model", "bgnbd"],
  ["r", 0.243],
  ["alpha", 4.414],
  ["a", 0.793],
  ["b", 2.426],
  ["loglik", -9582.43],
  ["converged", true],
  ["n", 2357],
];

describe("CUST.FIT", () => {
  test("spills a two-column parameter table that the prediction functions accept", () => {
    const out = fit("bgnbd", x, tx, T);
    expect(out[0]).toEqual(["model", "bgnbd"]);
    expect(out.every((row) => row.length === 2)).toBe(true);
    expect(out.find((row) => row[0] === "n")![1]).toBe(12);
    const alive = palive(out, x, tx, T);
    expect(alive).toHaveLength(12);
  });
  test("weights count grouped customers; MBG/NBD and options text are accepted", () => {
    const out = fit(
      "MBGNBD",
      x,
      tx,
      T,
      null as never,
      "penalty=0.001",
      x.map(() => [2]),
    );
    expect(out[0][1]).toBe("mbgnbd");
    expect(out.find((row) => row[0] === "n")![1]).toBe(24);
  });
  test("a customer whose first purchase ends the period (T = 0, as CUST.SUMMARY gives) is accepted and left out of n", () => {
    const out = fit("bgnbd", [...x, [0]], [...tx, [0]], [...T, [0]]);
    expect(out.find((row) => row[0] === "n")![1]).toBe(12);
    expect(out.find((row) => row[0] === "r")![1]).toBe(fit("bgnbd", x, tx, T).find((row) => row[0] === "r")![1]);
    expect(palive(out, [[0]], [[0]], [[0]])).toEqual([[1]]);
    expect(excelError(() => fit("bgnbd", [[0]], [[0]], [[0]])).message).toMatch(/observed for no time/);
  });
  test("bad inputs: a clear Excel error naming the row", () => {
    expect(excelError(() => fit("bgnbd", [[1], [2]], [[3], [-1]], [[10], [10]])).message).toMatch(/recency.*row 2/);
    expect(excelError(() => fit("bgnbd", [[1], [2]], [[3], [12]], [[10], [10]])).message).toMatch(
      /greater than T.*row 2/,
    );
    const notInteger = excelError(() => fit("bgnbd", [[1.5]], [[3]], [[10]]));
    expect(notInteger.code).toBe("#VALUE!");
    expect(notInteger.message).toMatch(/whole number: row 1/);
    expect(excelError(() => fit("bgnbd", x, null as never, T)).message).toMatch(/needs the recency column/);
    expect(excelError(() => fit("xyz", x, tx, T)).message).toMatch(/Unknown model xyz/);
    expect(excelError(() => fit("bgnbd", x, tx, T, null as never, "tol=3")).message).toMatch(/Unknown option tol/);
    expect(excelError(() => fit("bgnbd", x, tx.slice(1), T)).code).toBe("#VALUE!");
  });
  test("messages in French", () => {
    setFunctionsLocale("fr");
    expect(excelError(() => fit("bgnbd", [[1], [2]], [[3], [-1]], [[10], [10]])).message).toMatch(/ligne 2/);
  });
});

describe("readFitOptions", () => {
  test("text or a two-column range", () => {
    expect(readFitOptions("penalty=0.01; max_iterations=300")).toEqual({ penalty: 0.01, maxIterations: 300 });
    expect(
      readFitOptions([
        ["penalty", 0.5],
        ["max_iterations", 50],
      ]),
    ).toEqual({ penalty: 0.5, maxIterations: 50 });
    expect(readFitOptions(null)).toEqual({});
    expect(() => readFitOptions("penalty=-1")).toThrow(/penalty/);
  });
});

describe("prediction functions", () => {
  test("CUST.PALIVE and CUST.CHURNRISK add to 1; P(alive) = 1 when x = 0 (BG/NBD)", () => {
    const alive = palive(table, x, tx, T).map((row) => row[0] as number);
    const risk = churnrisk(table, x, tx, T).map((row) => row[0] as number);
    alive.forEach((p, i) => expect(p + risk[i]).toBeCloseTo(1, 12));
    expect(alive[0]).toBe(1);
  });
  test("CUST.PURCHASES: the published 1.226 for x = 2, t_x = 30.43, T = 38.86 over 39 weeks", () => {
    expect(purchases(table, 39, [[2]], [[30.43]], [[38.86]])[0][0]).toBeCloseTo(1.226, 3);
    // new customer when no history is given; more purchases over a longer horizon
    const newCustomer = purchases(table, 52)[0][0] as number;
    expect(newCustomer).toBeCloseTo(1.444, 2);
    expect(purchases(table, 78)[0][0] as number).toBeGreaterThan(newCustomer);
  });
  test("CUST.PBUY is a probability not above P(alive)", () => {
    const buy = pbuy(table, 13, x, tx, T).map((row) => row[0] as number);
    const alive = palive(table, x, tx, T).map((row) => row[0] as number);
    buy.forEach((p, i) => {
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThanOrEqual(alive[i]);
    });
  });
  test("a bad row gives an error in that row only; blank rows stay blank", () => {
    const out = palive(table, [[1], [null], [2]], [[5], [null], [-3]], [[10], [null], [10]]);
    expect(typeof out[0][0]).toBe("number");
    expect(out[1][0]).toBe("");
    expect((out[2][0] as { code: string }).code).toBe("#NUM!");
    expect((out[2][0] as { message: string }).message).toMatch(/row 3/);
  });
  test("a parameter table from another model is refused by name", () => {
    const gg = [
      ["model", "gg"],
      ["p", 6.25],
      ["q", 3.74],
      ["gamma", 15.44],
    ];
    const error = excelError(() => palive(gg, x, tx, T));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe("This parameter table is for gg, but CUST.PALIVE needs bgnbd, mbgnbd, pnbd or bgbb.");
    expect(excelError(() => palive([[1, 2]], x, tx, T)).message).toMatch(/not a parameter table/);
  });
  test("a negative horizon is refused", () => {
    expect(excelError(() => purchases(table, -1)).code).toBe("#NUM!");
  });
});

describe("CUST.HOLDOUTCHECK", () => {
  test("groups by calibration frequency, with a header and an all-customers row", () => {
    const holdout = [[0], [1], [2], [0], [4], [1], [0], [1], [6], [2], [0], [3]];
    const out = holdoutcheck(table, x, tx, T, holdout, 39, 3);
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
  test("ends with the accuracy summary: predicted and actual totals, % error, mean absolute error per customer", () => {
    const holdout = [[0], [1], [2], [0], [4], [1], [0], [1], [6], [2], [0], [3]];
    const out = holdoutcheck(table, x, tx, T, holdout, 39, 3);
    const predicted = x.map((_, i) => purchases(table, 39, [x[i]], [tx[i]], [T[i]])[0][0] as number);
    const total = predicted.reduce((s, v) => s + v, 0);
    const [pred, actual, error, mae] = out.slice(-4);
    expect(pred[0]).toBe("predicted holdout purchases");
    expect(pred[1]).toBeCloseTo(total, 10);
    expect(actual[1]).toBe(20);
    expect(error[1]).toBeCloseTo((total - 20) / 20, 10);
    expect(mae[1]).toBeCloseTo(predicted.reduce((s, v, i) => s + Math.abs(v - holdout[i][0]), 0) / 12, 10);
    expect(out.every((row) => row.length === 4)).toBe(true);
  });
});
