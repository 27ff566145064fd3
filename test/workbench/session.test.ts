import { createSession, datasetTable, exposeToPane } from "../../src/workbench/session";
import { readSheetView, sheetCells } from "../../src/workbench/sheet-view";
import { PLANTED_PROBLEMS } from "../../src/workbench/sample-data";

describe("createSession", () => {
  it("loads the chosen dataset, selects its table and reports the chosen theme and language", async () => {
    const session = createSession({ dataset: "badCells", theme: "dark", locale: "fr" });
    expect(session.workbook.host()).toEqual({ theme: "dark", displayLanguage: "fr-FR" });
    const active = await session.workbook.getActiveTable();
    expect(active.ok && active.value?.name).toBe("Imported");
    expect(active.ok && active.value?.rowCount).toBe(200);
    const read = await session.workbook.readTable(active.ok && active.value ? active.value.id : "");
    const table = datasetTable("badCells");
    expect(read.ok && read.value.rows).toEqual(table.rows);
    const problem = PLANTED_PROBLEMS[0];
    expect(read.ok && read.value.rows[problem.row - 1][table.headers.indexOf(problem.header)]).toBe(problem.value);
  });

  it("hands the workbook to the pane on the window", () => {
    const session = createSession({ dataset: "transactions", theme: "light", locale: "en" });
    const target = {} as Window;
    exposeToPane(target, session);
    expect(
      (target as unknown as { customerValueWorkbench: { workbook: unknown } }).customerValueWorkbench.workbook,
    ).toBe(session.workbook);
  });
});

describe("readSheetView", () => {
  it("marks the columns the add-in wrote, with their fills and formats", async () => {
    const session = createSession({ dataset: "customers", theme: "light", locale: "en" });
    const active = await session.workbook.getActiveTable();
    if (!active.ok || !active.value) throw new Error("no active table");
    const rows = active.value.rowCount;
    await session.workbook.writeColumns(active.value.id, [
      {
        header: "Score",
        values: Array.from({ length: rows }, (_, i) => i / rows),
        numberFormat: "0.0%",
        fills: Array.from({ length: rows }, (_, i) => (i === 0 ? "#FF0000" : null)),
        replaceExisting: false,
      },
    ]);
    const view = readSheetView(session.workbook, "Customers", session.userHeaders.get("Customers"));
    const score = view.headers.indexOf("Score");
    expect(view.ownColumns).toEqual([score]);
    expect(view.numberFormats[score]).toBe("0.0%");
    expect(view.fills[score]?.[0]).toBe("#FF0000");
    expect(view.fills[score]?.[1]).toBeNull();
    expect(view.fills[0]).toBeUndefined();
    expect(view.rows).toHaveLength(rows);
    expect(sheetCells(session.workbook, "customers")?.cells[0]).toEqual(view.headers);
    expect(sheetCells(session.workbook, "Nope")).toBeUndefined();
  });
});
