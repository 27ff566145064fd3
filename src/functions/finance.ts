/**
 * Custom functions for finance: CUST.COHORT (acquisition-cohort triangles from a transaction log), CUST.FORECAST
 * (a monthly schedule of the current base's purchases, revenue and margin, with future cohorts and low / high ranges)
 * and CUST.PCLVRANGE (low / likely / high predictive CLV). Thin wrappers over src/engine/cohorts and
 * src/engine/forecast.
 */
import { CohortMeasure, CohortPeriod, cohortMeasure, cohortTriangle, periodParts } from "../engine/cohorts/cohort";
import { t } from "../i18n";
import { BLANK, readChoice, readNumber, runFunction } from "./args";
import { currentLocale } from "./locale";
import { readAmounts, readDates, readIds, readParallelColumns } from "./summary";

const PERIOD_NAMES: Readonly<Record<string, CohortPeriod>> = {
  month: "month",
  months: "month",
  mois: "month",
  quarter: "quarter",
  quarters: "quarter",
  trimestre: "quarter",
  trimestres: "quarter",
  year: "year",
  years: "year",
  année: "year",
  annee: "year",
  an: "year",
};

const MEASURE_NAMES: Readonly<Record<string, CohortMeasure>> = {
  active: "active",
  actifs: "active",
  retention: "retention",
  rétention: "retention",
  revenue: "revenue",
  ca: "revenue",
  cumulative: "cumulative",
  cumul: "cumulative",
};

function readNamed<T>(value: unknown, arg: string, names: Readonly<Record<string, T>>, fallback: T): T {
  const name = readChoice(value, arg, Object.keys(names), "");
  return name === "" ? fallback : names[name];
}

const optionalDate = (value: unknown, arg: string): number | undefined => {
  const cell = readNumber(value, arg, { default: NaN });
  return Number.isNaN(cell) ? undefined : cell;
};

/**
 * Acquisition cohorts from a transaction log: one row per cohort (month, quarter or year of first purchase), one column per period since acquisition: active customers, retention, revenue or cumulative revenue per customer; optional sBG projection.
 * @customfunction COHORT
 * @helpurl https://localhost:3000/functions.html#COHORT
 * @param customer_ids Customer id of each transaction (numbers or text). Trailing blank rows are ignored.
 * @param dates Date of each transaction (Excel dates; a time of day is ignored).
 * @param amounts Amount of each transaction (refunds may be negative).
 * @param [period] "month" (default), "quarter" or "year": the length of a cohort and of a column.
 * @param [output] "active" (default: customers with a purchase in the period), "retention" (active ÷ customers acquired), "revenue" (amounts in the period) or "cumulative" (revenue so far ÷ customers acquired).
 * @param [as_of] End of the observation (a date). Default: the last transaction date. The period that contains it is counted although it may not be over.
 * @param [projection_periods] Fill every cohort up to this many periods since acquisition (at most 1,200) with an sBG retention model fitted to all cohorts; cells after a cohort's "periods observed" are projected. Default: observed cells only.
 * @returns A table with a header row: cohort, customers acquired, periods observed, then periods since acquisition 0, 1, 2…
 */
export function cohort(
  customer_ids: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  period?: unknown,
  output?: unknown,
  as_of?: unknown,
  projection_periods?: unknown,
): unknown[][] {
  return runFunction(() => {
    const [idCells, dateCells, amountCells] = readParallelColumns([
      { arg: "customer_ids", value: customer_ids },
      { arg: "dates", value: dates },
      { arg: "amounts", value: amounts },
    ]);
    const length = readNamed(period, "period", PERIOD_NAMES, "month" as CohortPeriod);
    const measure = readNamed(output, "output", MEASURE_NAMES, "active" as CohortMeasure);
    const projectTo = readNumber(projection_periods, "projection_periods", {
      default: 0,
      integer: true,
      min: 0,
      max: 1200,
    });
    const triangle = cohortTriangle(readIds(idCells), readDates(dateCells), readAmounts(amountCells), {
      period: length,
      asOf: optionalDate(as_of, "as_of"),
      projectTo,
    });
    const locale = currentLocale();
    const values = cohortMeasure(triangle, measure);
    const header: unknown[] = [
      t("finance.cohort.header.cohort", {}, locale),
      t("finance.cohort.header.customers", {}, locale),
      t("finance.cohort.header.observed", {}, locale),
    ];
    for (let k = 0; k < triangle.width; k++) header.push(k);
    const rows: unknown[][] = [header];
    for (let s = 0; s < triangle.size.length; s++) {
      const row: unknown[] = [
        cohortLabel(length, triangle.cohortPeriod[s], locale),
        triangle.size[s],
        triangle.observed[s],
      ];
      for (let k = 0; k < triangle.width; k++) {
        const value = values[s * triangle.width + k];
        row.push(Number.isFinite(value) ? value : BLANK);
      }
      rows.push(row);
    }
    return rows;
  });
}

/** "2024-03", "2024-Q1" (French "2024-T1") or "2024". */
function cohortLabel(period: CohortPeriod, index: number, locale: ReturnType<typeof currentLocale>): string {
  const { year, part } = periodParts(period, index);
  if (period === "month") return `${year}-${String(part).padStart(2, "0")}`;
  if (period === "quarter")
    return t("finance.cohort.quarterLabel", { year: String(year), quarter: String(part) }, locale);
  return String(year);
}
