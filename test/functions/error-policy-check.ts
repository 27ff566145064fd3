/**
 * The error policy's check, shared by error-policy.test.ts (English, in `npm test`) and error-policy-fr.slow.test.ts
 * (French, in `npm run test:slow`): every worked example and every case of the catalogue
 * (test/functions/catalogue/cases.ts) runs through the Excel-faithful invoker, with each form of blank cell where it
 * has one (hasBlankCell: without one, each form gives the same call, run once); every
 * error produced (thrown or in a cell) is enumerated, and none may carry a message on a code that cannot show it
 * (Excel shows a custom message only with #VALUE! and #N/A). Every error shown with a message is a sentence, not a key.
 */
import { FUNCTION_EXAMPLES, exampleFunctionId } from "../../src/functions/examples";
import type { FormulaArgument } from "../../src/workbench/excel-invoker";
import { CATALOGUE } from "./catalogue";
import { BLANK_FORMS, ExcelFunctions, hasBlankCell } from "../support/excel";

interface Call {
  name: string;
  id: string;
  args: FormulaArgument[];
}

export const policyCalls = (): Call[] => [
  ...FUNCTION_EXAMPLES.map((example) => ({
    name: example.id,
    id: exampleFunctionId(example),
    args: example.args as FormulaArgument[],
  })),
  ...CATALOGUE.map((entry) => ({ name: entry.name, id: entry.id, args: entry.args })),
];

/** Every call in `locale`: how many errors were produced, and the distinct breaches of the policy. */
export function policyBreaches(excel: ExcelFunctions, locale: "en" | "fr"): { produced: number; bad: string[] } {
  const bad: string[] = [];
  let produced = 0;
  for (const call of policyCalls()) {
    for (const blank of hasBlankCell(call.args) ? BLANK_FORMS : [null]) {
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
  return { produced, bad: [...new Set(bad)] };
}
