/**
 * CUST.LOGLIK for every purchase model (issue 12: GGompertz/NBD and NBD tables gave #N/A "not available"): on the
 * customers a table was fitted to, it gives back the table's own log-likelihood.
 */
import { ExcelFunctions, loadExcelFunctions } from "../support/excel";

let excel: ExcelFunctions;
beforeAll(async () => {
  excel = await loadExcelFunctions();
}, 60000);

const frequency = [[0], [1], [3], [2], [0], [7], [1], [4], [0], [2], [5], [1]];
const recency = [[0], [10.5], [30.2], [22], [0], [38.1], [3], [35.5], [0], [12], [36], [30]];
const age = [[40], [39], [38.5], [40], [35], [39.5], [38], [40], [39], [37], [40], [36]];

describe("CUST.LOGLIK equals the log-likelihood CUST.FIT reports", () => {
  test.each(["nbd", "ggomnbd", "pnbd", "bgnbd", "mbgnbd"])("%s", (model) => {
    const table = excel.call("FIT", model, frequency, recency, age) as (number | string)[][];
    const reported = table.find((row) => row[0] === "loglik")?.[1] as number;
    expect(Number.isFinite(reported)).toBe(true);
    const total = excel.value("LOGLIK", table, frequency, recency, age) as number;
    expect(Math.abs(total / reported - 1)).toBeLessThan(1e-9);
  });
});
