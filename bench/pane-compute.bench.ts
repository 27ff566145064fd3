/**
 * The task pane's compute path on Excel's largest table (1,048,576 data rows): the values as read from the table
 * (CellValue[][]) → segmentTable → the chunked write plan of our columns, colours as conditional formats as the
 * pane writes them where Excel has ExcelApi 1.6 (every supported Excel). Excel's own read and write time is not
 * included. Run: node --expose-gc --import tsx bench/pane-compute.bench.ts [name filter, e.g. CLV]
 */
import { segmentTable } from "../src/engine/segmentation/segment";
import { segmentSummarySheet } from "../src/engine/segmentation/summary-sheet";
import type { SegmentationMethod } from "../src/engine/segmentation/types";
import { planColumnWrites } from "../src/excel/chunk-plan";
import type { CellValue } from "../src/excel/workbook";
import { seededUniform } from "../src/engine/random";
import { timed } from "./timing";

const ROWS = 1_048_576;
const random = seededUniform(20240501);

const customerHeaders = ["Client", "Recency", "Frequency", "Monetary"];
const customers: CellValue[][] = new Array(ROWS);
for (let i = 0; i < ROWS; i++) {
  customers[i] = [
    `C${i}`,
    Math.floor(random() * 730),
    1 + Math.floor(-Math.log(1 - random()) * 4),
    Math.round(random() * 50000) / 100,
  ];
}
const customerMapping = { customerId: "Client", recency: "Recency", frequency: "Frequency", monetary: "Monetary" };

/** About 150,000 customers buying 7 times on average over two years. */
const logHeaders = ["Customer", "Date", "Amount"];
const log: CellValue[][] = new Array(ROWS);
for (let i = 0; i < ROWS; i++) {
  const customer = Math.floor(random() * 150_000);
  log[i] = [customer, 44927 + Math.floor(random() * 730), Math.round(random() * 20000) / 100];
}
const logMapping = { customerId: "Customer", date: "Date", amount: "Amount" };

function computePath(
  headers: string[],
  rows: CellValue[][],
  mapping: object,
  shape: "customers" | "transactions",
  method: SegmentationMethod,
) {
  const result = segmentTable(headers, rows, mapping, shape, method, "en");
  const plan = planColumnWrites(result.columns, { conditionalFormats: true });
  segmentSummarySheet(result, "en", { tableName: "Bench", shape, method, writtenAt: "2026-01-01T00:00:00Z" });
  return plan.requestCount;
}

const rfmColumns = segmentTable(
  customerHeaders,
  customers,
  customerMapping,
  "customers",
  { kind: "rfm", bins: 5 },
  "en",
).columns;
const plan = planColumnWrites(rfmColumns, { conditionalFormats: true });
const fallback = planColumnWrites(rfmColumns);
console.log(
  `RFM write plan: ${plan.values.length} value requests, ${plan.colourRules.length} colour-rule requests, ` +
    `${plan.requestCount} in all (before ExcelApi 1.6: ${fallback.fills.length} fill requests, ${fallback.requestCount} in all)`,
);

timed(
  "customers 1,048,576 rows: RFM quintiles → columns → write plan",
  () => computePath(customerHeaders, customers, customerMapping, "customers", { kind: "rfm", bins: 5 }),
  { targetMs: 2000, runs: 3 },
);
timed(
  "customers 1,048,576 rows: quantile tiers (10) → columns → write plan",
  () =>
    computePath(customerHeaders, customers, customerMapping, "customers", {
      kind: "quantileTiers",
      column: "Monetary",
      tiers: 10,
    }),
  { targetMs: 2000, runs: 3 },
);
timed(
  "transactions 1,048,576 rows: summary + RFM → columns → write plan",
  () => computePath(logHeaders, log, logMapping, "transactions", { kind: "rfm", bins: 5 }),
  { targetMs: 2000, runs: 3 },
);
timed(
  "transactions 1,048,576 rows: summary + BG/NBD + GG CLV tiers → plan",
  () =>
    computePath(logHeaders, log, logMapping, "transactions", {
      kind: "clvTiers",
      split: "20-30-50",
      horizonMonths: 12,
      discountRate: 0.1,
      margin: 0.3,
      timeUnit: "weeks",
    }),
  { targetMs: 2000, runs: 3 },
);
timed(
  "transactions 1,048,576 rows: summary + best on holdout (3 calibration fits + refit) + GG CLV tiers → plan",
  () =>
    computePath(logHeaders, log, logMapping, "transactions", {
      kind: "clvTiers",
      split: "20-30-50",
      horizonMonths: 12,
      discountRate: 0.1,
      margin: 0.3,
      timeUnit: "weeks",
      purchaseModel: "best",
    }),
  { targetMs: 6000, runs: 3 },
);
