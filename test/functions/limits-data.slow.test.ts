/**
 * The limits audit's data (test/support/limits.ts) hold at a call only the columns that call passes, as a custom
 * function's runtime holds only its own arguments: argumentsOf drops the cells of every other column.
 */
import type { InputCell } from "../../src/workbench/excel-invoker";
import { buildLimitData, LimitCase } from "../support/limits";

const noCall = () => {
  throw new Error("no function is called here");
};
const caseOf = (args: LimitCase["args"]): LimitCase => ({ name: "c", fn: "CLV", args, expect: "result" });

test("a column's cells live from a read until a case that does not pass them", () => {
  const d = buildLimitData(noCall);
  const x = d.distinctX;
  expect(x).toHaveLength(1_048_576);
  expect(d.distinctX).toBe(x);
  const [passed] = d.argumentsOf(caseOf(() => [d.distinctX, d.distinctT]));
  expect(passed).toBe(x);
  expect(d.distinctX).toBe(x);
  // A column read only to derive an argument is not held for the call either.
  let read: InputCell[][] = [];
  const [derived] = d.argumentsOf(
    caseOf(() => {
      read = d.distinctT;
      return [read.map(([t]) => [t])];
    }),
  );
  expect(d.distinctT).not.toBe(read);
  expect(d.distinctX).not.toBe(x);
  // Made again from the same generated values.
  expect(d.distinctX).toEqual(x);
  expect(d.distinctT).toEqual(derived);
});
