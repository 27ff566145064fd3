import "./dom-shims";
import { screen, within } from "@testing-library/react";
import { accuracyLine } from "../../src/engine/segmentation/model-sheet";
import { ModelDiagnostics } from "../../src/taskpane/components/ModelDiagnostics";
import { sampleModelReport } from "../support/model-report";
import { renderPane } from "./render";

const spaces = (text: string | null) => text?.replace(/[\u00a0\u202f]/g, " ");

describe("the Preview's model diagnostics", () => {
  it("shows the accuracy line, the tracking with the end of calibration and the holdout by frequency", () => {
    const report = sampleModelReport();
    const { container } = renderPane(<ModelDiagnostics report={report} />);
    const section = screen.getByRole("region", { name: "How well the model predicts" });
    expect(within(section).getByTestId("accuracy-line")).toHaveTextContent(accuracyLine(report, "en"));
    const tracking = screen.getByRole("table", { name: /Cumulative repeat purchases per period \(weeks\)/ });
    // Header row, then one row per period: actual cumulative and model cumulative.
    expect(within(tracking).getAllByRole("row")).toHaveLength(1 + report.tracking.length);
    expect(spaces(within(tracking).getAllByRole("row")[4].textContent)).toBe("4" + "20" + "21");
    const holdout = screen.getByRole("table", { name: /Mean holdout purchases per customer/ });
    expect(within(holdout).getAllByRole("row").map((row) => row.textContent)).toEqual([
      "ActualPredicted",
      "00.20.25",
      "10.80.7",
      "7+43.5",
    ]);
    // The pictures: two lines and a marker; two series of columns.
    expect(container.querySelectorAll("path[data-series]")).toHaveLength(2);
    expect(container.querySelector("line[data-marker='End of calibration']")).not.toBeNull();
    expect(container.querySelectorAll("rect[data-series='Actual']")).toHaveLength(3);
  });

  it("speaks French, and without a holdout says why and draws no holdout chart", () => {
    const fallback = { key: "selection.holdoutTooShort" as const, params: { days: 10, min: 28 } };
    const report = sampleModelReport({
      holdout: undefined,
      comparison: undefined,
      fallback,
      calibrationEnd: null,
      calibrationPeriods: 6,
    });
    const { container } = renderPane(<ModelDiagnostics report={report} />, "fr");
    expect(screen.getByTestId("accuracy-line")).toHaveTextContent(/^Aucune période de validation n'a pu être faite/);
    expect(screen.getAllByRole("table")).toHaveLength(1);
    expect(container.querySelector("line[data-marker]")).toBeNull();
    expect(screen.getByText(/dans la feuille Modèle/)).toBeInTheDocument();
  });

  it("shows nothing without a report", () => {
    const { container } = renderPane(<ModelDiagnostics report={undefined} />);
    expect(container.querySelector("[data-testid='model-diagnostics']")).toBeNull();
  });
});
