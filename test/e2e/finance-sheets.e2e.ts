/**
 * The Forecast and Cohorts sheets in the real pane: CLV tiers on the sample log with both sheets asked for in the
 * Method step; Apply writes them with the numbers the engine gives in Node on the same data (the retention block
 * shaded), and Refresh rewrites them identically (the range's seed is fixed).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import type { CellValue } from "../../src/excel/workbook";
import { t } from "../../src/i18n/all";
import { suggestMapping } from "../../src/engine/segmentation/mapping";
import { segmentTable } from "../../src/engine/segmentation/segment";
import type { SegmentationMethod } from "../../src/engine/segmentation/types";
import { DEFAULT_METHODS } from "../../src/taskpane/hooks/useSegmentationFlow";
import { datasetTable } from "../../src/workbench/session";
import {
  BrowserSession,
  describeViolations,
  launch,
  openWorkbench,
  paneFrame,
  screenshot,
  seriousViolations,
  sheetValues,
} from "./harness";

let session: BrowserSession;

before(async () => {
  session = await launch();
});

after(async () => {
  await session?.close();
});

const METHOD: SegmentationMethod = { ...DEFAULT_METHODS.clvTiers, forecast: true, cohorts: "quarter" };

/** The in-memory workbook's cells of a sheet, and the fill of one cell. */
function fillAt(page: Page, sheet: string, row: number, col: number): Promise<string | null> {
  return page.evaluate(
    ([name, r, c]) => {
      const host = window as unknown as {
        customerValueWorkbench: { workbook: { getCell(sheet: string, row: number, col: number): { fill?: string } } };
      };
      return host.customerValueWorkbench.workbook.getCell(name as string, r as number, c as number).fill ?? null;
    },
    [sheet, row, col] as const,
  );
}

/** The cells are the engine's: text and blanks equal, numbers within a relative tolerance per column. */
function assertClose(actual: CellValue[][], expected: CellValue[][], tolerance: (column: number) => number): void {
  assert.equal(actual.length, expected.length, "rows");
  expected.forEach((row, r) => {
    assert.equal(actual[r].length, row.length, `row ${r + 1}: cells`);
    row.forEach((want, c) => {
      const got = actual[r][c];
      if (typeof want === "number" && typeof got === "number") {
        const scale = Math.max(1, Math.abs(want));
        assert.ok(Math.abs(got - want) <= tolerance(c) * scale, `row ${r + 1}, column ${c + 1}: ${got} ≠ ${want}`);
      } else {
        assert.equal(got, want, `row ${r + 1}, column ${c + 1}`);
      }
    });
  });
}

describe("Forecast and Cohorts sheets in the task pane", () => {
  it("finance sheets: Apply writes the Forecast and Cohorts sheets with the engine's numbers, Refresh rewrites them", async () => {
    const table = datasetTable("transactions");
    const { shape, mapping } = suggestMapping(table.headers, table.rows.slice(0, 200));
    const want = segmentTable(table.headers, table.rows, mapping, shape, METHOD, "en");
    assert.ok(want.forecastSheet && want.cohortSheet, "the engine wrote no Forecast or Cohorts sheet");

    const page = await openWorkbench(session, "?dataset=transactions");
    const pane = await paneFrame(page);
    await pane.getByRole("button", { name: t("pane.table.use") }).click();
    await pane.getByRole("heading", { name: t("pane.step.columns") }).waitFor();
    await pane.getByRole("radio", { name: t("pane.method.kind.clvTiers") }).check();
    await pane.getByRole("checkbox", { name: t("financesheet.pane.forecast") }).check();
    await pane.getByLabel(t("financesheet.pane.cohorts"), { exact: true }).selectOption("quarter");
    const violations = await seriousViolations(pane);
    assert.equal(violations.length, 0, describeViolations(violations));

    await pane.getByRole("button", { name: t("pane.preview.button") }).click();
    await pane.getByRole("button", { name: t("pane.apply.button") }).waitFor({ timeout: 300_000 });
    await pane.getByRole("button", { name: t("pane.apply.button") }).click();
    await pane.getByText(/^Done:/).waitFor({ timeout: 300_000 });

    const forecast = await sheetValues(page, want.forecastSheet.name);
    const cohorts = await sheetValues(page, want.cohortSheet.name);
    // The browser's and Node's floating point differ in the last digits, which the fit and the draws amplify: the
    // likely numbers agree to 1e-8 and the range (percentiles of redrawn parameters) to 1e-3, relatively.
    assertClose(forecast, want.forecastSheet.rows, (c) => (c >= 6 ? 1e-3 : 1e-8));
    assertClose(cohorts, want.cohortSheet.rows, () => 1e-8);
    // The retention block is a heat map: its cells after period 0 are filled.
    const [scale] = want.cohortSheet.colourScales ?? [];
    assert.ok(scale, "no colour scale on the Cohorts sheet");
    assert.match((await fillAt(page, want.cohortSheet.name, scale.row, scale.col)) ?? "", /^#[0-9A-F]{6}$/);

    await page.getByRole("tab", { name: want.forecastSheet.name, exact: true }).click();
    await page.locator(`table[data-sheet="${want.forecastSheet.name}"]`).waitFor();
    await screenshot(page, "14-forecast-sheet");
    await page.getByRole("tab", { name: want.cohortSheet.name, exact: true }).click();
    await page.locator(`table[data-sheet="${want.cohortSheet.name}"]`).waitFor();
    await screenshot(page, "15-cohorts-sheet");
    await page.getByRole("tab", { name: table.sheet, exact: true }).click();

    await pane.getByRole("button", { name: t("pane.recipe.refresh") }).click();
    await pane.getByText(/^Refreshed:/).waitFor({ timeout: 300_000 });
    assert.deepEqual(await sheetValues(page, want.forecastSheet.name), forecast);
    assert.deepEqual(await sheetValues(page, want.cohortSheet.name), cohorts);
  });
});
