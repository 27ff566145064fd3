/** Keyboard and screen-reader use: axe finds no violations at each step, and focus lands on the new step. */
import "./dom-shims";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { t } from "../../src/i18n";
import { MemoryWorkbook } from "../../src/workbench/memory-workbook";
import { PaneRoot } from "../../src/taskpane/PaneRoot";

jest.setTimeout(60_000);

async function violations(container: HTMLElement): Promise<string[]> {
  // jsdom does not lay out or paint, so contrast cannot be measured here (Fluent's themes handle it).
  const results = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(" | ")}`);
}

function customers(): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  workbook.addTable({
    name: "Clients",
    sheet: "Data",
    headers: ["Client", "Récence", "Fréquence", "Montant moyen"],
    rows: Array.from({ length: 12 }, (_, i) => [`K${i}`, (i * 29) % 200, 1 + (i % 5), 30 + i * 4]),
  });
  return workbook;
}

test("no axe violations from the empty state to the preview, and the Columns heading takes focus", async () => {
  const workbook = customers();
  const { container } = render(<PaneRoot workbook={workbook} locale="fr" />);
  await screen.findByText(t("pane.table.none.title", {}, "fr"));
  expect(await violations(container)).toEqual([]);

  act(() => workbook.selectTable(workbook.tables()[0].id));
  await userEvent.click(await screen.findByRole("button", { name: t("pane.table.use", {}, "fr") }));
  const heading = await screen.findByRole("heading", { name: t("pane.step.columns", {}, "fr") });
  expect(heading).toHaveFocus();
  // French headers were mapped (récence, fréquence, montant moyen).
  expect(screen.getByLabelText(t("pane.columns.field.recency", {}, "fr"))).toHaveValue("Récence");
  expect(await violations(container)).toEqual([]);

  // Keyboard only: tab to Preview and press Enter.
  const preview = screen.getByRole("button", { name: t("pane.preview.button", {}, "fr") });
  preview.focus();
  await userEvent.keyboard("{Enter}");
  await screen.findByText(t("pane.preview.nothingWritten", {}, "fr"));
  expect(await violations(container)).toEqual([]);
});

test("every form control in the flow has an accessible name", async () => {
  const workbook = customers();
  render(<PaneRoot workbook={workbook} locale="en" />);
  act(() => workbook.selectTable(workbook.tables()[0].id));
  await userEvent.click(await screen.findByRole("button", { name: t("pane.table.use") }));
  await screen.findByRole("heading", { name: t("pane.step.columns") });
  for (const kind of ["rfm", "clvTiers", "quantileTiers"] as const) {
    await userEvent.click(screen.getByRole("radio", { name: t(`pane.method.kind.${kind}`) }));
    const controls = [...screen.queryAllByRole("combobox"), ...screen.queryAllByRole("textbox"), ...screen.queryAllByRole("radio")];
    for (const control of controls) expect(control).toHaveAccessibleName();
  }
});
