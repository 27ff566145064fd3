/**
 * CUST.PNPURCHASES over ranges of n and t (one call sees them all), and as a filled-down column of single-cell calls,
 * where without covariates each call reuses the table read by the previous ones with the same cells
 * (src/functions/table-cache.ts).
 */
import { toParameterTable } from "../../src/engine/models/parameter-table";
import { modelDefinition } from "../../src/engine/models/registry";
import { FittedModel, Parameters } from "../../src/engine/models/types";
import * as models from "../../src/functions/models";
import { excelFunction, InputCell, loadExcelFunctions } from "../support/excel";

beforeAll(() => loadExcelFunctions(), 60000);
const pnpurchases = excelFunction("PNPURCHASES");

const table = (model: FittedModel["model"], params: Parameters) =>
  toParameterTable({ model, params, logLikelihood: -1, converged: true, n: 100 }, "en") as InputCell[][];
const BGNBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const MBGNBD = { r: 0.5, alpha: 6, a: 1.2, b: 2 };

describe("CUST.PNPURCHASES on ranges", () => {
  test("each cell is the model's P(X(t) = n), large n included (BG/NBD, MBG/NBD)", () => {
    for (const [model, params] of [
      ["bgnbd", BGNBD],
      ["mbgnbd", MBGNBD],
    ] as const) {
      const predictor = modelDefinition(model)!.purchasePredictor!(params);
      const n = [0, 1, 2, 7, 50, 400, 10_000];
      const t = [39, 39, 1, 78, 365, 5000, 1e6];
      const cells = pnpurchases(
        table(model, params),
        n.map((v) => [v]),
        t.map((v) => [v]),
      );
      cells.forEach(([cell], i) => {
        expect(typeof cell).toBe("number");
        expect(cell as number).toBeGreaterThanOrEqual(0);
        expect(cell as number).toBeCloseTo(predictor.probabilityOfPurchases(n[i], t[i]), 14);
      });
    }
  });
  test("a second table with other parameters gives its own values, not the first one's", () => {
    const other = { ...BGNBD, r: 0.5 };
    const first = pnpurchases(table("bgnbd", BGNBD), [[0], [1]], 39);
    const second = pnpurchases(table("bgnbd", other), [[0], [1]], 39);
    const again = pnpurchases(table("bgnbd", BGNBD), [[0], [1]], 39);
    const expected = modelDefinition("bgnbd")!.purchasePredictor!(other).probabilityOfPurchases(1, 39);
    expect(second[1][0]).toBeCloseTo(expected, 14);
    expect(second[1][0]).not.toBe(first[1][0]);
    expect(again).toEqual(first);
  });
  test("a table that does not read still says why in every call", () => {
    const bad = table("bgnbd", BGNBD).map((row) => (row[0] === "r" ? ["r", -1] : row));
    for (let k = 0; k < 2; k++) {
      const cells = pnpurchases(bad, [[0], [1]], 39);
      for (const [cell] of cells) expect(cell).toMatchObject({ error: "#VALUE!" });
    }
  });
  test("a filled-down column of single-cell calls reads the table once, and gives the range call's values", () => {
    const params = { ...BGNBD, alpha: 4.5 };
    const read = jest.spyOn(models, "tablePredictors");
    try {
      const column = [0, 1, 2, 5].map((n) => pnpurchases(table("bgnbd", params), n, 39)[0][0]);
      expect(read).toHaveBeenCalledTimes(1);
      expect(column).toEqual(pnpurchases(table("bgnbd", params), [[0], [1], [2], [5]], 39).map(([cell]) => cell));
      pnpurchases(table("bgnbd", { ...params, r: 0.3 }), 0, 39);
      expect(read).toHaveBeenCalledTimes(2);
    } finally {
      read.mockRestore();
    }
  });
});
