/**
 * The pane end to end against the workbench's in-memory workbook: select → segment → preview → apply →
 * refresh → remove, and the safety rules (user columns identical, names never taken over, failures reported).
 */
import "./dom-shims";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { t } from "../../src/i18n";
import type { CellValue } from "../../src/excel/workbook";
import { MemoryWorkbook, snapshotUserColumns } from "../../src/workbench/memory-workbook";
import { PaneRoot } from "../../src/taskpane/PaneRoot";

// Each flow renders the whole pane and writes in many small chunks: slower than a unit test on a shared machine.
jest.setTimeout(60_000);

const OURS = ["Segment", "R score", "F score", "M score", "RFM code"];

/** 30 customers with recency, frequency and average spend, a text column and a formula column. */
function customerRows(count = 30): CellValue[][] {
  return Array.from({ length: count }, (_, i) => [
    `C${String(i + 1).padStart(3, "0")}`,
    `Client ${i + 1}`,
    (i * 37) % 365,
    1 + ((i * 7) % 12),
    20 + ((i * 13) % 90) + 0.5,
    (1 + ((i * 7) % 12)) * (20 + ((i * 13) % 90) + 0.5),
  ]);
}

function workbookWithCustomers(extraHeader?: string) {
  const workbook = new MemoryWorkbook({ maxRowsPerRequest: 8 });
  const headers = ["Customer ID", "Name", "Recency", "Frequency", "Monetary", "Revenue"];
  const rows = customerRows();
  if (extraHeader) {
    headers.push(extraHeader);
    rows.forEach((row, i) => row.push(`note ${i}`));
  }
  const table = workbook.addTable({
    name: "Clients",
    sheet: "Data",
    row: 1,
    col: 1,
    headers,
    rows,
    numberFormats: [undefined, "@", "0", "0", "#,##0.00", "#,##0.00"],
    formulas: rows.map((_, r) => [undefined, undefined, undefined, undefined, undefined, `=E${r + 3}*F${r + 3}`]),
  });
  return { workbook, table };
}

async function segmentAndPreview(workbook: MemoryWorkbook, tableId: string) {
  act(() => workbook.selectTable(tableId));
  await userEvent.click(await screen.findByRole("button", { name: t("pane.table.use") }));
  await screen.findByRole("heading", { name: t("pane.step.columns") });
  await userEvent.click(screen.getByRole("button", { name: t("pane.preview.button") }));
  await screen.findByText(t("pane.preview.nothingWritten"));
}

const ownValues = (workbook: MemoryWorkbook, tableId: string, header: string) => {
  const table = workbook.tables().find((candidate) => candidate.id === tableId);
  if (!table) throw new Error("table gone");
  const c = table.headers.indexOf(header);
  return Array.from({ length: table.rowCount }, (_, r) =>
    workbook.getCell(table.worksheet, table.row + 1 + r, table.col + c),
  );
};

describe("outside Excel", () => {
  test("no workbook: a clear 'open in Excel' message instead of the steps", () => {
    render(<PaneRoot workbook={null} locale="en" />);
    expect(screen.getByText(t("pane.openInExcel.title"))).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: t("pane.step.table") })).not.toBeInTheDocument();
  });
});

describe("theme and language", () => {
  test("follows Office's French display language and switches to English from the language menu", async () => {
    const { workbook } = workbookWithCustomers();
    workbook.setHost({ displayLanguage: "fr-FR", theme: "dark" });
    render(<PaneRoot workbook={workbook} />);
    expect(await screen.findByRole("heading", { name: t("pane.step.table", {}, "fr") })).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText(t("pane.language.label", {}, "fr")), "en");
    expect(await screen.findByRole("heading", { name: t("pane.step.table", {}, "en") })).toBeInTheDocument();
  });
});

describe("apply, refresh and remove on a customer table", () => {
  test("the user's columns are byte-identical after apply, refresh and remove", async () => {
    const { workbook, table } = workbookWithCustomers();
    const before = snapshotUserColumns(workbook, table.id, OURS);
    render(<PaneRoot workbook={workbook} locale="en" />);
    expect(await screen.findByText(t("pane.table.none.title"))).toBeInTheDocument();

    await segmentAndPreview(workbook, table.id);
    // Auto-mapping found the roles from the headers.
    expect(screen.getByLabelText(t("pane.columns.field.recency"))).toHaveValue("Recency");
    expect(screen.getByLabelText(t("pane.columns.field.customerId"))).toHaveValue("Customer ID");
    // Preview writes nothing.
    expect(workbook.tables()[0].headers).toHaveLength(6);
    expect(workbook.sheetNames()).toEqual(["Data"]);

    await userEvent.click(screen.getByRole("button", { name: t("pane.apply.button") }));
    const done = await screen.findByText(/^Done:/);
    // The Apply button is gone with the steps: focus moves to the result, not to the top of the page.
    expect(done.closest("[aria-live]")).toHaveFocus();
    const applied = workbook.tables().find((candidate) => candidate.id === table.id);
    expect(applied?.headers.slice(6)).toEqual(OURS);
    expect(workbook.sheetNames()).toContain("Segments");
    // A chart of counts and one of value.
    expect(workbook.charts().map((chart) => chart.title)).toEqual([
      "Customers per segment",
      "Revenue to date per segment",
    ]);
    expect(snapshotUserColumns(workbook, table.id, OURS)).toBe(before);
    const segments = ownValues(workbook, table.id, "Segment");
    expect(segments.every((cell) => typeof cell.value === "string" && cell.value !== "" && cell.fill)).toBe(true);

    // The status line a colleague sees, from the recipe stored in the workbook.
    const status = await screen.findByText(/^Segmented on .* by RFM \(quintiles\)/);
    expect(status).toBeInTheDocument();
    expect([...workbook.settings().values()].some((json) => json.includes('"tableName":"Clients"'))).toBe(true);

    await userEvent.click(screen.getByRole("button", { name: t("pane.recipe.refresh") }));
    await screen.findByText(/^Refreshed:/);
    expect(
      workbook
        .tables()
        .find((candidate) => candidate.id === table.id)
        ?.headers.slice(6),
    ).toEqual(OURS);
    expect(ownValues(workbook, table.id, "Segment")).toEqual(segments);
    expect(snapshotUserColumns(workbook, table.id, OURS)).toBe(before);

    await userEvent.click(screen.getByRole("button", { name: t("pane.recipe.remove") }));
    await screen.findByText(t("pane.recipe.removed", { sheet: "Segments" }));
    expect(workbook.tables().find((candidate) => candidate.id === table.id)?.headers).toHaveLength(6);
    expect(workbook.sheetNames()).toEqual(["Data"]);
    expect(workbook.settings().size).toBe(0);
    expect(snapshotUserColumns(workbook, table.id, [])).toBe(before);
    expect(screen.queryByRole("button", { name: t("pane.recipe.refresh") })).not.toBeInTheDocument();
  });

  test("a refresh after the data changed writes the from × to matrix of who moved, kept with the recipe", async () => {
    const { workbook, table } = workbookWithCustomers();
    render(<PaneRoot workbook={workbook} locale="en" />);
    await segmentAndPreview(workbook, table.id);
    await userEvent.click(screen.getByRole("button", { name: t("pane.apply.button") }));
    await screen.findByText(/^Done:/);
    const before = ownValues(workbook, table.id, "Segment").map((cell) => cell.value);
    // Six long-silent customers come back (recency 0): their segment changes.
    const silent = customerRows()
      .map((row, i) => ({ recency: row[2] as number, i }))
      .sort((a, b) => b.recency - a.recency)
      .slice(0, 6);
    for (const { i } of silent) act(() => workbook.editCell("Data", 2 + i, 3, { value: 0 }));
    await userEvent.click(screen.getByRole("button", { name: t("pane.recipe.refresh") }));
    await screen.findByText(/^Refreshed:/);
    const after = ownValues(workbook, table.id, "Segment").map((cell) => cell.value);
    const moved = before.filter((label, i) => label !== after[i]).length;
    expect(moved).toBeGreaterThan(0);
    expect(screen.getByText(t("pane.recipe.changed", { moved, added: 0, sheet: "Changes" }))).toBeInTheDocument();
    const sheet = workbook.sheetValues("Changes");
    const header = sheet.findIndex((row) => row[0] === t("changes.fromTo"));
    const to = sheet[header].slice(1).filter((cell) => cell !== "" && cell !== t("changes.lost"));
    // Every customer is counted once, in the row of the segment it had and the column of the one it has.
    let total = 0;
    for (const row of sheet.slice(header + 1, header + 1 + to.length + 1)) {
      for (let j = 0; j < to.length; j++) {
        const count = row[1 + j] as number;
        total += count;
        const expected = before.filter((label, i) => label === row[0] && after[i] === to[j]).length;
        if (row[0] !== t("changes.new")) expect(count).toBe(expected);
      }
    }
    expect(total).toBe(30);
    const recipe = JSON.parse([...workbook.settings().values()][0]) as {
      changes: { moved: number };
      changesSheet: string;
    };
    expect(recipe.changes.moved).toBe(moved);
    expect(recipe.changesSheet).toBe("Changes");
  });

  test("on the Segments sheet, the segmentation is listed with Refresh and Remove; no offer to make it a table", async () => {
    const { workbook, table } = workbookWithCustomers();
    render(<PaneRoot workbook={workbook} locale="en" />);
    await segmentAndPreview(workbook, table.id);
    await userEvent.click(screen.getByRole("button", { name: t("pane.apply.button") }));
    await screen.findByText(/^Done:/);
    act(() => workbook.select({ sheet: "Segments", row: 3, col: 1, rowCount: 4, columnCount: 3 }));
    expect(await screen.findByText(t("pane.table.ownSheet.title", { sheet: "Segments" }))).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: t("pane.table.create") })).not.toBeInTheDocument();
    const item = screen.getByRole("listitem", { name: t("pane.recipe.item", { table: "Clients" }) });
    await userEvent.click(within(item).getByRole("button", { name: t("pane.recipe.refresh") }));
    await screen.findByText(/^Refreshed:/);
    // Go to the table: the selection lands in it and the pane follows it.
    await userEvent.click(within(item).getByRole("button", { name: t("pane.recipe.goTo") }));
    expect(await screen.findByRole("button", { name: t("pane.table.use") })).toBeInTheDocument();
    act(() => workbook.select({ sheet: "Segments", row: 0, col: 0 }));
    await screen.findByText(t("pane.table.ownSheet.title", { sheet: "Segments" }));
    await userEvent.click(
      within(screen.getByRole("listitem", { name: t("pane.recipe.item", { table: "Clients" }) })).getByRole("button", {
        name: t("pane.recipe.remove"),
      }),
    );
    await screen.findByText(t("pane.recipe.removed", { sheet: "Segments" }));
    expect(workbook.sheetNames()).toEqual(["Data"]);
  });

  test("a user column named Segment is never overwritten: ours becomes 'Segment (2)' and the pane says so", async () => {
    const { workbook, table } = workbookWithCustomers("Segment");
    const before = snapshotUserColumns(workbook, table.id, OURS.slice(1).concat("Segment (2)"));
    render(<PaneRoot workbook={workbook} locale="en" />);
    await segmentAndPreview(workbook, table.id);
    await userEvent.click(screen.getByRole("button", { name: t("pane.apply.button") }));
    await screen.findByText(t("pane.apply.renamed", { wanted: "Segment", used: "Segment (2)" }));
    const headers = workbook.tables().find((candidate) => candidate.id === table.id)?.headers ?? [];
    expect(headers).toContain("Segment (2)");
    expect(snapshotUserColumns(workbook, table.id, OURS.slice(1).concat("Segment (2)"))).toBe(before);
    expect(ownValues(workbook, table.id, "Segment").every((cell, i) => cell.value === `note ${i}`)).toBe(true);
  });

  test("a user's own Segments sheet survives apply, refresh and remove byte-identical: ours is 'Segments (2)'", async () => {
    const { workbook, table } = workbookWithCustomers();
    workbook.addSheet("Segments");
    workbook.editCell("Segments", 0, 0, { value: "Budget 2025", fill: "#FFFF00" });
    workbook.editCell("Segments", 1, 1, { value: 1234.5, numberFormat: "#,##0.00", formula: "=SUM(Data!D3:D32)" });
    const userSheet = () => {
      const { rows, columns } = workbook.sheetSize("Segments");
      const cells = Array.from({ length: rows }, (_, r) =>
        Array.from({ length: columns }, (_, c) => workbook.getCell("Segments", r, c)),
      );
      return JSON.stringify({ names: workbook.sheetNames().filter((name) => name === "Segments"), cells });
    };
    const before = userSheet();
    const renamed = t("pane.apply.sheetRenamed", { wanted: "Segments", used: "Segments (2)" });
    render(<PaneRoot workbook={workbook} locale="en" />);
    await segmentAndPreview(workbook, table.id);
    // Said before anything is written.
    expect(await screen.findByText(/writes a “Segments \(2\)” sheet/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: t("pane.apply.button") }));
    expect(await screen.findByText(/^Done:/)).toHaveTextContent("“Segments (2)” sheet");
    expect(screen.getByText(renamed)).toBeInTheDocument();
    expect(workbook.sheetNames()).toEqual(["Data", "Segments", "Segments (2)"]);
    expect(workbook.charts().map((chart) => chart.sheet)).toEqual(["Segments (2)", "Segments (2)"]);
    expect(workbook.getCell("Segments (2)", 0, 0).value).toBe("Segments of Clients");
    expect(userSheet()).toBe(before);
    expect([...workbook.settings().values()][0]).toContain('"summarySheet":"Segments (2)"');

    await userEvent.click(screen.getByRole("button", { name: t("pane.recipe.refresh") }));
    await screen.findByText(/^Refreshed:/);
    expect(screen.getByText(renamed)).toBeInTheDocument();
    // The refresh says what changed on a sheet of its own.
    expect(workbook.sheetNames()).toEqual(["Data", "Segments", "Segments (2)", "Changes"]);
    expect(userSheet()).toBe(before);

    await userEvent.click(screen.getByRole("button", { name: t("pane.recipe.remove") }));
    await screen.findByText(t("pane.recipe.removed", { sheet: "Segments (2)" }));
    expect(workbook.sheetNames()).toEqual(["Data", "Segments"]);
    expect(userSheet()).toBe(before);
  });

  test("a sync failure midway: user columns untouched, the pane lists what was written and removes it on request", async () => {
    const { workbook, table } = workbookWithCustomers();
    const before = snapshotUserColumns(workbook, table.id, OURS);
    render(<PaneRoot workbook={workbook} locale="en" />);
    await segmentAndPreview(workbook, table.id);
    workbook.injectFailure({ operation: "values", nth: 2 });
    await userEvent.click(screen.getByRole("button", { name: t("pane.apply.button") }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(t("pane.apply.failedTitle"));
    expect(alert).toHaveTextContent(`Already written: columns ${OURS.join(", ")}.`);
    expect(alert).toHaveTextContent(t("pane.apply.userColumnsSafe"));
    expect(snapshotUserColumns(workbook, table.id, OURS)).toBe(before);
    expect(workbook.settings().size).toBe(0);

    await userEvent.click(within(alert).getByRole("button", { name: t("pane.apply.removeWritten") }));
    await screen.findByText(t("pane.apply.removedWritten"));
    expect(workbook.tables().find((candidate) => candidate.id === table.id)?.headers).toHaveLength(6);
    expect(snapshotUserColumns(workbook, table.id, [])).toBe(before);
  });

  test("cancel during the write stops it and says what was written", async () => {
    const { workbook, table } = workbookWithCustomers();
    render(<PaneRoot workbook={workbook} locale="en" />);
    await segmentAndPreview(workbook, table.id);
    // Every request waits until the test lets it go, so Cancel lands mid-write.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const original = workbook.writeColumns.bind(workbook);
    jest.spyOn(workbook, "writeColumns").mockImplementation(async (id, columns, options) => {
      await gate;
      return original(id, columns, options);
    });
    await userEvent.click(screen.getByRole("button", { name: t("pane.apply.button") }));
    expect(await screen.findByRole("progressbar")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: t("pane.apply.cancel") }));
    release();
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(t("pane.apply.failedTitle"));
    expect(alert).toHaveTextContent(t("excel.error.cancelled"));
    expect(alert).toHaveTextContent(t("pane.apply.nothingWritten"));
    expect(workbook.tables().find((candidate) => candidate.id === table.id)?.headers).toHaveLength(6);
    expect(workbook.settings().size).toBe(0);
  });
});

describe("data problems", () => {
  test("duplicated customer ids: a specific message naming the A1 cell, and Preview stays disabled", async () => {
    const workbook = new MemoryWorkbook();
    const rows = customerRows(6);
    rows[4][0] = rows[1][0];
    // The table's header row is row 3, starting in column B: the fifth data row is row 8.
    const table = workbook.addTable({
      name: "Clients",
      sheet: "Data",
      row: 2,
      col: 1,
      headers: ["Customer ID", "Name", "Recency", "Frequency", "Monetary", "Revenue"],
      rows,
    });
    render(<PaneRoot workbook={workbook} locale="en" />);
    act(() => workbook.selectTable(table.id));
    await userEvent.click(await screen.findByRole("button", { name: t("pane.table.use") }));
    expect(
      await screen.findByText(/appear more than once in "Customer ID"/, {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        (_text, element) =>
          element?.tagName === "LI" && /first "C002" at B8\. .* Cells: B8$/.test(element.textContent ?? ""),
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: t("pane.preview.button") })).toBeDisabled();
    // The address is a link that selects the cell in the workbook.
    await userEvent.click(screen.getByRole("button", { name: t("pane.issues.selectCell", { cell: "B8" }) }));
    expect(workbook.getSelection()).toMatchObject({ sheet: table.worksheet, row: 7, col: 1 });
  });

  test("a text in a number column is named by its A1 address, and so is a column the method needs", async () => {
    const workbook = new MemoryWorkbook();
    const rows = customerRows(6);
    rows[2][4] = "n/a";
    const table = workbook.addTable({
      name: "Clients",
      sheet: "Q1 data",
      row: 4,
      col: 2,
      headers: ["Customer ID", "Name", "Recency", "Frequency", "Monetary", "Revenue"],
      rows,
    });
    render(<PaneRoot workbook={workbook} locale="en" />);
    act(() => workbook.selectTable(table.id));
    await userEvent.click(await screen.findByRole("button", { name: t("pane.table.use") }));
    // Monetary is the fifth column (G) and the third data row is row 8.
    // The text makes the suggester prefer Revenue for monetary: the user picks Monetary.
    await userEvent.selectOptions(await screen.findByLabelText(t("pane.columns.field.monetary")), "Monetary");
    const issue = await screen.findByText(/"Monetary"/, {}, { timeout: 15_000 });
    expect(issue).toHaveTextContent(/G8/);
    expect(issue).not.toHaveTextContent(/row 3/);
    await userEvent.selectOptions(screen.getByLabelText(t("pane.columns.field.recency")), "");
    const role = t("segmentation.role.recency");
    expect(await screen.findByText(t("segmentation.issue.missingRole", { role }))).toBeInTheDocument();
  });

  test("an empty table says so instead of segmenting", async () => {
    const workbook = new MemoryWorkbook();
    workbook.addTable({ name: "Empty", sheet: "Data", headers: ["Customer ID", "Recency"], rows: [] });
    render(<PaneRoot workbook={workbook} locale="en" />);
    // A table with no data rows is selected by its header row.
    act(() => workbook.select({ sheet: "Data", row: 0, col: 0 }));
    await userEvent.click(await screen.findByRole("button", { name: t("pane.table.use") }));
    expect(await screen.findByText(t("segmentation.issue.emptyTable"))).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: t("pane.preview.button") })).toBeDisabled());
  });
});
