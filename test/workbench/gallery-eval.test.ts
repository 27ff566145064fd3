import { evaluateCustomFunction } from "../../src/workbench/gallery-eval";
import type { InvokedFunction } from "../../src/workbench/excel-invoker";

const info = (dims: string[]): InvokedFunction => ({
  id: "TOY",
  parameters: dims.map((dimensionality, i) => ({ name: `p${i}`, type: "any", dimensionality })),
  result: { dimensionality: "matrix" },
});

describe("evaluateCustomFunction", () => {
  it("returns spilled values and shows per-cell errors as Excel would (no message on #NUM!)", async () => {
    const fn = (values: unknown) => {
      const grid = values as number[][];
      return grid.map(([x]) => [
        x < 0
          ? new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber, "neg")
          : x === 0
            ? new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "zero")
            : x * 2,
      ]);
    };
    const result = await evaluateCustomFunction(fn, info(["matrix"]), [[[1], [-1], [0]]], true);
    expect(result).toEqual({
      ok: true,
      cells: [
        [{ kind: "value", value: 2 }],
        [{ kind: "error", code: "#NUM!", message: "" }],
        [{ kind: "error", code: "#VALUE!", message: "zero" }],
      ],
    });
  });

  it("turns a thrown Excel error into the cell's error, awaits promises, and lifts scalar parameters", async () => {
    const thrown = await evaluateCustomFunction(
      () => {
        throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "Type a number in margin.");
      },
      info([]),
      [],
      true,
    );
    expect(thrown).toEqual({ ok: false, code: "#VALUE!", message: "Type a number in margin." });
    const later = await evaluateCustomFunction(
      async (x: unknown) => (x as number) + 1,
      info(["scalar"]),
      [[[41], [1]]],
      true,
    );
    expect(later).toEqual({ ok: true, cells: [[{ kind: "value", value: 42 }], [{ kind: "value", value: 2 }]] });
  });

  it("shows a plain exception as a bare #VALUE!, as Excel does, and null as 0", async () => {
    const result = await evaluateCustomFunction(
      () => {
        throw new TypeError("boom");
      },
      info([]),
      [],
      true,
    );
    expect(result).toEqual({ ok: false, code: "#VALUE!", message: "" });
    const nulls = await evaluateCustomFunction(() => [[null, ""]], info([]), [], true);
    expect(nulls).toEqual({
      ok: true,
      cells: [
        [
          { kind: "value", value: 0 },
          { kind: "value", value: "" },
        ],
      ],
    });
  });
});
