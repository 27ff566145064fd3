/**
 * The error policy in French (error-policy.test.ts runs it in English in `npm test`; this run is in the slow suite
 * to keep `npm test` within its two minutes).
 */
import { ExcelFunctions, loadExcelFunctions } from "../support/excel";
import { policyBreaches } from "./error-policy-check";

let excel: ExcelFunctions;
beforeAll(async () => {
  excel = await loadExcelFunctions();
}, 60000);

test("no #NUM! or #DIV/0! carries a message, and every message shown is a sentence (fr)", () => {
  const { produced, bad } = policyBreaches(excel, "fr");
  expect(produced).toBeGreaterThan(50);
  expect(bad).toEqual([]);
});
