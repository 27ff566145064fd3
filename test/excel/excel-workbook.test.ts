import { t } from "../../src/i18n";
import { ExcelWorkbook, themeFromBackground, topLeftCell } from "../../src/excel/excel-workbook";
import { REQUEST_OVERHEAD_BYTES } from "../../src/excel/chunk-plan";
import type { OwnColumn, Progress } from "../../src/excel/workbook";
import { FakeExcel, type FakeExcelOptions } from "./excel-mock";

const HEADERS = ["Client", "Recency", "Frequency", "Monetary"];
const ROWS = [
  ["C1", 10, 3, 120.5],
  ["C2", 200, 1, 15],
  ["C3", 35, 12, 980.25],
  ["C4", 90, 2, 40],
  ["C5", 5, 30, 2500],
  ["C6", 400, 1, 9.99],
];

function setUp(
  options: Partial<FakeExcelOptions> = {},
  workbookOptions: { maxRequestBytes?: number; readBlockRows?: number } = {},
) {
  const fake = new FakeExcel({ headers: HEADERS, rows: ROWS, ...options });
  const workbook = new ExcelWorkbook({ run: fake.run, office: fake.office, ...workbookOptions });
  return { fake, workbook };
}

function segmentColumns(replaceExisting = false): OwnColumn[] {
  return [
    {
      header: "Segment",
      values: ["Champions", "Hibernating", "Champions", "At risk", "Champions", "Lost"],
      fills: ["#1B5E20", "#B0BEC5", "#1B5E20", "#1B5E20", null, "#B0BEC5"],
      replaceExisting,
    },
    { header: "CLV", values: [300, 20, 1500, 80, 5000, 0], numberFormat: "#,##0.00", replaceExisting },
  ];
}

/** Room for two rows of (text + number) per request, so six rows take three value requests. */
const TWO_ROWS = REQUEST_OVERHEAD_BYTES + 2 * (3 + 16 + 26);

describe("ExcelWorkbook on office-addin-mock", () => {
  beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it("finds the table under the selection", async () => {
    const { workbook } = setUp();
    const result = await workbook.getActiveTable();
    expect(result).toEqual({
      ok: true,
      value: { id: "{T1}", name: "Clients", worksheet: "Data", headers: HEADERS, rowCount: 6, origin: "Data!A1" },
    });
  });

  it("gives the table's top-left cell from its range address, wherever the table sits", async () => {
    const { fake, workbook } = setUp({ origin: { row: 2, col: 27 } });
    expect(fake.address({ row: -1, col: 0, rows: 7, cols: 4 })).toBe("Data!AB3:AE9");
    expect(await workbook.getActiveTable()).toMatchObject({ ok: true, value: { origin: "Data!AB3" } });
    expect(topLeftCell("'Q1 ''24'!B3:H40")).toBe("'Q1 ''24'!B3");
    expect(topLeftCell("Data!C5")).toBe("Data!C5");
  });

  it("does not turn a selection that is already in a table into another table", async () => {
    const { fake, workbook } = setUp();
    const result = await workbook.createTableFromSelection();
    expect(result).toMatchObject({
      ok: false,
      error: { key: "excel.error.selectionInTable", params: { table: "Clients" } },
    });
    expect(fake.state.syncs).toHaveLength(1);
  });

  it("reads the table in row blocks, one sync per block", async () => {
    const { fake, workbook } = setUp({}, { readBlockRows: 4 });
    const progress: Progress[] = [];
    const result = await workbook.readTable("{T1}", { onProgress: (p) => progress.push(p) });
    expect(result).toEqual({ ok: true, value: { headers: HEADERS, rows: ROWS } });
    expect(fake.state.syncs).toHaveLength(3); // headers + body size, then two blocks of 4 and 2 rows
    expect(progress.map((p) => [p.done, p.total])).toEqual([
      [4, 6],
      [6, 6],
    ]);
  });

  it("writes new columns in planned chunks: add once, values with calculation suspended, formats, then fills", async () => {
    // "Champions" is both green and unfilled here: the fills are not a function of the values, so fill runs.
    const { fake, workbook } = setUp({}, { maxRequestBytes: TWO_ROWS });
    const progress: Progress[] = [];
    const result = await workbook.writeColumns("{T1}", segmentColumns(), { onProgress: (p) => progress.push(p) });
    expect(result).toEqual({ ok: true, value: { written: ["Segment", "CLV"] } });
    const syncs = fake.state.syncs;
    // 1 read of the headers, 1 add, 3 value chunks, 1 format request, then 4 fill runs: this small ceiling
    // leaves room for one run per request.
    expect(syncs).toHaveLength(10);
    expect(syncs[1].operations).toEqual(["add Segment", "add CLV"]);
    expect(syncs[1].screenSuspended).toBe(true);
    expect(syncs.slice(2, 5).map((s) => s.values)).toEqual([[[0, 4, 2, 2]], [[2, 4, 2, 2]], [[4, 4, 2, 2]]]);
    expect(syncs.slice(1).every((s) => s.calculationSuspended)).toBe(true);
    expect(syncs.filter((s) => s.screenSuspended)).toHaveLength(1);
    expect(syncs[5].numberFormats).toEqual([
      { column: 4, format: "General" },
      { column: 5, format: "#,##0.00" },
    ]);
    expect(syncs.slice(6).flatMap((s) => s.fills)).toEqual([
      { row: 0, column: 4, rows: 1, color: "#1B5E20" },
      { row: 1, column: 4, rows: 1, color: "#B0BEC5" },
      { row: 2, column: 4, rows: 2, color: "#1B5E20" },
      { row: 5, column: 4, rows: 1, color: "#B0BEC5" },
    ]);
    // Every fill comes with the font colour that keeps it readable: white on the dark green, black on the grey.
    expect(syncs.slice(6).flatMap((s) => s.fontColors)).toEqual([
      { row: 0, column: 4, rows: 1, color: "#FFFFFF" },
      { row: 1, column: 4, rows: 1, color: "#000000" },
      { row: 2, column: 4, rows: 2, color: "#FFFFFF" },
      { row: 5, column: 4, rows: 1, color: "#000000" },
    ]);
    expect(fake.state.headers).toEqual([...HEADERS, "Segment", "CLV"]);
    expect(fake.state.cells.map((row) => row.slice(0, 4))).toEqual(ROWS);
    expect(fake.state.cells.map((row) => row[4])).toEqual(segmentColumns()[0].values);
    expect(fake.state.cells.map((row) => row[5])).toEqual(segmentColumns()[1].values);
    expect(progress[progress.length - 1]).toEqual({ step: "excel.progress.writingFills", done: 9, total: 9 });
  });

  /** A segment column whose colour follows its label (as the engine writes it), one label with quotes. */
  function colouredBySegment(replaceExisting = false): OwnColumn[] {
    const colour: Record<string, string> = { Champions: "#1B5E20", Lost: "#B0BEC5", 'Say "hi"': "#FFA726" };
    const values = ["Champions", "Lost", 'Say "hi"', "Champions", "Lost", "Champions"];
    return [
      { header: "Segment", values, fills: values.map((value) => colour[value]), replaceExisting },
      { header: "CLV", values: [300, 20, 1500, 80, 5000, 0], numberFormat: "#,##0.00", replaceExisting },
    ];
  }

  it("colours a column whose fills follow its values with one conditional format per value", async () => {
    const { fake, workbook } = setUp({ origin: { row: 1, col: 1 } });
    const progress: Progress[] = [];
    const result = await workbook.writeColumns("{T1}", colouredBySegment(), { onProgress: (p) => progress.push(p) });
    expect(result).toEqual({ ok: true, value: { written: ["Segment", "CLV"] } });
    const syncs = fake.state.syncs;
    // Headers, add, one value request, formats, then one request with the three rules: no fill runs at all.
    expect(syncs).toHaveLength(5);
    expect(syncs.flatMap((sync) => sync.fills)).toEqual([]);
    const rule = (formula1: string, color: string, fontColor: string) => ({
      address: "Data!F3:F8",
      type: "CellValue",
      formula1,
      operator: "EqualTo",
      color,
      fontColor,
    });
    expect(syncs[4].conditionalFormats).toEqual([
      rule('="Champions"', "#1B5E20", "#FFFFFF"),
      rule('="Lost"', "#B0BEC5", "#000000"),
      rule('="Say ""hi"""', "#FFA726", "#000000"),
    ]);
    expect(syncs[4].calculationSuspended).toBe(true);
    expect(fake.state.conditionalFormats.map((format) => [format.column, format.row, format.rows])).toEqual([
      [4, 0, 6],
      [4, 0, 6],
      [4, 0, 6],
    ]);
    expect(progress[progress.length - 1]).toEqual({ step: "excel.progress.writingFills", done: 4, total: 4 });
  });

  it("a refresh clears our column's previous rules before adding the new ones; remove takes them away", async () => {
    const { fake, workbook } = setUp();
    expect((await workbook.writeColumns("{T1}", colouredBySegment())).ok).toBe(true);
    const before = fake.state.syncs.length;
    const again = colouredBySegment(true);
    again[0].values = ["Lost", "Lost", "Lost", "Champions", "Lost", "Lost"];
    again[0].fills = again[0].values.map((value) => (value === "Lost" ? "#B0BEC5" : "#1B5E20"));
    expect((await workbook.writeColumns("{T1}", again)).ok).toBe(true);
    const syncs = fake.state.syncs.slice(before);
    const clearing = syncs.findIndex((sync) => sync.conditionalFormatClears.length > 0);
    const adding = syncs.findIndex((sync) => sync.conditionalFormats.length > 0);
    expect(syncs[clearing].conditionalFormatClears).toEqual(["Data!E2:E7", "Data!F2:F7"]);
    expect(clearing).toBeLessThan(adding);
    expect(fake.state.conditionalFormats.map((format) => [format.formula1, format.color])).toEqual([
      ['="Lost"', "#B0BEC5"],
      ['="Champions"', "#1B5E20"],
    ]);
    expect((await workbook.removeColumns("{T1}", ["Segment", "CLV"])).ok).toBe(true);
    expect(fake.state.conditionalFormats).toEqual([]);
  });

  it("refuses to overwrite a column that exists and is not declared ours, after one read-only sync", async () => {
    const { fake, workbook } = setUp();
    const columns = segmentColumns();
    columns[1].header = "monetary";
    const result = await workbook.writeColumns("{T1}", columns);
    expect(result).toMatchObject({
      ok: false,
      error: { code: "nameTaken", key: "excel.error.nameTaken", params: { header: "Monetary", table: "Clients" } },
    });
    expect(fake.state.syncs).toHaveLength(1);
    expect(fake.state.headers).toEqual(HEADERS);
    expect(fake.state.cells).toEqual(ROWS);
  });

  it("replaces our own column in place and clears its old fills and font colours", async () => {
    const { fake, workbook } = setUp();
    expect((await workbook.writeColumns("{T1}", segmentColumns())).ok).toBe(true);
    expect(fake.state.fontColors.get("0,4")).toBe("#FFFFFF");
    const before = fake.state.syncs.length;
    const again = segmentColumns(true);
    again[1].values = [1, 2, 3, 4, 5, 6];
    // No fill at all this time: no white text may be left on the now white cells.
    again[0].fills = again[0].values.map(() => null);
    expect(await workbook.writeColumns("{T1}", again)).toEqual({ ok: true, value: { written: ["Segment", "CLV"] } });
    const syncs = fake.state.syncs.slice(before);
    expect(syncs.some((s) => s.operations.length > 0)).toBe(false);
    expect(syncs.flatMap((s) => s.formatClears)).toEqual([4, 5]);
    expect([...fake.state.fills.keys()]).toEqual([]);
    expect([...fake.state.fontColors.keys()]).toEqual([]);
    expect(fake.state.numberFormats.get(5)).toBe("#,##0.00");
    expect(fake.state.headers).toEqual([...HEADERS, "Segment", "CLV"]);
    expect(fake.state.cells.map((row) => row[5])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(fake.state.cells.map((row) => row.slice(0, 4))).toEqual(ROWS);
  });

  it("a sync failure midway reports the headers already written and leaves the user's columns alone", async () => {
    const { fake, workbook } = setUp({}, { maxRequestBytes: TWO_ROWS });
    fake.failOnSync(4, "GeneralException"); // read, add, first chunk, then the second chunk fails
    const result = await workbook.writeColumns("{T1}", segmentColumns());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      code: "GeneralException",
      key: "excel.error.unexpected",
      written: ["Segment", "CLV"],
      params: { table: "Clients" },
    });
    expect(result.error.detail).toContain("range.values");
    expect(fake.state.cells.map((row) => row.slice(0, 4))).toEqual(ROWS);
    expect(fake.state.cells.map((row) => row[4])).toEqual(["Champions", "Hibernating", "", "", "", ""]);
    expect(fake.state.syncs).toHaveLength(4);
  });

  it("stops between chunks when cancelled and says what was written", async () => {
    const { fake, workbook } = setUp({}, { maxRequestBytes: TWO_ROWS });
    const controller = new AbortController();
    const result = await workbook.writeColumns("{T1}", segmentColumns(), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.step === "excel.progress.writingValues") controller.abort();
      },
    });
    expect(result).toMatchObject({ ok: false, error: { code: "cancelled", written: ["Segment", "CLV"] } });
    expect(fake.state.syncs).toHaveLength(3);
  });

  it("removes our columns by header, highest index first, ignoring unknown headers", async () => {
    const { fake, workbook } = setUp();
    await workbook.writeColumns("{T1}", segmentColumns());
    const result = await workbook.removeColumns("{T1}", ["segment", "CLV", "Nope"]);
    expect(result).toEqual({ ok: true, value: undefined });
    expect(fake.state.syncs[fake.state.syncs.length - 1].operations).toEqual(["delete 5", "delete 4"]);
    expect(fake.state.headers).toEqual(HEADERS);
    expect(fake.state.cells).toEqual(ROWS);
  });

  const summarySheet = (replaceExisting?: boolean) => ({
    name: "Segments",
    rows: [
      ["Segment", "Customers"],
      ["Champions", 3],
      ["Lost", 1],
    ],
    numberFormats: [undefined, "0"],
    chart: { title: "Customers by segment", valueColumn: 1, type: "bar" as const },
    fills: ["#1B5E20", "#B0BEC5"],
    replaceExisting,
  });

  it("lists the sheets and never replaces a user's sheet of the same name, after one read-only sync", async () => {
    const mine = [["my own notes", 42]];
    const { fake, workbook } = setUp({ sheets: [{ name: "segments", cells: mine }] });
    expect(await workbook.listSheets()).toEqual({ ok: true, value: ["Data", "segments"] });
    for (const replaceExisting of [false, undefined]) {
      const before = fake.state.syncs.length;
      const result = await workbook.writeSheet(summarySheet(replaceExisting));
      expect(result).toMatchObject({
        ok: false,
        error: { code: "nameTaken", key: "excel.error.sheetNameTaken", params: { name: "segments" } },
      });
      expect(fake.state.syncs.slice(before)).toHaveLength(1);
      expect(fake.state.syncs.slice(before).flatMap((sync) => sync.operations)).toEqual([]);
    }
    expect(fake.state.sheets.map((sheet) => [sheet.name, sheet.cells])).toEqual([
      ["Data", []],
      ["segments", mine],
    ]);
  });

  it("writes a new sheet, and replaces it only when declared ours", async () => {
    const { fake, workbook } = setUp();
    expect(await workbook.writeSheet(summarySheet(false))).toEqual({ ok: true, value: undefined });
    const written = fake.state.sheets.find((sheet) => sheet.name === "Segments");
    expect(written?.cells).toEqual(summarySheet().rows);
    expect(written?.fills).toEqual(
      new Map([
        ["1,0", "#1B5E20"],
        ["2,0", "#B0BEC5"],
      ]),
    );
    expect(written?.fontColors).toEqual(
      new Map([
        ["1,0", "#FFFFFF"],
        ["2,0", "#000000"],
      ]),
    );
    expect((await workbook.writeSheet(summarySheet(false))).ok).toBe(false);
    const again = { ...summarySheet(true), rows: summarySheet().rows.slice(0, 2) };
    expect(await workbook.writeSheet(again)).toEqual({ ok: true, value: undefined });
    expect(fake.state.sheets.map((sheet) => sheet.name)).toEqual(["Data", "Segments"]);
    expect(fake.state.sheets[1].cells).toEqual(again.rows);
  });

  it("draws a chart of several series: a line per series, a column marking one period, axis titles, a size", async () => {
    const { fake, workbook } = setUp();
    const rows = [
      ["Week", "Actual", "Model", "Calibration end"],
      [1, 2, 1.5, ""],
      [2, 4, 3.8, 6],
      [3, 6, 5.9, ""],
    ];
    const result = await workbook.writeSheet({
      name: "Model",
      rows,
      charts: [
        {
          title: "Cumulative repeat purchases",
          type: "line",
          values: { row: 0, col: 1, count: 3 },
          moreValues: [
            { row: 0, col: 2, count: 3 },
            { row: 0, col: 3, count: 3, type: "column" },
          ],
          categories: { row: 1, col: 0, count: 3 },
          anchor: { row: 0, col: 5 },
          extent: { rows: 10, columns: 6 },
          categoryAxisTitle: "Week",
          valueAxisTitle: "Purchases",
        },
        {
          title: "Old style",
          type: "bar",
          values: { row: 0, col: 1, count: 3 },
          categories: { row: 1, col: 0, count: 3 },
          anchor: { row: 12, col: 5 },
        },
      ],
      columnWidths: [200, undefined, 80],
    });
    expect(result).toEqual({ ok: true, value: undefined });
    expect(fake.state.columnWidths).toEqual(
      new Map([
        ["Model!0", 200],
        ["Model!2", 80],
      ]),
    );
    expect(fake.state.charts).toEqual([
      {
        sheet: "Model",
        type: "Line",
        source: "Model!B1:B4",
        seriesBy: "Columns",
        title: "Cumulative repeat purchases",
        legendVisible: true,
        added: [
          { name: "Model", values: "Model!C2:C4", xValues: "Model!A2:A4" },
          { name: "Calibration end", values: "Model!D2:D4", xValues: "Model!A2:A4", chartType: "ColumnClustered" },
        ],
        xValues: { 0: "Model!A2:A4", 1: "Model!A2:A4", 2: "Model!A2:A4" },
        categoryAxisTitle: "Week",
        valueAxisTitle: "Purchases",
        position: ["Model!F1", "Model!K10"],
      },
      {
        sheet: "Model",
        type: "BarClustered",
        source: "Model!B1:B4",
        seriesBy: "Columns",
        title: "Old style",
        legendVisible: false,
        added: [],
        xValues: { 0: "Model!A2:A4" },
        position: ["Model!F13"],
      },
    ]);
  });

  it("round-trips a recipe through workbook settings, ignoring other add-ins' settings", async () => {
    const { fake, workbook } = setUp();
    fake.state.settings.set("someoneElse.key", "x");
    const json = JSON.stringify({ version: 1, method: "rfm", bins: 5, mapping: { id: "Client" } });
    expect(await workbook.writeRecipe({ key: "Clients", json })).toEqual({ ok: true, value: undefined });
    expect(fake.state.settings.get("customerValue.recipe.Clients")).toBe(json);
    expect(await workbook.readRecipes()).toEqual({ ok: true, value: [{ key: "Clients", json }] });
    expect(await workbook.deleteRecipe("Clients")).toEqual({ ok: true, value: undefined });
    expect(await workbook.readRecipes()).toEqual({ ok: true, value: [] });
    expect(await workbook.deleteRecipe("Clients")).toEqual({ ok: true, value: undefined });
  });

  it("maps an OfficeExtension error (table gone) to its message and logs code and debugInfo", async () => {
    const { workbook } = setUp();
    const result = await workbook.readTable("{T9}");
    expect(result).toMatchObject({ ok: false, error: { code: "ItemNotFound", key: "excel.error.tableNotFound" } });
    if (!result.ok) expect(t(result.error.key, result.error.params, "fr")).toContain("{T9}");
    expect(console.error).toHaveBeenCalledWith(
      "Customer Value: Excel request failed",
      "ItemNotFound",
      expect.stringContaining("errorLocation"),
    );
  });

  it("follows the Office theme and display language", () => {
    expect(setUp({ backgroundColor: "#262626", displayLanguage: "fr-FR" }).workbook.host()).toEqual({
      theme: "dark",
      displayLanguage: "fr-FR",
    });
    expect(setUp().workbook.host().theme).toBe("light");
    expect(themeFromBackground("#6E6E6E")).toBe("dark");
    expect(themeFromBackground("#E6E6E6")).toBe("light");
    expect(themeFromBackground(undefined)).toBe("light");
  });
});
