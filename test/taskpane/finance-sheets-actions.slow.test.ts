/**
 * Apply, Refresh and Remove with the Forecast and Cohorts sheets, against the in-memory workbook (slow: the
 * Forecast sheet's range recomputes the schedule for 200 parameter draws, at each apply and refresh). The sheets are
 * named in the recipe, never take a user's sheet's name, are rewritten identically by a refresh and removed by Remove.
 */
import "../../src/i18n/pane-messages";
import type { ColumnMapping, SegmentationMethod } from "../../src/engine/segmentation/types";
import { MemoryWorkbook } from "../../src/workbench/memory-workbook";
import { DEFAULT_SAMPLE, simulateBusiness, transactionTable } from "../../src/workbench/sample-data";
import {
  applySegmentation,
  computeSegments,
  refreshSegmentation,
  removeSegmentation,
} from "../../src/taskpane/segmentation-actions";
import { loadRecipe } from "../../src/taskpane/stored-segmentations";

const MAPPING: ColumnMapping = { customerId: "Customer ID", date: "Date", amount: "Amount" };
const METHOD: SegmentationMethod = {
  kind: "clvTiers",
  split: "20-30-50",
  horizonMonths: 6,
  discountRate: 0.1,
  margin: 0.3,
  timeUnit: "weeks",
  forecast: true,
  cohorts: "quarter",
};

describe("the Forecast and Cohorts sheets through Apply, Refresh and Remove", () => {
  const sample = transactionTable(simulateBusiness({ ...DEFAULT_SAMPLE, customers: 80, seed: 9 }));
  const workbook = new MemoryWorkbook();
  const table = workbook.addTable({ name: "Log", sheet: "Log", headers: sample.headers, rows: sample.rows });
  // The user's own sheet called "Forecast" must survive everything.
  workbook.addSheet("Forecast");
  workbook.editCell("Forecast", 0, 0, { value: "my budget" });

  it("writes both sheets beside the user's, names them in the recipe, rewrites them identically and removes them", async () => {
    const computed = computeSegments(sample.headers, sample.rows, "transactions", MAPPING, METHOD, "en");
    if (!computed.ok) throw new Error(JSON.stringify(computed.failure));
    const applied = await applySegmentation(workbook, {
      table,
      headers: sample.headers,
      shape: "transactions",
      mapping: MAPPING,
      method: METHOD,
      locale: "en",
      result: computed.result,
      previous: null,
    });
    if (!applied.ok) throw new Error(JSON.stringify(applied.failure));
    const { recipe } = applied.value;
    expect(recipe.forecastSheet).toBe("Forecast (2)");
    expect(recipe.cohortSheet).toBe("Cohorts");
    expect(applied.value.renamedSheets).toContainEqual({ wanted: "Forecast", used: "Forecast (2)" });
    expect(workbook.sheetValues("Forecast")).toEqual([["my budget"]]);
    const forecast = workbook.sheetValues("Forecast (2)");
    const cohorts = workbook.sheetValues("Cohorts");
    expect(forecast.some((row) => row[0] === "Total")).toBe(true);
    expect(workbook.colourScales("Cohorts")).toHaveLength(1);
    const [chart] = workbook.charts().filter((candidate) => candidate.sheet === "Forecast (2)");
    expect(chart.type).toBe("line");
    expect(chart.series?.map((series) => series.name)).toEqual([
      "Revenue",
      "Revenue, low (10 %)",
      "Revenue, high (90 %)",
    ]);
    expect(chart.categories).toEqual([1, 2, 3, 4, 5, 6]);

    const stored = await loadRecipe(workbook, "Log");
    if (!stored.ok || !stored.recipe) throw new Error("no recipe");
    expect(stored.recipe.forecastSheet).toBe("Forecast (2)");
    const refreshed = await refreshSegmentation(workbook, table, stored.recipe, "en");
    if (!refreshed.ok) throw new Error(JSON.stringify(refreshed.failure));
    expect(refreshed.value.recipe.forecastSheet).toBe("Forecast (2)");
    expect(refreshed.value.recipe.cohortSheet).toBe("Cohorts");
    expect(workbook.sheetValues("Forecast (2)")).toEqual(forecast);
    expect(workbook.sheetValues("Cohorts")).toEqual(cohorts);
    expect(workbook.sheetValues("Forecast")).toEqual([["my budget"]]);

    const removed = await removeSegmentation(workbook, table, refreshed.value.recipe);
    expect(removed.ok).toBe(true);
    expect(workbook.sheetNames()).not.toContain("Forecast (2)");
    expect(workbook.sheetNames()).not.toContain("Cohorts");
    expect(workbook.sheetValues("Forecast")).toEqual([["my budget"]]);
  });

  it("a refresh whose method no longer asks for them deletes the sheets the previous run wrote", async () => {
    const computed = computeSegments(sample.headers, sample.rows, "transactions", MAPPING, METHOD, "en");
    if (!computed.ok) throw new Error(JSON.stringify(computed.failure));
    const request = {
      table,
      headers: workbook.tables()[0].headers,
      shape: "transactions" as const,
      mapping: MAPPING,
      method: METHOD,
      locale: "en" as const,
      result: computed.result,
      previous: null,
    };
    const first = await applySegmentation(workbook, request);
    if (!first.ok) throw new Error(JSON.stringify(first.failure));
    const plainMethod = { ...METHOD } as Extract<SegmentationMethod, { kind: "clvTiers" }>;
    delete plainMethod.forecast;
    delete plainMethod.cohorts;
    const plain = computeSegments(sample.headers, sample.rows, "transactions", MAPPING, plainMethod, "en");
    if (!plain.ok) throw new Error(JSON.stringify(plain.failure));
    const second = await applySegmentation(workbook, {
      ...request,
      headers: workbook.tables()[0].headers,
      method: plainMethod,
      result: plain.result,
      previous: first.value.recipe,
    });
    if (!second.ok) throw new Error(JSON.stringify(second.failure));
    expect(second.value.recipe.forecastSheet).toBeUndefined();
    expect(workbook.sheetNames()).not.toContain(first.value.recipe.forecastSheet);
    expect(workbook.sheetNames()).not.toContain("Cohorts");
    expect(workbook.sheetValues("Forecast")).toEqual([["my budget"]]);
  });
});
