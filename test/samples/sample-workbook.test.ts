/**
 * The committed sample workbook (npm run sample): its sheets are there, and every formula calls an existing
 * CUST function with a number of arguments the function accepts, with a cached value a colleague without the add-in
 * can read.
 */
import ExcelJS from "exceljs";
import { existsSync } from "fs";
import { englishMetadata, FunctionsMetadata } from "../../scripts/make-docs";
import { SAMPLE_FILE } from "../../scripts/make-sample-workbook";

interface FormulaCell {
  sheet: string;
  address: string;
  formula: string;
  result: unknown;
}

let metadata: FunctionsMetadata = { functions: [] };
const workbook = new ExcelJS.Workbook();
const formulas: FormulaCell[] = [];

beforeAll(async () => {
  metadata = await englishMetadata();
  await workbook.xlsx.readFile(SAMPLE_FILE);
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        const value = cell.value as { formula?: string; result?: unknown } | null;
        if (value && typeof value === "object" && typeof value.formula === "string") {
          formulas.push({ sheet: sheet.name, address: cell.address, formula: value.formula, result: value.result });
        }
      });
    });
  });
}, 60000);

/** Every CUST.<NAME>( call in a formula with its top-level argument count (quotes and nested calls respected). */
function customCalls(formula: string): { name: string; args: number }[] {
  const calls: { name: string; args: number }[] = [];
  for (const match of formula.matchAll(/CUST\.([A-Z][A-Z0-9._]*)\(/g)) {
    let depth = 0;
    let quoted = false;
    let args = 1;
    let empty = true;
    for (let i = match.index! + match[0].length; i < formula.length; i++) {
      const char = formula[i];
      if (char === '"') quoted = !quoted;
      if (quoted) continue;
      if (char === "(") depth++;
      else if (char === ")") {
        if (depth === 0) break;
        depth--;
      } else if (char === "," && depth === 0) args++;
      if (char !== " ") empty = false;
    }
    calls.push({ name: match[1], args: empty ? 0 : args });
  }
  return calls;
}

describe("sample workbook", () => {
  test("the file is committed and has the documented sheets", () => {
    expect(existsSync(SAMPLE_FILE)).toBe(true);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Read me",
      "Transactions",
      "Customers",
      "RFM",
      "Model",
      "KPI",
    ]);
    expect(workbook.getWorksheet("Transactions")!.getTable("Transactions")).toBeDefined();
  });

  test("counts arguments the way Excel does", () => {
    expect(customCalls('=CUST.FIT("gg",A1:A3,,,B1:B3)')).toEqual([{ name: "FIT", args: 5 }]);
    expect(customCalls('CUST.PAYBACK(B12,SUM(B7,B8)/12,"a,b")')).toEqual([{ name: "PAYBACK", args: 3 }]);
  });

  test("each sheet uses the functions the guide promises", () => {
    const used = (sheet: string) =>
      new Set(
        formulas.filter((cell) => cell.sheet === sheet).flatMap((cell) => customCalls(cell.formula).map((c) => c.name)),
      );
    expect([...used("Customers")]).toEqual(["SUMMARY"]);
    expect(used("RFM")).toEqual(new Set(["RFM", "RFMSEGMENT"]));
    expect(used("Model")).toEqual(new Set(["FIT", "PALIVE", "PCLV"]));
    expect(used("KPI")).toEqual(new Set(["CAC", "RETENTION", "CLV", "LTVCAC", "PAYBACK"]));
  });

  test("every formula names an existing function with an argument count it accepts", () => {
    expect(formulas.length).toBeGreaterThanOrEqual(10);
    const byId = new Map(metadata.functions.map((fn) => [fn.id, fn]));
    for (const cell of formulas) {
      expect(cell.formula.startsWith("=")).toBe(false); // stored as Excel stores it, without "="
      expect(cell.formula).not.toMatch(/_xludf|_xldudf/i);
      for (const call of customCalls(cell.formula)) {
        const fn = byId.get(call.name);
        const where = `${cell.sheet}!${cell.address} ${call.name}`;
        expect({ where, exists: fn !== undefined }).toEqual({ where, exists: true });
        const required = fn!.parameters.filter((parameter) => !parameter.optional).length;
        expect({ where, args: call.args, ok: call.args >= required && call.args <= fn!.parameters.length }).toEqual({
          where,
          args: call.args,
          ok: true,
        });
      }
    }
  });

  test("every formula has a cached value, and no cached value is an error", () => {
    for (const cell of formulas) {
      const error = typeof cell.result === "object" && cell.result !== null && "error" in cell.result;
      expect({ cell: `${cell.sheet}!${cell.address}`, cached: cell.result !== undefined, error }).toEqual({
        cell: `${cell.sheet}!${cell.address}`,
        cached: true,
        error: false,
      });
    }
  });

  test("every CUST formula has a note in English and French", () => {
    for (const cell of formulas.filter((candidate) => candidate.formula.includes("CUST."))) {
      const note = workbook.getWorksheet(cell.sheet)!.getCell(cell.address).note;
      const text = typeof note === "string" ? note : JSON.stringify(note ?? "");
      expect({ cell: `${cell.sheet}!${cell.address}`, bilingual: text.includes("CUST.") && /\n\n/.test(text) }).toEqual(
        {
          cell: `${cell.sheet}!${cell.address}`,
          bilingual: true,
        },
      );
    }
  });
});
