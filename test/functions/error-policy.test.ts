/**
 * The error policy, checked on every error the functions produce: Excel shows a custom message only with #VALUE!
 * and #N/A, so a #NUM! or #DIV/0! that carries a message loses its explanation in Excel. Every worked example and
 * every case of the catalogue (test/functions/catalogue/cases.ts) runs through the Excel-faithful invoker, with each
 * form of blank cell, in English and French; every error produced (thrown or in a cell) is enumerated, and none may
 * carry a message on a code that cannot show it. Every error the user sees with a message is a sentence, not a key.
 */
import { FUNCTION_EXAMPLES, exampleFunctionId } from "../../src/functions/examples";
import type { FormulaArgument } from "../../src/workbench/excel-invoker";
import { CATALOGUE } from "./catalogue";
import { BLANK_FORMS, ExcelFunctions, loadExcelFunctions } from "../support/excel";

let excel: ExcelFunctions;
beforeAll(async () => {
  excel = await loadExcelFunctions();
}, 60000);

interface Call {
  name: string;
  id: string;
  args: FormulaArgument[];
}

const calls = (): Call[] => [
  ...FUNCTION_EXAMPLES.map((example) => ({
    name: example.id,
    id: exampleFunctionId(example),
    args: example.args as FormulaArgument[],
  })),
  ...CATALOGUE.map((entry) => ({ name: entry.name, id: entry.id, args: entry.args })),
];

describe("error policy", () => {
  test("the worked examples and the catalogue are all enumerated", () => {
    expect(calls().length).toBeGreaterThan(FUNCTION_EXAMPLES.length);
  });

  test("functions.json lets error cells reach the functions (allowErrorForDataTypeAny)", () => {
    expect(excel.allowErrors).toBe(true);
  });

  for (const locale of ["en", "fr"] as const) {
    test(`no #NUM! or #DIV/0! carries a message, and every message shown is a sentence (${locale})`, () => {
      const bad: string[] = [];
      let produced = 0;
      for (const call of calls()) {
        for (const blank of BLANK_FORMS) {
          const invocation = excel.invoke({ locale, blank }, call.id, ...call.args);
          for (const error of invocation.produced) {
            produced++;
            if ((error.code === "#NUM!" || error.code === "#DIV/0!") && error.message !== "") {
              bad.push(`${call.name}: ${error.code} "${error.message}"`);
            }
            if (error.code !== "#NUM!" && error.code !== "#DIV/0!" && !/\s/.test(error.message)) {
              bad.push(`${call.name}: ${error.code} without a sentence: "${error.message}"`);
            }
            if (/NaN|Infinity|undefined|TypeError|RangeError|\[object/.test(error.message)) {
              bad.push(`${call.name}: internal wording in "${error.message}"`);
            }
          }
        }
      }
      expect(produced).toBeGreaterThan(50);
      expect([...new Set(bad)]).toEqual([]);
    });
  }
});
