/**
 * The prediction functions with static covariates, called as Excel calls them, against CLVTools' per-customer values
 * on its apparel data at the published Pareto/NBD estimates (test/fixtures/published-models.json,
 * pnbd.apparel.staticcov.customers: PAlive, CET over 52 weeks, DERT at 7.5 % a year over 52-week years).
 */
import { apparel } from "./apparel";
import { publishedValue } from "./published";
import { column, ExcelFunctions, InputCell, loadExcelFunctions, ShownCell } from "../support/excel";

let excel: ExcelFunctions;
beforeAll(async () => {
  excel = await loadExcelFunctions();
}, 60000);

interface Published {
  params: Record<string, number>;
  purchase: Record<string, number>;
  dropout: Record<string, number>;
}
interface Customer {
  palive: number;
  cet52: number;
  dert: number;
}

/** The CUST.FIT table at CLVTools' printed estimates, as a user would type it. */
function publishedTable(): InputCell[][] {
  const p = publishedValue<Published>("pnbd.apparel.staticcov");
  return [
    ["model", "pnbd"],
    ...Object.entries(p.params).map(([name, value]): InputCell[] => [name, value]),
    ...Object.entries(p.purchase).map(([name, value]): InputCell[] => [`purchase.${name}`, value]),
    ...Object.entries(p.dropout).map(([name, value]): InputCell[] => [`dropout.${name}`, value]),
  ];
}

const data = apparel(true);
const x = column(...data.frequency);
const tx = column(...data.recency!);
const T = column(...data.age!);
const values = data.purchaseCovariates!.values;
/** Gender, Channel with their header, one row per customer. */
const covariates: InputCell[][] = [
  ["Gender", "Channel"],
  ...data.ids.map((_, i) => [values[2 * i], values[2 * i + 1]]),
];
const customers = () => Object.entries(publishedValue<Record<string, Customer>>("pnbd.apparel.staticcov.customers"));
const at = (cells: ShownCell[][], id: string) => cells[data.ids.indexOf(Number(id))][0] as number;
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("Pareto/NBD predictions with covariates on apparel, at CLVTools' estimates", () => {
  test("CUST.PALIVE gives each customer CLVTools' P(alive) (1e-6)", () => {
    const out = excel.call("PALIVE", publishedTable(), x, tx, T, null, covariates, covariates);
    for (const [id, expected] of customers()) expect(at(out, id)).toBeCloseTo(expected.palive, 6);
  });
  test("CUST.PURCHASES over 52 weeks gives CLVTools' CET (relative 1e-6)", () => {
    const out = excel.call("PURCHASES", publishedTable(), 52, x, tx, T, covariates, covariates);
    for (const [id, expected] of customers()) expect(relative(at(out, id), expected.cet52)).toBeLessThan(1e-6);
  });
  test("CUST.DERT at 7.5 % a year over 52-week years gives CLVTools' DERT (relative 1e-6)", () => {
    // CLVTools discounts at ln(1.075)/52 a week; the add-in's year has 365.25/7 weeks: the same weekly rate.
    const annual = Math.pow(1.075, 365.25 / 7 / 52) - 1;
    const out = excel.call("DERT", publishedTable(), x, tx, T, annual, "weeks", null, null, covariates, covariates);
    for (const [id, expected] of customers()) expect(relative(at(out, id), expected.dert)).toBeLessThan(1e-6);
  });
  test("the columns may come in any order by their header, or without header in the fit's order", () => {
    const reordered: InputCell[][] = covariates.map(([gender, channel]) => [channel, gender]);
    const withHeader = excel.call("PALIVE", publishedTable(), x, tx, T, null, reordered, reordered);
    const bare = excel.call("PALIVE", publishedTable(), x, tx, T, null, covariates.slice(1), covariates.slice(1));
    for (const [id, expected] of customers()) {
      expect(at(withHeader, id)).toBeCloseTo(expected.palive, 6);
      expect(at(bare, id)).toBeCloseTo(expected.palive, 6);
    }
  });
  test("the aggregates agree with the per-customer values: HOLDOUTCHECK with PURCHASES, FORECAST with PCLV", () => {
    const table = publishedTable();
    const holdout = column(...data.frequency.map(() => 1));
    const check = excel.call("HOLDOUTCHECK", table, x, tx, T, holdout, 52, null, covariates, covariates);
    const predicted = check.find((row) => row[0] === "predicted holdout purchases")?.[1] as number;
    const perCustomer = excel.call("PURCHASES", table, 52, x, tx, T, covariates, covariates);
    const sum = perCustomer.reduce((total, row) => total + (row[0] as number), 0);
    expect(relative(predicted, sum)).toBeLessThan(1e-9);
    const pclv = excel.call("PCLV", table, 30, x, tx, T, "weeks", null, 24, 0.1, 0.4, covariates, covariates);
    const schedule = excel.call(
      "FORECAST",
      table,
      30,
      x,
      tx,
      T,
      "weeks",
      null,
      24,
      0.1,
      0.4,
      null,
      null,
      null,
      covariates,
      covariates,
    );
    const totalDiscounted = schedule[schedule.length - 1][schedule[0].length - 1] as number;
    expect(
      relative(
        totalDiscounted,
        pclv.reduce((total, row) => total + (row[0] as number), 0),
      ),
    ).toBeLessThan(1e-9);
  });
});
