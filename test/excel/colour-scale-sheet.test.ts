/**
 * ExcelWorkbook writes a sheet's colour scales (heat maps) as Excel's colour-scale conditional formats
 * (ConditionalFormatType.colorScale, ExcelApi 1.6): one per block, on the block's range, lowest value → 50th
 * percentile → highest value; and the column widths (points) a sheet asks for.
 */
import { ExcelWorkbook } from "../../src/excel/excel-workbook";
import type { OwnSheet } from "../../src/excel/workbook";
import { FakeExcel } from "./excel-mock";

describe("ExcelWorkbook colour scales", () => {
  beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it("adds one colour-scale format per block, with its three stops", async () => {
    const fake = new FakeExcel({ headers: ["Client"], rows: [["C1"]] });
    const workbook = new ExcelWorkbook({ run: fake.run, office: fake.office });
    const sheet: OwnSheet = {
      name: "Cohorts",
      rows: [
        ["Cohort", 0, 1, 2],
        ["2024-01", 1, 0.5, 0.25],
        ["2024-02", 1, 0.75, ""],
      ],
      colourScales: [
        { row: 1, col: 2, rowCount: 2, columnCount: 2, minimum: "#F8696B", midpoint: "#FFEB84", maximum: "#63BE7B" },
        { row: 1, col: 1, rowCount: 1, columnCount: 1, minimum: "#FFFFFF", maximum: "#000000" },
      ],
      columnWidths: [56.25, undefined, 45.75],
    };
    expect(await workbook.writeSheet(sheet)).toEqual({ ok: true, value: undefined });
    const added = fake.state.syncs.flatMap((sync) => sync.conditionalFormats);
    expect(added).toEqual([
      expect.objectContaining({
        address: "Cohorts!C2:D3",
        type: "ColorScale",
        criteria: {
          minimum: { type: "LowestValue", color: "#F8696B" },
          midpoint: { formula: "50", type: "Percentile", color: "#FFEB84" },
          maximum: { type: "HighestValue", color: "#63BE7B" },
        },
      }),
      expect.objectContaining({
        address: "Cohorts!B2",
        type: "ColorScale",
        criteria: {
          minimum: { type: "LowestValue", color: "#FFFFFF" },
          maximum: { type: "HighestValue", color: "#000000" },
        },
      }),
    ]);
    // The column left undefined keeps its fit.
    expect(fake.state.columnWidths).toEqual(
      new Map([
        ["Cohorts!0", 56.25],
        ["Cohorts!2", 45.75],
      ]),
    );
  });
});
