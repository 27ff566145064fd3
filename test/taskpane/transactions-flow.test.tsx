/** A transaction log segmented by predicted CLV tiers: the per-customer summary sheet, refresh and remove. */
import "./dom-shims";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { t } from "../../src/i18n";
import { DEFAULT_SAMPLE, simulateBusiness, transactionTable } from "../../src/workbench/sample-data";
import { MemoryWorkbook, snapshotUserColumns } from "../../src/workbench/memory-workbook";
import { PaneRoot } from "../../src/taskpane/PaneRoot";

jest.setTimeout(120_000);

test("CLV tiers on a transaction log: summary sheets written, refresh identical, remove leaves the log as it was", async () => {
  const sample = transactionTable(simulateBusiness({ ...DEFAULT_SAMPLE, customers: 120 }));
  const workbook = new MemoryWorkbook();
  const table = workbook.addTable({ ...sample, sheet: "Purchases" });
  // The user already has a sheet named like our customer summary: it must survive everything untouched.
  const customerSheetName = t("segmentation.sheet.customerSummaryName");
  workbook.addSheet(customerSheetName);
  workbook.editCell(customerSheetName, 0, 0, { value: "VIP list", fill: "#FFFF00" });
  // And one named like our Model sheet.
  const modelSheetName = t("modelsheet.sheetName");
  workbook.addSheet(modelSheetName);
  workbook.editCell(modelSheetName, 0, 0, { value: "my model notes" });
  const userSheet = () =>
    JSON.stringify([
      workbook.sheetValues(customerSheetName),
      workbook.getCell(customerSheetName, 0, 0),
      workbook.sheetValues(modelSheetName),
    ]);
  const userSheetBefore = userSheet();
  const before = snapshotUserColumns(workbook, table.id, []);
  render(<PaneRoot workbook={workbook} locale="en" />);
  act(() => workbook.selectTable(table.id));
  await userEvent.click(await screen.findByRole("button", { name: t("pane.table.use") }));

  // The log is recognised as transactions, with its date and amount columns.
  expect(await screen.findByRole("radio", { name: t("pane.columns.shape.transactions") })).toBeChecked();
  expect(screen.getByLabelText(t("pane.columns.field.date"))).toHaveValue("Date");
  await userEvent.click(screen.getByRole("radio", { name: t("pane.method.kind.clvTiers") }));
  await userEvent.click(screen.getByRole("button", { name: t("pane.preview.button") }));
  await screen.findByText(t("pane.preview.nothingWritten"));
  expect(screen.getByRole("columnheader", { name: t("pane.preview.col.maxCac") })).toBeInTheDocument();
  expect(screen.getAllByText("Top 20 %").length).toBeGreaterThan(0);

  await userEvent.click(screen.getByRole("button", { name: t("pane.apply.button") }));
  await screen.findByText(/^Done:/);
  const customerSheet = `${customerSheetName} (2)`;
  expect(screen.getByText(t("pane.apply.sheetRenamed", { wanted: customerSheetName, used: customerSheet }))).toBeInTheDocument();
  const modelSheet = `${modelSheetName} (2)`;
  expect(screen.getByText(t("pane.apply.sheetRenamed", { wanted: modelSheetName, used: modelSheet }))).toBeInTheDocument();
  expect(workbook.sheetNames()).toEqual([
    "Purchases",
    customerSheetName,
    modelSheetName,
    customerSheet,
    "Segments",
    modelSheet,
  ]);
  // The model card: the accuracy (or why there is none) and its charts.
  expect(workbook.sheetValues(modelSheet)[0][0]).toBe(t("modelsheet.title", { table: table.name }));
  expect(workbook.charts().filter((chart) => chart.sheet === modelSheet).length).toBeGreaterThanOrEqual(2);
  expect(userSheet()).toBe(userSheetBefore);
  const ours = workbook.tables().find((candidate) => candidate.id === table.id)?.headers.slice(sample.headers.length);
  expect(ours?.length).toBeGreaterThan(0);
  expect(snapshotUserColumns(workbook, table.id, ours ?? [])).toBe(before);
  const summaryBefore = JSON.stringify(workbook.sheetValues(customerSheet));
  // Identical but for the date it was written on.
  const writtenOn = t("segmentsheet.writtenOn");
  const segmentsWithoutDate = () =>
    JSON.stringify(workbook.sheetValues("Segments").filter((row) => row[0] !== writtenOn));
  const segmentsBefore = segmentsWithoutDate();
  const modelWrittenOn = t("modelsheet.writtenAt");
  const modelWithoutDate = () =>
    JSON.stringify(workbook.sheetValues(modelSheet).filter((row) => row[0] !== modelWrittenOn));
  const modelBefore = modelWithoutDate();
  expect(workbook.sheetValues("Segments").some((row) => row[0] === writtenOn)).toBe(true);
  expect(await screen.findByText(/by CLV tiers/)).toBeInTheDocument();

  await userEvent.click(screen.getByRole("button", { name: t("pane.recipe.refresh") }));
  await screen.findByText(/^Refreshed:/);
  expect(JSON.stringify(workbook.sheetValues(customerSheet))).toBe(summaryBefore);
  expect(segmentsWithoutDate()).toBe(segmentsBefore);
  // Replaced in place by the refresh, the same numbers.
  expect(modelWithoutDate()).toBe(modelBefore);
  expect(workbook.sheetNames().filter((name) => name.startsWith(modelSheetName))).toEqual([modelSheetName, modelSheet]);

  await userEvent.click(screen.getByRole("button", { name: t("pane.recipe.remove") }));
  await screen.findByText(t("pane.recipe.removed", { sheet: "Segments" }));
  expect(workbook.sheetNames()).toEqual(["Purchases", customerSheetName, modelSheetName]);
  expect(userSheet()).toBe(userSheetBefore);
  expect(snapshotUserColumns(workbook, table.id, [])).toBe(before);
});
