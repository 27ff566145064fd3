/** The CDNOW calibration summary (x, t_x, T in weeks) from the reference folder, as FIT columns. */
import { FitColumns } from "../../src/engine/models/types";
import { readReferenceText } from "./reference-dir";

export function cdnowSummary(): FitColumns {
  const rows = readReferenceText("datasets", "cdnow_customers_summary.csv")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(",").map(Number));
  return {
    frequency: Float64Array.from(rows, (row) => row[1]),
    recency: Float64Array.from(rows, (row) => row[2]),
    age: Float64Array.from(rows, (row) => row[3]),
  };
}
