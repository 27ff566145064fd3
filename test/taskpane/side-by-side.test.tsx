/**
 * Several segmentations on one table (RFM and value tiers side by side): re-segmenting asks replace or add, an added
 * one gets its own columns, sheets and recipe key, Refresh and Remove act on one only, and a recipe stored before
 * (under the table's name) still loads, refreshes and removes as it did.
 */
import "./dom-shims";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { t } from "../../src/i18n";
import type { CellValue } from "../../src/excel/workbook";
import { MemoryWorkbook } from "../../src/workbench/memory-workbook";
import { PaneRoot } from "../../src/taskpane/PaneRoot";
import { describeMethod } from "../../src/engine/segmentation/describe";
import type { Recipe } from "../../src/engine/segmentation/types";
import { effectiveTarget, newRecipeKey, resolveTarget, segmentationsOfTable } from "../../src/taskpane/side-by-side";
import type { StoredSegmentation } from "../../src/taskpane/stored-segmentations";
import { recipeSettingKey } from "../../src/excel/recipes";

jest.setTimeout(60_000);

const HEADERS = ["Customer ID", "Recency", "Frequency", "Monetary", "Revenue"];
const RFM_COLUMNS = ["Segment", "R score", "F score", "M score", "RFM code"];

function workbookWithCustomers() {
  const workbook = new MemoryWorkbook({ maxRowsPerRequest: 16 });
  const rows: CellValue[][] = Array.from({ length: 30 }, (_, i) => [
    `C${String(i + 1).padStart(3, "0")}`,
    (i * 37) % 365,
    1 + ((i * 7) % 12),
    20 + ((i * 13) % 90),
    (1 + ((i * 7) % 12)) * (20 + ((i * 13) % 90)),
  ]);
  const table = workbook.addTable({ name: "Clients", sheet: "Data", headers: HEADERS, rows });
  return { workbook, table, rows };
}

const headersOf = (workbook: MemoryWorkbook) => workbook.tables()[0].headers;
const recipeKeys = (workbook: MemoryWorkbook) => [...workbook.settings().keys()];
const recipeAt = (workbook: MemoryWorkbook, key: string) =>
  JSON.parse(workbook.settings().get(recipeSettingKey(key)) ?? "null") as Recipe;

async function segment(workbook: MemoryWorkbook, tableId: string, kind?: "quantileTiers") {
  act(() => workbook.selectTable(tableId));
  await userEvent.click(await screen.findByRole("button", { name: t("pane.table.use") }));
  await screen.findByRole("heading", { name: t("pane.step.columns") });
  if (kind) await userEvent.click(screen.getByRole("radio", { name: t("pane.method.kind.quantileTiers") }));
  await userEvent.click(screen.getByRole("button", { name: t("pane.preview.button") }));
  await screen.findByText(t("pane.preview.nothingWritten"));
}

const item = (name: string) => screen.getByRole("listitem", { name });
const itemName = (method: Parameters<typeof describeMethod>[0]) =>
  t("resegment.item", { table: "Clients", method: describeMethod(method, "en") });

describe("two segmentations of one table", () => {
  test("add writes new columns, sheets and a recipe of its own; Refresh and Remove touch only one", async () => {
    const { workbook, table, rows } = workbookWithCustomers();
    render(<PaneRoot workbook={workbook} locale="en" />);

    // The first segmentation: no question asked, stored under the table's name as always.
    await segment(workbook, table.id);
    expect(screen.queryByRole("radiogroup", { name: t("resegment.legend") })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: t("pane.apply.button") }));
    await screen.findByText(/^Done:/);
    expect(recipeKeys(workbook)).toEqual([recipeSettingKey("Clients")]);

    // The second: the pane asks, replace (the default, as before) or add.
    await segment(workbook, table.id, "quantileTiers");
    const choice = screen.getByRole("radiogroup", { name: t("resegment.legend") });
    const replace = within(choice).getByRole("radio", { name: /^Replace RFM/ });
    expect(replace).toBeChecked();
    await userEvent.click(within(choice).getByRole("radio", { name: t("resegment.add") }));
    await userEvent.click(screen.getByRole("button", { name: t("pane.apply.button") }));
    await screen.findByText(/^Done:/);
    // Our own names taken by the other segmentation are no surprise: no "already exists and is not ours" warning.
    expect(screen.queryByText(/is not ours/)).not.toBeInTheDocument();

    expect(recipeKeys(workbook).sort()).toEqual([recipeSettingKey("Clients"), recipeSettingKey("Clients#2")]);
    const first = recipeAt(workbook, "Clients");
    const second = recipeAt(workbook, "Clients#2");
    expect(first.ownColumns).toEqual(RFM_COLUMNS);
    expect(second.method.kind).toBe("quantileTiers");
    expect(second.ownColumns.some((header) => first.ownColumns.includes(header))).toBe(false);
    expect(second.summarySheet).toBe("Segments (2)");
    expect(workbook.sheetNames()).toEqual(["Data", "Segments", "Segments (2)"]);
    expect(headersOf(workbook)).toEqual([...HEADERS, ...first.ownColumns, ...second.ownColumns]);

    // Both are listed, told apart by their method.
    const firstItem = itemName(first.method);
    const secondItem = itemName(second.method);
    expect(item(firstItem)).toBeInTheDocument();
    expect(item(secondItem)).toBeInTheDocument();

    // Refresh the first: its columns are rewritten the same, the second's stay as they were.
    const valuesBefore = workbook.sheetValues("Data");
    await userEvent.click(within(item(firstItem)).getByRole("button", { name: t("pane.recipe.refresh") }));
    await screen.findByText(/^Refreshed:/);
    expect(workbook.sheetValues("Data")).toEqual(valuesBefore);
    expect(recipeAt(workbook, "Clients#2")).toEqual(second);
    expect(recipeAt(workbook, "Clients").ownColumns).toEqual(RFM_COLUMNS);

    // The refresh wrote the first one's Changes sheet.
    expect(recipeAt(workbook, "Clients").changesSheet).toBe("Changes");

    // Remove the second, from its own sheet (off the table): only its columns, its sheet and its recipe go.
    act(() => workbook.select({ sheet: "Segments (2)", row: 0, col: 0 }));
    await screen.findByText(t("pane.table.ownSheet.title", { sheet: "Segments (2)" }));
    await userEvent.click(within(item(secondItem)).getByRole("button", { name: t("pane.recipe.remove") }));
    await screen.findByText(t("pane.recipe.removed", { sheet: "Segments (2)" }));
    expect(headersOf(workbook)).toEqual([...HEADERS, ...RFM_COLUMNS]);
    expect(workbook.sheetNames()).toEqual(["Data", "Segments", "Changes"]);
    expect(recipeKeys(workbook)).toEqual([recipeSettingKey("Clients")]);
    expect(workbook.sheetValues("Data").map((row) => row.slice(0, HEADERS.length))).toEqual([HEADERS, ...rows]);
  });

  test("replace, chosen on a table with one segmentation, rewrites it in place as before", async () => {
    const { workbook, table } = workbookWithCustomers();
    render(<PaneRoot workbook={workbook} locale="en" />);
    await segment(workbook, table.id);
    await userEvent.click(screen.getByRole("button", { name: t("pane.apply.button") }));
    await screen.findByText(/^Done:/);
    await segment(workbook, table.id, "quantileTiers");
    await userEvent.click(screen.getByRole("button", { name: t("pane.apply.button") }));
    await screen.findByText(/^Done:/);
    expect(recipeKeys(workbook)).toEqual([recipeSettingKey("Clients")]);
    const replaced = recipeAt(workbook, "Clients");
    expect(replaced.method.kind).toBe("quantileTiers");
    expect(headersOf(workbook)).toEqual([...HEADERS, ...replaced.ownColumns]);
    expect(workbook.sheetNames()).toEqual(["Data", "Segments"]);
  });
});

describe("side-by-side keys", () => {
  const recipe = (tableName: string): Recipe => ({
    version: 1,
    tableName,
    shape: "customers",
    mapping: {},
    method: { kind: "rfm", bins: 5 },
    ownColumns: ["Segment"],
    summarySheet: "Segments",
    appliedAt: "2026-11-23T10:00:00.000Z",
  });
  const entry = (key: string, tableName = "Clients"): StoredSegmentation => ({
    key,
    ok: true,
    recipe: recipe(tableName),
  });
  const unreadable = (key: string): StoredSegmentation => ({
    key,
    ok: false,
    failure: { code: "badRecipe", key: "segmentation.recipe.invalidJson" },
  });

  test("the first segmentation of a table keeps the table's name as its key, the next ones Table#n", () => {
    expect(newRecipeKey([], "Clients")).toBe("Clients");
    expect(newRecipeKey([entry("Clients")], "Clients")).toBe("Clients#2");
    expect(newRecipeKey([entry("Clients"), entry("Clients#2")], "Clients")).toBe("Clients#3");
    expect(newRecipeKey([entry("Clients#2")], "Clients")).toBe("Clients");
    expect(newRecipeKey([entry("Orders", "Orders")], "Clients")).toBe("Clients");
    // With no readable segmentation of the table, the table's name as before (over an unreadable recipe).
    expect(newRecipeKey([unreadable("Clients")], "Clients")).toBe("Clients");
    expect(newRecipeKey([entry("Clients"), unreadable("Clients#2")], "Clients")).toBe("Clients#3");
  });

  test("replace is the default, of the first; a chosen one that is gone falls back to it", () => {
    const stored = [entry("Clients"), entry("Orders", "Orders"), entry("Clients#2")];
    const existing = segmentationsOfTable(stored, "clients");
    expect(existing.map((item) => item.key)).toEqual(["Clients", "Clients#2"]);
    expect(effectiveTarget(existing, null)).toEqual({ kind: "replace", key: "Clients" });
    expect(effectiveTarget(existing, { kind: "replace", key: "Clients#9" })).toEqual({
      kind: "replace",
      key: "Clients",
    });
    expect(effectiveTarget([], null)).toEqual({ kind: "add" });
    expect(resolveTarget(stored, "Clients", { kind: "replace", key: "Clients#2" })).toEqual({
      key: "Clients#2",
      previous: stored[2].ok ? stored[2].recipe : null,
    });
    expect(resolveTarget(stored, "Clients", { kind: "add" })).toEqual({ key: "Clients#3", previous: null });
  });
});
