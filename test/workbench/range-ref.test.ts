import fc from "fast-check";
import { columnIndex, columnLetters, formatRangeRef, parseRangeRef, readRange } from "../../src/workbench/range-ref";

describe("columnLetters / columnIndex", () => {
  it("maps the usual columns", () => {
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(25)).toBe("Z");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(16383)).toBe("XFD");
    expect(columnIndex("xfd")).toBe(16383);
  });

  it("round-trips every column", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (n) => columnIndex(columnLetters(n)) === n));
  });
});

describe("parseRangeRef", () => {
  it("reads sheet-qualified, quoted, absolute and single-cell references", () => {
    expect(parseRangeRef("Customers!E2:E200")).toEqual({
      sheet: "Customers",
      firstRow: 1,
      lastRow: 199,
      firstColumn: 4,
      lastColumn: 4,
    });
    expect(parseRangeRef("'My data''s'!$B$3")).toMatchObject({ sheet: "My data's", firstRow: 2, firstColumn: 1 });
    expect(parseRangeRef("C9:A1")).toEqual({ sheet: null, firstRow: 0, lastRow: 8, firstColumn: 0, lastColumn: 2 });
  });

  it("rejects what is not a reference", () => {
    for (const text of ["hello", "12", "A0", "Sheet!", "A1:B", "ZZZZ1", "A1:A99999999"]) {
      expect(parseRangeRef(text)).toBeNull();
    }
  });

  it("round-trips through formatRangeRef", () => {
    const ref = { sheet: "Segments", firstRow: 1, lastRow: 9, firstColumn: 0, lastColumn: 27 };
    expect(formatRangeRef(ref)).toBe("Segments!A2:AB10");
    expect(parseRangeRef(formatRangeRef(ref))).toEqual(ref);
    expect(formatRangeRef({ ...ref, sheet: "My sheet" })).toBe("'My sheet'!A2:AB10");
  });
});

describe("readRange", () => {
  const sheet = {
    name: "S",
    cells: [
      ["h1", "h2"],
      [1, 2],
      [3, ""],
    ],
  };

  it("returns the cells row by row, blank beyond the data", () => {
    expect(readRange(parseRangeRef("A2:C3")!, sheet)).toEqual([
      [1, 2, ""],
      [3, "", ""],
    ]);
  });

  it("stops at the last used row for whole-column references", () => {
    expect(readRange(parseRangeRef("B2:B1048576")!, sheet)).toEqual([[2], [""]]);
    expect(readRange(parseRangeRef("A10")!, sheet)).toEqual([[""]]);
  });
});
