/**
 * The Channels sheet's CLV ranges as Apply writes them on the in-memory workbook: each channel's low and high are
 * CUST.PCLVRANGE(…, TRUE, channels) on the same customers, called as Excel calls it, the per-customer ones the same ÷
 * the channel's customers, the totals row CUST.PCLVRANGE(…, TRUE) on all of them; the average CLV chart shows the
 * low and high as two more series. (A slow test: 200 draws of the parameters, three times.)
 */
import type { CellValue } from "../../src/excel/workbook";
import { summarizeTransactions } from "../../src/engine/transactions/summary";
import type { SegmentationMethod } from "../../src/engine/segmentation/types";
import { t } from "../../src/i18n";
import { MemoryWorkbook } from "../../src/workbench/memory-workbook";
import { DEFAULT_SAMPLE, simulateBusiness, transactionTable } from "../../src/workbench/sample-data";
import { applySegmentation, computeSegments } from "../../src/taskpane/segmentation-actions";
import { ExcelFunctions, InputCell, isShownError, loadExcelFunctions } from "../support/excel";

let excel: ExcelFunctions;
beforeAll(async () => {
  excel = await loadExcelFunctions();
}, 60000);

const METHOD: SegmentationMethod = {
  kind: "clvTiers",
  split: "20-30-50",
  horizonMonths: 12,
  discountRate: 0.1,
  margin: 0.3,
  timeUnit: "weeks",
  compareBy: "Channel",
};
const MAPPING = { customerId: "Customer ID", date: "Date", amount: "Amount" };
const log = transactionTable(simulateBusiness({ ...DEFAULT_SAMPLE, customers: 400 }));
const col = (key: Parameters<typeof t>[0]) => t(key, {}, "en");

test("each channel's CLV range is CUST.PCLVRANGE with groups; the totals row, CUST.PCLVRANGE on all", async () => {
  const workbook = new MemoryWorkbook();
  const table = workbook.addTable({
    name: "Transactions",
    sheet: "Transactions",
    headers: log.headers,
    rows: log.rows,
  });
  const computed = computeSegments(log.headers, log.rows, "transactions", MAPPING, METHOD, "en");
  if (!computed.ok) throw new Error(JSON.stringify(computed.failure));
  const outcome = await applySegmentation(workbook, {
    table,
    headers: log.headers,
    shape: "transactions",
    mapping: MAPPING,
    method: METHOD,
    locale: "en",
    result: computed.result,
    previous: null,
  });
  expect(outcome.ok).toBe(true);
  const sheet = workbook.sheetValues("Channels");
  const headerRow = sheet.findIndex((line) => line[0] === "Channel");
  const headers = sheet[headerRow].map(String);
  const rows: Record<string, CellValue>[] = [];
  for (let r = headerRow + 1; r < sheet.length && sheet[r][0] !== col("channels.total"); r++) {
    rows.push(Object.fromEntries(headers.map((name, c) => [name, sheet[r][c]])));
  }
  expect(rows.length).toBeGreaterThan(1);

  // The same inputs, as a user would give them to the functions: the per-customer summary of the log.
  const channelColumn = log.headers.indexOf("Channel");
  const summary = summarizeTransactions(
    log.rows.map((row) => row[0]),
    Float64Array.from(log.rows, (row) => row[1] as number),
    Float64Array.from(log.rows, (row) => row[2] as number),
    { timeUnit: "weeks" },
  );
  const channelOf = new Array<string>(summary.count);
  log.rows.forEach((row, i) => {
    const c = summary.customerOfRow[i];
    if (c >= 0 && channelOf[c] === undefined) channelOf[c] = String(row[channelColumn]);
  });
  const cells = (values: ArrayLike<number>) => Array.from(values, (value) => [value]);
  const x = cells(summary.frequency);
  const tx = cells(summary.recency);
  const T = cells(summary.age);
  const m = cells(summary.monetary);
  const bgnbd = excel.call("FIT", "bgnbd", x, tx, T) as InputCell[][];
  const gg = excel.call("FIT", "gg", x, null, null, m) as InputCell[][];
  expect([...bgnbd, ...gg].flat().some(isShownError)).toBe(false);

  // Each channel's CLV range is CUST.PCLVRANGE(…, TRUE, channels) on all the customers, its average the same ÷ them.
  const pct = (p: number) => t(`channels.col.totalClv${p === 10 ? "Low" : "High"}`, { p: `${p}%` }, "en");
  const perCustomer = (p: number) => t(`channels.col.averageClv${p === 10 ? "Low" : "High"}`, { p: `${p}%` }, "en");
  const channelCells = Array.from(channelOf, (channel) => [channel]);
  const byChannel = excel.call(
    "PCLVRANGE",
    bgnbd,
    gg,
    x,
    tx,
    T,
    "weeks",
    m,
    12,
    "10%",
    "30%",
    null,
    true,
    channelCells,
  );
  expect(byChannel[0]).toEqual(["group", "low (10%)", "likely", "high (90%)"]);
  expect(byChannel).toHaveLength(rows.length + 1);
  for (const row of rows) {
    const found = byChannel.find((line) => line[0] === row.Channel);
    expect(found).toBeDefined();
    const [, low, likely, high] = found as number[];
    const members = channelOf.filter((channel) => channel === row.Channel).length;
    expect(likely).toBeCloseTo(row[col("channels.col.totalClv")] as number, 4);
    expect(row[pct(10)] as number).toBeCloseTo(low, 4);
    expect(row[pct(90)] as number).toBeCloseTo(high, 4);
    expect(row[perCustomer(10)] as number).toBeCloseTo(low / members, 6);
    expect(row[perCustomer(90)] as number).toBeCloseTo(high / members, 6);
    expect(low).toBeLessThan(likely);
    expect(likely).toBeLessThan(high);
  }
  const totals = sheet[sheet.findIndex((line, r) => r > headerRow && line[0] === col("channels.total"))];
  const all = excel.call("PCLVRANGE", bgnbd, gg, x, tx, T, "weeks", m, 12, "10%", "30%", null, true);
  expect(totals[headers.indexOf(pct(10))] as number).toBeCloseTo(all[1][0] as number, 4);
  expect(totals[headers.indexOf(pct(90))] as number).toBeCloseTo(all[1][2] as number, 4);
  // The chart of the average CLV shows its low and high as two more series.
  const chart = workbook
    .charts()
    .find((item) => item.title === t("channels.chart.averageClv", { column: "Channel" }, "en"));
  expect(chart?.series?.map((series) => series.name)).toEqual([
    col("channels.col.averageClv"),
    perCustomer(10),
    perCustomer(90),
  ]);
}, 300000);
