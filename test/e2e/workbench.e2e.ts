/**
 * The workbench itself in a real browser: the sample data in the grid, the toolbar, and the functions gallery
 * evaluating the real function code with the same answers as the engine.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { customerEquity, simpleLifetimeValue } from "../../src/engine/metrics/lifetime-value";
import { clv } from "../../src/functions/metrics";
import { installCustomFunctionsShim } from "../../src/functions/runtime-shim";
import { CUSTOMER_HEADERS, customerTable, simulateBusiness } from "../../src/workbench/sample-data";
import { t } from "../../src/i18n/all";
import {
  BASE_URL,
  BrowserSession,
  describeViolations,
  isLocalUrl,
  launch,
  openWorkbench,
  screenshot,
  seriousViolations,
} from "./harness";

const customers = customerTable(simulateBusiness());
installCustomFunctionsShim(globalThis);

let session: BrowserSession;
let page: Page;

before(async () => {
  session = await launch();
  page = await openWorkbench(session);
});

after(async () => {
  await session?.close();
});

async function evaluateInGallery(id: string, args: Record<string, string>) {
  await page.getByRole("tab", { name: /^(Functions|Fonctions)$/ }).click();
  await page.locator(`[data-function="${id}"]`).click();
  for (const [name, text] of Object.entries(args)) await page.locator(`input[data-param="${name}"]`).fill(text);
  await page.getByRole("button", { name: /^(Evaluate|Évaluer)$/ }).click();
  await page.getByTestId("gallery-outcome").waitFor();
}

describe("workbench", () => {
  it("shows the generated customer table in the grid, a page at a time", async () => {
    const grid = page.locator('table[data-sheet="Customers"]');
    await grid.waitFor();
    const headers = await grid.locator("thead th[scope=col]").allTextContents();
    assert.deepEqual(headers.slice(1), [...CUSTOMER_HEADERS]);
    assert.match((await page.getByTestId("grid-rows").textContent()) ?? "", /1–100 of 3,000/);
    const firstRow = await grid.locator("tbody tr").first().locator("td").allTextContents();
    assert.equal(firstRow[0], customers.rows[0][0]);
    await page.getByRole("button", { name: "Next rows" }).click();
    assert.match((await page.getByTestId("grid-rows").textContent()) ?? "", /101–200 of 3,000/);
    await screenshot(page, "01-workbench-customers");
  });

  it("switches to the transaction log and back", async () => {
    await page.getByTestId("dataset").selectOption("transactions");
    await page.locator('table[data-sheet="Transactions"]').waitFor();
    assert.match(page.url(), /dataset=transactions/);
    await page.getByTestId("dataset").selectOption("customers");
    await page.locator('table[data-sheet="Customers"]').waitFor();
  });

  it("evaluates CUST.CLV with typed arguments exactly as the engine does", async () => {
    await evaluateInGallery("CLV", { basket: "50", purchases_per_period: "3", periods: "12", margin: "40%" });
    const value = await page.getByTestId("result-cell").first().getAttribute("data-value");
    assert.equal(Number(value), simpleLifetimeValue(50, 3, 12, 0.4));
    assert.equal(await page.getByTestId("gallery-formula").textContent(), "=CUST.CLV(50, 3, 12, 40%)");
    await screenshot(page, "06-functions-gallery");
  });

  it("evaluates CUST.EQUITY on a grid range of the customer table", async () => {
    const revenue = CUSTOMER_HEADERS.indexOf("Revenue");
    const last = customers.rows.length + 1;
    await evaluateInGallery("EQUITY", { lifetime_values: `Customers!G2:G${last}`, customers: "" });
    const value = Number(await page.getByTestId("result-cell").first().getAttribute("data-value"));
    const expected = customerEquity(customers.rows.map((row) => row[revenue] as number));
    assert.ok(Math.abs(value - expected) <= 1e-9 * Math.abs(expected), `${value} vs ${expected}`);
  });

  it("shows the Excel error code and the function's message for a bad argument", async () => {
    await evaluateInGallery("CLV", { basket: "abc", purchases_per_period: "3", periods: "12", margin: "" });
    const error = page.getByTestId("gallery-error");
    // The same call in Node, through the same function module, gives the message the cell must show.
    let expected: { code: string; message: string } | null = null;
    try {
      clv([["abc"]], [[3]], [[12]]);
    } catch (thrown) {
      expected = thrown as { code: string; message: string };
    }
    assert.ok(expected, "CUST.CLV accepted a text basket");
    assert.equal(await error.getAttribute("data-error"), expected.code);
    assert.equal(await error.locator(".fui-MessageBarBody").textContent(), `${expected.code}${expected.message}`);
    assert.match(expected.message, /basket/);
  });

  it("is accessible itself: grid, toolbar and gallery", async () => {
    await page.getByRole("tab", { name: "Customers", exact: true }).click();
    await page.locator('table[data-sheet="Customers"]').waitFor();
    const onGrid = await seriousViolations(page.mainFrame(), { skipFrames: true });
    assert.equal(onGrid.length, 0, describeViolations(onGrid));
    await evaluateInGallery("LIFESPAN", { churn_rate: "25%" });
    const onGallery = await seriousViolations(page.mainFrame(), { skipFrames: true });
    assert.equal(onGallery.length, 0, describeViolations(onGallery));
  });

  it("made no request outside localhost", () => {
    assert.ok(session.requests.length > 0);
    assert.deepEqual(
      session.requests.filter((url) => !isLocalUrl(url)),
      [],
    );
  });
});

describe("task pane outside Excel and outside the workbench", () => {
  it("opened directly in a browser, says to open it in Excel, without calling out", async () => {
    const local = await launch();
    try {
      const page = await local.context.newPage();
      const missing: string[] = [];
      page.on("response", (response) => {
        if (response.status() >= 400) missing.push(`HTTP ${response.status()} ${response.url()}`);
      });
      await page.goto(`${BASE_URL}taskpane.html`);
      await page
        .getByText(t("pane.openInExcel.title"))
        .waitFor({ timeout: 15_000 })
        .catch((error: Error) => {
          // office.js never calls Office.onReady when a file it loads is missing.
          throw new Error(`${error.message}\n${missing.join("\n")}`);
        });
      // office.js loads a telemetry frame a few seconds after it starts: give it the time to try.
      await page.waitForTimeout(4000);
      assert.deepEqual(
        local.requests.filter((url) => !isLocalUrl(url)),
        [],
      );
    } finally {
      await local.close();
    }
  });
});
