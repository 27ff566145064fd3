import "../taskpane/dom-shims";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import "../../src/i18n/all";
import { ChartView, chartSeries } from "../../src/workbench/components/ChartView";
import type { ChartData } from "../../src/workbench/sheet-view";

const line: ChartData = {
  title: "Cumulative",
  type: "line",
  categories: [1, 2, 3],
  values: [2, 4, ""],
  series: [
    { name: "Actual", type: "line", values: [2, 4, ""] },
    { name: "Model", type: "line", values: [1.5, 3.8, 5.9] },
    { name: "End of calibration", type: "column", values: ["", 6, ""] },
  ],
};

describe("the workbench's stand-in of a line or column chart", () => {
  test("plots every series, blanks as gaps, a column series as columns", () => {
    expect(chartSeries(line)).toEqual([
      { name: "Actual", kind: "line", values: [2, 4, null] },
      { name: "Model", kind: "line", values: [1.5, 3.8, 5.9] },
      { name: "End of calibration", kind: "column", values: [null, 6, null] },
    ]);
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        <ChartView chart={line} locale="en" />
      </FluentProvider>,
    );
    expect(container.querySelectorAll("path[data-series]")).toHaveLength(2);
    expect(container.querySelectorAll("rect[data-series='End of calibration']")).toHaveLength(1);
  });

  test("a single-series column chart without `series` is its values", () => {
    const column: ChartData = { title: "Counts", type: "column", categories: ["a", "b"], values: [1, "x"] };
    expect(chartSeries(column)).toEqual([{ name: "Counts", kind: "column", values: [1, null] }]);
  });
});
