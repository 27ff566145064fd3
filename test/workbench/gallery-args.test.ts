import { parseArgument, parseArrayConstant, parseTypedNumber, SheetLookup } from "../../src/workbench/gallery-args";
import { ErrorCell } from "../../src/workbench/excel-invoker";
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
            ["C3", ""],
            ["C4", "#N/A"],
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
    expect(parseArgument("  ", sheets)).toEqual({ ok: true, value: null });
  });

  it("passes typed values as the formula writes them (the invoker shapes them per parameter)", () => {
    expect(parseArgument("0.3", sheets)).toEqual({ ok: true, value: 0.3 });
    expect(parseArgument("=30%", sheets)).toEqual({ ok: true, value: 0.3 });
    expect(parseArgument("{1;2}", sheets)).toEqual({ ok: true, value: [[1], [2]] });
    expect(parseArgument('"yearly"', sheets)).toEqual({ ok: true, value: "yearly" });
    expect(parseArgument("monthly", sheets)).toEqual({ ok: true, value: "monthly" });
    expect(parseArgument("FAUX", sheets)).toEqual({ ok: true, value: false });
  });

  it("resolves ranges on the named or active sheet", () => {
    const named = parseArgument("Customers!B2:B3", sheets);
    expect(named).toMatchObject({ ok: true, value: [[10], [20.5]] });
    const active = parseArgument("B3", sheets);
    expect(active).toMatchObject({ ok: true, value: [[20.5]], ref: { sheet: "Customers" } });
  });

  it("reads an empty cell as a blank and a cell showing an error as that error", () => {
    const cells = parseArgument("B4:B5", sheets);
    expect(cells.ok && cells.value).toEqual([[null], [new ErrorCell("#N/A")]]);
  });

  it("names an unknown sheet and a malformed array", () => {
    expect(parseArgument("Nope!A1", sheets)).toEqual({
      ok: false,
      key: "workbench.gallery.unknownSheet",
      params: { sheet: "Nope" },
    });
    expect(parseArgument("{1,2;3}", sheets)).toMatchObject({ ok: false, key: "workbench.gallery.badArray" });
  });
});
