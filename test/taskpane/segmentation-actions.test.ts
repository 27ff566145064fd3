/** Apply against the in-memory workbook without the UI: the sheet-naming safety rules of segmentation-actions. */
import type { CellValue } from "../../src/excel/workbook";
import { MemoryWorkbook } from "../../src/workbench/memory-workbook";
import { applySegmentation, computeSegments, removeWritten } from "../../src/taskpane/segmentation-actions";
import { DEFAULT_METHODS } from "../../src/taskpane/hooks/useSegmentationFlow";
import type { ColumnMapping } from "../../src/engine/segmentation/types";

const HEADERS = ["Customer ID", "Recency", "Frequency", "Monetary"];
const MAPPING: ColumnMapping = {
  customerId: "Customer ID",
  recency: "Recency",
  frequency: "Frequency",
  monetary: "Monetary",
};

function setUp() {
  const workbook = new MemoryWorkbook();
  const rows: CellValue[][] = Array.from({ length: 20 }, (_, i) => [
    `C${i + 1}`,
    (i * 37) % 365,
    1 + ((i * 7) % 12),
    20 + ((i * 13) % 90),
  ]);
  const table = workbook.addTable({ name: "Clients", sheet: "Data", headers: HEADERS, rows });
  const computed = computeSegments(HEADERS, rows, "customers", MAPPING, DEFAULT_METHODS.rfm, "en");
  if (!computed.ok) throw new Error("segmentation failed");
  const request = {
    table,
    headers: HEADERS,
    shape: "customers" as const,
    mapping: MAPPING,
    method: DEFAULT_METHODS.rfm,
    locale: "en" as const,
    result: computed.result,
    previous: null,
  };
  return { workbook, table, request };
}

describe("applySegmentation and sheet names", () => {
  it("a sheet the user creates between the listing and the write is refused and never reported as ours", async () => {
    const { workbook, table, request } = setUp();
    // The listing answers before the user adds "Segments": the write itself must still refuse.
    jest.spyOn(workbook, "listSheets").mockImplementation(async () => {
      const names = workbook.sheetNames();
      workbook.addSheet("Segments");
      workbook.editCell("Segments", 0, 0, { value: "mine" });
      return { ok: true, value: names };
    });
    const outcome = await applySegmentation(workbook, request);
    expect(outcome).toMatchObject({
      ok: false,
      failure: { code: "nameTaken", key: "excel.error.sheetNameTaken" },
      written: { columns: expect.arrayContaining(["Segment"]), sheets: [] },
    });
    if (outcome.ok) return;
    expect(await removeWritten(workbook, table.id, outcome.written)).toEqual({ ok: true, value: undefined });
    expect(workbook.sheetValues("Segments")).toEqual([["mine"]]);
    expect(workbook.tables()[0].headers).toEqual(HEADERS);
  });

  it("records the chosen sheet name in the recipe and says which name was taken", async () => {
    const { workbook, request } = setUp();
    workbook.addSheet("SEGMENTS");
    const outcome = await applySegmentation(workbook, request);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.failure));
    expect(outcome.value.recipe.summarySheet).toBe("Segments (2)");
    expect(outcome.value.renamedSheets).toEqual([{ wanted: "Segments", used: "Segments (2)" }]);
    expect(outcome.value.renamed).toEqual([]);
  });

  it("fails before writing anything when the sheets cannot be listed", async () => {
    const { workbook, request } = setUp();
    workbook.injectFailure({ operation: "listSheets", code: "AccessDenied" });
    const outcome = await applySegmentation(workbook, request);
    expect(outcome).toMatchObject({
      ok: false,
      failure: { key: "excel.error.sheetProtected" },
      written: { columns: [], sheets: [] },
    });
    expect(workbook.tables()[0].headers).toEqual(HEADERS);
  });
});
