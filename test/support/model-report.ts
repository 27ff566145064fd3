/** A small model report as modelReport gives it, for the Model sheet's and the Preview's tests. */
import type { ModelReport } from "../../src/engine/models/report";
import { excelSerial } from "../../src/engine/transactions/dates";

export const FIRST_PURCHASE = excelSerial(1997, 1, 1);
const first = FIRST_PURCHASE;

/** A small report as modelReport gives it: 6 weeks, calibration to week 4, two models compared. */
export function sampleModelReport(overrides: Partial<ModelReport> = {}): ModelReport {
  const tracking = [1, 2, 3, 4, 5, 6].map((k) => ({
    period: k,
    end: k,
    endDate: first + 7 * k,
    actual: k * 2,
    model: k * 2.1,
    actualCumulative: k * (k + 1),
    modelCumulative: 1.05 * k * (k + 1),
    holdout: k > 4,
  }));
  const accuracy = {
    predictedTotal: 1652,
    actualTotal: 1881,
    relativeError: (1652 - 1881) / 1881,
    meanAbsoluteError: 0.5612,
  };
  const byFrequency = [
    { bucket: 0, customers: 10, actual: 0.2, predicted: 0.25 },
    { bucket: 1, customers: 5, actual: 0.8, predicted: 0.7 },
    { bucket: 7, customers: 2, actual: 4, predicted: 3.5 },
  ];
  const row = (model: "bgnbd" | "mbgnbd", label: string, chosen: boolean) => ({
    model,
    label,
    params: { r: 0.5, alpha: 4, a: 0.8, b: 2.4 },
    logLikelihood: -9000.5,
    aic: 18009,
    bic: 18030,
    status: "converged" as const,
    diagnosis: [],
    holdout: accuracy,
    byFrequency,
    chosen,
  });
  return {
    timeUnit: "weeks",
    step: 1,
    firstPurchase: first,
    lastPurchase: first + 44,
    asOf: first + 45,
    calibrationEnd: first + 30,
    customers: 17,
    transactions: 80,
    trackedCustomers: 17,
    model: "mbgnbd",
    label: "MBG/NBD",
    status: "converged",
    diagnosis: [{ key: "diagnostics.converged", params: {} }],
    parameters: [
      { name: "r", value: 0.52, standardError: 0.03 },
      { name: "alpha", value: 4.1, standardError: NaN },
    ],
    logLikelihood: -12000.25,
    aic: 24008.5,
    bic: 24030.1,
    n: 17,
    tracking,
    calibrationPeriods: 4,
    holdout: { rows: byFrequency, accuracy, length: 15 / 7 },
    comparison: {
      timeUnit: "weeks",
      firstPurchase: first,
      calibrationEnd: first + 30,
      asOf: first + 45,
      holdoutLength: 15 / 7,
      calibrationCustomers: 17,
      criterion: "meanAbsoluteError",
      rows: [row("bgnbd", "BG/NBD", false), row("mbgnbd", "MBG/NBD", true)],
      chosen: "mbgnbd",
    },
    version: "0.1.0",
    ...overrides,
  };
}
