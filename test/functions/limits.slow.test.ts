/**
 * Issue 12 item 3, "every cost is bounded", checked on the whole surface: each custom function called through the
 * Excel-faithful invoker with the largest inputs Excel can give (test/support/limits.ts: 1,048,576-row ranges, each
 * work-setting argument at its documented maximum and just beyond it, extreme histories and parameters). Each call
 * gives a result with no NaN, ±Infinity or internal wording, or #VALUE! with a message that says the bound. The
 * times are recorded by bench/limits.bench.ts in BENCHMARKS.md, not asserted: the generous timeout only catches a
 * call that never returns. Cases not yet measured within the bound are todo (MEASURED_WITHIN_BOUND says why).
 */
import { ExcelFunctions, loadExcelFunctions } from "../support/excel";
import {
  buildLimitData,
  checkLimitCase,
  LimitCase,
  LimitData,
  limitCases,
  MEASURED_WITHIN_BOUND,
} from "../support/limits";

let excel: ExcelFunctions;
let cases: LimitCase[];
beforeAll(async () => {
  excel = await loadExcelFunctions();
  cases = limitCases(buildLimitData((id, ...args) => excel.call(id, ...args)));
}, 600_000);

// The cases' names, listed before the data exists (the arguments are built only when a case runs).
const names = limitCases(new Proxy({} as LimitData, { get: () => [] })).map((c) => c.name);

describe("every function at Excel's limits returns a result or a bounded #VALUE!", () => {
  names.forEach((name, index) => {
    if (!MEASURED_WITHIN_BOUND.has(name)) {
      test.todo(`${name} (open: BENCHMARKS.md, "Bounds at Excel's limits")`);
      return;
    }
    test(
      name,
      () => {
        const c = cases[index];
        expect(checkLimitCase(c, excel.call(c.fn, ...c.args()))).toBeNull();
      },
      120_000,
    );
  });
});
