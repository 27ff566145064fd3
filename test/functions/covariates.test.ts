/**
 * CUST.FIT with static covariates, called as Excel calls it (the Excel-faithful invoker).
 */
import { fitModel, modelDefinition } from "../../src/engine/models/registry";
import { simulateParetoNbd } from "../engine/models/simulate";
import { column, ExcelFunctions, InputCell, loadExcelFunctions, ShownCell } from "../support/excel";

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
});
