/**
 * What the pane leaves in the workbook, in a real browser: the Segments sheet's assumptions, totals and labels, the
 * action columns and the Win-back sheet; a refresh after the data changed, with its change matrix; two
 * segmentations side by side, refreshed and removed from another sheet; a date-sorted 100,000-row log taken for a
 * log; quantile tiers never offered the ID column. Checked against the engine run in Node on the same data.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Frame, Page } from "playwright-core";
import type { CellValue } from "../../src/excel/workbook";
import { t } from "../../src/i18n/all";
import { sampleRows, suggestMapping } from "../../src/engine/segmentation/mapping";
import { segmentTable } from "../../src/engine/segmentation/segment";
import type { Recipe, SegmentationMethod } from "../../src/engine/segmentation/types";
import { DEFAULT_METHODS } from "../../src/taskpane/hooks/useSegmentationFlow";
import { datasetTable } from "../../src/workbench/session";
import { BrowserSession, launch, openWorkbench, paneFrame, screenshot, sheetNames, sheetValues } from "./harness";

let session: BrowserSession;

before(async () => {
  session = await launch();
});

after(async () => {
  await session?.close();
});

async function open(query: string): Promise<{ page: Page; pane: Frame }> {
  const page = await openWorkbench(session, query);
  const pane = await paneFrame(page);
  return { page, pane };
}

interface WorkbenchWorkbook {
  sheetValues(sheet: string): CellValue[][];
  sheetNames(): string[];
  settings(): ReadonlyMap<string, string>;
  tables(): { id: string; name: string; worksheet: string; headers: string[]; row: number; col: number }[];
  getCell(sheet: string, row: number, col: number): { value: CellValue; numberFormat?: string };
  editCell(sheet: string, row: number, col: number, cell: { value: CellValue }): void;
  select(range: { sheet: string; row: number; col: number }): void;
  selectTable(tableId: string): void;
  addTable(spec: { name: string; sheet: string; headers: string[]; rows: CellValue[][] }): { id: string };
}

/** Runs a function on the workbench's in-memory workbook (in the page) and returns its result. */
function onWorkbook<A, R>(page: Page, body: (workbook: WorkbenchWorkbook, arg: A) => R, arg: A): Promise<R> {
  return page.evaluate(
    ({ source, value }) => {
      const host = window as unknown as { customerValueWorkbench: { workbook: WorkbenchWorkbook } };
      // The body is sent as text: it runs in the page, on the page's workbook.

      const fn = new Function("workbook", "arg", `return (${source})(workbook, arg);`) as (
        workbook: WorkbenchWorkbook,
        arg: A,
      ) => R;
      return fn(host.customerValueWorkbench.workbook, value as A);
    },
    { source: body.toString(), value: arg },
  );
}

async function recipes(page: Page): Promise<Record<string, Recipe>> {
  const entries = await onWorkbook(page, (workbook) => [...workbook.settings().entries()], null);
  return Object.fromEntries(
    entries.map(([key, json]) => [key.replace(/^customerValue\.recipe\./, ""), JSON.parse(json)]),
  );
}

async function startSegmenting(pane: Frame): Promise<void> {
  await pane.getByRole("button", { name: t("pane.table.use") }).click();
  await pane.getByRole("heading", { name: t("pane.step.columns") }).waitFor();
}

async function previewAndApply(pane: Frame): Promise<void> {
  await pane.getByRole("button", { name: t("pane.preview.button") }).click();
  await pane.getByText(t("pane.preview.nothingWritten")).waitFor({ timeout: 60_000 });
  await pane.getByRole("button", { name: t("pane.apply.button") }).click();
  await pane.getByText(/^Done:/).waitFor({ timeout: 60_000 });
}

/** Moves the selection onto a sheet of ours, as a user clicking there: the pane must keep Refresh and Remove. */
async function selectOn(page: Page, pane: Frame, sheet: string): Promise<void> {
  await onWorkbook(page, (workbook, name) => workbook.select({ sheet: name, row: 0, col: 0 }), sheet);
  await pane.getByText(t("pane.table.ownSheet.title", { sheet })).waitFor();
}

/** What the pane does by default for CLV tiers (its purchase model choice included), with the Win-back sheet. */
const CLV_TIERS: SegmentationMethod = { ...DEFAULT_METHODS.clvTiers, winBack: true };

describe("what the segmentation writes", () => {
  it("Segments sheet: assumptions, totals and labels; action columns and the Win-back sheet of CLV tiers", async () => {
    const { page, pane } = await open("?dataset=transactions");
    await startSegmenting(pane);
    await pane.getByRole("radio", { name: t("pane.method.kind.clvTiers") }).click();
    const winBack = pane.getByRole("checkbox", { name: t("pane.method.winBack") });
    if (!(await winBack.isChecked())) await winBack.click();
    await previewAndApply(pane);

    // The engine in Node, on the same log with the same settings.
    const table = datasetTable("transactions");
    const { mapping } = suggestMapping(table.headers, sampleRows(table.rows));
    const want = segmentTable(table.headers, table.rows, mapping, "transactions", CLV_TIERS, "en");
    const sheet = t("segmentation.sheet.name");
    const rows = await sheetValues(page, sheet);
    const labels = rows.map((row) => row[0]);

    // The assumptions block, each line labelled.
    for (const key of [
      "segmentsheet.assumptions",
      "segmentsheet.table",
      "segmentsheet.window",
      "segmentsheet.asOf",
      "segmentsheet.method",
      "segmentsheet.purchaseModel",
      "segmentsheet.spendModel",
      "segmentsheet.horizon",
      "segmentsheet.margin",
      "segmentsheet.discount",
      "segmentsheet.churnBands",
      "segmentsheet.expected",
      "segmentsheet.version",
      "segmentsheet.writtenOn",
    ] as const) {
      assert.ok(labels.includes(t(key)), `no “${t(key)}” line on the Segments sheet`);
    }
    const line = (key: Parameters<typeof t>[0]) => rows[labels.indexOf(t(key))];
    assert.equal(line("segmentsheet.horizon")[1], 12);
    assert.equal(line("segmentsheet.margin")[1], 0.3);
    assert.equal(line("segmentsheet.discount")[1], 0.1);
    assert.equal(
      line("segmentsheet.customers")[1],
      want.preview.reduce((sum, s) => sum + s.customers, 0),
    );

    // The per-segment table: every column labelled (shares of revenue and of CLV apart), one row per segment in
    // the engine's order with its counts, then a totals row.
    const header = rows.findIndex((row) => row[0] === t("segmentsheet.col.segment"));
    assert.ok(header > 0, "no segment table header");
    const columns = rows[header].map(String);
    for (const key of [
      "segmentsheet.col.customers",
      "segmentsheet.col.customerShare",
      "segmentsheet.col.revenue",
      "segmentsheet.col.revenueShare",
      "segmentsheet.col.totalClv",
      "segmentsheet.col.averageClv",
      "segmentsheet.col.clvShare",
      "segmentsheet.col.maxCac",
      "segmentsheet.col.definition",
      "segmentsheet.col.action",
    ] as const) {
      assert.ok(columns.includes(t(key)), `no “${t(key)}” column (columns: ${columns.join(" | ")})`);
    }
    const segmentRows = rows.slice(header + 1, header + 1 + want.preview.length);
    assert.deepEqual(
      segmentRows.map((row) => [row[0], row[columns.indexOf(t("segmentsheet.col.customers"))]]),
      want.preview.map((segment) => [t(segment.labelKey, segment.labelParams), segment.customers]),
    );
    const total = rows[header + 1 + want.preview.length];
    assert.equal(total[0], t("segmentsheet.total"));
    const sum = (label: string) => segmentRows.reduce((acc, row) => acc + Number(row[columns.indexOf(label)]), 0);
    for (const key of [
      "segmentsheet.col.customers",
      "segmentsheet.col.revenue",
      "segmentsheet.col.totalClv",
    ] as const) {
      const c = columns.indexOf(t(key));
      assert.ok(
        Math.abs(Number(total[c]) - sum(t(key))) < 1e-6 * Math.max(1, Math.abs(sum(t(key)))),
        `total of ${t(key)}`,
      );
    }
    for (const key of [
      "segmentsheet.col.customerShare",
      "segmentsheet.col.revenueShare",
      "segmentsheet.col.clvShare",
    ] as const) {
      assert.ok(Math.abs(sum(t(key)) - 1) < 1e-9, `${t(key)} does not add up to 100 %`);
    }
    // Every segment has a definition and an action in plain words; shares are formatted as percentages.
    for (const row of segmentRows) {
      assert.ok(String(row[columns.indexOf(t("segmentsheet.col.definition"))]).length > 0, `no definition: ${row[0]}`);
      assert.ok(String(row[columns.indexOf(t("segmentsheet.col.action"))]).length > 10, `no action: ${row[0]}`);
    }
    const shareFormat = await onWorkbook(
      page,
      (workbook, at) => workbook.getCell(at.sheet, at.row, at.col).numberFormat ?? "",
      { sheet, row: header + 1, col: columns.indexOf(t("segmentsheet.col.clvShare")) },
    );
    assert.match(shareFormat, /%/);
    await page.getByRole("tab", { name: sheet, exact: true }).click();
    await page.locator(`table[data-sheet="${sheet}"]`).waitFor();
    await screenshot(page, "10-segments-sheet-clv");

    // The action columns on the table, per purchase row: churn-risk band, expected purchases and spend, and a
    // reason in words; texts as the engine wrote them, numbers where it wrote numbers.
    for (const key of [
      "segmentation.column.churnRisk",
      "segmentation.column.expectedPurchases",
      "segmentation.column.reason",
    ] as const) {
      assert.ok(
        want.columns.some((column) => column.header === t(key)),
        `the engine wrote no “${t(key)}” column`,
      );
    }
    const data = await sheetValues(page, table.sheet);
    const at = (header: string) => data[0].map(String).indexOf(header);
    for (const column of want.columns) {
      assert.ok(at(column.header) >= 0, `no “${column.header}” column on the table`);
      assert.deepEqual(
        data.slice(1).map((row) => (typeof row[at(column.header)] === "number" ? "n" : row[at(column.header)])),
        column.values.map((value) => (typeof value === "number" ? "n" : value)),
        `column ${column.header}`,
      );
    }

    // The Win-back sheet: high value, low P(alive).
    assert.ok(want.winBackSheet, "the engine wrote no win-back sheet");
    assert.ok((await sheetNames(page)).includes(want.winBackSheet.name), "no Win-back sheet");
    const winBackRows = await sheetValues(page, want.winBackSheet.name);
    assert.deepEqual(winBackRows[0], want.winBackSheet.rows[0]);
    assert.equal(winBackRows.length, want.winBackSheet.rows.length);
  });

  it("refresh after the data changed: the Changes sheet's matrix counts the customers who moved", async () => {
    const { page, pane } = await open("");
    await startSegmenting(pane);
    await previewAndApply(pane);
    const table = datasetTable("customers");
    const { mapping, shape } = suggestMapping(table.headers, sampleRows(table.rows));
    const rfm: SegmentationMethod = { kind: "rfm", bins: 5 };
    const before = segmentTable(table.headers, table.rows, mapping, shape, rfm, "en");

    // The first 300 customers have not bought for two years now.
    const info = await onWorkbook(page, (workbook) => workbook.tables()[0], null);
    const recency = table.headers.indexOf("Recency");
    await onWorkbook(
      page,
      (workbook, at) => {
        for (let r = 0; r < 300; r++) workbook.editCell(at.sheet, at.row + 1 + r, at.col + at.recency, { value: 730 });
      },
      { sheet: info.worksheet, row: info.row, col: info.col, recency },
    );
    const changed = table.rows.map((row, r) => (r < 300 ? row.map((cell, c) => (c === recency ? 730 : cell)) : row));
    const after = segmentTable(table.headers, changed, mapping, shape, rfm, "en");
    const moved = before.columns[0].values.filter((label, i) => label !== after.columns[0].values[i]).length;
    assert.ok(moved > 0, "the edit moved nobody: the test would prove nothing");

    // Refreshed from the Segments sheet: Refresh stays reachable off the table.
    const segments = t("segmentation.sheet.name");
    await selectOn(page, pane, segments);
    await pane.getByRole("button", { name: t("pane.recipe.refresh") }).click();
    await pane.getByText(/^Refreshed:/).waitFor({ timeout: 60_000 });
    const changesSheet = t("changes.sheetName");
    await pane.getByText(t("pane.recipe.changed", { moved, added: 0, sheet: changesSheet })).waitFor();
    const rows = await sheetValues(page, changesSheet);
    assert.ok(
      rows.some((row) => row[0] === t("changes.customersMatrix")),
      "no customers matrix",
    );
    // The matrix: row = previous segment, column = segment now; off-diagonal cells add up to the movers.
    const top = rows.findIndex((row) => row[0] === t("changes.fromTo"));
    const to = rows[top].slice(1).map(String);
    let offDiagonal = 0;
    for (const row of rows.slice(top + 1)) {
      if (row[0] === "" || row[0] === t("changes.new")) break;
      row.slice(1, 1 + to.length).forEach((count, j) => {
        const expected = before.columns[0].values.filter(
          (label, i) => label === row[0] && after.columns[0].values[i] === to[j],
        ).length;
        assert.equal(Number(count || 0), expected, `${String(row[0])} → ${to[j]}`);
        if (to[j] !== row[0]) offDiagonal += Number(count || 0);
      });
    }
    assert.equal(offDiagonal, moved);
    assert.equal((await recipes(page))[table.name].changes?.moved, moved);
    await page.getByRole("tab", { name: changesSheet, exact: true }).click();
    await page.locator(`table[data-sheet="${changesSheet}"]`).waitFor();
    await screenshot(page, "11-changes-sheet");
  });

  it("two segmentations side by side on one table, each refreshed and removed from another sheet", async () => {
    const { page, pane } = await open("");
    const table = datasetTable("customers");
    await startSegmenting(pane);
    await previewAndApply(pane);

    // The same table again, with value tiers: the pane asks, and "add" keeps the RFM segmentation.
    await pane.getByRole("button", { name: t("pane.table.use") }).click();
    await pane.getByRole("radio", { name: t("pane.method.kind.quantileTiers") }).click();
    await pane.getByRole("button", { name: t("pane.preview.button") }).click();
    await pane.getByText(t("pane.preview.nothingWritten")).waitFor();
    const choice = pane.getByRole("radiogroup", { name: t("resegment.legend") });
    assert.equal(await choice.getByRole("radio", { name: /^Replace RFM/ }).isChecked(), true);
    await choice.getByRole("radio", { name: t("resegment.add") }).click();
    // The Apply step names the new summary sheet before anything is written.
    await pane.getByText(/“Segments \(2\)”/).waitFor();
    await pane.getByRole("button", { name: t("pane.apply.button") }).click();
    await pane.getByText(/^Done:/).waitFor();

    const stored = await recipes(page);
    assert.deepEqual(Object.keys(stored).sort(), [table.name, `${table.name}#2`]);
    const [rfm, tiers] = [stored[table.name], stored[`${table.name}#2`]];
    assert.equal(rfm.method.kind, "rfm");
    assert.equal(tiers.method.kind, "quantileTiers");
    assert.equal(tiers.summarySheet, `${t("segmentation.sheet.name")} (2)`);
    const headers = (await onWorkbook(page, (workbook) => workbook.tables()[0].headers, null)).map(String);
    assert.deepEqual(headers, [...table.headers, ...rfm.ownColumns, ...tiers.ownColumns]);
    assert.ok(
      tiers.ownColumns.every((header) => !rfm.ownColumns.includes(header)),
      `value tiers' columns: ${tiers.ownColumns.join(", ")}`,
    );
    await screenshot(page, "12-two-segmentations");

    // From the second one's sheet: refresh the first, then remove the second; the first keeps its columns.
    await selectOn(page, pane, tiers.summarySheet);
    const items = pane.getByRole("region", { name: t("pane.recipe.heading") }).getByRole("listitem");
    assert.equal(await items.count(), 2);
    const before = await sheetValues(page, table.sheet);
    await items
      .nth(0)
      .getByRole("button", { name: t("pane.recipe.refresh") })
      .click();
    await pane.getByText(/^Refreshed:/).waitFor();
    assert.deepEqual(await sheetValues(page, table.sheet), before);
    await items
      .nth(1)
      .getByRole("button", { name: t("pane.recipe.remove") })
      .click();
    await pane.getByText(t("pane.recipe.removed", { sheet: tiers.summarySheet })).waitFor();
    const left = (await onWorkbook(page, (workbook) => workbook.tables()[0].headers, null)).map(String);
    assert.deepEqual(left, [...table.headers, ...rfm.ownColumns]);
    assert.ok(!(await sheetNames(page)).includes(tiers.summarySheet));
    assert.deepEqual(Object.keys(await recipes(page)), [table.name]);

    // And the first, removed from its own Segments sheet.
    await selectOn(page, pane, rfm.summarySheet);
    await pane.getByRole("button", { name: t("pane.recipe.remove") }).click();
    await pane.getByText(t("pane.recipe.removed", { sheet: rfm.summarySheet })).waitFor();
    assert.deepEqual(await sheetValues(page, table.sheet), [table.headers, ...table.rows]);
  });

  it("a date-sorted 100,000-row log whose first rows are all different customers is taken for a log", async () => {
    const { page, pane } = await open("");
    // 20,000 customers buy five times; sorted by date, the first 20,000 rows are 20,000 different customers.
    await onWorkbook(
      page,
      (workbook) => {
        const rows: CellValue[][] = [];
        for (let round = 0; round < 5; round++) {
          for (let c = 0; c < 20_000; c++) {
            rows.push([
              `K${String(c).padStart(5, "0")}`,
              45_000 + round * 100 + Math.floor(c / 250),
              10 + ((c * 7) % 90),
            ]);
          }
        }
        const added = workbook.addTable({
          name: "Orders",
          sheet: "Log",
          headers: ["Client", "Order date", "Total"],
          rows,
        });
        workbook.selectTable(added.id);
      },
      null,
    );
    await pane
      .getByText(t("pane.table.summary", { name: "Orders", sheet: "Log", rows: 100_000, columns: 3 }))
      .waitFor();
    await startSegmenting(pane);
    const log = pane.getByRole("radio", { name: t("pane.columns.shape.transactions") });
    await log.waitFor({ timeout: 60_000 });
    assert.equal(await log.isChecked(), true, "the log was taken for a customer table");
    // And no duplicate-id refusal: the log is accepted for preview.
    assert.equal(await pane.getByRole("button", { name: t("pane.preview.button") }).isDisabled(), false);
  });

  it("quantile tiers offer numeric columns only, never the customer ID, and preview without a crash", async () => {
    const { pane } = await open("");
    const errors = session.errors.length;
    await startSegmenting(pane);
    await pane.getByRole("radio", { name: t("pane.method.kind.quantileTiers") }).click();
    const picker = pane.getByRole("combobox", { name: t("pane.method.column.label") });
    const options = (await picker.locator("option").allTextContents()).map((text) => text.trim());
    assert.ok(!options.includes("Customer ID"), `the ID column is offered: ${options.join(", ")}`);
    assert.ok(
      !options.includes("Name") && !options.includes("First purchase"),
      `text or date offered: ${options.join(", ")}`,
    );
    assert.ok(options.includes("Revenue"), `options: ${options.join(", ")}`);
    // A single control chooses the column: no second picker elsewhere in Columns.
    assert.equal(await pane.getByRole("combobox", { name: t("pane.method.column.label") }).count(), 1);
    for (const option of options) {
      await picker.selectOption({ label: option });
      await pane.getByRole("button", { name: t("pane.preview.button") }).click();
      await pane.getByText(t("pane.preview.nothingWritten")).waitFor();
    }
    assert.deepEqual(session.errors.slice(errors), []);
  });
});
