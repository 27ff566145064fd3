/**
 * Colour scales (heat maps) as Excel shows them and as the in-memory workbook renders them on a sheet the add-in
 * wrote: the lowest number takes the minimum colour, the 50th percentile the midpoint, the highest the maximum;
 * blanks and text stay unfilled; the shading follows the values.
 */
import fc from "fast-check";
import type { ColourScale } from "../../src/engine/sheet-data";
import { colourScaleFill, colourScaleStops } from "../../src/workbench/colour-scale";
import { MemoryWorkbook } from "../../src/workbench/memory-workbook";

const scale: ColourScale = {
  row: 1,
  col: 1,
  rowCount: 2,
  columnCount: 3,
  minimum: "#F8696B",
  midpoint: "#FFEB84",
  maximum: "#63BE7B",
};

describe("colourScaleFill", () => {
  it("puts the stops' colours at the lowest, median and highest numbers and shades in between", () => {
    const stops = colourScaleStops([0, 0.5, 1, 0.25, 0.75]);
    expect(stops).toEqual({ low: 0, mid: 0.5, high: 1 });
    expect(colourScaleFill(scale, stops, 0)).toBe("#F8696B");
    expect(colourScaleFill(scale, stops, 0.5)).toBe("#FFEB84");
    expect(colourScaleFill(scale, stops, 1)).toBe("#63BE7B");
    // Half way from red to yellow: each channel half way.
    expect(colourScaleFill(scale, stops, 0.25)).toBe("#FCAA78");
    expect(colourScaleFill(scale, stops, "")).toBeNull();
    expect(colourScaleFill(scale, stops, "n/a")).toBeNull();
    expect(colourScaleFill({ ...scale, midpoint: undefined }, stops, 0.5)).toBe("#AE9473");
  });

  it("never leaves the scale's colours: every channel lies between its stops' channels", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }), (xs) => {
        const stops = colourScaleStops(xs)!;
        for (const x of xs) {
          const fill = colourScaleFill(scale, stops, x)!;
          expect(fill).toMatch(/^#[0-9A-F]{6}$/);
          const red = parseInt(fill.slice(1, 3), 16);
          expect(red).toBeGreaterThanOrEqual(0x63);
          expect(red).toBeLessThanOrEqual(0xff);
        }
      }),
    );
  });
});

describe("MemoryWorkbook colour scales", () => {
  it("shades the numbers of the block on the sheet written, leaves other cells and follows a rewrite", async () => {
    const workbook = new MemoryWorkbook();
    workbook.addSheet("Data");
    const rows = [
      ["Cohort", "0", "1", "2"],
      ["A", 1, 0.5, 0.25],
      ["B", 1, 0.75, ""],
    ];
    const wrote = await workbook.writeSheet({ name: "Cohorts", rows, colourScales: [scale], columnWidths: [20] });
    expect(wrote.ok).toBe(true);
    expect(workbook.columnWidths("Cohorts")).toEqual([20]);
    expect(workbook.colourScales("Cohorts")).toEqual([scale]);
    expect(workbook.getCell("Cohorts", 1, 0).fill).toBeUndefined();
    expect(workbook.getCell("Cohorts", 1, 1).fill).toBe("#63BE7B");
    expect(workbook.getCell("Cohorts", 1, 3).fill).toBe("#F8696B");
    expect(workbook.getCell("Cohorts", 2, 3).fill).toBeUndefined();
    // Median of 1, 0.5, 0.25, 1, 0.75 is 0.75.
    expect(workbook.getCell("Cohorts", 2, 2).fill).toBe("#FFEB84");
    const replaced = await workbook.writeSheet({ name: "Cohorts", rows: rows.slice(0, 2), replaceExisting: true });
    expect(replaced.ok).toBe(true);
    expect(workbook.colourScales("Cohorts")).toEqual([]);
    expect(workbook.getCell("Cohorts", 1, 1).fill).toBeUndefined();
  });
});
