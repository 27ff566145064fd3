/**
 * The Forecast sheet of a CLV-tier segmentation (slow: its range recomputes the schedule for 200 parameter draws):
 * its total discounted margin is the sum of the CLV the same run computes, and its months, total and range are what
 * CUST.FORECAST gives, called as Excel calls it, on the run's customer summary with CUST.FIT tables of the same fits.
 */
import { fitModel, modelDefinition } from "../../../src/engine/models/registry";
import { toParameterTable } from "../../../src/engine/models/parameter-table";
import { segmentTable } from "../../../src/engine/segmentation/segment";
import type { ColumnMapping, SegmentationMethod } from "../../../src/engine/segmentation/types";
import type { CellValue, OwnSheet } from "../../../src/engine/sheet-data";
import "../../../src/i18n/pane-messages";
import { DEFAULT_SAMPLE, simulateBusiness, transactionTable } from "../../../src/workbench/sample-data";
import { excelFunction, loadExcelFunctions } from "../../support/excel";

beforeAll(() => loadExcelFunctions(), 60000);
const forecast = excelFunction("FORECAST");

const table = transactionTable(simulateBusiness({ ...DEFAULT_SAMPLE, customers: 300, seed: 5 }));
const mapping: ColumnMapping = { customerId: "Customer ID", date: "Date", amount: "Amount" };
const method: SegmentationMethod = {
  kind: "clvTiers",
  split: "20-30-50",
  horizonMonths: 12,
  discountRate: 0.1,
  margin: 0.3,
  timeUnit: "weeks",
  forecast: true,
};

const rowOf = (sheet: OwnSheet, label: CellValue) => {
  const index = sheet.rows.findIndex((row) => row[0] === label);
  if (index < 0) throw new Error(`no row ${String(label)}`);
  return { index, row: sheet.rows[index] };
};

describe("the Forecast sheet", () => {
  const result = segmentTable(table.headers, table.rows, mapping, "transactions", method, "en");
  const sheet = result.forecastSheet!;
  const { index: header, row: headerRow } = rowOf(sheet, "Month");
  const months = sheet.rows.slice(header + 1, header + 13);
  const { row: total } = rowOf(sheet, "Total");

  it("lists the 12 months, columns adding up to a total row whose discounted margin is Σ CLV of the same run", () => {
    expect(headerRow).toEqual([
      "Month",
      "From",
      "Expected purchases",
      "Revenue",
      "Margin",
      "Discounted margin",
      "Revenue, low (10 %)",
      "Revenue, high (90 %)",
    ]);
    expect(months.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const sumClv = result.perCustomer!.clv!.reduce((s, v) => s + v, 0);
    expect(total[5] as number).toBeCloseTo(sumClv, 6);
    for (const c of [2, 3, 4, 5]) {
      expect(months.reduce((s, r) => s + (r[c] as number), 0)).toBeCloseTo(total[c] as number, 8);
    }
    for (const r of months) {
      expect(r[4] as number).toBeCloseTo(0.3 * (r[3] as number), 9);
      expect(r[5] as number).toBeLessThan(r[4] as number);
      expect(r[6] as number).toBeLessThanOrEqual(r[3] as number);
      expect(r[7] as number).toBeGreaterThanOrEqual(r[3] as number);
    }
    // A line chart of revenue by month, with its low and high lines.
    expect(sheet.charts).toEqual([
      expect.objectContaining({
        type: "line",
        values: { row: header, col: 3, count: 12 },
        moreValues: [
          { row: header, col: 6, count: 12 },
          { row: header, col: 7, count: 12 },
        ],
        categories: { row: header + 1, col: 0, count: 12 },
      }),
    ]);
    // Month 1 starts the day after the as-of date.
    expect(months[0][1]).toBe(Math.floor(result.asOf!) + 1);
    expect(months[11][1]).toBe(Math.floor(result.asOf! + 1 + (11 * 365.25) / 12));
  });

  it("gives the numbers CUST.FORECAST gives on the run's customer summary, range included", () => {
    const customers = result.customerSheet!;
    const column = (header: string) => {
      const c = customers.rows[0].indexOf(header);
      return Float64Array.from(customers.rows.slice(1), (row) => row[c] as number);
    };
    const x = column("Repeat purchases (x)");
    const tx = column("First to last purchase, t_x (weeks)");
    const T = column("Customer age, T (weeks)");
    const m = column("Average repeat spend");
    // The fits the segmentation makes (BG/NBD, as a recipe without a model choice asks, and Gamma-Gamma).
    const purchaseFit = fitModel(modelDefinition("bgnbd")!, { frequency: x, recency: tx, age: T });
    const spendFit = fitModel(modelDefinition("gg")!, { frequency: x, monetary: m });
    const cells = (values: Float64Array) => Array.from(values, (v) => [v]);
    const formula = forecast(
      toParameterTable(purchaseFit, "en"),
      toParameterTable(spendFit, "en"),
      cells(x),
      cells(tx),
      cells(T),
      "weeks",
      cells(m),
      12,
      0.1,
      0.3,
      undefined,
      undefined,
      true,
    ) as unknown[][];
    // CUST.FORECAST: month | purchases | revenue | margin | discounted | revenue low | high | discounted low | high.
    expect(formula).toHaveLength(14);
    for (let i = 0; i < 13; i++) {
      const mine = i < 12 ? months[i] : total;
      const theirs = formula[i + 1];
      for (const [c, f] of [
        [2, 1],
        [3, 2],
        [4, 3],
        [5, 4],
        [6, 5],
        [7, 6],
      ]) {
        expect(mine[c] as number).toBeCloseTo(theirs[f] as number, 6);
      }
    }
  });

  it("states the range it shows and is identical when run again (fixed seed)", () => {
    const range = rowOf(sheet, "Range (low / high)").row;
    expect(range.slice(1, 3)).toEqual([0.1, 0.9]);
    expect(range[3]).toMatch(/200 draws.*seed 20261201/);
    const again = segmentTable(table.headers, table.rows, mapping, "transactions", method, "en");
    expect(again.forecastSheet).toEqual(sheet);
  });

  it("is written for a customer table with purchase dates too, its total discounted margin Σ CLV of that run", () => {
    const customers = result.customerSheet!;
    const at = (header: string) => customers.rows[0].indexOf(header);
    const [id, first, last, orders, revenue] = [
      "Customer",
      "First purchase",
      "Last purchase",
      "Orders",
      "Revenue (net of refunds)",
    ].map(at);
    expect([id, first, last, orders, revenue].every((c) => c >= 0)).toBe(true);
    const rows = customers.rows
      .slice(1)
      .map((row) => [row[id], row[first], row[last], row[orders], (row[revenue] as number) / (row[orders] as number)]);
    const headers = ["Customer", "First purchase", "Last purchase", "Orders", "Average spend"];
    const tableMapping: ColumnMapping = {
      customerId: "Customer",
      firstPurchase: "First purchase",
      lastPurchase: "Last purchase",
      frequency: "Orders",
      monetary: "Average spend",
    };
    const fromTable = segmentTable(headers, rows, tableMapping, "customers", method, "en", { asOf: result.asOf });
    const own = fromTable.forecastSheet!;
    expect(own.name).toBe("Forecast");
    const sumClv = fromTable.perCustomer!.clv!.reduce((sum, v) => sum + v, 0);
    expect(rowOf(own, "Total").row[5] as number).toBeCloseTo(sumClv, 6);
    expect(fromTable.cohortSheet).toBeUndefined();
  });
});
