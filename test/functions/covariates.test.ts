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

  test("a blank history row leaves its covariate row out too: the others stay side by side", () => {
    // Two blank rows, one among the online customers and one among the offline, with covariates drawn beside them.
    const blanks = new Set([40, 210]);
    const withBlank = (values: number[]) => column(...values.map((v, i) => (blanks.has(i) ? null : v)));
    const out = excel.call(
      "FIT",
      "pnbd",
      withBlank(xs),
      withBlank(txs),
      withBlank(Ts),
      null,
      null,
      null,
      covariates,
      covariates,
    );
    const keep = (values: number[]) => values.filter((_, i) => !blanks.has(i));
    const engine = fitModel(modelDefinition("pnbd")!, {
      frequency: Float64Array.from(keep(xs)),
      recency: Float64Array.from(keep(txs)),
      age: Float64Array.from(keep(Ts)),
      purchaseCovariates: { names: ["Channel"], values: Float64Array.from(keep(channel)) },
      dropoutCovariates: { names: ["Channel"], values: Float64Array.from(keep(channel)) },
    });
    expect(rowOf(out, "purchase.Channel")).toBeCloseTo(engine.params["purchase.Channel"], 10);
    expect(rowOf(out, "loglik")).toBeCloseTo(engine.logLikelihood, 8);
    // A text covariate on a kept row is named by its row in the range, below the header.
    const text = covariates.map((row, i) => (i === 251 ? ["web"] : row));
    expect(
      excel.error("FIT", "pnbd", withBlank(xs), withBlank(txs), withBlank(Ts), null, null, null, text).message,
    ).toMatch(/row 252, column Channel/);
    // Covariates for the fitted customers only (not side by side with the ranges) are refused, not shifted.
    const compact = [covariates[0], ...keep(channel).map((c) => [c])];
    expect(
      excel.error("FIT", "pnbd", withBlank(xs), withBlank(txs), withBlank(Ts), null, null, null, compact).message,
    ).toMatch(/298 customer rows but frequency has 300/);
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

describe("the prediction functions with covariates", () => {
  // A Pareto/NBD table with Channel in both processes, typed as CUST.FIT spills it.
  const table: InputCell[][] = [
    ["model", "pnbd"],
    ["r", 0.9],
    ["alpha", 8],
    ["s", 0.6],
    ["beta", 25],
    ["purchase.Channel", 0.7],
    ["dropout.Channel", -0.4],
  ];
  const plain = table.slice(0, 5);
  const three = { x: column(2, 0, 5), tx: column(30, 0, 40), T: column(52, 52, 52) };
  const channels: InputCell[][] = [["Channel"], [0], [1], [1]];

  test("each customer gets their own scales: a row of 0 is the base model, a row of 1 the shifted one", () => {
    const out = excel.call("PALIVE", table, three.x, three.tx, three.T, null, channels, channels);
    const base = excel.call("PALIVE", plain, three.x, three.tx, three.T);
    expect(out[0][0]).toBeCloseTo(base[0][0] as number, 12);
    const shifted: InputCell[][] = [
      ["model", "pnbd"],
      ["r", 0.9],
      ["alpha", 8 * Math.exp(-0.7)],
      ["s", 0.6],
      ["beta", 25 * Math.exp(0.4)],
    ];
    const offline = excel.call("PALIVE", shifted, three.x, three.tx, three.T);
    expect(out[1][0]).toBeCloseTo(offline[1][0] as number, 12);
    expect(out[2][0]).toBeCloseTo(offline[2][0] as number, 12);
  });

  test("one row of covariates applies to every customer; a new customer gets one value per profile", () => {
    const one = excel.call("PURCHASES", table, 52, three.x, three.tx, three.T, [["Channel"], [1]], [["Channel"], [1]]);
    const each = excel.call(
      "PURCHASES",
      table,
      52,
      three.x,
      three.tx,
      three.T,
      channels.map((row, i) => (i ? [1] : row)),
      channels.map((row, i) => (i ? [1] : row)),
    );
    expect(one).toEqual(each);
    const profiles = excel.call(
      "PURCHASES",
      table,
      52,
      null,
      null,
      null,
      [["Channel"], [0], [1]],
      [["Channel"], [0], [1]],
    );
    expect(profiles).toHaveLength(2);
    expect(profiles[0][0]).toBeCloseTo(excel.value("PURCHASES", plain, 52) as number, 12);
    expect(excel.call("PNPURCHASES", table, 0, 52, [["Channel"], [0], [1]], [["Channel"], [0], [1]])).toHaveLength(2);
  });

  test("a new customer's row of horizons with several profiles: profiles down, horizons across", () => {
    const profiles: InputCell[][] = [["Channel"], [0], [1]];
    const grid = excel.call("PURCHASES", table, [[13, 26, 52]], null, null, null, profiles, profiles);
    expect(grid).toHaveLength(2);
    grid.forEach((line, r) =>
      line.forEach((cell, c) => {
        const one: InputCell[][] = [["Channel"], [r]];
        expect(cell).toBeCloseTo(
          excel.value("PURCHASES", table, [13, 26, 52][c], null, null, null, one, one) as number,
          12,
        );
      }),
    );
    // A column of horizons goes with one profile per row.
    const curve = excel.call("PURCHASES", table, [[13], [52]], null, null, null, profiles, profiles);
    expect(curve[1][0]).toBeCloseTo(
      excel.value("PURCHASES", table, 52, null, null, null, [["Channel"], [1]], [["Channel"], [1]]) as number,
      12,
    );
  });

  test("CUST.TRACKING adds up each customer's own new-customer curve", () => {
    // All three first purchases at time 0 (same T): the cumulative total is E_online(t) + 2 E_offline(t).
    const curve = excel.call("TRACKING", table, three.T, 12, 6, null, null, channels, channels);
    const profiles = [["Channel"], [0], [1]] as InputCell[][];
    for (const [row, t] of [
      [1, 6],
      [2, 12],
    ] as const) {
      const each = excel.call("PURCHASES", table, t, null, null, null, profiles, profiles);
      expect(curve[row][2]).toBeCloseTo((each[0][0] as number) + 2 * (each[1][0] as number), 10);
    }
  });

  test("a bad covariate cell gives an error in that customer's row only, naming it", () => {
    const text: InputCell[][] = [["Channel"], [0], ["web"], [1]];
    const out = excel.call("PALIVE", table, three.x, three.tx, three.T, null, text, channels);
    expect(typeof out[0][0]).toBe("number");
    expect(typeof out[2][0]).toBe("number");
    const invocation = excel.invoke({}, "PALIVE", table, three.x, three.tx, three.T, null, text, channels);
    expect(JSON.stringify(invocation)).toMatch(/row 3, column Channel/);
  });

  test("a table fitted with covariates never gives a number without them, nor with the wrong ones", () => {
    expect(excel.error("PALIVE", table, three.x, three.tx, three.T).message).toMatch(
      /fitted with purchase covariates \(Channel\)/,
    );
    expect(excel.error("PCLV", table, 20, three.x, three.tx, three.T, "weeks").message).toMatch(
      /fitted with purchase covariates/,
    );
    expect(excel.error("PALIVE", plain, three.x, three.tx, three.T, null, channels).message).toMatch(
      /fitted without purchase covariates/,
    );
    expect(
      excel.error("PALIVE", table, three.x, three.tx, three.T, null, [["Gender"], [0], [1], [1]], channels).message,
    ).toMatch(/no column Channel/);
    expect(
      excel.error("PALIVE", table, three.x, three.tx, three.T, null, channels.slice(0, 3), channels).message,
    ).toMatch(/2 rows of covariates but there are 3 customers/);
    expect(excel.error("TRACKING", table, three.T, 60).message).toMatch(/fitted with purchase covariates/);
    // Ranges need the covariates too: without them, the columns are asked for, as everywhere.
    expect(excel.error("PCLVRANGE", table, 20, three.x, three.tx, three.T, "weeks").message).toMatch(
      /fitted with purchase covariates \(Channel\)/,
    );
    expect(
      excel.error("FORECAST", table, 20, three.x, three.tx, three.T, "weeks", null, 6, null, null, null, null, true)
        .message,
    ).toMatch(/fitted with purchase covariates \(Channel\)/);
  });

  test("the messages are in French for French Excel", () => {
    expect(excel.errorWith({ locale: "fr" }, "PALIVE", table, three.x, three.tx, three.T).message).toMatch(
      /estimé avec des covariables d'achat \(Channel\)/,
    );
  });
});

describe("the work of a fit with covariates is bounded", () => {
  test("more than 10 covariates in a process, or more than 256 different rows, is refused saying what to change", () => {
    const wide: InputCell[][] = [
      Array.from({ length: 11 }, (_, j) => `z${j}`),
      ...xs.map((_, i) => Array.from({ length: 11 }, (_, j) => ((i + j) % 3 === 0 ? 1 : 0))),
    ];
    expect(excel.error("FIT", "pnbd", x, tx, T, null, null, null, wide).message).toMatch(/at most 10 per process/);
    const numeric: InputCell[][] = [["Basket"], ...xs.map((_, i) => [i])];
    expect(excel.error("FIT", "bgnbd", x, tx, T, null, null, null, numeric).message).toMatch(
      /more than 256 different rows/,
    );
  });
});
