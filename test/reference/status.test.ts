/**
 * Honest convergence on the published data sets: every published fit is an interior optimum, so CUST.FIT
 * must say "converged" (and not "boundary") for each; its AIC and BIC follow from the published log-likelihood.
 */
import { excelFunction, loadExcelFunctions } from "../support/excel";
import { cdnowSummary } from "./cdnow-summary";
import { expectedValue, readReferenceText } from "./reference-dir";

// The functions as Excel calls them, through the Excel-faithful invoker.
const [fit, loglik] = ["FIT", "LOGLIK"].map((id) => excelFunction(id));
beforeAll(() => loadExcelFunctions(), 60000);

const cdnow = cdnowSummary();
const column = (values: ArrayLike<number>) => Array.from(values, (v) => [v]);
const row = (table: unknown[][], label: string) => table.find((r) => r[0] === label)?.[1];

test.each(["bgnbd", "pnbd", "mbgnbd"])("CDNOW %s: status converged, AIC and BIC from the log-likelihood", (model) => {
  const table = fit(model, column(cdnow.frequency), column(cdnow.recency!), column(cdnow.age!));
  expect(row(table, "status")).toBe("converged");
  expect(row(table, "converged")).toBe(true);
  const ll = row(table, "loglik") as number;
  expect(row(table, "aic")).toBeCloseTo(8 - 2 * ll, 8);
  expect(row(table, "bic")).toBeCloseTo(4 * Math.log(2357) - 2 * ll, 8);
  if (model === "bgnbd") expect(Math.abs(ll - expectedValue<number>("bgnbd.cdnow.loglik"))).toBeLessThan(0.5);
});

test("donations BG/BB: status converged", () => {
  const rows = readReferenceText("datasets", "donations.csv")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(",").map(Number));
  const table = fit(
    "bgbb",
    rows.map((r) => [r[0]]),
    rows.map((r) => [r[1]]),
    rows.map((r) => [r[2]]),
    null,
    null,
    rows.map((r) => [r[3]]),
  );
  expect(row(table, "status")).toBe("converged");
  expect(row(table, "n")).toBe(11104);
});

test("Fader & Hardie (2007) regular cohort, sBG: status converged", () => {
  const { percent_alive: alive } = expectedValue<{ percent_alive: number[] }>("sbg.fader_hardie_2007.regular");
  const table = fit(
    "sbg",
    alive.map((v) => [v * 10]),
  );
  expect(row(table, "status")).toBe("converged");
});

test("CUST.LOGLIK at the published parameters gives the published log-likelihoods (BG/NBD CDNOW, BG/BB donations)", () => {
  const published = expectedValue<{ BTYD: Record<string, number> }>("bgnbd.cdnow.params_precise").BTYD;
  const table = [["model", "bgnbd"], ...Object.entries(published)];
  const ll = loglik(table, column(cdnow.frequency), column(cdnow.recency!), column(cdnow.age!))[0][0] as number;
  expect(Math.abs(ll / expectedValue<number>("bgnbd.cdnow.loglik") - 1)).toBeLessThan(1e-3);
  const rows = readReferenceText("datasets", "donations.csv")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(",").map(Number));
  const bgbb = [["model", "bgbb"], ...Object.entries(expectedValue<Record<string, number>>("bgbb.donations.params"))];
  const donors = loglik(
    bgbb,
    rows.map((r) => [r[0]]),
    rows.map((r) => [r[1]]),
    rows.map((r) => [r[2]]),
    rows.map((r) => [r[3]]),
  )[0][0] as number;
  // The published parameters are rounded to 3 decimals: ln L at them is within 0.5 of the printed maximum.
  expect(Math.abs(donors - expectedValue<number>("bgbb.donations.loglik"))).toBeLessThan(0.5);
});
