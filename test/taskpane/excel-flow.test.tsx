/** The pane on ExcelWorkbook (office-addin-mock): data-quality messages name bad cells by their A1 address. */
import "./dom-shims";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { t } from "../../src/i18n";
import { ExcelWorkbook } from "../../src/excel/excel-workbook";
import { PaneRoot } from "../../src/taskpane/PaneRoot";
import { FakeExcel } from "../excel/excel-mock";

jest.setTimeout(60_000);

test("a blank customer id in a table at D5 of Excel's sheet is named D9", async () => {
  const rows = Array.from({ length: 8 }, (_, i) => [`C${i + 1}`, (i * 37) % 365, 1 + ((i * 7) % 12), 20 + i * 3.5]);
  rows[3][0] = "";
  // Header row on row 5 from column D: the fourth data row is row 9.
  const fake = new FakeExcel({
    headers: ["Customer ID", "Recency", "Frequency", "Monetary"],
    rows,
    origin: { row: 4, col: 3 },
  });
  const workbook = new ExcelWorkbook({ run: fake.run, office: fake.office });
  render(<PaneRoot workbook={workbook} locale="en" />);
  await userEvent.click(await screen.findByRole("button", { name: t("pane.table.use") }));
  // The checks run after the read has painted: on a loaded machine that can take more than findBy's default second.
  const issue = await screen.findByText(/without a customer id in "Customer ID"/, {}, { timeout: 15_000 });
  expect(issue).toHaveTextContent(/first at D9\. .* Cells: D9$/);
  expect(screen.getByRole("button", { name: t("pane.preview.button") })).toBeDisabled();
});
