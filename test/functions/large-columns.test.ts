/** Columns of Excel's size reach the engine: nothing spreads a whole column into one call's arguments. */
import { ExcelFunctions, loadExcelFunctions } from "../support/excel";

let excel: ExcelFunctions;
beforeAll(async () => {
  excel = await loadExcelFunctions();
}, 60000);

test("CUST.HOLDOUTCHECK reads 300,000 customers (a spread of the rows overflowed the call stack)", () => {
  const n = 300_000;
  const column = (f: (i: number) => number) => Array.from({ length: n }, (_, i) => [f(i)]);
  const table = [
    ["model", "bgnbd"],
    ["r", 0.5],
    ["alpha", 60],
    ["a", 0.8],
    ["b", 3],
  ];
  const out = excel.call(
    "HOLDOUTCHECK",
    table,
    column((i) => i % 3),
    column((i) => (i % 3 === 0 ? 0 : 100)),
    column(() => 200),
    column((i) => i % 2),
    90,
  );
  expect(out[1].slice(0, 2)).toEqual([0, n / 3]);
});
