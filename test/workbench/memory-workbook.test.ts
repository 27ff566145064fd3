import fc from "fast-check";
import { t } from "../../src/i18n";
import type { OwnColumn, Progress } from "../../src/excel/workbook";
import { MemoryWorkbook, snapshotUserColumns, type MemoryTableInfo } from "../../src/workbench/memory-workbook";
import { readSheetView } from "../../src/workbench/sheet-view";

const OURS = ["Segment", "RFM score"];

/** A customer table with a formula column, formats and a fill, plus a note to the right of it (H2). */
function customerWorkbook(options: ConstructorParameters<typeof MemoryWorkbook>[0] = {}): {
  workbook: MemoryWorkbook;
  table: MemoryTableInfo;
} {
  const workbook = new MemoryWorkbook(options);
  const table = workbook.addTable({
    name: "Clients",
    sheet: "Data",
    row: 0,
    col: 0,
    headers: ["Client", "Recency", "Frequency", "Monetary", "Double"],
    rows: [
      ["C1", 10, 3, 120.5, 241],
      ["C2", 200, 1, 15, 30],
      ["C3", 35, 12, 980.25, 1960.5],
      ["C4", 90, 2, 40, 80],
    ],
    numberFormats: [undefined, "0", "0", "#,##0.00", "#,##0.00"],
    formulas: [
      [undefined, undefined, undefined, undefined, "=[@Monetary]*2"],
      [undefined, undefined, undefined, undefined, "=[@Monetary]*2"],
      [undefined, undefined, undefined, undefined, "=[@Monetary]*2"],
      [undefined, undefined, undefined, undefined, "=[@Monetary]*2"],
    ],
  });
  workbook.editCell("Data", 1, 0, { fill: "#FFFF00" });
  workbook.editCell("Data", 1, 7, { value: "note beside the table" });
  return { workbook, table };
}

function ourColumns(replaceExisting = false): OwnColumn[] {
  return [
    {
      header: "Segment",
      values: ["Champions", "Hibernating", "Champions", "At risk"],
      fills: ["#1B5E20", "#B0BEC5", "#1B5E20", null],
      replaceExisting,
    },
    { header: "RFM score", values: [555, 111, 545, 212], numberFormat: "0", replaceExisting },
  ];
}

function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

describe("MemoryWorkbook: reading", () => {
  it("finds the table under the selection and follows selection changes", async () => {
    const { workbook, table } = customerWorkbook();
    expect(expectOk(await workbook.getActiveTable())).toBeNull();
    const seen: number[] = [];
    const stop = workbook.onSelectionChanged(() => seen.push(1));
    workbook.select({ sheet: "Data", row: 3, col: 2 });
    expect(expectOk(await workbook.getActiveTable())).toEqual({
      id: table.id,
      name: "Clients",
      worksheet: "Data",
      headers: ["Client", "Recency", "Frequency", "Monetary", "Double"],
      rowCount: 4,
      origin: "Data!A1",
    });
    workbook.select({ sheet: "Data", row: 1, col: 7 });
    expect(expectOk(await workbook.getActiveTable())).toBeNull();
    stop();
    workbook.select({ sheet: "Data", row: 1, col: 1 });
    expect(seen).toHaveLength(2);
  });

  it("gives each table's top-left cell as Excel writes it, quoting sheet names that need it", () => {
    const workbook = new MemoryWorkbook();
    const at = (sheet: string, row: number, col: number) =>
      workbook.addTable({ name: `T${workbook.tables().length + 1}`, sheet, row, col, headers: ["Id"], rows: [["a"]] })
        .origin;
    expect(at("Data", 2, 1)).toBe("Data!B3");
    expect(at("Synthèse_2024", 0, 27)).toBe("Synthèse_2024!AB1");
    expect(at("Q1 '24", 9, 0)).toBe("'Q1 ''24'!A10");
    expect(at("AB12", 0, 0)).toBe("'AB12'!A1");
  });

  it("reads headers and rows in blocks, with progress", async () => {
    const { workbook, table } = customerWorkbook({ readBlockRows: 3 });
    const progress: Progress[] = [];
    const read = expectOk(await workbook.readTable(table.id, { onProgress: (p) => progress.push(p) }));
    expect(read.headers).toEqual(["Client", "Recency", "Frequency", "Monetary", "Double"]);
    expect(read.rows[2]).toEqual(["C3", 35, 12, 980.25, 1960.5]);
    expect(read.rows).toHaveLength(4);
    expect(workbook.requests.filter((r) => r.operation === "read").map((r) => r.rows)).toEqual([3, 1]);
    expect(progress.map((p) => [p.done, p.total])).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it("reports a table that has gone with its own message", async () => {
    const { workbook } = customerWorkbook();
    const result = await workbook.readTable("{missing}");
    expect(result).toMatchObject({ ok: false, error: { code: "tableNotFound", key: "excel.error.tableNotFound" } });
  });

  it("turns a selected range with a header row into a table, and refuses a too small or tabled one", async () => {
    const workbook = new MemoryWorkbook();
    workbook.addSheet("Raw");
    [
      ["id", "amount", ""],
      ["A", 1, true],
      ["B", 2, false],
    ].forEach((row, r) => row.forEach((value, c) => workbook.editCell("Raw", r, c, { value })));
    workbook.select({ sheet: "Raw", row: 0, col: 0, rowCount: 1, columnCount: 3 });
    const tooSmall = await workbook.createTableFromSelection();
    expect(tooSmall).toMatchObject({ ok: false, error: { key: "excel.error.selectionTooSmall" } });
    if (!tooSmall.ok) expect(t(tooSmall.error.key, tooSmall.error.params)).toContain("Raw!A1:C1");
    workbook.select({ sheet: "Raw", row: 0, col: 0, rowCount: 3, columnCount: 3 });
    const created = expectOk(await workbook.createTableFromSelection());
    expect(created).toMatchObject({ name: "Table1", headers: ["id", "amount", "Column3"], rowCount: 2 });
    expect(await workbook.createTableFromSelection()).toMatchObject({
      ok: false,
      error: { key: "excel.error.selectionInTable", params: { table: "Table1" } },
    });
  });
});

describe("MemoryWorkbook: writing our columns safely", () => {
  it("adds columns at the right, values then formats then fills, leaving user columns byte-identical", async () => {
    const { workbook, table } = customerWorkbook();
    const before = snapshotUserColumns(workbook, table.id, OURS);
    const result = await workbook.writeColumns(table.id, ourColumns());
    expect(expectOk(result)).toEqual({ written: OURS });
    expect(workbook.tables()[0].headers).toEqual(["Client", "Recency", "Frequency", "Monetary", "Double", ...OURS]);
    expect(workbook.getCell("Data", 1, 5)).toEqual({ value: "Champions", fill: "#1B5E20", fontColor: "#FFFFFF" });
    expect(workbook.getCell("Data", 4, 5)).toEqual({ value: "At risk" });
    expect(workbook.getCell("Data", 3, 6)).toEqual({ value: 545, numberFormat: "0" });
    expect(workbook.requests.map((r) => r.operation)).toEqual([
      "addColumns",
      "values",
      "numberFormats",
      "conditionalFormats",
    ]);
    expect(snapshotUserColumns(workbook, table.id, OURS)).toBe(before);
    // The note right of the table moved with the inserted cells, as in Excel.
    expect(workbook.getCell("Data", 1, 9).value).toBe("note beside the table");
  });

  it("writes values in several chunks when the plan says so, with progress up to the total", async () => {
    const { workbook, table } = customerWorkbook({ maxRequestBytes: 4096 + 100 });
    const progress: Progress[] = [];
    expectOk(await workbook.writeColumns(table.id, ourColumns(), { onProgress: (p) => progress.push(p) }));
    const values = workbook.requests.filter((r) => r.operation === "values");
    expect(values.length).toBeGreaterThan(1);
    expect(values.reduce((sum, r) => sum + (r.rows ?? 0), 0)).toBe(4);
    expect(progress[progress.length - 1].done).toBe(progress[0].total);
    expect(progress.map((p) => p.step)).toContain("excel.progress.writingValues");
  });

  it("never overwrites a user column that has one of our names", async () => {
    const { workbook, table } = customerWorkbook();
    const before = snapshotUserColumns(workbook, table.id, []);
    const taken = await workbook.writeColumns(table.id, [{ ...ourColumns()[0], header: "monetary" }]);
    expect(taken).toMatchObject({
      ok: false,
      error: { code: "nameTaken", key: "excel.error.nameTaken", params: { header: "Monetary", table: "Clients" } },
    });
    if (!taken.ok) expect(t(taken.error.key, taken.error.params, "fr")).toContain("Monetary");
    expect(workbook.requests).toHaveLength(0);
    expect(snapshotUserColumns(workbook, table.id, [])).toBe(before);
  });

  it("replaces our own columns when told they are ours, clearing old fills", async () => {
    const { workbook, table } = customerWorkbook();
    const before = snapshotUserColumns(workbook, table.id, OURS);
    expectOk(await workbook.writeColumns(table.id, ourColumns()));
    const second = ourColumns(true);
    second[0].values = ["Loyal", "Loyal", "New", "New"];
    second[0].fills = [null, "#0000FF", null, null];
    expectOk(await workbook.writeColumns(table.id, second));
    expect(workbook.tables()[0].headers).toHaveLength(7);
    expect(workbook.getCell("Data", 1, 5)).toEqual({ value: "Loyal" });
    expect(workbook.getCell("Data", 2, 5)).toEqual({ value: "Loyal", fill: "#0000FF", fontColor: "#FFFFFF" });
    expect(snapshotUserColumns(workbook, table.id, OURS)).toBe(before);
  });

  it("colours a segment column with one conditional format per value, shown through getCell as Excel shows it", async () => {
    const { workbook, table } = customerWorkbook();
    expectOk(await workbook.writeColumns(table.id, ourColumns()));
    expect(workbook.conditionalFormats("Data")).toEqual([
      { row: 1, col: 5, rowCount: 4, formula: '="Champions"', color: "#1B5E20", fontColor: "#FFFFFF" },
      { row: 1, col: 5, rowCount: 4, formula: '="Hibernating"', color: "#B0BEC5", fontColor: "#000000" },
    ]);
    expect(workbook.getCell("Data", 2, 5)).toEqual({ value: "Hibernating", fill: "#B0BEC5", fontColor: "#000000" });
    // As in Excel, the colour follows the value (a rule, not a cell fill), whatever its case.
    workbook.editCell("Data", 4, 5, { value: "champions" });
    expect(workbook.getCell("Data", 4, 5)).toEqual({ value: "champions", fill: "#1B5E20", fontColor: "#FFFFFF" });
    workbook.editCell("Data", 2, 5, { value: "Lost" });
    expect(workbook.getCell("Data", 2, 5)).toEqual({ value: "Lost" });
    // The user's own fill left of our column is untouched by the rules.
    expect(workbook.getCell("Data", 1, 0)).toEqual({ value: "C1", fill: "#FFFF00" });
  });

  it("writes fill runs, each with its font colour, when the fills do not follow the values", async () => {
    const { workbook, table } = customerWorkbook();
    const columns = ourColumns();
    // "Champions" twice with two colours: no "equal to" rule can say that.
    columns[0].fills = ["#1B5E20", "#B0BEC5", "#FDD835", null];
    expectOk(await workbook.writeColumns(table.id, columns));
    expect(workbook.requests.map((r) => r.operation)).toEqual(["addColumns", "values", "numberFormats", "fills"]);
    expect(workbook.conditionalFormats("Data")).toEqual([]);
    expect(workbook.getCell("Data", 1, 5)).toEqual({ value: "Champions", fill: "#1B5E20", fontColor: "#FFFFFF" });
    expect(workbook.getCell("Data", 3, 5)).toEqual({ value: "Champions", fill: "#FDD835", fontColor: "#000000" });
    expect(workbook.getCell("Data", 4, 5)).toEqual({ value: "At risk" });
  });

  it("a replacing write clears our previous rules, and rules move and go with their columns", async () => {
    const { workbook, table } = customerWorkbook();
    const [segment, score] = ourColumns();
    expectOk(await workbook.writeColumns(table.id, [score, segment]));
    expect(workbook.conditionalFormats("Data").map((rule) => rule.col)).toEqual([6, 6]);
    // Replaced with fills that do not follow the values: runs, and none of the old rules may stay behind.
    const again = { ...segment, replaceExisting: true, fills: [null, null, "#0000FF", null] };
    expectOk(await workbook.writeColumns(table.id, [{ ...score, replaceExisting: true }, again]));
    expect(workbook.conditionalFormats("Data")).toEqual([]);
    expect(workbook.getCell("Data", 1, 6)).toEqual({ value: "Champions" });
    expect(workbook.getCell("Data", 3, 6)).toEqual({ value: "Champions", fill: "#0000FF", fontColor: "#FFFFFF" });
    expectOk(
      await workbook.writeColumns(table.id, [
        { ...score, replaceExisting: true },
        { ...segment, replaceExisting: true },
      ]),
    );
    expectOk(await workbook.removeColumns(table.id, ["RFM score"]));
    expect(workbook.conditionalFormats("Data").map((rule) => rule.col)).toEqual([5, 5]);
    expect(workbook.getCell("Data", 1, 5)).toEqual({ value: "Champions", fill: "#1B5E20", fontColor: "#FFFFFF" });
    expectOk(await workbook.removeColumns(table.id, ["Segment"]));
    expect(workbook.conditionalFormats("Data")).toEqual([]);
  });

  it("removes only our columns; everything else is as before apply", async () => {
    const { workbook, table } = customerWorkbook();
    const sheetBefore = JSON.stringify(workbook.sheetValues("Data"));
    const before = snapshotUserColumns(workbook, table.id, []);
    expectOk(await workbook.writeColumns(table.id, ourColumns()));
    expectOk(await workbook.removeColumns(table.id, [...OURS, "Not there"]));
    expect(snapshotUserColumns(workbook, table.id, [])).toBe(before);
    expect(JSON.stringify(workbook.sheetValues("Data"))).toBe(sheetBefore);
    expect(workbook.getCell("Data", 1, 7).value).toBe("note beside the table");
  });

  it("a failure midway reports what was written, leaves user columns alone, and Remove undoes it", async () => {
    const { workbook, table } = customerWorkbook({ maxRequestBytes: 4096 + 100 });
    const before = snapshotUserColumns(workbook, table.id, []);
    workbook.injectFailure({ operation: "values", nth: 2, code: "GeneralException" });
    const result = await workbook.writeColumns(table.id, ourColumns());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("GeneralException");
    expect(result.error.written).toEqual(OURS);
    expect(t("excel.written.partial", { headers: (result.error.written ?? []).join(", ") })).toContain(
      "Segment, RFM score",
    );
    expect(snapshotUserColumns(workbook, table.id, OURS)).toBe(before);
    expectOk(await workbook.removeColumns(table.id, result.error.written ?? []));
    expect(snapshotUserColumns(workbook, table.id, [])).toBe(before);
  });

  it("a failure while adding columns reports nothing written", async () => {
    const { workbook, table } = customerWorkbook();
    workbook.injectFailure({ operation: "addColumns", code: "InvalidOperationInCellEditMode" });
    expect(await workbook.writeColumns(table.id, ourColumns())).toMatchObject({
      ok: false,
      error: { key: "excel.error.cellEditMode", written: [] },
    });
    expect(workbook.tables()[0].headers).toHaveLength(5);
  });

  it("a replaced column counts as written once a value chunk has landed", async () => {
    const { workbook, table } = customerWorkbook({ maxRequestBytes: 4096 + 100 });
    expectOk(await workbook.writeColumns(table.id, ourColumns()));
    workbook.injectFailure({ operation: "values", nth: 2 });
    const result = await workbook.writeColumns(table.id, ourColumns(true));
    expect(result).toMatchObject({ ok: false, error: { written: OURS } });
  });

  it("stops between chunks when cancelled", async () => {
    const { workbook, table } = customerWorkbook({ maxRequestBytes: 4096 + 100 });
    const controller = new AbortController();
    const result = await workbook.writeColumns(table.id, ourColumns(), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.step === "excel.progress.writingValues") controller.abort();
      },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "cancelled", key: "excel.error.cancelled", written: OURS },
    });
    expect(workbook.requests.filter((r) => r.operation === "values")).toHaveLength(1);
  });

  it("refuses a wrong length, a non-finite number or a duplicated header before writing anything", async () => {
    const { workbook, table } = customerWorkbook();
    const short = await workbook.writeColumns(table.id, [{ header: "X", values: [1, 2], replaceExisting: false }]);
    expect(short).toMatchObject({
      ok: false,
      error: { key: "excel.error.columnLength", params: { count: 2, rows: 4 } },
    });
    const nan = await workbook.writeColumns(table.id, [
      { header: "X", values: [1, NaN, 3, 4], replaceExisting: false },
    ]);
    expect(nan).toMatchObject({ ok: false, error: { key: "excel.error.invalidValue", params: { row: 2 } } });
    const twice = await workbook.writeColumns(table.id, [ourColumns()[0], { ...ourColumns()[1], header: "SEGMENT" }]);
    expect(twice).toMatchObject({ ok: false, error: { key: "excel.error.duplicateHeader" } });
    expect(workbook.requests).toHaveLength(0);
  });

  it("keeps user columns byte-identical through apply, refresh and remove for any table (property)", async () => {
    const cell = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.string({ maxLength: 8 }),
      fc.boolean(),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 12 }).chain((rows) =>
          fc.record({
            rows: fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: rows, maxLength: rows }),
            formats: fc.array(fc.constantFrom(undefined, "0.00", "dd/mm/yyyy"), { minLength: 3, maxLength: 3 }),
            segments: fc.array(fc.constantFrom("A", "B", "C"), { minLength: rows, maxLength: rows }),
          }),
        ),
        async ({ rows, formats, segments }) => {
          const workbook = new MemoryWorkbook({ maxRequestBytes: 4096 + 64 });
          const table = workbook.addTable({
            name: "T",
            sheet: "S",
            headers: ["a", "b", "c"],
            rows,
            numberFormats: formats,
          });
          const before = snapshotUserColumns(workbook, table.id, []);
          const column = (replaceExisting: boolean): OwnColumn => ({
            header: "Segment",
            values: segments,
            fills: segments.map((s) => (s === "A" ? "#FF0000" : null)),
            numberFormat: "@",
            replaceExisting,
          });
          expectOk(await workbook.writeColumns(table.id, [column(false)]));
          expect(snapshotUserColumns(workbook, table.id, ["Segment"])).toBe(before);
          expectOk(await workbook.writeColumns(table.id, [column(true)]));
          expect(snapshotUserColumns(workbook, table.id, ["Segment"])).toBe(before);
          expectOk(await workbook.removeColumns(table.id, ["Segment"]));
          expect(snapshotUserColumns(workbook, table.id, [])).toBe(before);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("MemoryWorkbook: sheets, recipes, host and notifications", () => {
  const summary = {
    name: "Segments",
    rows: [
      ["Segment", "Customers", "Total CLV"],
      ["Champions", 2, 1500],
      ["Hibernating", 1, 20],
    ],
    numberFormats: [undefined, "0", "#,##0"],
    tableName: "SegmentSummary",
    chart: { title: "CLV by segment", valueColumn: 2, type: "bar" as const },
    fills: ["#1B5E20", "#B0BEC5"],
  };

  it("writes a summary sheet with a table and a chart, replaces it, and deletes it", async () => {
    const { workbook } = customerWorkbook();
    expectOk(await workbook.writeSheet(summary));
    expect(workbook.sheetNames()).toEqual(["Data", "Segments"]);
    expect(workbook.sheetValues("Segments")).toEqual(summary.rows);
    expect(workbook.getCell("Segments", 1, 0)).toEqual({ value: "Champions", fill: "#1B5E20", fontColor: "#FFFFFF" });
    expect(workbook.getCell("Segments", 2, 2)).toEqual({ value: 20, numberFormat: "#,##0" });
    expect(workbook.charts()).toEqual([
      {
        sheet: "Segments",
        title: "CLV by segment",
        type: "bar",
        categories: ["Champions", "Hibernating"],
        values: [1500, 20],
      },
    ]);
    expectOk(await workbook.writeSheet({ ...summary, rows: summary.rows.slice(0, 2), replaceExisting: true }));
    expect(workbook.sheetValues("Segments")).toEqual(summary.rows.slice(0, 2));
    expect(workbook.charts()).toHaveLength(1);
    expect(workbook.tables().map((table) => table.name)).toEqual(["Clients", "SegmentSummary"]);
    expectOk(await workbook.deleteSheet("Segments"));
    expectOk(await workbook.deleteSheet("Segments"));
    expect(workbook.sheetNames()).toEqual(["Data"]);
    expect(workbook.charts()).toEqual([]);
  });

  it("keeps every series of a line chart, blanks included, and its axis titles; the sheet view shows them", async () => {
    const { workbook } = customerWorkbook();
    expectOk(
      await workbook.writeSheet({
        name: "Model",
        rows: [
          ["Week", "Actual", "Model", "Calibration end"],
          [1, 2, 1.5, ""],
          [2, 4, 3.8, 6],
          [3, "", 5.9, ""],
        ],
        charts: [
          {
            title: "Cumulative",
            type: "line",
            values: { row: 0, col: 1, count: 3 },
            moreValues: [
              { row: 0, col: 2, count: 3 },
              { row: 0, col: 3, count: 3, type: "column" },
            ],
            categories: { row: 1, col: 0, count: 3 },
            anchor: { row: 0, col: 5 },
            valueAxisTitle: "Purchases",
          },
        ],
      }),
    );
    const [chart] = workbook.charts();
    expect(chart).toMatchObject({
      sheet: "Model",
      type: "line",
      categories: [1, 2, 3],
      values: [2, 4, ""],
      valueAxisTitle: "Purchases",
      series: [
        { name: "Actual", type: "line", values: [2, 4, ""] },
        { name: "Model", type: "line", values: [1.5, 3.8, 5.9] },
        { name: "Calibration end", type: "column", values: ["", 6, ""] },
      ],
    });
    expect(readSheetView(workbook, "Model").charts[0].series?.map((series) => series.name)).toEqual([
      "Actual",
      "Model",
      "Calibration end",
    ]);
  });

  it("lists the sheets and never replaces a sheet that is not declared ours", async () => {
    const { workbook } = customerWorkbook();
    workbook.addSheet("segments");
    workbook.editCell("segments", 0, 0, { value: "my own notes", fill: "#FFFF00" });
    expect(expectOk(await workbook.listSheets())).toEqual(["Data", "segments"]);
    workbook.clearRequestLog();
    for (const replaceExisting of [false, undefined]) {
      const result = await workbook.writeSheet({ ...summary, replaceExisting });
      expect(result).toMatchObject({
        ok: false,
        error: { code: "nameTaken", key: "excel.error.sheetNameTaken", params: { name: "segments" } },
      });
      if (!result.ok) expect(t(result.error.key, result.error.params, "fr")).toContain("« segments »");
    }
    expect(workbook.requests).toEqual([]);
    expect(workbook.sheetValues("segments")).toEqual([["my own notes"]]);
    expect(workbook.getCell("segments", 0, 0)).toEqual({ value: "my own notes", fill: "#FFFF00" });
    expect(workbook.charts()).toEqual([]);
    expectOk(await workbook.writeSheet({ ...summary, replaceExisting: true }));
    expect(workbook.sheetValues("Segments")).toEqual(summary.rows);
  });

  it("refuses a summary table name that a user table already has", async () => {
    const { workbook } = customerWorkbook();
    const result = await workbook.writeSheet({ ...summary, tableName: "clients" });
    expect(result).toMatchObject({
      ok: false,
      error: { key: "excel.error.tableNameTaken", params: { name: "Clients" } },
    });
    expect(workbook.sheetNames()).toEqual(["Data"]);
  });

  it("round-trips recipes through the document settings, ignoring other settings", async () => {
    const { workbook } = customerWorkbook();
    const json = JSON.stringify({ version: 1, method: "rfm", bins: 5 });
    expectOk(await workbook.writeRecipe({ key: "Clients", json }));
    expectOk(await workbook.writeRecipe({ key: "Orders", json: "{}" }));
    expect(workbook.settings().get("customerValue.recipe.Clients")).toBe(json);
    expect(expectOk(await workbook.readRecipes())).toEqual([
      { key: "Clients", json },
      { key: "Orders", json: "{}" },
    ]);
    expectOk(await workbook.deleteRecipe("Orders"));
    expect(expectOk(await workbook.readRecipes())).toEqual([{ key: "Clients", json }]);
  });

  it("reports host changes and notifies subscribers of every change", async () => {
    const { workbook, table } = customerWorkbook();
    const kinds: string[] = [];
    const stop = workbook.subscribe((change) => kinds.push(change.kind));
    workbook.setHost({ theme: "dark", displayLanguage: "fr-FR" });
    expect(workbook.host()).toEqual({ theme: "dark", displayLanguage: "fr-FR" });
    expectOk(await workbook.writeColumns(table.id, ourColumns()));
    workbook.select({ sheet: "Data", row: 1, col: 1 });
    stop();
    workbook.setHost({ theme: "light" });
    expect(kinds[0]).toBe("host");
    expect(kinds).toContain("structure");
    expect(kinds[kinds.length - 1]).toBe("selection");
  });
});
