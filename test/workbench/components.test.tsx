import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import "../taskpane/dom-shims";
import { t } from "../../src/i18n";
import { SheetGrid, PAGE_SIZE } from "../../src/workbench/components/SheetGrid";
import { FunctionsGallery } from "../../src/workbench/components/FunctionsGallery";
import { chartBars } from "../../src/workbench/components/ChartView";
import type { SheetView } from "../../src/workbench/sheet-view";
import type { FunctionInfo } from "../../src/workbench/functions-metadata";

jest.setTimeout(30_000);

const renderUi = (ui: ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

function view(rows: number): SheetView {
  return {
    name: "Customers",
    headers: ["Id", "Revenue", "Segment"],
    rows: Array.from({ length: rows }, (_, i) => [`C${i + 1}`, i * 1.5, i % 2 ? "Champions" : "At risk"]),
    numberFormats: [undefined, "#,##0.00", undefined],
    fills: [undefined, undefined, Array.from({ length: rows }, (_, i) => (i % 2 ? "#1F4E79" : null))],
    // Only odd rows were written with a font colour: the grid shows exactly that, nothing computed.
    fontColors: [undefined, undefined, Array.from({ length: rows }, (_, i) => (i % 4 === 1 ? "#FFFFFF" : null))],
    ownColumns: [2],
    charts: [],
  };
}

describe("SheetGrid", () => {
  it("shows a page of rows with formats, fills and the add-in's columns marked, and pages on", async () => {
    renderUi(<SheetGrid view={view(250)} locale="en" />);
    const grid = screen.getByRole("region", { name: t("workbench.grid.label", { sheet: "Customers" }) });
    expect(within(grid).getByRole("columnheader", { name: "Segment" })).toHaveAttribute("data-own", "true");
    expect(within(grid).getByRole("columnheader", { name: "Revenue" })).not.toHaveAttribute("data-own");
    // Letters row, header row, one page of data rows (queried directly: role queries are slow on big tables).
    expect(grid.querySelectorAll("tr")).toHaveLength(PAGE_SIZE + 2);
    const second = grid.querySelectorAll("tbody tr")[1];
    expect(second.querySelector("th")).toHaveTextContent("3");
    const cells = Array.from(second.querySelectorAll("td"));
    expect(cells[1]).toHaveTextContent("1.50");
    expect(cells[2]).toHaveAttribute("data-fill", "#1F4E79");
    expect(cells[2]).toHaveAttribute("data-font-color", "#FFFFFF");
    expect(cells[2]).toHaveStyle({ color: "#FFFFFF" });
    // A fill written without a font colour shows the default text, as Excel's automatic colour would.
    const fourth = Array.from(grid.querySelectorAll("tbody tr")[3].querySelectorAll("td"));
    expect(fourth[2]).toHaveAttribute("data-fill", "#1F4E79");
    expect(fourth[2]).not.toHaveAttribute("data-font-color");
    expect((fourth[2] as HTMLElement).style.color).toBe("");
    expect(screen.getByTestId("grid-rows")).toHaveTextContent("1–100 of 250");
    await userEvent.click(screen.getByRole("button", { name: t("workbench.grid.next") }));
    await userEvent.click(screen.getByRole("button", { name: t("workbench.grid.next") }));
    expect(screen.getByTestId("grid-rows")).toHaveTextContent("201–250 of 250");
    expect(screen.getByRole("button", { name: t("workbench.grid.next") })).toBeDisabled();
  });

  it("selects the clicked cell in sheet coordinates (row 0 is the header row)", () => {
    const onSelect = jest.fn();
    renderUi(<SheetGrid view={view(3)} locale="en" selected={{ row: 2, col: 1 }} onSelect={onSelect} />);
    const grid = screen.getByRole("region", { name: t("workbench.grid.label", { sheet: "Customers" }) });
    fireEvent.click(within(grid).getByRole("columnheader", { name: "Segment" }));
    expect(onSelect).toHaveBeenLastCalledWith(0, 2);
    const cell = within(grid).getByText("1.50");
    fireEvent.click(cell);
    expect(onSelect).toHaveBeenLastCalledWith(2, 1);
    expect(cell.className).not.toBe(within(grid).getByText("3.00").className);
  });
});

describe("chartBars", () => {
  it("keeps numeric values and the category fills", () => {
    const chart = { title: "Customers", type: "bar" as const, categories: ["A", "B", "C"], values: [3, "", 1] };
    expect(chartBars(chart, ["#FF0000", null, null])).toEqual([
      { label: "A", value: 3, fill: "#FF0000" },
      { label: "C", value: 1, fill: "#4472C4" },
    ]);
  });
});

describe("FunctionsGallery", () => {
  const functions: FunctionInfo[] = [
    {
      id: "DOUBLE",
      name: "DOUBLE",
      description: "Twice each value.",
      parameters: [{ name: "values", type: "number", dimensionality: "matrix", description: "Numbers." }],
      result: { dimensionality: "matrix" },
    },
    { id: "GONE", name: "GONE", description: "Not registered.", parameters: [] },
  ];
  const double = (values: unknown) => (values as number[][]).map((row) => row.map((x) => x * 2));
  const lookup = (id: string) => (id === "DOUBLE" ? double : undefined);
  const sheets = {
    activeSheet: "S",
    sheet: (name: string) =>
      name === "S"
        ? {
            name: "S",
            cells: [["x"], [1], [2.5]],
          }
        : undefined,
  };

  it("evaluates a function on a range of the active sheet and shows the spilled result", async () => {
    renderUi(
      <FunctionsGallery metadata={{ status: "ready", functions }} lookup={lookup} sheets={sheets} locale="en" />,
    );
    fireEvent.change(screen.getByRole("textbox", { name: /values/ }), { target: { value: "A2:A3" } });
    await userEvent.click(screen.getByRole("button", { name: t("workbench.gallery.evaluate") }));
    const cells = await screen.findAllByTestId("result-cell");
    expect(cells.map((cell) => cell.getAttribute("data-value"))).toEqual(["2", "5"]);
    expect(screen.getByTestId("gallery-formula")).toHaveTextContent("=CUST.DOUBLE(A2:A3)");
  });

  it("says which sheet does not exist, and when a function's code is missing", async () => {
    renderUi(
      <FunctionsGallery metadata={{ status: "ready", functions }} lookup={lookup} sheets={sheets} locale="fr" />,
    );
    fireEvent.change(screen.getByRole("textbox", { name: /values/ }), { target: { value: "Nope!A1" } });
    await userEvent.click(screen.getByRole("button", { name: t("workbench.gallery.evaluate", {}, "fr") }));
    expect(await screen.findByText(t("workbench.gallery.unknownSheet", { sheet: "Nope" }, "fr"))).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "CUST.GONE" }));
    await userEvent.click(screen.getByRole("button", { name: t("workbench.gallery.evaluate", {}, "fr") }));
    expect(await screen.findByTestId("gallery-error")).toHaveAttribute("data-error", "#NAME?");
  });

  it("reports a functions.json that could not be loaded", () => {
    renderUi(
      <FunctionsGallery
        metadata={{ status: "failed", detail: "HTTP 404" }}
        lookup={lookup}
        sheets={sheets}
        locale="en"
      />,
    );
    expect(screen.getByText(t("workbench.gallery.loadFailed", { detail: "HTTP 404" }))).toBeInTheDocument();
  });
});
