/**
 * The purchase-model choice of CLV tiers in the real pane: Method offers best on holdout (the default) and the
 * registry's models; Preview shows each model's fit status and, with best on holdout, the comparison whose winner
 * is the engine's choice on the same sample log (run in Node); choosing BG/NBD says why its one-time buyers are
 * all alive.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Frame } from "playwright-core";
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
} from "./harness";

let session: BrowserSession;

before(async () => {
  session = await launch();
});

after(async () => {
  await session?.close();
});

/** The engine's CLV tiers of the sample log with the pane's default method and the given purchase model. */
function expected(purchaseModel: "best" | "bgnbd") {
  const table = datasetTable("transactions");
  const { shape, mapping } = suggestMapping(table.headers, table.rows.slice(0, 200));
  const method: SegmentationMethod = { ...DEFAULT_METHODS.clvTiers, purchaseModel };
  return segmentTable(table.headers, table.rows, mapping, shape, method, "en");
}

async function preview(pane: Frame): Promise<void> {
  await pane.getByRole("button", { name: t("pane.preview.button") }).click();
  await pane.getByRole("region", { name: t("selection.models") }).waitFor({ timeout: 120_000 });
}

describe("model choice in the task pane", () => {
  it("model choice: best on holdout by default, the comparison and each fit's status in Preview", async () => {
    const page = await openWorkbench(session, "?dataset=transactions");
    const pane = await paneFrame(page);
    await pane.getByRole("button", { name: t("pane.table.use") }).click();
    await pane.getByRole("heading", { name: t("pane.step.columns") }).waitFor();
    await pane.getByRole("radio", { name: t("pane.method.kind.clvTiers") }).check();
    const picker = pane.getByLabel(t("selection.choice"), { exact: true });
    assert.equal(await picker.inputValue(), "best");

    const best = expected("best");
    const comparison = best.context?.comparison;
    assert.ok(comparison, "the engine made no comparison on the sample log");
    const winner = comparison.rows.find((row) => row.chosen)!;
    await preview(pane);
    const models = pane.getByRole("region", { name: t("selection.models") });
    await models
      .getByText(t("selection.used", { model: winner.label, status: t("selection.status.converged") }))
      .waitFor();
    const table = models.getByRole("table", { name: t("selection.comparison") });
    const names = await table.locator("tbody tr td:first-child").allTextContents();
    assert.deepEqual(
      names,
      comparison.rows.map((row) => (row.chosen ? t("selection.chosenMark", { model: row.label }) : row.label)),
    );
    await models.getByText(new RegExp(`^${winner.label.replace("/", "\\/")} chosen: `)).waitFor();
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, "12-pane-model-comparison");
    const violations = await seriousViolations(pane);
    assert.equal(violations.length, 0, describeViolations(violations));

    await picker.selectOption("bgnbd");
    await preview(pane);
    await models.getByText(t("selection.used", { model: "BG/NBD", status: t("selection.status.converged") })).waitFor();
    assert.equal(await models.getByRole("table", { name: t("selection.comparison") }).count(), 0);
    const warning = expected("bgnbd").warnings.find((w) => w.key === "selection.bgnbdOneTimeBuyers");
    assert.ok(warning, "the engine gave no BG/NBD warning");
    await pane.getByText(t(warning.key, warning.params)).waitFor();
  });
});
