import "./dom-shims";
import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { t } from "../../src/i18n";
import type { SegmentationResult } from "../../src/engine/segmentation/types";
import type { ActiveTable } from "../../src/taskpane/hooks/useActiveTable";
import { TableStep } from "../../src/taskpane/components/TableStep";
import { ColumnsStep } from "../../src/taskpane/components/ColumnsStep";
import { MethodStep } from "../../src/taskpane/components/MethodStep";
import { PreviewStep } from "../../src/taskpane/components/PreviewStep";
import { FailureBar } from "../../src/taskpane/components/FailureBar";
import { ProgressPanel } from "../../src/taskpane/components/ProgressPanel";
import { renderPane } from "./render";

const table = {
  id: "t1",
  name: "Clients",
  worksheet: "Data",
  headers: ["Id", "Recency", "Frequency", "Spend"],
  rowCount: 3,
  origin: "Data!A1",
};

function activeTable(state: ActiveTable["state"], extra: Partial<ActiveTable> = {}): ActiveTable {
  return {
    state,
    createFromSelection: jest.fn(async () => undefined),
    creating: false,
    createFailure: null,
    refresh: jest.fn(async () => undefined),
    ...extra,
  };
}

describe("Table step", () => {
  test("loading: a spinner says we are looking for the table", () => {
    renderPane(<TableStep active={activeTable({ status: "loading" })} onUse={jest.fn()} busy={false} />);
    expect(screen.getByText(t("pane.table.loading"))).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: t("pane.step.table") })).toBeInTheDocument();
  });

  test("no table: explains what to select and offers to turn the selection into a table", async () => {
    const active = activeTable({ status: "none", sheet: "Sheet1" });
    renderPane(<TableStep active={active} onUse={jest.fn()} busy={false} />);
    expect(screen.getByText(t("pane.table.none.title"))).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: t("pane.table.create") }));
    expect(active.createFromSelection).toHaveBeenCalledTimes(1);
  });

  test("a table: its name, sheet, rows and columns, and a button to segment it", async () => {
    const onUse = jest.fn();
    renderPane(<TableStep active={activeTable({ status: "ready", table })} onUse={onUse} busy={false} />);
    expect(screen.getByText("Clients on sheet Data: 3 rows, 4 columns.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: t("pane.table.use") }));
    expect(onUse).toHaveBeenCalled();
  });

  test("an Excel failure is shown with its catalogue message, in French too", () => {
    const failure = { code: "GeneralException", key: "pane.table.readFailed" as const };
    renderPane(<TableStep active={activeTable({ status: "error", failure })} onUse={jest.fn()} busy={false} />, "fr");
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent(t("pane.table.lookupFailed", {}, "fr"));
    expect(alert).toHaveTextContent(t("pane.table.readFailed", {}, "fr"));
  });
});

describe("Columns step", () => {
  const headers = ["Id", "Recency", "Frequency", "Spend"];

  test("every role has a labelled choice showing the suggested column, and can be corrected", async () => {
    const onMappingChange = jest.fn();
    renderPane(
      <ColumnsStep
        headers={headers}
        shape="customers"
        mapping={{ customerId: "Id", recency: "Recency", frequency: "Frequency", monetary: "Spend" }}
        issues={[]}
        onShapeChange={jest.fn()}
        onMappingChange={onMappingChange}
      />,
    );
    expect(screen.getByLabelText(t("pane.columns.field.recency"))).toHaveValue("Recency");
    // The value column is chosen once, in Method: the Columns step has no second control for it.
    expect(screen.queryByLabelText(t("pane.columns.field.value"))).not.toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText(t("pane.columns.field.monetary")), "Frequency");
    expect(onMappingChange).toHaveBeenLastCalledWith("monetary", "Frequency");
    await userEvent.selectOptions(screen.getByLabelText(t("pane.columns.field.monetary")), t("pane.columns.notUsed"));
    expect(onMappingChange).toHaveBeenLastCalledWith("monetary", undefined);
  });

  test("a transaction log asks for id, date and amount instead of R, F, M", async () => {
    const onShapeChange = jest.fn();
    renderPane(
      <ColumnsStep
        headers={["Client", "Date", "Montant"]}
        shape="transactions"
        mapping={{}}
        issues={[]}
        onShapeChange={onShapeChange}
        onMappingChange={jest.fn()}
      />,
    );
    expect(screen.getByLabelText(t("pane.columns.field.date"))).toBeInTheDocument();
    expect(screen.queryByLabelText(t("pane.columns.field.recency"))).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("radio", { name: t("pane.columns.shape.customers") }));
    expect(onShapeChange).toHaveBeenCalledWith("customers");
  });

  test("issues show their message and first cells, errors apart from warnings", () => {
    renderPane(
      <ColumnsStep
        headers={headers}
        shape="customers"
        mapping={{}}
        issues={[
          {
            key: "segmentation.issue.duplicateId",
            params: { count: 2, column: "Id", id: "C7", first: "row 4" },
            cells: ["row 4", "row 9"],
            severity: "error",
          },
          {
            key: "segmentation.issue.negativeValue",
            params: { count: 1, column: "Spend", first: "row 2" },
            cells: ["row 2"],
            severity: "warning",
          },
        ]}
        onShapeChange={jest.fn()}
        onMappingChange={jest.fn()}
      />,
    );
    const errors = screen.getByText(t("pane.issues.errors")).closest("[role=group]") ?? document.body;
    expect(errors).toHaveTextContent(/appear more than once in "Id"/);
    expect(screen.getByText(/Cells: row 4, row 9/)).toBeInTheDocument();
    expect(screen.getByText(t("pane.issues.warnings"))).toBeInTheDocument();
  });
});

describe("Method step", () => {
  test("switching to CLV tiers offers split, horizon, discount, margin and time unit", async () => {
    const onChange = jest.fn();
    renderPane(
      <MethodStep
        method={{ kind: "rfm", bins: 5 }}
        shape="transactions"
        tierColumns={["Amount"]}
        defaultTierColumn="Amount"
        onChange={onChange}
        onValidityChange={jest.fn()}
      />,
    );
    expect(screen.getByLabelText(t("pane.method.bins.label"))).toHaveValue("5");
    await userEvent.click(screen.getByRole("radio", { name: t("pane.method.kind.clvTiers") }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ kind: "clvTiers", split: "20-30-50" }));
  });

  test("a percentage out of range says what to enter and marks the method invalid", async () => {
    const onChange = jest.fn();
    const onValidityChange = jest.fn();
    renderPane(
      <MethodStep
        method={{
          kind: "clvTiers",
          split: "deciles",
          horizonMonths: 12,
          discountRate: 0.1,
          margin: 0.3,
          timeUnit: "weeks",
        }}
        shape="transactions"
        tierColumns={[]}
        defaultTierColumn=""
        onChange={onChange}
        onValidityChange={onValidityChange}
      />,
    );
    const margin = screen.getByLabelText(t("pane.method.margin.label"));
    expect(margin).toHaveValue("30");
    await userEvent.clear(margin);
    await userEvent.type(margin, "140");
    expect(screen.getByText(t("pane.method.outOfRange", { min: 0, max: 100 }))).toBeInTheDocument();
    expect(onValidityChange).toHaveBeenLastCalledWith(false);
    await userEvent.clear(margin);
    await userEvent.type(margin, "42,5");
    expect(onValidityChange).toHaveBeenLastCalledWith(true);
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ margin: 0.425 }));
  });

  test("quantile tiers start on the mapped value column", async () => {
    const onChange = jest.fn();
    renderPane(
      <MethodStep
        method={{ kind: "rfm", bins: 5 }}
        shape="customers"
        tierColumns={["Orders", "Spend"]}
        defaultTierColumn="Spend"
        onChange={onChange}
        onValidityChange={jest.fn()}
      />,
    );
    await userEvent.click(screen.getByRole("radio", { name: t("pane.method.kind.quantileTiers") }));
    expect(onChange).toHaveBeenLastCalledWith({ kind: "quantileTiers", column: "Spend", tiers: 4 });
  });

  test("the column picker lists the numeric columns only, and says so when there is none", () => {
    const { unmount } = renderPane(
      <MethodStep
        method={{ kind: "quantileTiers", column: "Spend", tiers: 4 }}
        shape="customers"
        tierColumns={["Orders", "Spend"]}
        defaultTierColumn="Spend"
        onChange={jest.fn()}
        onValidityChange={jest.fn()}
      />,
    );
    const picker = screen.getByLabelText(t("pane.method.column.label"));
    expect(picker).toHaveValue("Spend");
    expect(Array.from((picker as HTMLSelectElement).options).map((option) => option.value)).toEqual([
      "Orders",
      "Spend",
    ]);
    unmount();
    renderPane(
      <MethodStep
        method={{ kind: "quantileTiers", column: "", tiers: 4 }}
        shape="customers"
        tierColumns={[]}
        defaultTierColumn=""
        onChange={jest.fn()}
        onValidityChange={jest.fn()}
      />,
    );
    expect(screen.getByText(t("pane.method.column.noNumeric"))).toBeInTheDocument();
  });
});

const result: SegmentationResult = {
  preview: [
    {
      segmentId: "top",
      labelKey: "segmentation.tier.top20",
      colour: "#1B5E20",
      customers: 2,
      customerShare: 0.2,
      value: 7000,
      valueShare: 0.7,
      averageClv: 3000,
      totalClv: 6000,
      maxCac: 1000,
    },
    {
      segmentId: "rest",
      labelKey: "segmentation.tier.rest",
      colour: "#BDBDBD",
      customers: 8,
      customerShare: 0.8,
      value: 3000,
      valueShare: 0.3,
      averageClv: 300,
      totalClv: 2400,
      maxCac: 100,
    },
  ],
  thresholds: [{ label: "CLV breaks", breaks: [1500] }],
  columns: [{ header: "Tier", values: [] }],
  valueKey: "segmentation.value.clv",
  warnings: [],
};

describe("Preview step", () => {
  test("before preview: the button is the only thing, and it is disabled while the table has errors", () => {
    const { rerender } = renderPane(
      <PreviewStep result={null} computing={false} canPreview={false} onPreview={jest.fn()} />,
    );
    expect(screen.getByRole("button", { name: t("pane.preview.button") })).toBeDisabled();
    rerender(<PreviewStep result={null} computing={false} canPreview onPreview={jest.fn()} />);
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  test("computing: a progress bar with the step, in a live region, and Cancel", () => {
    const onCancel = jest.fn();
    const { rerender } = renderPane(
      <PreviewStep
        result={null}
        computing
        canPreview
        onPreview={jest.fn()}
        progress={{ step: "compute.progress.sending", done: 20000, total: 80000 }}
        onCancel={onCancel}
      />,
    );
    expect(screen.getByText(t("pane.preview.computing")).closest("[aria-live]")).not.toBeNull();
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0.25");
    expect(screen.getByRole("status")).toHaveTextContent(
      t("pane.progress.status", { step: t("compute.progress.sending"), done: 20000, total: 80000 }),
    );
    fireEvent.click(screen.getByRole("button", { name: t("pane.apply.cancel") }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    // The engine's own work has no count: a moving bar and the step's name alone.
    rerender(
      <PreviewStep
        result={null}
        computing
        canPreview
        onPreview={jest.fn()}
        progress={{ step: "compute.progress.computing", done: 0, total: 0 }}
        onCancel={onCancel}
      />,
    );
    expect(screen.getByRole("progressbar")).not.toHaveAttribute("aria-valuenow");
    expect(screen.getByRole("status")).toHaveTextContent(new RegExp(`^${t("compute.progress.computing")}$`));
  });

  test("segments with counts, shares, CLV and max CAC, thresholds and a chart; nothing written yet", () => {
    renderPane(<PreviewStep result={result} computing={false} canPreview onPreview={jest.fn()} />);
    expect(screen.getByText(t("pane.preview.nothingWritten"))).toBeInTheDocument();
    const rows = within(screen.getByRole("table")).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent("Top 20 %");
    expect(rows[1]).toHaveTextContent("20 %");
    expect(rows[1]).toHaveTextContent("70 %");
    expect(rows[1]).toHaveTextContent("1,000");
    expect(screen.getByText(/CLV breaks: 1,500/)).toBeInTheDocument();
    expect(screen.getByLabelText("Top 20 %: 20 % of customers, 70 % of value")).toBeInTheDocument();
  });

  test("in French: labels and numbers in French style", () => {
    renderPane(<PreviewStep result={result} computing={false} canPreview onPreview={jest.fn()} />, "fr");
    expect(screen.getByRole("columnheader", { name: t("pane.preview.col.averageClv", {}, "fr") })).toBeInTheDocument();
    expect(screen.getByText(/1\s000/, { selector: "td" })).toBeInTheDocument();
  });
});

describe("Failures and progress", () => {
  test("a failed apply says what was written, that the user's columns are safe, and offers to remove it", async () => {
    const onRemove = jest.fn();
    renderPane(
      <FailureBar
        titleKey="pane.apply.failedTitle"
        failure={{ code: "cancelled", key: "pane.apply.cancelled" }}
        written={{ columns: ["Segment", "R score"], sheets: [] }}
        onRemoveWritten={onRemove}
      />,
    );
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent(t("pane.apply.writtenColumns", { columns: "Segment, R score" }));
    expect(alert).toHaveTextContent(t("pane.apply.userColumnsSafe"));
    await userEvent.click(screen.getByRole("button", { name: t("pane.apply.removeWritten") }));
    expect(onRemove).toHaveBeenCalled();
  });

  test("a failure before anything was written says so and offers nothing to remove", () => {
    renderPane(
      <FailureBar
        titleKey="pane.apply.failedTitle"
        failure={{ code: "InvalidArgument", key: "pane.apply.cancelled" }}
        written={{ columns: [], sheets: [] }}
        onRemoveWritten={jest.fn()}
      />,
    );
    expect(screen.getByRole("alert")).toHaveTextContent(t("pane.apply.nothingWritten"));
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  test("progress: a labelled bar, the step and counts announced, and cancel", async () => {
    const onCancel = jest.fn();
    renderPane(
      <ProgressPanel progress={{ step: "excel.progress.writingValues", done: 2, total: 8 }} onCancel={onCancel} />,
    );
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0.25");
    expect(screen.getByRole("status")).toHaveTextContent("Writing values: 2 of 8");
    await userEvent.click(screen.getByRole("button", { name: t("pane.apply.cancel") }));
    expect(onCancel).toHaveBeenCalled();
  });
});
