/**
 * Value by channel in a real browser: CLV tiers of the sample transaction log compared by its Channel column. The
 * pane creates the spend table and writes the Channels sheet with the engine's numbers (run in Node on the same
 * data), each channel's CLV with its low and high; the user types a spend in the spend table; Refresh keeps it and
 * gives that channel its CAC.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Frame, Page } from "playwright-core";
import type { CellValue } from "../../src/excel/workbook";
import { t } from "../../src/i18n/all";
import { parseRecipe } from "../../src/engine/segmentation/recipe";
import { segmentTable } from "../../src/engine/segmentation/segment";
import type { Recipe } from "../../src/engine/segmentation/types";
import { channelsSheet } from "../../src/engine/channels/channels-sheet";
import { datasetTable } from "../../src/workbench/session";
import {
  BrowserSession,
  describeViolations,
  launch,
  openWorkbench,
  paneFrame,
  screenshot,
  seriousViolations,
  sheetNames,
  sheetValues,
} from "./harness";

let session: BrowserSession;

before(async () => {
  session = await launch();
});

after(async () => {
  await session?.close();
});

type Host = {
  customerValueWorkbench: {
    workbook: {
      sheetValues(sheet: string): CellValue[][];
      sheetNames(): string[];
      editCell(sheet: string, row: number, col: number, cell: { value: CellValue }): void;
      readRecipes(): Promise<{ ok: boolean; value: { key: string; json: string }[] }>;
    };
  };
};

async function storedRecipe(page: Page): Promise<Recipe> {
  const stored = await page.evaluate(() => (window as unknown as Host).customerValueWorkbench.workbook.readRecipes());
  assert.ok(stored.ok && stored.value.length === 1, "one recipe is stored");
  const recipe = parseRecipe(stored.value[0].json);
  assert.ok(!(recipe instanceof Error), "the stored recipe parses");
  return recipe as Recipe;
}

/** The group table of a Channels sheet: from its header row (first cell "Channel") to the totals row included. */
function groupTable(rows: CellValue[][]): CellValue[][] {
  const header = rows.findIndex((row) => row[0] === "Channel");
  const total = rows.findIndex((row, r) => r > header && row[0] === t("channels.total"));
  assert.ok(header > 0 && total > header, "the Channels sheet has its group table");
  return rows.slice(header, total + 1);
}

/**
 * The same cells, numbers to 1e-8 relative (`tolerance` of a column otherwise): the browser's Math functions and
 * Node's may differ in the last bits, which the model fit carries into the 10th digit.
 */
function assertClose(actual: CellValue[][], expected: CellValue[][], tolerance = (_column: number) => 1e-8): void {
  assert.equal(actual.length, expected.length, "rows");
  actual.forEach((row, r) =>
    row.forEach((cell, c) => {
      const want = expected[r][c];
      if (typeof cell === "number" && typeof want === "number") {
        assert.ok(
          Math.abs(cell - want) <= tolerance(c) * Math.max(1, Math.abs(want)),
          `row ${r}, column ${c}: ${cell} vs ${want}`,
        );
      } else assert.equal(cell, want, `row ${r}, column ${c}`);
    }),
  );
}

async function expectAccessible(frame: Frame, step: string): Promise<void> {
  const violations = await seriousViolations(frame);
  assert.equal(violations.length, 0, `${step}: serious or critical violations\n${describeViolations(violations)}`);
}

describe("value by channel in the workbench", () => {
  it("channels: writes the Channels sheet, keeps the typed spend and gives its CAC on refresh", async () => {
    const page = await openWorkbench(session, "?dataset=transactions");
    const pane = await paneFrame(page);
    await pane.getByRole("button", { name: t("pane.table.use") }).click();
    await pane.getByRole("heading", { name: t("pane.step.columns") }).waitFor();
    await pane.getByRole("radio", { name: t("pane.method.kind.clvTiers") }).check();
    await pane.getByLabel(t("channels.pane.compareBy")).selectOption("Channel");
    await pane.getByText(t("channels.pane.hint")).waitFor();
    await expectAccessible(pane, "method step with compare by");
    await pane.getByRole("button", { name: t("pane.preview.button") }).click();
    await pane.getByRole("button", { name: t("pane.apply.button") }).click();
    await pane.getByText(/^Done:/).waitFor({ timeout: 120_000 });
    await pane
      .getByText(
        t("channels.pane.written", { column: "Channel", sheet: t("channels.sheetName"), table: "ChannelSpend" }),
      )
      .waitFor();

    const channels = t("channels.sheetName");
    const spendSheet = t("channels.spend.sheetName");
    const sheets = await sheetNames(page);
    assert.ok(sheets.includes(channels) && sheets.includes(spendSheet), `sheets: ${sheets.join(", ")}`);
    const recipe = await storedRecipe(page);
    assert.equal(recipe.channelsSheet, channels);
    assert.ok(recipe.method.kind === "clvTiers" && recipe.method.compareBy === "Channel");

    // The engine in Node on the same log and settings gives the same group table.
    const table = datasetTable("transactions");
    const result = segmentTable(table.headers, table.rows, recipe.mapping, recipe.shape, recipe.method, "en", {
      asOf: recipe.asOf,
    });
    assert.ok(result.channels, "the engine found the channels");
    const spend = await sheetValues(page, spendSheet);
    assert.deepEqual(
      spend.slice(1).map((row) => [row[0], row[1]]),
      result.channels.groups.map((group) => [group.label, ""]),
    );
    const spends = spend.slice(1).map((row) => ({
      group: String(row[0]),
      spend: null,
      from: row[2] as number,
      to: row[3] as number,
    }));
    const about = {
      tableName: table.name,
      spendTable: "ChannelSpend",
      issues: [],
      writtenAt: new Date().toISOString(),
    };
    const want = channelsSheet(result.channels, spends, "en", { ...about, spendTableCreated: true });
    const written = groupTable(await sheetValues(page, channels));
    const columns = written[0].map(String);
    // The likely numbers to 1e-8; the ranges, percentiles of redrawn parameters whose correlations come from a
    // numerical Hessian (the last bits of Math carried further), to 1e-3 relative, as on the Forecast sheet.
    const rangeColumn = (c: number) => /\((10|90)%\)$/.test(columns[c]);
    assertClose(written, groupTable(want.sheet.rows), (c) => (rangeColumn(c) ? 1e-3 : 1e-8));
    // Each channel's CLV per customer with its range (same draws, fixed seed): low < average < high.
    const average = columns.indexOf(t("channels.col.averageClv"));
    const low = columns.indexOf(t("channels.col.averageClvLow", { p: "10%" }));
    const high = columns.indexOf(t("channels.col.averageClvHigh", { p: "90%" }));
    assert.ok(average > 0 && low > average && high > low, `range columns: ${columns.join(", ")}`);
    for (const row of written.slice(1)) {
      assert.ok((row[low] as number) < (row[average] as number), `${String(row[0])}: low below the average`);
      assert.ok((row[average] as number) < (row[high] as number), `${String(row[0])}: high above the average`);
    }
    await page.getByRole("tab", { name: channels, exact: true }).click();
    await page.locator(`table[data-sheet="${channels}"]`).waitFor();
    await screenshot(page, "channels-sheet");

    // The user types a spend for the first channel; Refresh keeps it and computes that channel's CAC.
    await page.evaluate(
      (name) => (window as unknown as Host).customerValueWorkbench.workbook.editCell(name, 1, 1, { value: 2500 }),
      spendSheet,
    );
    const typed = await sheetValues(page, spendSheet);
    await pane.getByRole("button", { name: t("pane.recipe.refresh") }).click();
    await pane.getByText(/^Refreshed:/).waitFor({ timeout: 120_000 });
    assert.deepEqual(await sheetValues(page, spendSheet), typed);
    const refreshed = groupTable(await sheetValues(page, channels));
    const headers = refreshed[0].map(String);
    const first = refreshed.find((row) => row[0] === typed[1][0]);
    assert.ok(first, "the first channel is on the sheet");
    const acquired = first[headers.indexOf(t("channels.col.acquired"))] as number;
    assert.ok(acquired > 0);
    assert.equal(first[headers.indexOf(t("channels.col.cac"))], 2500 / acquired);
    await expectAccessible(pane, "after refresh with channels");
  });
});
