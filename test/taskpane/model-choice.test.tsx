import "./dom-shims";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { t } from "../../src/i18n";
import type { ModelComparison } from "../../src/engine/models/selection";
import type { SegmentationMethod, SegmentationResult } from "../../src/engine/segmentation/types";
import { ColumnsStep } from "../../src/taskpane/components/ColumnsStep";
import { MethodStep } from "../../src/taskpane/components/MethodStep";
import { PreviewStep } from "../../src/taskpane/components/PreviewStep";
import { DEFAULT_METHODS } from "../../src/taskpane/hooks/useSegmentationFlow";
import { renderPane } from "./render";

const method = (extra: Partial<Extract<SegmentationMethod, { kind: "clvTiers" }>> = {}): SegmentationMethod => ({
  ...DEFAULT_METHODS.clvTiers,
  ...extra,
});

describe("Method: the purchase model of CLV tiers", () => {
  test("defaults to best on holdout and offers the registry's choosable models", async () => {
    const onChange = jest.fn();
    renderPane(
      <MethodStep
        method={method()}
        shape="transactions"
        tierColumns={[]}
        defaultTierColumn=""
        onChange={onChange}
        onValidityChange={jest.fn()}
      />,
    );
    const picker = screen.getByLabelText(t("selection.choice")) as HTMLSelectElement;
    expect(picker).toHaveValue("best");
    expect(Array.from(picker.options).map((option) => option.textContent)).toEqual([
      t("selection.choice.best"),
      "BG/NBD",
      "MBG/NBD",
      "Pareto/NBD",
    ]);
    expect(screen.getByText(t("selection.choice.hint"))).toBeInTheDocument();
    await userEvent.selectOptions(picker, "pnbd");
    expect(onChange).toHaveBeenLastCalledWith({ ...method(), purchaseModel: "pnbd" });
  });

  test("a recipe from before the choice shows BG/NBD, the model it refreshes with", () => {
    const legacy: SegmentationMethod = { ...DEFAULT_METHODS.clvTiers };
    delete legacy.purchaseModel;
    renderPane(
      <MethodStep
        method={legacy}
        shape="transactions"
        tierColumns={[]}
        defaultTierColumn=""
        onChange={jest.fn()}
        onValidityChange={jest.fn()}
      />,
      "fr",
    );
    expect(screen.getByLabelText(t("selection.choice", {}, "fr"))).toHaveValue("bgnbd");
  });
});

const row = (model: "bgnbd" | "mbgnbd" | "pnbd", label: string, mae: number, error: number, chosen: boolean) => ({
  model,
  label,
  params: {},
  logLikelihood: -12400.25,
  aic: 24808.5,
  bic: 24831.6,
  status: model === "pnbd" ? ("boundary" as const) : ("converged" as const),
  diagnosis: [],
  holdout: { predictedTotal: 1156 * (1 + error), actualTotal: 1156, relativeError: error, meanAbsoluteError: mae },
  byFrequency: [],
  chosen,
});

const comparison: ModelComparison = {
  timeUnit: "weeks",
  firstPurchase: 35431,
  calibrationEnd: 35794,
  asOf: 35976,
  holdoutLength: 26,
  calibrationCustomers: 2357,
  criterion: "meanAbsoluteError",
  rows: [row("bgnbd", "BG/NBD", 0.5197, 0.0163, false), row("mbgnbd", "MBG/NBD", 0.508, -0.0166, true), row("pnbd", "Pareto/NBD", 0.508, 0.0377, false)],
  chosen: "mbgnbd",
};

const result: SegmentationResult = {
  preview: [],
  thresholds: [],
  columns: [{ header: "Tier", values: [] }],
  valueKey: "segmentation.value.clv",
  warnings: [],
  context: {
    customers: 2357,
    rows: 6919,
    models: [
      { role: "purchases", model: "MBG/NBD", status: "converged" },
      { role: "spend", model: "Gamma-Gamma", status: "boundary" },
    ],
    purchaseChoice: { setting: "best", by: "holdout" },
    comparison,
  },
};

describe("Preview: the models behind the CLV", () => {
  test("each fitted model with its status in plain words, and the holdout comparison with the winner", () => {
    renderPane(<PreviewStep result={result} computing={false} canPreview onPreview={jest.fn()} />);
    const models = screen.getByRole("region", { name: t("selection.models") });
    expect(within(models).getByText("Purchases: MBG/NBD, converged.")).toBeInTheDocument();
    expect(within(models).getByText(/^Spend per purchase: Gamma-Gamma, at a boundary/)).toBeInTheDocument();
    const table = within(models).getByRole("table", { name: t("selection.comparison") });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(4);
    expect(rows[2]).toHaveTextContent("MBG/NBD (chosen)");
    expect(rows[2]).toHaveTextContent("−1.7 %");
    expect(rows[3]).toHaveTextContent(/Pareto\/NBD.*at a boundary/);
    expect(within(models).getByText(/Calibration 1997-01-01 – 1997-12-30, holdout 1997-12-31 – 1998-06-30/)).toBeInTheDocument();
    expect(within(models).getByText(/^MBG\/NBD chosen: .*mean absolute error 0\.508/)).toBeInTheDocument();
  });

  test("in French, and the fallback says why there is no comparison", () => {
    const fallback: SegmentationResult = {
      ...result,
      context: {
        ...result.context!,
        comparison: undefined,
        purchaseChoice: { setting: "best", by: "fallback", fallbackReason: "raison." },
      },
    };
    renderPane(<PreviewStep result={fallback} computing={false} canPreview onPreview={jest.fn()} />, "fr");
    expect(screen.getByText("Achats : MBG/NBD, convergé.")).toBeInTheDocument();
    expect(screen.queryByRole("table", { name: t("selection.comparison", {}, "fr") })).not.toBeInTheDocument();
    expect(screen.getByText("Pas de comparaison sur validation : raison.")).toBeInTheDocument();
  });

  test("nothing about models for a segmentation without them (RFM)", () => {
    const rfm = { ...result, context: { customers: 3, rows: 3 } };
    renderPane(<PreviewStep result={rfm} computing={false} canPreview onPreview={jest.fn()} />);
    expect(screen.queryByRole("region", { name: t("selection.models") })).not.toBeInTheDocument();
  });
});

describe("CLV tiers from a customer table", () => {
  test("Columns offers the first and last purchase dates; Method says what a customer table needs", async () => {
    const onMappingChange = jest.fn();
    const headers = ["Client", "Premier achat", "Dernier achat", "Commandes", "Panier moyen"];
    renderPane(
      <ColumnsStep
        headers={headers}
        shape="customers"
        mapping={{ customerId: "Client", firstPurchase: "Premier achat", frequency: "Commandes" }}
        issues={[]}
        onShapeChange={jest.fn()}
        onMappingChange={onMappingChange}
      />,
      "fr",
    );
    expect(screen.getByLabelText(t("selection.field.firstPurchase", {}, "fr"))).toHaveValue("Premier achat");
    const last = screen.getByLabelText(t("selection.field.lastPurchase", {}, "fr"));
    expect(last).toHaveValue("");
    await userEvent.selectOptions(last, "Dernier achat");
    expect(onMappingChange).toHaveBeenLastCalledWith("lastPurchase", "Dernier achat");
  });

  test("Method on a customer table explains the columns CLV tiers read", () => {
    renderPane(
      <MethodStep
        method={method()}
        shape="customers"
        tierColumns={[]}
        defaultTierColumn=""
        onChange={jest.fn()}
        onValidityChange={jest.fn()}
      />,
    );
    expect(screen.getByText(t("selection.method.needsHistory"))).toBeInTheDocument();
  });
});
