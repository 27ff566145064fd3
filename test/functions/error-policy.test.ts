/**
 * The error policy, checked on every error the functions produce, in English (the French run is
 * error-policy-fr.slow.test.ts, in `npm run test:slow`; the check itself is error-policy-check.ts).
 */
import { FUNCTION_EXAMPLES } from "../../src/functions/examples";
import { ExcelFunctions, loadExcelFunctions } from "../support/excel";
import { policyBreaches, policyCalls } from "./error-policy-check";

let excel: ExcelFunctions;
beforeAll(async () => {
  excel = await loadExcelFunctions();
}, 60000);

describe("error policy", () => {
  test("the worked examples and the catalogue are all enumerated", () => {
    expect(policyCalls().length).toBeGreaterThan(FUNCTION_EXAMPLES.length);
  });

  test("functions.json lets error cells reach the functions (allowErrorForDataTypeAny)", () => {
    expect(excel.allowErrors).toBe(true);
  });

  test("no #NUM! or #DIV/0! carries a message, and every message shown is a sentence (en)", () => {
    const { produced, bad } = policyBreaches(excel, "en");
    expect(produced).toBeGreaterThan(50);
    expect(bad).toEqual([]);
  });
});
