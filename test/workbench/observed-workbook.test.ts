import type { CellValue, CustomerWorkbook, OwnColumn, WorkbookResult } from "../../src/excel/workbook";
import { ObservedWorkbook } from "../../src/workbench/observed-workbook";

/** The smallest workbook that keeps one table, so the wrapper's bookkeeping can be checked. */
function fakeWorkbook(headers: string[], rows: CellValue[][]): CustomerWorkbook {
  const table = { headers: [...headers], rows: rows.map((row) => [...row]) };
  const ok = <T>(value: T): WorkbookResult<T> => ({ ok: true, value });
  return {
    host: () => ({ theme: "light", displayLanguage: "en-US" }),
    getActiveTable: async () =>
      ok({ id: "t1", name: "Customers", worksheet: "Customers", headers: table.headers, rowCount: table.rows.length }),
    createTableFromSelection: async () => ({ ok: false, error: { code: "notFound", key: "common.unexpected" } }),
    onSelectionChanged: () => () => undefined,
    readTable: async () => ok({ headers: [...table.headers], rows: table.rows.map((row) => [...row]) }),
    writeColumns: async (_id: string, columns: OwnColumn[]) => {
      for (const column of columns) {
        let index = table.headers.indexOf(column.header);
        if (index < 0) {
          index = table.headers.push(column.header) - 1;
          table.rows.forEach((row) => row.push(""));
        }
        table.rows.forEach((row, r) => (row[index] = column.values[r]));
      }
      return ok({ written: columns.map((column) => column.header) });
    },
    removeColumns: async (_id: string, names: string[]) => {
      for (const name of names) {
        const index = table.headers.indexOf(name);
        if (index < 0) continue;
        table.headers.splice(index, 1);
        table.rows.forEach((row) => row.splice(index, 1));
      }
      return ok(undefined);
    },
    writeSheet: async () => ok(undefined),
    deleteSheet: async () => ok(undefined),
    readRecipes: async () => ok([]),
    writeRecipe: async () => ok(undefined),
    deleteRecipe: async () => ok(undefined),
  };
}

const initial = {
  id: "t1",
  sheet: "Customers",
  headers: ["Id", "Revenue"],
  rows: [
    ["C1", 10],
    ["C2", 20],
  ] as CellValue[][],
  numberFormats: [undefined, "#,##0.00"],
};

describe("ObservedWorkbook", () => {
  it("shows the columns the pane writes, with their fills and formats, and forgets them on removal", async () => {
    const workbook = new ObservedWorkbook(fakeWorkbook(initial.headers, initial.rows), [initial]);
    const changes = jest.fn();
    workbook.subscribe(changes);
    await workbook.writeColumns("t1", [
      { header: "Segment", values: ["A", "B"], fills: ["#FF0000", null], replaceExisting: false },
      { header: "Score", values: [0.5, 0.25], numberFormat: "0.0%", replaceExisting: false },
    ]);
    const [after] = workbook.sheets();
    expect(after.headers).toEqual(["Id", "Revenue", "Segment", "Score"]);
    expect(after.rows[1]).toEqual(["C2", 20, "B", 0.25]);
    expect(after.ownColumns).toEqual([2, 3]);
    expect(after.fills[2]).toEqual(["#FF0000", null]);
    expect(after.numberFormats).toEqual([undefined, "#,##0.00", undefined, "0.0%"]);
    expect(changes).toHaveBeenCalled();

    await workbook.removeColumns("t1", ["Segment", "Score"]);
    const [restored] = workbook.sheets();
    expect(restored.headers).toEqual(initial.headers);
    expect(restored.rows).toEqual(initial.rows);
    expect(restored.ownColumns).toEqual([]);
  });

  it("adds the summary sheet with its chart and removes it when deleted", async () => {
    const workbook = new ObservedWorkbook(fakeWorkbook(initial.headers, initial.rows), [initial]);
    await workbook.writeSheet({
      name: "Segments",
      rows: [
        ["Segment", "Customers"],
        ["Champions", 12],
      ],
      fills: ["#00FF00"],
      chart: { title: "Customers by segment", valueColumn: 1, type: "bar" },
    });
    expect(workbook.sheets().map((sheet) => sheet.name)).toEqual(["Customers", "Segments"]);
    const segments = workbook.sheets()[1];
    expect(segments.rows).toEqual([["Champions", 12]]);
    expect(segments.fills[0]).toEqual(["#00FF00"]);
    expect(segments.chart?.valueColumn).toBe(1);
    await workbook.deleteSheet("Segments");
    expect(workbook.sheets().map((sheet) => sheet.name)).toEqual(["Customers"]);
  });

  it("forwards reads and host information unchanged", async () => {
    const inner = fakeWorkbook(initial.headers, initial.rows);
    const workbook = new ObservedWorkbook(inner, [initial]);
    expect(workbook.host()).toEqual(inner.host());
    expect(await workbook.readTable("t1")).toEqual(await inner.readTable("t1"));
  });
});
