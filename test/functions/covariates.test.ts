/**
 * CUST.FIT with static covariates and the prediction functions with each customer's covariate rows, called as
 * Excel calls them (the Excel-faithful invoker).
 */
import { fitModel, modelDefinition } from "../../src/engine/models/registry";
import { paretoNbdPredictor } from "../../src/engine/models/pareto-nbd";
import { simulateParetoNbd } from "../engine/models/simulate";
import { column, ExcelFunctions, InputCell, isShownError, loadExcelFunctions, ShownCell } from "../support/excel";

let excel: ExcelFunctions;
beforeAll(async () => {
  excel = await loadExcelFunctions();
}, 60000);

// 300 simulated customers (weeks): offline ones (Channel = 1) buy twice as often (α halved).
const online = simulateParetoNbd({ r: 0.9, alpha: 8, s: 0.6, beta: 25 }, 150, 52, 21);
const offline = simulateParetoNbd({ r: 0.9, alpha: 4, s: 0.6, beta: 25 }, 150, 52, 22);
const xs = [...online.frequency, ...offline.frequency];
const txs = [...online.recency!, ...offline.recency!];
const Ts = [...online.age!, ...offline.age!];
const channel = xs.map((_, i) => (i < 150 ? 0 : 1));
const x = column(...xs);
const tx = column(...txs);
const T = column(...Ts);
const covariates: InputCell[][] = [["Channel"], ...channel.map((c) => [c])];

const customer = (i: number) => ({ frequency: xs[i], recency: txs[i], age: Ts[i] });
const asInput = (cells: ShownCell[][]): InputCell[][] =>
  cells.map((row) => row.map((cell) => (isShownError(cell) ? null : cell)));
const rowOf = (cells: ShownCell[][], label: string) => cells.find((row) => row[0] === label)?.[1];

describe("CUST.FIT with covariates", () => {
  test("lists a coefficient and a standard error per covariate and process, labelled with the header", () => {
    const out = excel.call("FIT", "pnbd", x, tx, T, null, null, null, covariates, covariates);
    expect(typeof rowOf(out, "purchase.Channel")).toBe("number");
    expect(typeof rowOf(out, "dropout.Channel")).toBe("number");
    expect(rowOf(out, "se_purchase.Channel")).toBeDefined();
    // The same numbers as the engine's fit.
    const engine = fitModel(modelDefinition("pnbd")!, {
      frequency: Float64Array.from(xs),
      recency: Float64Array.from(txs),
      age: Float64Array.from(Ts),
      purchaseCovariates: { names: ["Channel"], values: Float64Array.from(channel) },
      dropoutCovariates: { names: ["Channel"], values: Float64Array.from(channel) },
    });
    expect(rowOf(out, "purchase.Channel")).toBeCloseTo(engine.params["purchase.Channel"], 10);
    expect(rowOf(out, "loglik")).toBeCloseTo(engine.logLikelihood, 8);
  });
  test("the prediction functions take each customer's covariates, with or without the header row", () => {
    const table = asInput(excel.call("FIT", "pnbd", x, tx, T, null, null, null, covariates, null));
    expect(rowOf(table as ShownCell[][], "dropout.Channel")).toBeUndefined();
    const withHeader = excel.call("PALIVE", table, x, tx, T, covariates);
    const withoutHeader = excel.call("PALIVE", table, x, tx, T, covariates.slice(1));
    expect(withoutHeader).toEqual(withHeader);
    // Customer 155 (offline): the base model with α·exp(−γ) (CLVTools' definition).
    const value = (label: string) => rowOf(table as ShownCell[][], label) as number;
    const own = paretoNbdPredictor({
      r: value("r"),
      alpha: value("alpha") * Math.exp(-value("purchase.Channel")),
      s: value("s"),
      beta: value("beta"),
    });
    expect(withHeader[154][0]).toBeCloseTo(own.probabilityAlive(customer(154)), 12);
    const purchases = excel.call("PURCHASES", table, 10, x, tx, T, covariates);
    expect(purchases[154][0]).toBeCloseTo(own.expectedPurchases(customer(154), 10), 12);
    const newOffline = excel.call("PURCHASES", table, 10, null, null, null, [["Channel"], [1]]);
    expect(newOffline[0][0]).toBeCloseTo(own.expectedPurchasesNewCustomer(10), 12);
    const churn = excel.call("CHURNRISK", table, x, tx, T, covariates);
    expect(churn[154][0]).toBeCloseTo(1 - (withHeader[154][0] as number), 12);
    const pbuy = excel.call("PBUY", table, 10, x, tx, T, covariates);
    expect(pbuy[154][0]).toBeCloseTo(own.probabilityOfAnyPurchase!(customer(154), 10), 10);
  });
  test("a header matched by name, in any order", () => {
    const two: InputCell[][] = [["Channel", "Web"], ...channel.map((c, i) => [c, i % 3 === 0 ? 1 : 0])];
    const table = asInput(excel.call("FIT", "bgnbd", x, tx, T, null, null, null, two, null));
    const swapped = two.map((row) => [row[1], row[0]]);
    expect(excel.call("PALIVE", table, x, tx, T, swapped)).toEqual(excel.call("PALIVE", table, x, tx, T, two));
  });
});

describe("covariate errors say what to fix", () => {
  test("a model without the capability, a missing header, a row count, text, a constant column", () => {
    expect(excel.error("FIT", "mbgnbd", x, tx, T, null, null, null, covariates).message).toMatch(
      /does not take covariates/,
    );
    expect(excel.error("FIT", "pnbd", x, tx, T, null, null, null, covariates.slice(1)).message).toMatch(/header row/);
    expect(excel.error("FIT", "pnbd", x, tx, T, null, null, null, covariates.slice(0, 5)).message).toMatch(
      /has 4 customer rows but frequency has 300/,
    );
    const text = covariates.map((row, i) => (i === 3 ? ["web"] : row));
    expect(excel.error("FIT", "pnbd", x, tx, T, null, null, null, text).message).toMatch(/row 4, column Channel/);
    const constant = covariates.map((row, i) => (i === 0 ? row : [1]));
    expect(excel.error("FIT", "pnbd", x, tx, T, null, null, null, constant).message).toMatch(
      /same value for every customer/,
    );
  });
  test("predictions without the covariates the model was fitted with, or with a wrong column", () => {
    const table = asInput(excel.call("FIT", "pnbd", x, tx, T, null, null, null, covariates, null));
    expect(excel.error("PALIVE", table, x, tx, T)).toMatchObject({
      error: "#VALUE!",
      message: /purchase covariates \(Channel\)/,
    });
    expect(excel.error("PALIVE", table, x, tx, T, covariates, covariates).message).toMatch(
      /without drop-out covariates/,
    );
    expect(excel.error("PALIVE", table, x, tx, T, [["Region"], [1]]).message).toMatch(/no column channel/i);
    expect(excel.errorWith({ locale: "fr" }, "PALIVE", table, x, tx, T).message).toMatch(/covariables d'achat/);
  });
});
