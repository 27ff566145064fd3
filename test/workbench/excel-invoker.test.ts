/**
 * The Excel-faithful invoker on toy functions: what each parameter receives, lifting, blanks in each platform's
 * form, error cells with and without allowErrorForDataTypeAny, and what the cells show (messages dropped for #NUM!).
 */
import {
  BLANK_FORMS,
  errorCell,
  invoke,
  invokeAsync,
  InvokedFunction,
  single,
} from "../../src/workbench/excel-invoker";
import type { FormulaArgument } from "../../src/workbench/excel-invoker";
import { hasBlankCell } from "../support/excel";

const meta = (dims: string[], result = "matrix", optional = false): InvokedFunction => ({
  id: "TOY",
  parameters: dims.map((dimensionality, i) => ({ name: `p${i}`, type: "any", dimensionality, optional })),
  result: { dimensionality: result },
});

/** Records what it receives and echoes it back. */
function recorder() {
  const seen: unknown[][] = [];
  const fn = (...args: unknown[]) => {
    seen.push(args);
    return [[1]];
  };
  return { seen, fn };
}

describe("what each parameter receives", () => {
  test("matrix parameters get a 2-D array; a typed value becomes 1×1; omitted ones get null", () => {
    const { seen, fn } = recorder();
    invoke(fn, meta(["matrix", "matrix", "matrix"]), [5, [[1], [2]]]);
    expect(seen).toEqual([[[[5]], [[1], [2]], null]]);
  });

  test("scalar parameters get one value; a 1×1 range is its value; null and undefined are omitted", () => {
    const { seen, fn } = recorder();
    invoke(fn, meta(["scalar", "scalar", "scalar"]), [[["a"]], 3, null]);
    invoke(fn, meta(["scalar"]), [undefined]);
    expect(seen).toEqual([["a", 3, null], [null]]);
  });

  test("too many arguments is a test bug, not an Excel behaviour", () => {
    expect(() => invoke(() => 1, meta(["scalar"]), [1, 2])).toThrow(/takes 1 arguments/);
  });
});

describe("the invocation, with the arguments' addresses", () => {
  const addressed = (): InvokedFunction => ({
    ...meta(["matrix", "scalar"]),
    options: { requiresParameterAddresses: true },
  });

  test("with requiresParameterAddresses, the function gets the invocation last, with the addresses given", () => {
    const { seen, fn } = recorder();
    invoke(fn, addressed(), [[[1], [2]], 3], { parameterAddresses: ["Sheet1!A1:A2", null] });
    expect(seen).toEqual([[[[1], [2]], 3, { functionName: "TOY", parameterAddresses: ["Sheet1!A1:A2", ""] }]]);
  });

  test("without addresses (older Excel, the workbench) the invocation has none; without the option, no invocation", () => {
    const { seen, fn } = recorder();
    invoke(fn, addressed(), [1, 2]);
    invoke(fn, meta(["matrix", "scalar"]), [1, 2], { parameterAddresses: ["Sheet1!A1", "Sheet1!B1"] });
    expect(seen).toEqual([
      [[[1]], 2, { functionName: "TOY", parameterAddresses: undefined }],
      [[[1]], 2],
    ]);
  });

  test("a lifted call gets the invocation in every call", () => {
    const { seen, fn } = recorder();
    invoke(fn, addressed(), [5, [[1, 2]]], { parameterAddresses: ["Sheet1!A1", "Sheet1!B1:C1"] });
    expect(seen.map((args) => args.length)).toEqual([3, 3]);
    expect(seen[1][2]).toEqual({ functionName: "TOY", parameterAddresses: ["Sheet1!A1", "Sheet1!B1:C1"] });
  });
});

describe("array lifting of scalar parameters", () => {
  test("a range given to a scalar parameter calls the function once per cell and spills the results", () => {
    const fn = (x: unknown, table: unknown) => [[(x as number) * 10, (table as unknown[][]).length]];
    const result = invoke(fn, meta(["scalar", "matrix"]), [
      [[1], [2], [3]],
      [[0], [0]],
    ]);
    // Each call's array result keeps its top-left value.
    expect(result.cells).toEqual([[10], [20], [30]]);
    expect(result.calls).toBe(3);
  });

  test("two lifted ranges broadcast a side of 1 and give #N/A outside a shorter range", () => {
    const fn = (a: unknown, b: unknown) => (a as number) + (b as number);
    const result = invoke(fn, meta(["scalar", "scalar"], "scalar"), [[[1], [2], [3]], [[10, 20]]]);
    expect(result.cells).toEqual([
      [11, 21],
      [12, 22],
      [13, 23],
    ]);
    const uneven = invoke(fn, meta(["scalar", "scalar"], "scalar"), [
      [[1], [2], [3]],
      [[10], [20]],
    ]);
    expect(uneven.cells).toEqual([[11], [22], [{ error: "#N/A", message: "" }]]);
    expect(uneven.calls).toBe(2);
  });

  test("an error cell in a lifted range gives that cell's error only, without calling for it", () => {
    const fn = (a: unknown) => (a as number) * 2;
    const result = invoke(fn, meta(["scalar"], "scalar"), [[[1], [errorCell("#DIV/0!")], [3]]]);
    expect(result.cells).toEqual([[2], [{ error: "#DIV/0!", message: "" }], [6]]);
    expect(result.calls).toBe(2);
  });

  test("a thrown error in one lifted call shows in that cell, with the message only for #VALUE! and #N/A", () => {
    const fn = (a: unknown) => {
      if (a === 2) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "two is bad");
      if (a === 3) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber, "three is bad");
      return a;
    };
    const result = invoke(fn, meta(["scalar"], "scalar"), [[[1], [2], [3]]]);
    expect(result.cells).toEqual([
      [1],
      [{ error: "#VALUE!", message: "two is bad" }],
      [{ error: "#NUM!", message: "" }],
    ]);
    expect(result.produced).toEqual([
      { code: "#VALUE!", message: "two is bad", thrown: true },
      { code: "#NUM!", message: "three is bad", thrown: true },
    ]);
  });
});

describe("blank cells", () => {
  test.each(BLANK_FORMS.map((form) => [form]))("a blank cell arrives as %p in ranges and single cells", (form) => {
    const { seen, fn } = recorder();
    invoke(fn, meta(["matrix", "scalar"]), [[[1], [null]], [[null]]], { blank: form });
    expect(seen).toEqual([[[[1], [form]], form]]);
  });

  test("the form reaches the function only through a blank cell of a range (hasBlankCell)", () => {
    const shapes = [meta(["matrix", "matrix", "scalar", "scalar"]), meta(["scalar", "scalar", "matrix", "matrix"])];
    const received = (args: FormulaArgument[], form: (typeof BLANK_FORMS)[number]) =>
      shapes.map((shape) => {
        const { seen, fn } = recorder();
        invoke(fn, shape, args, { blank: form, allowErrors: true });
        return seen;
      });
    const withoutBlank: FormulaArgument[][] = [
      [5, "a", null, undefined],
      [[[1], [2]], [[3, 4]], [["x"]], 0],
      [[[""]], true, errorCell("#N/A"), [[errorCell("#DIV/0!"), 2]]],
      [null, [[1], [2], [3]], [[7]], ""],
    ];
    for (const args of withoutBlank) {
      expect(hasBlankCell(args)).toBe(false);
      const byForm = BLANK_FORMS.map((form) => received(args, form));
      for (const other of byForm.slice(1)) expect(other).toEqual(byForm[0]);
    }
    const withBlank: FormulaArgument[][] = [[[[1], [null]]], [5, [[null]]], [[[1, 2], [3]]], [[[1], []]]];
    for (const args of withBlank) expect(hasBlankCell(args)).toBe(true);
    expect(received(withBlank[0], 0)).not.toEqual(received(withBlank[0], null));
  });

  test("the default is Excel on the web's null", () => {
    const { seen, fn } = recorder();
    invoke(fn, meta(["matrix"]), [[[null]]]);
    expect(seen).toEqual([[[[null]]]]);
  });
});

describe("error cells as inputs", () => {
  test("without allowErrorForDataTypeAny the function is not called and the cell shows the input's error, bare", () => {
    const { seen, fn } = recorder();
    const result = invoke(fn, meta(["matrix", "scalar"]), [[[1], [errorCell("#N/A")]], 2]);
    expect(seen).toEqual([]);
    expect(result).toEqual({ cells: [[{ error: "#N/A", message: "" }]], produced: [], calls: 0 });
    expect(single(invoke(fn, meta(["scalar"]), [errorCell("#REF!")]))).toEqual({ error: "#REF!", message: "" });
  });

  test("with it, the error reaches `any` parameters as a CustomFunctions.Error", () => {
    const { seen, fn } = recorder();
    invoke(fn, meta(["matrix", "scalar"]), [[[1], [errorCell("#N/A")]], errorCell("#DIV/0!")], { allowErrors: true });
    const [range, scalar] = seen[0] as [unknown[][], unknown];
    expect(range[1][0]).toBeInstanceOf(CustomFunctions.Error);
    expect((range[1][0] as CustomFunctions.Error).code).toBe("#N/A");
    expect((scalar as CustomFunctions.Error).code).toBe("#DIV/0!");
  });

  test("with it, a parameter of another type still stops the call", () => {
    const { seen, fn } = recorder();
    const typed: InvokedFunction = { id: "T", parameters: [{ name: "n", type: "number" }], result: {} };
    const result = invoke(fn, typed, [errorCell("#N/A")], { allowErrors: true });
    expect(seen).toEqual([]);
    expect(result.cells).toEqual([[{ error: "#N/A", message: "" }]]);
  });
});

describe("what the cells show", () => {
  const show = (value: unknown, result = "matrix") => invoke(() => value, meta([], result), []).cells;

  test("null shows 0, non-finite numbers #NUM!, -0 shows 0, ragged rows are filled with #N/A", () => {
    expect(show([[null, NaN, Infinity, -0]])).toEqual([
      [0, { error: "#NUM!", message: "" }, { error: "#NUM!", message: "" }, 0],
    ]);
    expect(show([[1, 2], [3]])).toEqual([
      [1, 2],
      [3, { error: "#N/A", message: "" }],
    ]);
  });

  test("an empty array shows #CALC!; an array from a scalar-result function, or a 1-D array, #VALUE!", () => {
    expect(show([])).toEqual([[{ error: "#CALC!", message: "" }]]);
    expect(show([[1]], "scalar")).toEqual([[{ error: "#VALUE!", message: "" }]]);
    expect(show([1, 2])).toEqual([[{ error: "#VALUE!", message: "" }]]);
    expect(show({ not: "a value" })).toEqual([[{ error: "#VALUE!", message: "" }]]);
  });

  test("messages survive only on #VALUE! and #N/A; input-only codes show #VALUE!", () => {
    const error = (code: string) => new CustomFunctions.Error(code as CustomFunctions.ErrorCode, "why");
    expect(show([[error("#VALUE!"), error("#N/A"), error("#NUM!"), error("#DIV/0!"), error("#REF!")]])).toEqual([
      [
        { error: "#VALUE!", message: "why" },
        { error: "#N/A", message: "why" },
        { error: "#NUM!", message: "" },
        { error: "#DIV/0!", message: "" },
        { error: "#VALUE!", message: "" },
      ],
    ]);
  });

  test("an exception that is not an Excel error shows a bare #VALUE!, never its JavaScript text", () => {
    const result = invoke(
      () => {
        throw new TypeError("Cannot read properties of undefined");
      },
      meta([]),
      [],
    );
    expect(result.cells).toEqual([[{ error: "#VALUE!", message: "" }]]);
  });

  test("invokeAsync awaits promises the same way", async () => {
    const result = await invokeAsync(async (x: unknown) => [[(x as number) + 1]], meta(["scalar"]), [[[1], [2]]]);
    expect(result.cells).toEqual([[2], [3]]);
    const failed = await invokeAsync(
      async () => {
        throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "none");
      },
      meta([]),
      [],
    );
    expect(failed.cells).toEqual([[{ error: "#N/A", message: "none" }]]);
  });
});
