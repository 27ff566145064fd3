/**
 * The committed sample workbook (npm run sample): its sheets are there, and every formula calls an existing
 * CUST function with a number of arguments the function accepts, with a cached value a colleague without the add-in
 * can read. Read from the file's XML: formulas are stored the way Excel stores JavaScript custom functions
 * (_xldudf_CUST_ID), spills are dynamic arrays, the web-extension part opens the add-in with the file, and the
 * layout (widths, formats, frozen headers, notes, customer IDs) reads as a user expects.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { englishMetadata, FunctionsMetadata } from "../../scripts/make-docs";
import {
  ADDIN_STORE,
  addInReference,
  AUTO_SHOW_TASKPANE,
  SAMPLE_FILE,
  storedFormula,
  TASKPANES_PART,
  WEBEXTENSION_PART,
} from "../../scripts/make-sample-workbook";

interface FormulaCell {
  sheet: string;
  address: string;
  formula: string;
  result: unknown;
}

let metadata: FunctionsMetadata = { functions: [] };
const workbook = new ExcelJS.Workbook();
const formulas: FormulaCell[] = [];
let zip: JSZip;
/** Each sheet's XML by sheet name. */
const sheetXml = new Map<string, string>();

const part = async (name: string): Promise<string> => {
  const file = zip.file(name);
  if (!file) throw new Error(`no part ${name}`);
  return file.async("string");
};

beforeAll(async () => {
  metadata = await englishMetadata();
  zip = await JSZip.loadAsync(readFileSync(SAMPLE_FILE));
  const book = await part("xl/workbook.xml");
  const rels = await part("xl/_rels/workbook.xml.rels");
  for (const [element] of book.matchAll(/<sheet [^>]*>/g)) {
    const name = / name="([^"]+)"/.exec(element)![1];
    const id = / r:id="([^"]+)"/.exec(element)![1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    sheetXml.set(name, await part(`xl/${target}`));
  }
  expect(sheetXml.size).toBe(6);
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

/** Function ids by their stored name (CUST.RFMSEGMENT → RFMSEGMENT from _xldudf_CUST_RFMSEGMENT). */
const storedIds = () => new Map(metadata.functions.map((fn) => [storedFormula(`CUST.${fn.id}(`).slice(0, -1), fn.id]));

/**
 * Every custom function call in a stored formula (_xldudf_CUST_ID( as Excel saves it) with its top-level argument
 * count (quotes and nested calls respected). The name is the function id, or the stored name when none matches.
 */
function customCalls(formula: string): { name: string; args: number }[] {
  const calls: { name: string; args: number }[] = [];
  const ids = storedIds();
  for (const match of formula.matchAll(/(_xldudf_CUST_[A-Z0-9_]+)\(/g)) {
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
    calls.push({ name: ids.get(match[1]) ?? match[1], args: empty ? 0 : args });
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
    expect(customCalls('=_xldudf_CUST_FIT("gg",A1:A3,,,B1:B3)')).toEqual([{ name: "FIT", args: 5 }]);
    expect(customCalls('_xldudf_CUST_PAYBACK(B12,SUM(B7,B8)/12,"a,b")')).toEqual([{ name: "PAYBACK", args: 3 }]);
  });

  test("stores custom functions as Excel stores JavaScript custom functions: _xldudf_CUST_ID, never as typed", () => {
    expect(storedFormula('CUST.FIT("gg",A1:A3)+CUST.VVC.CAC(1,2)')).toBe(
      '_xldudf_CUST_FIT("gg",A1:A3)+_xldudf_CUST_VVC_CAC(1,2)',
    );
    let custom = 0;
    for (const [sheet, xml] of sheetXml) {
      for (const match of xml.matchAll(/<f[^>]*>([^<]*)<\/f>/g)) {
        const where = `${sheet}: ${match[1].slice(0, 40)}`;
        expect({ where, typed: /CUST\./.test(match[1]) }).toEqual({ where, typed: false });
        if (match[1].includes("_xldudf_CUST_")) custom++;
      }
    }
    expect(custom).toBeGreaterThanOrEqual(10);
  });

  test("spilled results are dynamic arrays with every spilled cell's value cached", async () => {
    const metadataXml = await part("xl/metadata.xml");
    expect(metadataXml).toContain('metadataType name="XLDAPR"');
    expect(metadataXml).toContain('fDynamic="1"');
    expect(await part("xl/_rels/workbook.xml.rels")).toMatch(/relationships\/sheetMetadata" Target="metadata.xml"/);
    expect(await part("[Content_Types].xml")).toContain(
      'PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"',
    );
    let arrays = 0;
    for (const [sheet, xml] of sheetXml) {
      for (const match of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)><f t="array" ref="([A-Z]+)(\d+):([A-Z]+)(\d+)">/g)) {
        arrays++;
        const where = `${sheet}!${match[1]}`;
        expect({ where, dynamic: / cm="1"/.test(match[2]) }).toEqual({ where, dynamic: true });
        // Every cell of the spill range holds a value in the file.
        const worksheet = workbook.getWorksheet(sheet)!;
        const [top, bottom] = [Number(match[4]), Number(match[6])];
        const [left, right] = [worksheet.getColumn(match[3]).number, worksheet.getColumn(match[5]).number];
        let missing = 0;
        for (let r = top; r <= bottom; r++)
          for (let c = left; c <= right; c++) {
            const value = worksheet.getCell(r, c).value as unknown;
            const result =
              value && typeof value === "object" && "result" in value ? (value as { result: unknown }).result : value;
            if (result === null || result === undefined) missing++;
          }
        expect({ where, missing }).toEqual({ where, missing: 0 });
      }
    }
    expect(arrays).toBeGreaterThanOrEqual(9);
  });

  test("a web-extension part opens the add-in's pane with the file", async () => {
    const manifest = readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8");
    const reference = addInReference();
    expect(manifest).toContain(`<Id>${reference.id}</Id>`);
    // No TaskpaneId with a long-lived shared runtime: the pane saved visible is the add-in's default page.
    expect(manifest).not.toContain("<TaskpaneId>");
    expect(manifest).toMatch(/<DefaultSettings>\s*<SourceLocation DefaultValue="[^"]*taskpane\.html"\/>/);
    const extension = await part(WEBEXTENSION_PART);
    expect(extension).toContain(
      `<we:reference id="${reference.id}" version="${reference.version}" store="${ADDIN_STORE.store}" storeType="${ADDIN_STORE.storeType}"/>`,
    );
    expect(extension).toContain(`<we:property name="${AUTO_SHOW_TASKPANE}" value="true"/>`);
    const taskpanes = await part(TASKPANES_PART);
    expect(taskpanes).toMatch(/<wetp:taskpane [^>]*visibility="1"/);
    const id = /<wetp:webextensionref [^>]*r:id="([^"]+)"/.exec(taskpanes)?.[1];
    expect(await part("xl/webextensions/_rels/taskpanes.xml.rels")).toMatch(
      new RegExp(
        `Id="${id}" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"`,
      ),
    );
    expect(await part("_rels/.rels")).toContain(
      'Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"',
    );
    const types = await part("[Content_Types].xml");
    expect(types).toContain(
      `PartName="/${TASKPANES_PART}" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"`,
    );
    expect(types).toContain(
      `PartName="/${WEBEXTENSION_PART}" ContentType="application/vnd.ms-office.webextension+xml"`,
    );
  });

  /** The frozen header row of a sheet (the row above the pane's split). */
  const headerRow = (sheet: string) =>
    Number(/<pane [^>]*ySplit="(\d+)"[^>]*state="frozen"/.exec(sheetXml.get(sheet)!)?.[1]);

  test("per-customer sheets start with the customer ID, row for row with the Customers sheet", () => {
    const ids = (sheet: string) => {
      const worksheet = workbook.getWorksheet(sheet)!;
      const header = headerRow(sheet);
      const row = worksheet.getRow(header);
      let col = 0;
      row.eachCell((cell, c) => {
        const value = cell.value as unknown;
        const text =
          value && typeof value === "object" && "result" in value ? (value as { result: unknown }).result : value;
        if (col === 0 && String(text).toLowerCase() === "customer id") col = c;
      });
      expect({ sheet, hasId: col > 0 }).toEqual({ sheet, hasId: true });
      const out: unknown[] = [];
      for (let r = header + 1; r <= worksheet.rowCount; r++) {
        const value = worksheet.getCell(r, col).value as unknown;
        const text =
          value && typeof value === "object" && "result" in value ? (value as { result: unknown }).result : value;
        if (text !== null && text !== undefined && text !== "") out.push(text);
      }
      return out;
    };
    const customers = ids("Customers");
    expect(customers.length).toBeGreaterThan(100);
    expect(ids("RFM")).toEqual(customers);
    expect(ids("Model")).toEqual(customers);
  });

  test("readable layout: frozen headers that fit, notes each on a row of their own, widths and formats", () => {
    for (const sheet of ["Customers", "RFM", "Model"]) {
      const worksheet = workbook.getWorksheet(sheet)!;
      const header = headerRow(sheet);
      expect({ sheet, frozen: header > 1 }).toEqual({ sheet, frozen: true });
      // Above the header row only column A holds text (the title and the notes), so no note is cut by another.
      for (let r = 1; r < header; r++) {
        worksheet
          .getRow(r)
          .eachCell((cell, c) => expect({ sheet, cell: cell.address, c }).toEqual({ sheet, cell: cell.address, c: 1 }));
      }
      // Every header fits its column on two lines (the header row is two lines high and wraps).
      expect(worksheet.getRow(header).height).toBeGreaterThanOrEqual(30);
      worksheet.getRow(header).eachCell((cell, c) => {
        const value = cell.value as unknown;
        const text = String(
          value && typeof value === "object" && "result" in value ? (value as { result: unknown }).result : value,
        );
        const width = worksheet.getColumn(c).width ?? 8.43;
        const longestWord = Math.max(...text.split(/\s+/).map((word) => word.length));
        const where = `${sheet}!${cell.address} "${text}"`;
        expect({
          where,
          fits: width >= longestWord + 1 && 2 * width >= text.length + 2,
          wraps: cell.alignment?.wrapText === true,
        }).toEqual({
          where,
          fits: true,
          wraps: true,
        });
      });
    }
    const customers = workbook.getWorksheet("Customers")!;
    const first = headerRow("Customers") + 1;
    expect(customers.getCell(first, 2).numFmt).toBe("yyyy-mm-dd");
    expect(customers.getCell(first, 3).numFmt).toBe("yyyy-mm-dd");
    expect(customers.getCell(first, 5).numFmt).toBe("#,##0.00");
    expect(workbook.getWorksheet("Transactions")!.getCell("B2").numFmt).toBe("yyyy-mm-dd");
    const model = workbook.getWorksheet("Model")!;
    expect(model.getCell(headerRow("Model") + 1, 8).numFmt).toBe("0.0%");
    expect(model.getCell(headerRow("Model") + 1, 9).numFmt).toBe("#,##0.00");
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
      expect(cell.formula).not.toMatch(/_xludf|CUST\./i);
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
    const custom = formulas.filter((candidate) => candidate.formula.includes("_xldudf_CUST_"));
    expect(custom.length).toBeGreaterThanOrEqual(10);
    for (const cell of custom) {
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
