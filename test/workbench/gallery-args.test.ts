import { parseArgument, parseArrayConstant, parseTypedNumber, SheetLookup } from "../../src/workbench/gallery-args";
import type { FunctionParameterInfo } from "../../src/workbench/functions-metadata";

const scalar: FunctionParameterInfo = { name: "margin", type: "number", dimensionality: "scalar" };
const matrix: FunctionParameterInfo = { name: "values", type: "any", dimensionality: "matrix" };
const sheets: SheetLookup = {
  activeSheet: "Customers",
  sheet: (name) =>
    name === "Customers"
      ? {
          name,
          cells: [
            ["Id", "Revenue"],
            ["C1", 10],
            ["C2", 20.5],
          ],
        }
      : undefined,
};

describe("parseTypedNumber", () => {
  it("reads decimals with . or , and percentages", () => {
    expect(parseTypedNumber("12.5")).toBe(12.5);
    expect(parseTypedNumber("0,75")).toBe(0.75);
    expect(parseTypedNumber("75%")).toBe(0.75);
    expect(parseTypedNumber("-1e3")).toBe(-1000);
    expect(parseTypedNumber("1 000")).toBeNaN();
    expect(parseTypedNumber("abc")).toBeNaN();
  });
});

describe("parseArrayConstant", () => {
  it("reads rows and columns like Excel", () => {
    expect(parseArrayConstant("{1,2;3,4}")).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(parseArrayConstant('{"a";TRUE;5%}')).toEqual([["a"], [true], [0.05]]);
    expect(parseArrayConstant("{1,2;3}")).toBeNull();
    expect(parseArrayConstant("{x}")).toBeNull();
  });
});

describe("parseArgument", () => {
  it("passes null for a blank (omitted) argument", () => {
    expect(parseArgument("  ", scalar, sheets)).toEqual({ ok: true, value: null });
  });

  it("wraps scalars in a 1×1 array for matrix parameters only", () => {
    expect(parseArgument("0.3", scalar, sheets)).toEqual({ ok: true, value: 0.3 });
    expect(parseArgument("=30%", matrix, sheets)).toEqual({ ok: true, value: [[0.3]] });
    expect(parseArgument('"yearly"', scalar, sheets)).toEqual({ ok: true, value: "yearly" });
    expect(parseArgument("monthly", scalar, sheets)).toEqual({ ok: true, value: "monthly" });
    expect(parseArgument("FAUX", scalar, sheets)).toEqual({ ok: true, value: false });
  });

  it("resolves ranges on the named or active sheet", () => {
    const named = parseArgument("Customers!B2:B3", matrix, sheets);
    expect(named).toMatchObject({ ok: true, value: [[10], [20.5]] });
    const active = parseArgument("B3", scalar, sheets);
    expect(active).toMatchObject({ ok: true, value: 20.5, ref: { sheet: "Customers" } });
  });

  it("names an unknown sheet and a malformed array", () => {
    expect(parseArgument("Nope!A1", matrix, sheets)).toEqual({
      ok: false,
      key: "workbench.gallery.unknownSheet",
      params: { sheet: "Nope" },
    });
    expect(parseArgument("{1,2;3}", matrix, sheets)).toMatchObject({ ok: false, key: "workbench.gallery.badArray" });
  });
});
