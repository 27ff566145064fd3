/**
 * The Channels sheet as Apply and Refresh write it on the in-memory workbook: the spend table is created once and
 * never written again, and every number per channel is what the custom functions give for the same inputs, called
 * as Excel calls them (CUST.FIT, CUST.PCLV summed over the channel, CUST.CAC, CUST.LTVCAC, CUST.PAYBACK).
 */
import type { CellValue } from "../../src/excel/workbook";
import { summarizeTransactions } from "../../src/engine/transactions/summary";
import type { SegmentationMethod } from "../../src/engine/segmentation/types";
import { t } from "../../src/i18n";
import { MemoryWorkbook } from "../../src/workbench/memory-workbook";
import { DEFAULT_SAMPLE, simulateBusiness, transactionTable } from "../../src/workbench/sample-data";
import { applySegmentation, computeSegments, refreshSegmentation } from "../../src/taskpane/segmentation-actions";
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

async function applied() {
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
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.failure));
  return { workbook, table, recipe: outcome.value.recipe };
}

/** The group table of the Channels sheet: its header row and one object per channel, by header. */
function channelRows(workbook: MemoryWorkbook, sheet: string) {
  const values = workbook.sheetValues(sheet);
  const header = values.findIndex((row) => row[0] === "Channel");
  const headers = values[header].map(String);
  const rows: Record<string, CellValue>[] = [];
  for (let r = header + 1; r < values.length && values[r][0] !== t("channels.total", {}, "en"); r++) {
    rows.push(Object.fromEntries(headers.map((name, c) => [name, values[r][c]])));
  }
  return rows;
}
const col = (key: Parameters<typeof t>[0]) => t(key, {}, "en");
// Each Apply and Refresh fits the models and draws the channels' CLV ranges (200 draws): seconds on a loaded machine.

describe("the Channels sheet", () => {
  it("creates the spend table once and keeps what the user typed on refresh", async () => {
    const { workbook, table, recipe } = await applied();
    expect(recipe.method).toMatchObject({ compareBy: "Channel", spendTable: "ChannelSpend" });
    expect(recipe.channelsSheet).toBe("Channels");
    const spendSheet = "Channel spend";
    const spend = workbook.sheetValues(spendSheet);
    expect(spend[0]).toEqual(["Channel", "Spend", "Period start", "Period end"]);
    expect(
      spend
        .slice(1)
        .map((row) => row[0])
        .sort(),
    ).toEqual(["Paid social", "Referral", "Store", "Web shop"]);
    expect(spend.slice(1).every((row) => row[1] === "")).toBe(true);
    expect(channelRows(workbook, "Channels").every((row) => row[col("channels.col.cac")] === "")).toBe(true);

    // The user types a spend for every channel but the last, and formats a date their way.
    spend.slice(1, -1).forEach((_, i) => workbook.editCell(spendSheet, i + 1, 1, { value: 1000 * (i + 1) }));
    workbook.editCell(spendSheet, 1, 2, { value: spend[1][2] as number, numberFormat: "dd/mm/yyyy" });
    const typed = workbook.sheetValues(spendSheet);
    const refreshed = await refreshSegmentation(workbook, table, recipe, "en");
    expect(refreshed.ok).toBe(true);
    expect(workbook.sheetValues(spendSheet)).toEqual(typed);
    expect(workbook.getCell(spendSheet, 1, 2).numberFormat).toBe("dd/mm/yyyy");
    const rows = channelRows(workbook, "Channels");
    const withCac = rows.filter((row) => row[col("channels.col.cac")] !== "");
    expect(withCac).toHaveLength(3);
    // The sheet is ours (replaced by the refresh); the spend table is the user's and never listed in the recipe.
    if (!refreshed.ok) return;
    expect(refreshed.value.recipe.channelsSheet).toBe("Channels");
    expect(JSON.stringify(refreshed.value.recipe)).not.toContain(spendSheet);
  }, 120000);

  it("per channel, equals CUST.PCLV summed over the channel, CUST.CAC, CUST.LTVCAC and CUST.PAYBACK", async () => {
    const { workbook, table, recipe } = await applied();
    const spendSheet = "Channel spend";
    const spendRows = workbook.sheetValues(spendSheet).slice(1);
    // A spend per channel, and for one channel a period of its own: customers acquired in its first half year.
    spendRows.forEach((_, i) => workbook.editCell(spendSheet, i + 1, 1, { value: 500 + 250 * i }));
    const first = spendRows[0][2] as number;
    workbook.editCell(spendSheet, 1, 3, { value: first + 182 });
    await refreshSegmentation(workbook, table, recipe, "en");
    const rows = channelRows(workbook, "Channels");

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
    // A spilled table is what the next formula reads; a FIT that failed would fail the test (no error cell in it).
    const bgnbd = excel.call("FIT", "bgnbd", x, tx, T) as InputCell[][];
    const gg = excel.call("FIT", "gg", x, null, null, m) as InputCell[][];
    expect([...bgnbd, ...gg].flat().some(isShownError)).toBe(false);
    const pclv = excel.call("PCLV", bgnbd, gg, x, tx, T, "weeks", m, 12, "10%", "30%").map((row) => row[0] as number);

    const spendOf = new Map(
      workbook
        .sheetValues(spendSheet)
        .slice(1)
        .map((row) => [row[0], row]),
    );
    for (const row of rows) {
      const channel = row.Channel as string;
      const members = pclv.filter((_, c) => channelOf[c] === channel);
      const total = members.reduce((sum, value) => sum + value, 0);
      expect(row[col("channels.col.customers")]).toBe(members.length);
      expect(row[col("channels.col.totalClv")] as number).toBeCloseTo(total, 4);
      const average = row[col("channels.col.averageClv")] as number;
      expect(average).toBeCloseTo(total / members.length, 6);

      const [, spend, from, to] = spendOf.get(channel)!;
      const acquired = Array.from(summary.firstPurchase).filter(
        (day, c) => channelOf[c] === channel && day >= (from as number) && day <= (to as number),
      ).length;
      expect(row[col("channels.col.acquired")]).toBe(acquired);
      const cac = excel.value("CAC", spend as number, 0, acquired) as number;
      expect(row[col("channels.col.cac")]).toBeCloseTo(cac, 10);
      expect(row[col("channels.col.ltvCac")]).toBeCloseTo(excel.value("LTVCAC", average, cac) as number, 10);
      const monthly = row[col("channels.col.monthlyRevenue")] as number;
      expect(row[col("channels.col.payback")]).toBeCloseTo(excel.value("PAYBACK", cac, monthly, "30%") as number, 10);
      expect(row[col("channels.col.maxCac")]).toBeCloseTo(average / 3, 10);
    }
    // The channel with its own period counts fewer customers than it has.
    const short = rows.find((row) => row.Channel === spendRows[0][0])!;
    expect(short[col("channels.col.acquired")] as number).toBeLessThan(short[col("channels.col.customers")] as number);
  }, 120000);
});
