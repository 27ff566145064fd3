/**
 * The finance functions as users call them, beside the functions they are compared with (issue 14): CUST.COHORT on a
 * full sheet's log (1,048,575 rows of cells) against CUST.SUMMARY on the same cells, and CUST.FORECAST with its low /
 * high ranges for 100,000 customers against CUST.PCLV on the same customers.
 * Run: node --expose-gc --import tsx bench/finance.bench.ts [name filter, e.g. COHORT]
 */
import { fitBgnbd } from "../src/engine/models/bgnbd";
import { toParameterTable } from "../src/engine/models/parameter-table";
import { seededUniform } from "../src/engine/random";
import { cohort, forecast, pclvrange } from "../src/functions/finance";
import { installCustomFunctionsShim } from "../src/functions/runtime-shim";
import { summary } from "../src/functions/summary";
import { pclv } from "../src/functions/value-models";
import { timed, wanted } from "./timing";
import { simulateWholeDayBgnbd } from "./whole-day-bgnbd";

installCustomFunctionsShim(globalThis);

/** Whether one of these benchmarks runs, so that their inputs need building at all. */
const anyWanted = (names: readonly string[]) => names.some(wanted);

const COHORT_BENCHES = [
  "CUST.SUMMARY, 1,048,575 rows of cells, weeks",
  "CUST.COHORT, 1,048,575 rows of cells, months, active",
  "CUST.COHORT, 1,048,575 rows, months, cumulative revenue",
  "CUST.COHORT, 1,048,575 rows, months, projected to 60",
];
const VALUE_BENCHES = [
  "CUST.PCLV, 100,000 customers, 12 months",
  "CUST.FORECAST, 100,000 customers, 12 months",
  "CUST.FORECAST, 100,000 customers, 12 months, with ranges",
  "CUST.FORECAST, 100,000 customers, 60 months, cohorts, ranges",
  "CUST.PCLVRANGE, 100,000 customers, base total",
  "CUST.PCLVRANGE, 100,000 customers, per customer",
];

const SHEET_ROWS = 1_048_575;
if (anyWanted(COHORT_BENCHES)) {
  // 150,000 customers over three years, as in the summary bench: ids as text, times of day.
  const random = seededUniform(7);
  const START = 44927; // 2023-01-01
  const ids: unknown[][] = new Array(SHEET_ROWS);
  const dates: unknown[][] = new Array(SHEET_ROWS);
  const amounts: unknown[][] = new Array(SHEET_ROWS);
  for (let i = 0; i < SHEET_ROWS; i++) {
    ids[i] = [`C${Math.floor(random() * 150_000)}`];
    dates[i] = [START + Math.floor(random() * 1095) + random() * 0.9];
    amounts[i] = [Math.round(random() * 20000) / 100];
  }
  timed("CUST.SUMMARY, 1,048,575 rows of cells, weeks", () => summary(ids, dates, amounts), { runs: 5 });
  timed("CUST.COHORT, 1,048,575 rows of cells, months, active", () => cohort(ids, dates, amounts), { runs: 5 });
  timed("CUST.COHORT, 1,048,575 rows, months, cumulative revenue", () =>
    cohort(ids, dates, amounts, "month", "cumulative"),
  );
  timed("CUST.COHORT, 1,048,575 rows, months, projected to 60", () =>
    cohort(ids, dates, amounts, "month", "retention", null, 60),
  );
}

if (anyWanted(VALUE_BENCHES)) {
  const data = simulateWholeDayBgnbd(100_000, 3);
  const table = toParameterTable(fitBgnbd(data), "en");
  const column = (values: ArrayLike<number>) => Array.from(values, (v) => [v]);
  const [x, tx, T] = [column(data.frequency), column(data.recency!), column(data.age!)];
  const spend = Array.from({ length: x.length }, (_, i) => [10 + (i % 50)]);
  timed("CUST.PCLV, 100,000 customers, 12 months", () => pclv(table, spend, x, tx, T, "days", undefined, 12, 0.1, 0.3));
  timed("CUST.FORECAST, 100,000 customers, 12 months", () =>
    forecast(table, spend, x, tx, T, "days", undefined, 12, 0.1, 0.3),
  );
  timed(
    "CUST.FORECAST, 100,000 customers, 12 months, with ranges",
    () => forecast(table, spend, x, tx, T, "days", undefined, 12, 0.1, 0.3, undefined, undefined, [[true]]),
    { runs: 5 },
  );
  timed(
    "CUST.FORECAST, 100,000 customers, 60 months, cohorts, ranges",
    () => forecast(table, spend, x, tx, T, "days", undefined, 60, 0.1, 0.3, [[1000]], [[40]], [[true]]),
    { runs: 3, warmUp: false },
  );
  timed(
    "CUST.PCLVRANGE, 100,000 customers, base total",
    () => pclvrange(table, spend, x, tx, T, "days", undefined, 12, 0.1, 0.3, undefined, true),
    { runs: 5 },
  );
  timed(
    "CUST.PCLVRANGE, 100,000 customers, per customer",
    () => pclvrange(table, spend, x, tx, T, "days", undefined, 12, 0.1, 0.3),
    { runs: 1, warmUp: false },
  );
}
