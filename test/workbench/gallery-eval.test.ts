import { asExcelError, evaluateCustomFunction, toResultCells } from "../../src/workbench/gallery-eval";

describe("evaluateCustomFunction", () => {
  it("returns spilled values and shows per-cell errors with their code and message", async () => {
    const fn = (values: unknown) => {
      const grid = values as number[][];
      return grid.map(([x]) => [
        x < 0 ? new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber, "neg") : x * 2,
      ]);
    };
    const result = await evaluateCustomFunction(fn, [[[1], [-1], [3]]]);
    expect(result).toEqual({
      ok: true,
      cells: [
        [{ kind: "value", value: 2 }],
        [{ kind: "error", code: "#NUM!", message: "neg" }],
        [{ kind: "value", value: 6 }],
      ],
    });
  });

  it("turns a thrown Excel error into the cell's error, and awaits promises", async () => {
    const thrown = await evaluateCustomFunction(() => {
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "Type a number in margin.");
    }, []);
    expect(thrown).toEqual({ ok: false, code: "#VALUE!", message: "Type a number in margin." });
    const later = await evaluateCustomFunction(async (x: unknown) => (x as number) + 1, [41]);
    expect(later).toEqual({ ok: true, cells: [[{ kind: "value", value: 42 }]] });
  });

  it("reports a plain exception as #VALUE! with its message", async () => {
    const result = await evaluateCustomFunction(() => {
      throw new TypeError("boom");
    }, []);
    expect(result).toEqual({ ok: false, code: "#VALUE!", message: "boom" });
  });
});

describe("toResultCells / asExcelError", () => {
  it("shows null as 0, like Excel", () => {
    expect(toResultCells([[null, ""]])).toEqual([
      [
        { kind: "value", value: 0 },
        { kind: "value", value: "" },
      ],
    ]);
  });

  it("recognises an error object from another window by its code", () => {
    expect(asExcelError({ code: "#N/A", message: "x" })).toEqual({ code: "#N/A", message: "x" });
    expect(asExcelError({ code: "E1" })).toBeNull();
    expect(asExcelError("#N/A")).toBeNull();
  });
});
