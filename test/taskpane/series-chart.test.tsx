import "./dom-shims";
import { screen, within } from "@testing-library/react";
import { chartGeometry, SeriesChart } from "../../src/taskpane/components/SeriesChart";
import { renderPane } from "./render";

describe("SeriesChart", () => {
  it("scales lines to the largest value, breaks them at blanks and places the marker between periods", () => {
    const geometry = chartGeometry(
      ["1", "2", "3", "4"],
      [
        { name: "Actual", kind: "line", values: [1, 2, null, 4] },
        { name: "Model", kind: "line", values: [0, 8, 3, 4] },
      ],
      134,
      124,
      2,
    );
    expect(geometry.max).toBe(8);
    // Two pieces (M … L …, then M …) for the series with a blank; one for the other.
    expect(geometry.paths[0].match(/M/g)).toHaveLength(2);
    expect(geometry.paths[1].match(/M/g)).toHaveLength(1);
    // Plot: 34 … 128 wide (band 23.5), 6 … 106 high; 8 is the top, 0 the bottom.
    expect(geometry.paths[1]).toBe("M45.8 106.0 L69.3 6.0 L92.8 68.5 L116.3 56.0");
    expect(geometry.markerX).toBeCloseTo(34 + 2 * 23.5);
  });

  it("clusters columns side by side within each period and leaves blanks out", () => {
    const geometry = chartGeometry(
      ["0", "1"],
      [
        { name: "Actual", kind: "column", values: [10, 5] },
        { name: "Predicted", kind: "column", values: [null, 10] },
      ],
      140,
      124,
    );
    const [actual, predicted] = geometry.rects;
    expect(actual).toHaveLength(2);
    expect(predicted).toHaveLength(1);
    expect(predicted[0].x).toBeCloseTo(actual[1].x + actual[1].width);
    expect(actual[1].height).toBeCloseTo(predicted[0].height / 2);
  });

  it("reads out as a titled table of values in the pane's language", () => {
    renderPane(
      <SeriesChart
        title="Suivi"
        categories={["1", "2"]}
        series={[
          { name: "Réel", kind: "line", values: [1234.5, null] },
          { name: "Modèle", kind: "line", values: [1000, 2000] },
        ]}
        marker={{ index: 1, label: "Fin de calibration" }}
        locale="fr"
      />,
      "fr",
    );
    const table = screen.getByRole("table", { name: "Suivi" });
    const rows = within(table).getAllByRole("row");
    expect(rows.map((row) => row.textContent?.replace(/[\u00a0\u202f]/g, " "))).toEqual(["RéelModèle", "11 2351 000", "22 000"]);
    expect(screen.getByText("Fin de calibration")).toBeInTheDocument();
  });
});
