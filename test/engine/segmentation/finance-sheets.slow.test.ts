/**
 * The Cohorts sheet of a CLV-tier segmentation (its blocks are the triangle's measures, the retention block a heat
 * map), and the recipe fields of the Forecast and Cohorts sheets. The Forecast sheet, whose range takes longer, is
 * tested in forecast-sheet.slow.test.ts.
 */
import { cohortMeasure, cohortTriangle } from "../../../src/engine/cohorts/cohort";
import { cohortSheet, RETENTION_SCALE } from "../../../src/engine/segmentation/finance-sheets";
import { parseRecipe, serializeRecipe } from "../../../src/engine/segmentation/recipe";
import { segmentTable } from "../../../src/engine/segmentation/segment";
import type { ColumnMapping, Recipe, SegmentationMethod } from "../../../src/engine/segmentation/types";
import type { CellValue, OwnSheet } from "../../../src/engine/sheet-data";
import { seededRandom, uniformInt } from "../../../src/engine/random";
import { excelFunction, loadExcelFunctions } from "../../support/excel";

/** 250 customers over about 16 months, some buying again, one refund in twenty customers. */
function financeLog(seed = 3): CellValue[][] {
  const random = seededRandom(seed);
  const log: CellValue[][] = [];
  for (let k = 0; k < 250; k++) {
    const start = 45000 + uniformInt(random, 0, 400);
    const purchases = 1 + Math.floor(random.next() * random.next() * 10);
    const basket = 10 + uniformInt(random, 0, 90);
    let day = start;
    for (let p = 0; p < purchases && day <= 45480; p++) {
      log.push([`K${k}`, day + random.next() * 0.5, basket + p]);
      day += 5 + uniformInt(random, 0, 60);
    }
    if (k % 20 === 0) log.push([`K${k}`, start + 3, -5]);
  }
  return log;
}

const headers = ["Customer", "Date", "Amount"];
const mapping: ColumnMapping = { customerId: "Customer", date: "Date", amount: "Amount" };
const method: SegmentationMethod = {
  kind: "clvTiers",
  split: "20-30-50",
  horizonMonths: 12,
  discountRate: 0.1,
  margin: 0.3,
  timeUnit: "weeks",
  cohorts: "month",
};

/** The row whose first cell is `label`, and its index. */
const rowOf = (sheet: OwnSheet, label: CellValue) => {
  const index = sheet.rows.findIndex((row) => row[0] === label);
  if (index < 0) throw new Error(`no row ${String(label)}`);
  return { index, row: sheet.rows[index] };
};

describe("the Forecast and Cohorts sheets are optional", () => {
  it("neither is written unless asked for", () => {
    const log = financeLog();
    const plain = segmentTable(headers, log, mapping, "transactions", { ...method, cohorts: undefined }, "en");
    expect(plain.forecastSheet).toBeUndefined();
    expect(plain.cohortSheet).toBeUndefined();
  });
});

describe("the Cohorts sheet", () => {
  const log = financeLog();
  const result = segmentTable(headers, log, mapping, "transactions", method, "en");
  const sheet = result.cohortSheet!;
  it("is identical when built again", () => {
    expect(cohortSheet(triangle, "en")).toEqual(sheet);
  });

  const triangle = cohortTriangle(
    log.map((row) => row[0]),
    Float64Array.from(log, (row) => row[1] as number),
    Float64Array.from(log, (row) => row[2] as number),
    { period: "month", asOf: result.asOf },
  );

  it("holds the triangle's active, retention, revenue and cumulative blocks, refunds netted", () => {
    expect(sheet.name).toBe("Cohorts");
    const cohorts = triangle.size.length;
    const width = triangle.width;
    expect(cohorts).toBeGreaterThan(10);
    const blocks = [
      ["Active customers (at least one purchase in the period)", "active"],
      ["Retention (active ÷ customers acquired)", "retention"],
      ["Revenue in the period (refunds netted)", "revenue"],
      ["Cumulative revenue per acquired customer", "cumulative"],
    ] as const;
    for (const [title, measure] of blocks) {
      const { index } = rowOf(sheet, title);
      expect(sheet.rows[index + 1].slice(0, 4)).toEqual(["Cohort", "Customers acquired", "Periods observed", 0]);
      expect(sheet.rows[index + 1]).toHaveLength(3 + width);
      const values = cohortMeasure(triangle, measure);
      for (let s = 0; s < cohorts; s++) {
        const row = sheet.rows[index + 2 + s];
        expect(row[1]).toBe(triangle.size[s]);
        expect(row[2]).toBe(triangle.observed[s]);
        for (let k = 0; k < width; k++) {
          const value = values[s * width + k];
          expect(row[3 + k]).toBe(Number.isFinite(value) ? value : "");
        }
      }
    }
    // The first cohort's label is the first day of its month, shown yyyy-mm.
    const { index } = rowOf(sheet, "Retention (active ÷ customers acquired)");
    expect(sheet.rows[index + 2][0]).toBe(44986); // 2023-03-01
    expect(sheet.formats).toContainEqual({ row: index + 2, col: 0, rowCount: cohorts, numberFormat: "yyyy-mm" });
    expect(sheet.formats).toContainEqual({
      row: index + 2,
      col: 3,
      rowCount: cohorts,
      columnCount: width,
      numberFormat: "0.0%",
    });
  });

  it("shades the retention block after period 0 with a colour scale", () => {
    const { index } = rowOf(sheet, "Retention (active ÷ customers acquired)");
    expect(sheet.colourScales).toEqual([
      { row: index + 2, col: 4, rowCount: triangle.size.length, columnCount: triangle.width - 1, ...RETENTION_SCALE },
    ]);
  });

  it("follows the period chosen: quarters are labelled 2023-Q2 (2023-T2 in French), years by number", () => {
    const of = (period: "quarter" | "year") =>
      cohortTriangle(
        log.map((row) => row[0]),
        Float64Array.from(log, (row) => row[1] as number),
        Float64Array.from(log, (row) => row[2] as number),
        { period, asOf: result.asOf },
      );
    const quarters = cohortSheet(of("quarter"), "fr");
    expect(quarters.name).toBe("Cohortes");
    const { index: q } = rowOf(quarters, "Clients actifs (au moins un achat dans la période)");
    expect(quarters.rows[q + 2][0]).toBe("2023-T1");
    const years = cohortSheet(of("year"), "en");
    const { index: y } = rowOf(years, "Active customers (at least one purchase in the period)");
    expect(years.rows[y + 2][0]).toBe(2023);
    expect(years.rows[y + 3][0]).toBe(2024);
  });
});

describe("the Cohorts sheet and CUST.COHORT", () => {
  beforeAll(() => loadExcelFunctions(), 60000);

  it("shows the numbers CUST.COHORT spills on the table's columns with the run's as-of date", () => {
    const log = financeLog();
    const result = segmentTable(headers, log, mapping, "transactions", { ...method, cohorts: "quarter" }, "en");
    const sheet = result.cohortSheet!;
    const column = (c: number) => log.map((row) => [row[c]]);
    for (const [title, output] of [
      ["Active customers (at least one purchase in the period)", "active"],
      ["Retention (active ÷ customers acquired)", "retention"],
      ["Revenue in the period (refunds netted)", "revenue"],
      ["Cumulative revenue per acquired customer", "cumulative"],
    ] as const) {
      const spilled = excelFunction("COHORT")(column(0), column(1), column(2), "quarter", output, result.asOf);
      const { index } = rowOf(sheet, title);
      const block = sheet.rows.slice(index + 2, index + 1 + spilled.length);
      expect(block).toHaveLength(spilled.length - 1);
      spilled.slice(1).forEach((row, s) => {
        expect(block[s].slice(1)).toEqual(row.slice(1).map((cell) => (cell === null ? "" : cell)));
        expect(block[s][0]).toBe(row[0]);
      });
    }
  });
});

describe("the recipe keeps the Forecast and Cohorts settings", () => {
  const recipe: Recipe = {
    version: 1,
    tableName: "Log",
    shape: "transactions",
    mapping,
    method: { ...method, forecast: true } as SegmentationMethod,
    ownColumns: ["Tier", "CLV", "P(alive)"],
    summarySheet: "Segments",
    forecastSheet: "Forecast",
    cohortSheet: "Cohorts (2)",
    appliedAt: "2026-12-01T10:00:00.000Z",
  };

  it("round-trips, and a recipe written before these fields still parses", () => {
    expect(parseRecipe(serializeRecipe(recipe))).toEqual(recipe);
    const older: Recipe = { ...recipe };
    delete older.forecastSheet;
    delete older.cohortSheet;
    const olderMethod = { ...method } as Extract<SegmentationMethod, { kind: "clvTiers" }>;
    delete olderMethod.cohorts;
    const parsed = parseRecipe(JSON.stringify({ ...older, method: olderMethod }));
    expect(parsed).toEqual({ ...older, method: olderMethod });
    expect(parsed).not.toHaveProperty("forecastSheet");
  });

  it("refuses a cohort period it does not know", () => {
    const bad = parseRecipe(JSON.stringify({ ...recipe, method: { ...method, cohorts: "week" } }));
    expect(bad).toMatchObject({ key: "segmentation.recipe.invalidField", params: { field: "method.cohorts" } });
  });
});
