/**
 * The model report on the CDNOW sample log: its numbers are those the functions give for the same inputs, called
 * as Excel calls them (CUST.SUMMARY at the calibration end, CUST.FIT, CUST.TRACKING, CUST.HOLDOUTCHECK), and its
 * actual tracking is what CUST.SUMMARY counts at each period's end; CLV tiers on the same log carry the report.
 * In the slow suite: it fits the three models several times on CDNOW.
 */
import "../../../src/i18n/all";
import { readFileSync } from "fs";
import { join } from "path";
import { modelReport, trackingStep, MAX_REPORT_PERIODS, ModelReport } from "../../../src/engine/models/report";
import { choosePurchaseModel } from "../../../src/engine/models/selection";
import { excelSerial } from "../../../src/engine/transactions/dates";
import { summarizeTransactions } from "../../../src/engine/transactions/summary";
import { accuracyLine, modelSheet } from "../../../src/engine/segmentation/model-sheet";
import { segmentTable } from "../../../src/engine/segmentation/segment";
import type { ColumnMapping, SegmentationMethod } from "../../../src/engine/segmentation/types";
import type { CellValue } from "../../../src/engine/sheet-data";
import { excelFunction, loadExcelFunctions } from "../../support/excel";

const [summary, fit, tracking, holdoutcheck] = ["SUMMARY", "FIT", "TRACKING", "HOLDOUTCHECK"].map((id) =>
  excelFunction(id),
);

function cdnow() {
  const text = readFileSync(join(__dirname, "../../fixtures/reference/datasets/CDNOW_sample.txt"), "utf8");
  const ids: string[] = [];
  const dates: number[] = [];
  const amounts: number[] = [];
  for (const line of text.trim().split("\n")) {
    const [id, , day, , amount] = line.trim().split(/\s+/);
    ids.push(id);
    dates.push(excelSerial(+day.slice(0, 4), +day.slice(4, 6), +day.slice(6, 8)));
    amounts.push(+amount);
  }
  return { ids, dates: Float64Array.from(dates), amounts: Float64Array.from(amounts) };
}

const log = cdnow();
const column = (values: readonly unknown[]) => values.map((v) => [v]);
let report: ModelReport;

beforeAll(async () => {
  await loadExcelFunctions();
  const whole = summarizeTransactions(log.ids, log.dates, log.amounts, { timeUnit: "weeks" });
  const histories = { frequency: Float64Array.from(whole.frequency), recency: whole.recency, age: whole.age };
  report = modelReport(log, choosePurchaseModel(log, histories, "best", { timeUnit: "weeks" }));
}, 120_000);

/** CUST.SUMMARY's columns by header, over the log as ranges. */
function summaryColumns(options: { asOf?: number; calibrationEnd?: number }) {
  const out = summary(
    column(log.ids),
    column(Array.from(log.dates)),
    column(Array.from(log.amounts)),
    options.asOf ?? null,
    "weeks",
    options.calibrationEnd ?? null,
  );
  const [header, ...rows] = out;
  const get = (name: string) => {
    const c = header.indexOf(name);
    if (c < 0) throw new Error(`no column ${name} in ${JSON.stringify(header)}`);
    return rows.map((row) => row[c] as number);
  };
  return { get, rows };
}

describe("model report on the CDNOW sample", () => {
  test("holds out the last third, tracks the calibration customers week by week, and names the chosen model", () => {
    const comparison = report.comparison!;
    expect(report.calibrationEnd).toBe(comparison.calibrationEnd);
    expect(report.model).toBe(comparison.chosen);
    expect(report.step).toBe(1);
    expect(report.customers).toBe(2357);
    expect(report.transactions).toBe(6919);
    expect(report.tracking).toHaveLength(Math.floor((report.asOf - report.firstPurchase) / 7));
    const firstHoldout = report.tracking.findIndex((row) => row.holdout);
    expect(firstHoldout).toBe(report.calibrationPeriods);
    expect(report.tracking[firstHoldout - 1].endDate).toBeLessThanOrEqual(comparison.calibrationEnd);
    expect(report.tracking[firstHoldout].endDate).toBeGreaterThan(comparison.calibrationEnd);
    expect(report.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  test("the comparison, parameters and tracking equal CUST.FIT and CUST.TRACKING on the calibration summary", () => {
    const comparison = report.comparison!;
    const calibration = summaryColumns({ asOf: report.asOf, calibrationEnd: comparison.calibrationEnd });
    const [x, tx, T] = ["frequency", "recency", "T"].map((name) => column(calibration.get(name)));
    for (const row of comparison.rows) {
      const table = fit(row.model, x, tx, T);
      const cell = (label: string) => table.find((r) => r[0] === label)?.[1];
      expect(cell("loglik")).toBeCloseTo(row.logLikelihood, 6);
      expect(cell("aic")).toBeCloseTo(row.aic, 6);
      expect(cell("bic")).toBeCloseTo(row.bic, 6);
      expect(cell("status")).toBe(row.status);
      for (const [name, value] of Object.entries(row.params)) expect(cell(name)).toBeCloseTo(value, 8);
    }
    const chosen = fit(report.model, x, tx, T);
    const curve = tracking(chosen, T, report.tracking.length * report.step, report.step);
    expect(curve).toHaveLength(report.tracking.length + 1);
    report.tracking.forEach((row, k) => {
      expect(curve[k + 1][0]).toBe(row.end);
      expect(curve[k + 1][1]).toBeCloseTo(row.model, 8);
      expect(curve[k + 1][2]).toBeCloseTo(row.modelCumulative, 8);
    });
  });

  test("the holdout check and the headline accuracy equal CUST.HOLDOUTCHECK", () => {
    const comparison = report.comparison!;
    const calibration = summaryColumns({ asOf: report.asOf, calibrationEnd: comparison.calibrationEnd });
    const [x, tx, T, holdout] = ["frequency", "recency", "T", "holdout purchases"].map((name) =>
      column(calibration.get(name)),
    );
    const table = fit(report.model, x, tx, T);
    const check = holdoutcheck(table, x, tx, T, holdout, report.holdout!.length);
    const groups = check.slice(1, 1 + report.holdout!.rows.length);
    report.holdout!.rows.forEach((row, k) => {
      expect(groups[k][1]).toBe(row.customers);
      expect(groups[k][2]).toBeCloseTo(row.actual, 10);
      expect(groups[k][3]).toBeCloseTo(row.predicted, 8);
    });
    const [predicted, actual, error, mae] = check.slice(-4).map((row) => row[1] as number);
    const accuracy = report.holdout!.accuracy;
    expect(predicted).toBeCloseTo(accuracy.predictedTotal, 6);
    expect(actual).toBe(accuracy.actualTotal);
    expect(error).toBeCloseTo(accuracy.relativeError, 8);
    expect(mae).toBeCloseTo(accuracy.meanAbsoluteError, 8);
  });

  test("actual cumulative repeat purchases are CUST.SUMMARY's frequencies at each period's end", () => {
    for (const k of [5, 20, report.calibrationPeriods - 1, report.calibrationPeriods, report.tracking.length - 1]) {
      const row = report.tracking[k];
      const total = summaryColumns({ asOf: row.endDate })
        .get("frequency")
        .reduce((sum, f) => sum + f, 0);
      expect(row.actualCumulative).toBe(total);
    }
    const incremental = report.tracking.reduce((sum, row) => sum + row.actual, 0);
    expect(incremental).toBe(report.tracking[report.tracking.length - 1].actualCumulative);
  });

  test("the parameters the predictions use are the whole-window fit's, with standard errors", () => {
    const whole = summaryColumns({});
    const [x, tx, T] = ["frequency", "recency", "T"].map((name) => column(whole.get(name)));
    const table = fit(report.model, x, tx, T);
    for (const parameter of report.parameters) {
      expect(table.find((r) => r[0] === parameter.name)?.[1]).toBeCloseTo(parameter.value, 8);
      expect(table.find((r) => r[0] === `se_${parameter.name}`)?.[1]).toBeCloseTo(parameter.standardError, 6);
    }
    expect(report.status).toBe(table.find((r) => r[0] === "status")?.[1]);
  });
});

describe("without a holdout", () => {
  test("tracks in-sample over the whole window with the whole-window fit, and says why", () => {
    // The first five weeks: too short for a holdout of four weeks after two thirds of calibration.
    const start = Math.min(...log.dates);
    const keep = Array.from(log.dates.keys()).filter((i) => log.dates[i] < start + 35);
    const short = {
      ids: keep.map((i) => log.ids[i]),
      dates: Float64Array.from(keep, (i) => log.dates[i]),
      amounts: Float64Array.from(keep, (i) => log.amounts[i]),
    };
    const whole = summarizeTransactions(short.ids, short.dates, short.amounts, { timeUnit: "weeks" });
    const histories = { frequency: Float64Array.from(whole.frequency), recency: whole.recency, age: whole.age };
    const choice = choosePurchaseModel(short, histories, "best", { timeUnit: "weeks" });
    const alone = modelReport(short, choice);
    expect(alone.fallback?.key).toBe("selection.holdoutTooShort");
    expect(alone.comparison).toBeUndefined();
    expect(alone.calibrationEnd).toBeNull();
    expect(alone.holdout).toBeUndefined();
    expect(alone.calibrationPeriods).toBe(alone.tracking.length);
    expect(alone.tracking.every((row) => !row.holdout)).toBe(true);
    const total = alone.tracking[alone.tracking.length - 1];
    expect(total.actualCumulative).toBeLessThanOrEqual(whole.frequency.reduce((s, f) => s + f, 0));
  });
});

describe("tracking step", () => {
  test("a week of daily data, one unit otherwise, coarser when the window is long", () => {
    expect(trackingStep("days", 545)).toBe(7);
    expect(trackingStep("weeks", 78)).toBe(1);
    expect(trackingStep("months", 18)).toBe(1);
    expect(trackingStep("weeks", 10 * 52)).toBe(2);
    expect(Math.floor((10 * 52) / trackingStep("weeks", 10 * 52))).toBeLessThanOrEqual(MAX_REPORT_PERIODS);
  });
});

describe("CLV tiers on the CDNOW sample log carry the model report", () => {
  const mapping: ColumnMapping = { customerId: "Customer", date: "Date", amount: "Amount" };
  const rows: CellValue[][] = log.ids.map((id, i) => [id, log.dates[i], log.amounts[i]]);
  const method = (purchaseModel: "best" | "bgnbd"): SegmentationMethod => ({
    kind: "clvTiers",
    split: "20-30-50",
    horizonMonths: 12,
    discountRate: 0.1,
    margin: 0.3,
    timeUnit: "weeks",
    purchaseModel,
  });
  const run = (purchaseModel: "best" | "bgnbd") =>
    segmentTable(["Customer", "Date", "Amount"], rows, mapping, "transactions", method(purchaseModel), "en");

  test("best on holdout: the report's model and comparison are the choice's, with a holdout check", () => {
    const result = run("best");
    const report = result.modelReport!;
    expect(report.comparison).toEqual(result.context?.comparison);
    expect(report.model).toBe(result.context?.comparison?.chosen);
    expect(report.label).toBe(result.context?.models?.[0].model);
    expect(report.holdout?.accuracy.actualTotal).toBeGreaterThan(0);
    expect(report.tracking.length).toBeGreaterThan(report.calibrationPeriods);
    const sheet = modelSheet(report, "en", {
      tableName: "Orders",
      writtenAt: "2026-12-01T10:00:00Z",
      findings: result.warnings,
    });
    expect(sheet.charts).toHaveLength(3);
  });

  test("a model chosen in Method: tracked in-sample, no holdout, and the line says so", () => {
    const report = run("bgnbd").modelReport!;
    expect(report.model).toBe("bgnbd");
    expect(report.comparison).toBeUndefined();
    expect(report.calibrationEnd).toBeNull();
    expect(accuracyLine(report, "en")).toMatch(/chosen in Method/);
  });
});
