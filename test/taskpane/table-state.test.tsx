/** The pane follows the selection between tables, and a damaged recipe is reported, not acted on. */
import "./dom-shims";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { t } from "../../src/i18n";
import { MemoryWorkbook } from "../../src/workbench/memory-workbook";
import { PaneRoot } from "../../src/taskpane/PaneRoot";

jest.setTimeout(60_000);

function twoTables() {
  const workbook = new MemoryWorkbook();
  const rows = Array.from({ length: 5 }, (_, i) => [`C${i}`, i * 10, 1 + i, 25 + i]);
  const headers = ["Customer ID", "Recency", "Frequency", "Monetary"];
  const north = workbook.addTable({ name: "North", sheet: "North", headers, rows });
  const south = workbook.addTable({ name: "South", sheet: "South", headers, rows: rows.slice(0, 3) });
  return { workbook, north, south };
}

test("moving the selection to another table shows that table and drops the previous one's steps", async () => {
  const { workbook, north, south } = twoTables();
  render(<PaneRoot workbook={workbook} locale="en" />);
  act(() => workbook.selectTable(north.id));
  expect(await screen.findByText("North on sheet North: 5 rows, 4 columns.")).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: t("pane.table.use") }));
  await screen.findByRole("heading", { name: t("pane.step.columns") });

  act(() => workbook.selectTable(south.id));
  expect(await screen.findByText("South on sheet South: 3 rows, 4 columns.")).toBeInTheDocument();
  expect(screen.queryByRole("heading", { name: t("pane.step.columns") })).not.toBeInTheDocument();

  act(() => workbook.select({ sheet: "South", row: 40, col: 20 }));
  expect(await screen.findByText(t("pane.table.none.title"))).toBeInTheDocument();
});

test("a damaged stored recipe is reported with its catalogue message and offers no refresh", async () => {
  const { workbook, north } = twoTables();
  await workbook.writeRecipe({ key: "North", json: '{"version":1,"tableName":"North"' });
  render(<PaneRoot workbook={workbook} locale="en" />);
  act(() => workbook.selectTable(north.id));
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent(t("pane.recipe.unreadable"));
  expect(alert).toHaveTextContent(t("segmentation.recipe.invalidJson"));
  expect(screen.queryByRole("button", { name: t("pane.recipe.refresh") })).not.toBeInTheDocument();
});

test("turning a selected range into a table, and the failure when the selection is too small", async () => {
  const workbook = new MemoryWorkbook();
  workbook.addSheet("Raw");
  ["Client", "Montant"].forEach((value, c) => workbook.editCell("Raw", 0, c, { value }));
  workbook.editCell("Raw", 1, 0, { value: "A" });
  workbook.editCell("Raw", 1, 1, { value: 12 });
  render(<PaneRoot workbook={workbook} locale="en" />);
  act(() => workbook.select({ sheet: "Raw", row: 0, col: 0, rowCount: 1, columnCount: 2 }));
  await userEvent.click(await screen.findByRole("button", { name: t("pane.table.create") }));
  expect(await screen.findByRole("alert")).toHaveTextContent(t("pane.table.createFailed"));

  act(() => workbook.select({ sheet: "Raw", row: 0, col: 0, rowCount: 2, columnCount: 2 }));
  await userEvent.click(await screen.findByRole("button", { name: t("pane.table.create") }));
  expect(await screen.findByText(/on sheet Raw: 1 rows, 2 columns\./)).toBeInTheDocument();
  expect(workbook.tables()).toHaveLength(1);
});
