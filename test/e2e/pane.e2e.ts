/**
 * The real task pane, inside the workbench, in a real browser: every step of an RFM segmentation of the
 * sample table checked against the engine run in Node on the same data, refresh and remove, the themes,
 * French, the bad-cells table, and an accessibility scan of each step.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Frame, Page } from "playwright-core";
import { formatNumber, Locale, t } from "../../src/i18n/all";
import { suggestMapping } from "../../src/engine/segmentation/mapping";
import { segmentTable } from "../../src/engine/segmentation/segment";
import { validateTable } from "../../src/engine/segmentation/validate";
import type { SegmentationMethod } from "../../src/engine/segmentation/types";
import { columnLetters } from "../../src/workbench/range-ref";
import { PLANTED_PROBLEMS } from "../../src/workbench/sample-data";
import { datasetTable } from "../../src/workbench/session";
import type { DatasetId } from "../../src/workbench/settings";
import {
  BrowserSession,
  describeViolations,
  isLocalUrl,
  launch,
  openWorkbench,
  paneFrame,
  screenshot,
  seriousViolations,
  sheetNames,
  sheetValues,
} from "./harness";

const RFM: SegmentationMethod = { kind: "rfm", bins: 5 };
/** The pane gives the mapping suggester this many rows (src/taskpane/hooks/useSegmentationFlow.ts). */
const SAMPLE_ROWS = 200;

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

/** The in-memory workbook's cells, as the pane left them (row 1 = headers). */
/** Fills of every cell of a sheet ("" where none), so "remove restores the table" covers colours too. */
function sheetFills(page: Page, sheet: string): Promise<string[][]> {
  return page.evaluate((name) => {
    const host = window as unknown as {
      customerValueWorkbench: {
        workbook: {
          sheetSize(sheet: string): { rows: number; columns: number };
          getCell(sheet: string, row: number, col: number): { fill?: string };
        };
      };
    };
    const workbook = host.customerValueWorkbench.workbook;
    const { rows, columns } = workbook.sheetSize(name);
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => workbook.getCell(name, r, c).fill ?? ""),
    );
  }, sheet);
}

async function expectAccessible(frame: Frame, step: string): Promise<void> {
  const violations = await seriousViolations(frame);
  assert.equal(
    violations.length,
    0,
    `${step}: serious or critical accessibility violations\n${describeViolations(violations)}`,
  );
}

/** What the engine gives for the sample table, with the mapping the pane suggests. */
function expected(dataset: DatasetId, locale: Locale, origin?: string) {
  const table = datasetTable(dataset);
  const { shape, mapping } = suggestMapping(table.headers, table.rows.slice(0, SAMPLE_ROWS));
  const issues = validateTable(table.headers, table.rows, mapping, shape, { method: RFM, locale, origin });
  const ok = issues.every((issue) => issue.severity !== "error");
  const result = ok ? segmentTable(table.headers, table.rows, mapping, shape, RFM, locale) : null;
  return { table, shape, mapping, issues, result };
}

async function startSegmenting(pane: Frame, locale: Locale): Promise<void> {
  await pane.getByRole("button", { name: t("pane.table.use", {}, locale) }).click();
  await pane.getByRole("heading", { name: t("pane.step.columns", {}, locale) }).waitFor();
}

/** The Preview table as [segment, customers] text pairs. */
async function previewRows(pane: Frame, locale: Locale, customers: number): Promise<string[][]> {
  const table = pane.getByRole("table", { name: t("pane.preview.caption", { customers }, locale) });
  await table.waitFor();
  const rows = await table.locator("tbody tr").all();
  return Promise.all(
    rows.map(async (row) => {
      const cells = await row.locator("td").allTextContents();
      return [cells[0].trim(), cells[1].trim()];
    }),
  );
}

describe("task pane in the workbench", () => {
  it("loads in the light theme, finds the sample table, and is accessible", async () => {
    const { page, pane } = await open("");
    const { table } = expected("customers", "en");
    await pane.getByRole("heading", { name: t("pane.step.table") }).waitFor();
    const summary = t("pane.table.summary", {
      name: table.name,
      sheet: table.sheet,
      rows: table.rows.length,
      columns: table.headers.length,
    });
    await pane.getByText(summary).waitFor();
    const background = await pane.evaluate(
      () => getComputedStyle(document.querySelector("#container > * > div") ?? document.body).backgroundColor,
    );
    assert.match(background, /rgb\(255, 255, 255\)/);
    await screenshot(page, "02-pane-light-table");
    await expectAccessible(pane, "table step (light)");
  });

  it("applies RFM segmentation: the preview counts and the written columns match the engine", async () => {
    const { page, pane } = await open("");
    const want = expected("customers", "en");
    assert.ok(want.result, "the engine refused the sample table");
    await startSegmenting(pane, "en");
    await expectAccessible(pane, "columns and method steps");

    await pane.getByRole("button", { name: t("pane.preview.button") }).click();
    const total = want.table.rows.length;
    const shown = await previewRows(pane, "en", total);
    assert.deepEqual(
      shown,
      want.result.preview.map((segment) => [
        t(segment.labelKey, segment.labelParams),
        formatNumber(segment.customers, "en"),
      ]),
    );
    await pane.getByRole("table", { name: t("pane.preview.caption", { customers: total }) }).scrollIntoViewIfNeeded();
    await screenshot(page, "03-pane-preview");
    await expectAccessible(pane, "preview step");

    // Apply's code (segmentation.js, src/taskpane/load-actions.ts) is not part of the pane's first load.
    const actionsChunk = (url: string) => /\/segmentation\.js(\?|$)/.test(url);
    assert.ok(!session.requests.some(actionsChunk), "segmentation.js was loaded before Apply");
    await pane.getByRole("button", { name: t("pane.apply.button") }).click();
    await pane.getByText(/^Done:/).waitFor();
    assert.ok(session.requests.some(actionsChunk), "Apply did not load segmentation.js");
    const values = await sheetValues(page, want.table.sheet);
    const headers = values[0].map(String);
    const added = want.result.columns.map((column) => column.header);
    assert.deepEqual(headers, [...want.table.headers, ...added]);
    want.result.columns.forEach((column, i) => {
      const c = want.table.headers.length + i;
      assert.deepEqual(
        values.slice(1).map((row) => row[c]),
        column.values,
        `column ${column.header}`,
      );
    });
    const segmentsSheet = t("segmentation.sheet.name");
    assert.ok((await sheetNames(page)).includes(segmentsSheet), "no summary sheet");

    // The grid shows the added columns, marked as the add-in's, with their fills.
    const grid = page.locator(`table[data-sheet="${want.table.sheet}"]`);
    assert.equal(await grid.locator("th[data-own=true]").count(), added.length);
    assert.ok((await grid.locator("td[data-fill]").count()) > 0, "no filled cell in the grid");
    await screenshot(page, "04-workbench-segmented");
    await expectAccessible(pane, "after apply");

    await page.getByRole("tab", { name: segmentsSheet, exact: true }).click();
    await page.locator(`table[data-sheet="${segmentsSheet}"]`).waitFor();
    await screenshot(page, "05-segments-sheet");
    const chartTab = page.getByRole("tab", { name: /^Chart/ });
    if ((await chartTab.count()) > 0) {
      await chartTab.first().click();
      await page.locator("figure svg g[data-bar]").first().waitFor();
      await screenshot(page, "05b-segments-chart");
    }
    await page.getByRole("tab", { name: want.table.sheet, exact: true }).click();

    // Refresh gives identical output; only the Segments sheet's "Written on" time moves on.
    const writtenOn = t("segmentsheet.writtenOn");
    const exceptWrittenOn = (rows: unknown[][]) => rows.filter((row) => row[0] !== writtenOn);
    const before = { table: values, segments: await sheetValues(page, segmentsSheet) };
    assert.ok(before.segments.some((row) => row[0] === writtenOn));
    await pane.getByRole("button", { name: t("pane.recipe.refresh") }).click();
    await pane.getByText(/^Refreshed:/).waitFor();
    assert.deepEqual(await sheetValues(page, want.table.sheet), before.table);
    assert.deepEqual(exceptWrittenOn(await sheetValues(page, segmentsSheet)), exceptWrittenOn(before.segments));
    await expectAccessible(pane, "after refresh");

    // Remove restores the table exactly: values, and no fill left behind.
    await pane.getByRole("button", { name: t("pane.recipe.remove") }).click();
    await pane.getByText(t("pane.recipe.removed", { sheet: segmentsSheet })).waitFor();
    assert.deepEqual(await sheetValues(page, want.table.sheet), [want.table.headers, ...want.table.rows]);
    assert.ok((await sheetFills(page, want.table.sheet)).every((row) => row.every((fill) => fill === "")));
    assert.ok(!(await sheetNames(page)).includes(segmentsSheet), "the summary sheet is still there");
    await expectAccessible(pane, "after remove");
  });

  it("segments the transaction log through its per-customer summary, with the engine's counts", async () => {
    const { page, pane } = await open("?dataset=transactions");
    const want = expected("transactions", "en");
    assert.equal(want.shape, "transactions");
    assert.ok(want.result, "the engine refused the transaction log");
    await startSegmenting(pane, "en");
    await pane.getByRole("button", { name: t("pane.preview.button") }).click();
    const customers = want.result.preview.reduce((sum, segment) => sum + segment.customers, 0);
    const shown = await previewRows(pane, "en", customers);
    assert.deepEqual(
      shown,
      want.result.preview.map((segment) => [
        t(segment.labelKey, segment.labelParams),
        formatNumber(segment.customers, "en"),
      ]),
    );
    await pane.getByRole("button", { name: t("pane.apply.button") }).click();
    await pane.getByText(/^Done:/).waitFor();
    const sheets = await sheetNames(page);
    assert.ok(sheets.includes(t("segmentation.sheet.name")), `sheets: ${sheets.join(", ")}`);
    if (want.result.customerSheet) {
      assert.ok(sheets.includes(want.result.customerSheet.name), `no ${want.result.customerSheet.name} sheet`);
      assert.deepEqual(await sheetValues(page, want.result.customerSheet.name), want.result.customerSheet.rows);
    }
    await expectAccessible(pane, "after apply (transactions)");
  });

  it("loads in the dark theme", async () => {
    const { page, pane } = await open("?theme=dark");
    await pane.getByRole("heading", { name: t("pane.step.table") }).waitFor();
    const background = await pane.evaluate(() => {
      const root = document.querySelector("#container > * > div") ?? document.body;
      return getComputedStyle(root).backgroundColor;
    });
    const [r, g, b] = (background.match(/\d+/g) ?? ["255", "255", "255"]).map(Number);
    assert.ok(r + g + b < 200, `pane background ${background} is not dark`);
    await screenshot(page, "07-pane-dark");
    await expectAccessible(pane, "table step (dark)");
    await startSegmenting(pane, "en");
    await pane.getByRole("button", { name: t("pane.preview.button") }).click();
    await pane.getByText(t("pane.preview.nothingWritten")).waitFor();
    await expectAccessible(pane, "preview step (dark)");
  });

  it("speaks French when Office's language is French, segment names included", async () => {
    const { page, pane } = await open("?lang=fr");
    await pane.getByRole("heading", { name: t("pane.step.table", {}, "fr") }).waitFor();
    assert.equal(await page.getByRole("tab", { name: "Fonctions" }).count(), 1);
    await startSegmenting(pane, "fr");
    await pane.getByRole("button", { name: t("pane.preview.button", {}, "fr") }).click();
    const want = expected("customers", "fr");
    assert.ok(want.result);
    const shown = await previewRows(pane, "fr", want.table.rows.length);
    assert.deepEqual(
      shown.map(([label]) => label),
      want.result.preview.map((segment) => t(segment.labelKey, segment.labelParams, "fr")),
    );
    await screenshot(page, "08-pane-french");
    await expectAccessible(pane, "preview step (French)");
  });

  it("names the bad cells of an imported table and refuses to preview", async () => {
    const { page, pane } = await open("?dataset=badCells");
    await startSegmenting(pane, "en");
    // Messages name A1 cells from the table's top-left corner, as the workbook reports it to the pane.
    const origin = await page.evaluate(() => {
      const host = window as unknown as {
        customerValueWorkbench: { workbook: { tables(): { origin?: string }[] } };
      };
      return host.customerValueWorkbench.workbook.tables()[0]?.origin;
    });
    const want = expected("badCells", "en", origin);
    const errors = want.issues.filter((issue) => issue.severity === "error");
    assert.ok(errors.length > 0, "the engine found nothing wrong in the bad-cells table");
    // Each message names its column and first bad row (the planted problems).
    for (const issue of errors) await pane.getByText(t(issue.key, issue.params)).first().waitFor();
    for (const problem of PLANTED_PROBLEMS) {
      assert.ok(
        errors.some((issue) => {
          const text = `${t(issue.key, issue.params)} ${issue.cells.join(" ")}`;
          const address = `${columnLetters(want.table.headers.indexOf(problem.header))}${problem.row + 1}`;
          return text.includes(problem.header) && (text.includes(`row ${problem.row}`) || text.includes(address));
        }),
        `no message names ${problem.header} row ${problem.row}`,
      );
    }
    assert.equal(await pane.getByRole("button", { name: t("pane.preview.button") }).isDisabled(), true);
    await pane.getByText(t(errors[0].key, errors[0].params), { exact: false }).first().scrollIntoViewIfNeeded();
    await screenshot(page, "09-pane-bad-cells");
    await expectAccessible(pane, "columns step with issues");
  });

  it("reloads the pane when the language changes in the toolbar", async () => {
    const page = await openWorkbench(session, "");
    await (await paneFrame(page)).getByRole("heading", { name: t("pane.step.table") }).waitFor();
    await page.getByTestId("language").selectOption("fr");
    await page.waitForFunction(() => window.location.search.includes("lang=fr"));
    const pane = await paneFrame(page);
    await pane.getByRole("heading", { name: t("pane.step.table", {}, "fr") }).waitFor();
    assert.match(page.url(), /lang=fr/);
  });

  it("made no request outside localhost", () => {
    assert.deepEqual(
      session.requests.filter((url) => !isLocalUrl(url)),
      [],
    );
  });
});
