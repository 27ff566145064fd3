import { addressesOf, cellAt, plainInvocation } from "../../src/functions/cell-address";
import { column, ExcelFunctions, loadExcelFunctions } from "../support/excel";

describe("cellAt: the address of one cell of a range, from the range's address", () => {
  it("offsets the top-left by the row (and column) within the range", () => {
    expect(cellAt("Sheet1!D2:D9", 0)).toBe("Sheet1!D2");
    expect(cellAt("Sheet1!D2:D9", 5)).toBe("Sheet1!D7");
    expect(cellAt("Sheet1!D2:F9", 1, 2)).toBe("Sheet1!F3");
    expect(cellAt("Sheet1!Y1:AB3", 0, 2)).toBe("Sheet1!AA1");
    expect(cellAt("Sheet1!ZZ1:AAB1", 0, 1)).toBe("Sheet1!AAA1");
  });

  it("keeps a quoted sheet name as Excel wrote it (spaces, doubled quotes) and drops $ signs", () => {
    expect(cellAt("'My data'!$D$2:$D$9", 5)).toBe("'My data'!D7");
    expect(cellAt("'O''Brien''s sheet'!$B$10:$B$20", 2)).toBe("'O''Brien''s sheet'!B12");
    expect(cellAt("'Ventes 2024!'!A1:A3", 1)).toBe("'Ventes 2024!'!A2");
  });

  it("reads whole columns from row 1, whole rows from column A, a single cell and no sheet", () => {
    expect(cellAt("Sheet1!D:D", 6)).toBe("Sheet1!D7");
    expect(cellAt("Sheet1!$D:$F", 0, 1)).toBe("Sheet1!E1");
    expect(cellAt("Sheet1!5:5", 0, 3)).toBe("Sheet1!D5");
    expect(cellAt("Sheet1!C4", 0)).toBe("Sheet1!C4");
    expect(cellAt("C4", 3)).toBe("C7");
  });

  it("gives nothing for no address, what is not an A1 reference, or a cell outside the sheet", () => {
    expect(cellAt(undefined, 0)).toBeUndefined();
    expect(cellAt("", 0)).toBeUndefined();
    expect(cellAt("Sheet1!", 0)).toBeUndefined();
    expect(cellAt("#REF!", 0)).toBeUndefined();
    expect(cellAt("Sheet1!R2C4", 0)).toBeUndefined();
    expect(cellAt("Sheet1!D1048576", 0)).toBe("Sheet1!D1048576");
    expect(cellAt("Sheet1!D1048576", 1)).toBeUndefined();
    expect(cellAt("Sheet1!XFD1", 0, 1)).toBeUndefined();
  });
});

describe("addressesOf and plainInvocation", () => {
  it("names the addresses by parameter, skipping blanks, and tolerates no invocation", () => {
    const addresses = addressesOf({ parameterAddresses: ["Sheet1!A1:B3", "", "Sheet1!D2:D9"] }, ["table", "t", "x"]);
    expect([...addresses]).toEqual([
      ["table", "Sheet1!A1:B3"],
      ["x", "Sheet1!D2:D9"],
    ]);
    expect(addressesOf(undefined, ["x"]).size).toBe(0);
    expect(addressesOf({ functionName: "PALIVE" }, ["x"]).size).toBe(0);
  });

  it("copies an invocation to a plain object a worker can receive, leaving other arguments alone", () => {
    const invocation = Object.assign(Object.create({ setResult: () => undefined }) as object, {
      functionName: "PALIVE",
      parameterAddresses: ["Sheet1!A1", undefined],
    });
    expect(plainInvocation(invocation)).toEqual({ parameterAddresses: ["Sheet1!A1", null] });
    const grid = [[1], [2]];
    expect(plainInvocation(grid)).toBe(grid);
    expect(plainInvocation(null)).toBeNull();
  });
});

describe("per-row messages name the cell when Excel gives the arguments' addresses", () => {
  let excel: ExcelFunctions;
  beforeAll(async () => {
    excel = await loadExcelFunctions();
  });

  const table = [
    ["model", "bgnbd"],
    ["r", 0.243],
    ["alpha", 4.414],
    ["a", 0.793],
    ["b", 2.426],
  ];
  const cells = {
    x: column(2, "abc", 0),
    tx: column(30.43, 20, 0),
    T: column(38.86, 30, 10),
  };
  const addresses = ["Feuil1!$H$2:$I$6", "'Mes clients'!$D$2:$D$4", "'Mes clients'!E2:E4", "'Mes clients'!F:F"];

  it.each(["PALIVE", "CHURNRISK"])("%s names the cell in English and French", (id) => {
    const en = excel.invoke({ parameterAddresses: addresses }, id, table, cells.x, cells.tx, cells.T).cells;
    expect(en[1][0]).toEqual({ error: "#VALUE!", message: expect.stringContaining("'Mes clients'!D3 holds") });
    const fr = excel.invoke({ locale: "fr", parameterAddresses: addresses }, id, table, cells.x, cells.tx, cells.T);
    expect(fr.cells[1][0]).toEqual({
      error: "#VALUE!",
      message: expect.stringContaining("la cellule 'Mes clients'!D3 contient"),
    });
    expect(typeof en[0][0]).toBe("number");
  });

  it("PURCHASES and PBUY name the cell of the argument concerned (T given as a whole column)", () => {
    const late = { x: column(2, 1), tx: column(30, 40), T: column(38, 30) };
    const withT = [addresses[0], null, ...addresses.slice(1)];
    for (const id of ["PURCHASES", "PBUY"]) {
      const shown = excel.invoke({ parameterAddresses: withT }, id, table, 10, late.x, late.tx, late.T).cells;
      expect(shown[1][0]).toEqual({ error: "#VALUE!", message: expect.stringContaining("'Mes clients'!E3 has") });
    }
  });

  it("without addresses (older Excel, the workbench) the message names the row, as before", () => {
    const shown = excel.invoke({}, "PALIVE", table, cells.x, cells.tx, cells.T).cells;
    expect(shown[1][0]).toEqual({ error: "#VALUE!", message: expect.stringContaining("row 2 holds") });
  });

  it("CLV names the cell of a bad margin", () => {
    const where = ["Sheet1!B2:B3", "Sheet1!C2:C3", "Sheet1!D2:D3", "Sheet1!$E$2:$E$3"];
    const en = excel.invoke(
      { parameterAddresses: where },
      "CLV",
      column(5, 5),
      column(3, 3),
      column(10, 10),
      column(0.4, 2),
    );
    expect(en.cells[1][0]).toEqual({ error: "#VALUE!", message: expect.stringContaining("Sheet1!E3 holds") });
    const fr = excel.invoke(
      { locale: "fr", parameterAddresses: where },
      "CLV",
      column(5, 5),
      column(3, 3),
      column(10, 10),
      column(0.4, 2),
    );
    expect(fr.cells[1][0]).toEqual({ error: "#VALUE!", message: expect.stringContaining("La cellule Sheet1!E3") });
  });
});

describe("CUST.PCLV names the cell too", () => {
  let excel: ExcelFunctions;
  beforeAll(async () => {
    excel = await loadExcelFunctions();
  });
  it("a bad T row, in English and French", () => {
    const table = [
      ["model", "bgnbd"],
      ["r", 0.243],
      ["alpha", 4.414],
      ["a", 0.793],
      ["b", 2.426],
    ];
    const where = ["Sheet1!H2:I6", "Sheet1!E2:E3", "Sheet1!B2:B3", "Sheet1!C2:C3", "Sheet1!$D$2:$D$3"];
    const args = [table, column(20, 20), column(2, 1), column(30, 10), column(38, -4), "weeks"] as const;
    const en = excel.invoke({ parameterAddresses: where }, "PCLV", ...args).cells;
    expect(typeof en[0][0]).toBe("number");
    expect(en[1][0]).toEqual({ error: "#VALUE!", message: expect.stringContaining("Sheet1!D3") });
    const fr = excel.invoke({ locale: "fr", parameterAddresses: where }, "PCLV", ...args).cells;
    expect(fr[1][0]).toEqual({ error: "#VALUE!", message: expect.stringContaining("la cellule Sheet1!D3") });
  });
});
