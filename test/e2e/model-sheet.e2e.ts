/**
 * Model diagnostics in a real browser: value tiers on the workbench's transaction log show the purchase model's
 * accuracy line and its tracking and holdout charts in Preview, and Apply writes the Model sheet with its native
 * charts and the right series; every figure is the engine's on the same data, run in Node.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Frame, Page } from "playwright-core";
import { t } from "../../src/i18n/all";
import { accuracyLine } from "../../src/engine/segmentation/model-sheet";
import { suggestMapping } from "../../src/engine/segmentation/mapping";
import { segmentTable } from "../../src/engine/segmentation/segment";
import type { SegmentationMethod } from "../../src/engine/segmentation/types";
import type { MemoryChart } from "../../src/workbench/memory-workbook";
import { datasetTable } from "../../src/workbench/session";
import {
  BrowserSession,
  describeViolations,
  launch,
  openWorkbench,
  paneFrame,
  seriousViolations,
  sheetNames,
  sheetValues,
} from "./harness";

/** The pane's defaults for value tiers (useSegmentationFlow's clvTiers method). */
const SAMPLE_ROWS = 200;

let session: BrowserSession;
before(async () => {
  session = await launch();
});
after(async () => {
  await session?.close();
});

function charts(page: Page): Promise<MemoryChart[]> {
  return page.evaluate(() => {
    const host = window as unknown as { customerValueWorkbench: { workbook: { charts(): MemoryChart[] } } };
    return host.customerValueWorkbench.workbook.charts();
  });
}

/** The method the pane runs once value tiers are picked, read back from the recipe Apply stores. */
async function storedMethod(page: Page): Promise<SegmentationMethod> {
  const json = await page.evaluate(() => {
    const host = window as unknown as { customerValueWorkbench: { workbook: { settings(): Map<string, string> } } };
    return [...host.customerValueWorkbench.workbook.settings().values()][0];
  });
  return (JSON.parse(json) as { method: SegmentationMethod }).method;
}

async function valueTiersPreview(pane: Frame): Promise<void> {
  await pane.getByRole("button", { name: t("pane.table.use") }).click();
  await pane.getByRole("heading", { name: t("pane.step.columns") }).waitFor();
  await pane.getByRole("radio", { name: t("pane.method.kind.clvTiers") }).check();
  await pane.getByRole("button", { name: t("pane.preview.button") }).click();
}

describe("model diagnostics", () => {
  it("Preview shows the model's accuracy line and its tracking and holdout charts; the Model sheet charts them natively", async () => {
    const page = await openWorkbench(session, "?dataset=transactions");
    const pane = await paneFrame(page);
    await valueTiersPreview(pane);
    const diagnostics = pane.getByRole("region", { name: t("modelsheet.preview.title") });
    await diagnostics.waitFor({ timeout: 120_000 });
    const shownLine = (await diagnostics.getByTestId("accuracy-line").textContent()) ?? "";
    // Preview, before Apply: a line chart of the tracking with the end of calibration, the holdout by frequency.
    const tracking = diagnostics.getByRole("table", { name: /^Cumulative repeat purchases per period/ });
    const holdoutTable = diagnostics.getByRole("table", { name: /^Mean holdout purchases per customer/ });
    const shown = {
      trackingRows: await tracking.locator("tbody tr").count(),
      lines: await diagnostics.locator("svg path[data-series]").count(),
      markers: await diagnostics.locator("line[data-marker]").count(),
      holdoutRows: await holdoutTable.locator("tbody tr").count(),
      columns: await diagnostics.locator("svg rect[data-series]").count(),
    };
    const violations = await seriousViolations(pane);
    assert.equal(violations.length, 0, `Preview diagnostics: ${describeViolations(violations)}`);

    await pane.getByRole("button", { name: t("pane.apply.button") }).click();
    await pane.getByText(/^Done:/).waitFor({ timeout: 120_000 });
    // The engine in Node, on the same table with the method the pane stored.
    const table = datasetTable("transactions");
    const { shape, mapping } = suggestMapping(table.headers, table.rows.slice(0, SAMPLE_ROWS));
    const method = await storedMethod(page);
    const result = segmentTable(table.headers, table.rows, mapping, shape, method, "en");
    const report = result.modelReport;
    assert.ok(report, "the engine gave no model report for value tiers on the log");
    // The sample log is long enough for best on holdout to compare the models.
    assert.ok(report.holdout && report.comparison, "no holdout comparison on the sample log");
    assert.equal(shownLine, accuracyLine(report, "en"));
    assert.deepEqual(shown, {
      trackingRows: report.tracking.length,
      lines: 2,
      markers: 1,
      holdoutRows: report.holdout.rows.length,
      columns: 2 * report.holdout.rows.length,
    });

    // The Model sheet: its blocks, and native charts with the right series over the engine's numbers.
    const name = t("modelsheet.sheetName");
    assert.ok((await sheetNames(page)).includes(name), "no Model sheet");
    const cells = await sheetValues(page, name);
    assert.ok(
      cells.some((row) => row[0] === accuracyLine(report, "en")),
      "no accuracy line on the Model sheet",
    );
    const ofSheet = (await charts(page)).filter((chart) => chart.sheet === name);
    const byTitle = new Map(ofSheet.map((chart) => [chart.title, chart]));
    const cumulative = byTitle.get(t("modelsheet.chart.cumulative"));
    const incremental = byTitle.get(t("modelsheet.chart.incremental"));
    assert.ok(cumulative && incremental, `charts: ${[...byTitle.keys()].join(", ")}`);
    assert.equal(cumulative.type, "line");
    const marker = [t("modelsheet.header.markerCumulative")];
    assert.deepEqual(
      cumulative.series?.map((series) => series.name),
      [t("modelsheet.header.actual.cumulative"), t("modelsheet.header.model.cumulative"), ...marker],
    );
    assert.deepEqual(
      cumulative.series?.[0].values,
      report.tracking.map((row) => row.actualCumulative),
    );
    // The fit in the browser's JavaScript engine and in Node's agree to the optimiser's tolerance, not to the bit.
    cumulative.series?.[1].values.forEach((value, k) => {
      const want = report.tracking[k].modelCumulative;
      assert.ok(Math.abs((value as number) - want) <= 1e-6 * Math.max(1, want), `period ${k + 1}: ${value} vs ${want}`);
    });
    assert.deepEqual(
      incremental.series?.slice(0, 2).map((series) => series.type),
      ["line", "line"],
    );
    if (report.holdout) {
      assert.equal(cumulative.series?.[2].type, "column");
      const byFrequency = byTitle.get(t("modelsheet.chart.byFrequency"));
      assert.ok(byFrequency, "no holdout chart");
      assert.equal(byFrequency.type, "column");
      assert.deepEqual(
        byFrequency.series?.map((series) => series.name),
        [t("modelsheet.header.actualMean"), t("modelsheet.header.predictedMean")],
      );
      assert.deepEqual(
        byFrequency.series?.[0].values,
        report.holdout.rows.map((row) => row.actual),
      );
    }
    // Stored in the recipe, removed with Remove.
    await pane.getByRole("button", { name: t("pane.recipe.remove") }).click();
    await page.waitForFunction(
      (sheet) => {
        const host = window as unknown as { customerValueWorkbench: { workbook: { sheetNames(): string[] } } };
        return !host.customerValueWorkbench.workbook.sheetNames().includes(sheet);
      },
      name,
      { timeout: 30_000 },
    );
  });
});
