/**
 * Custom functions for finance: CUST.COHORT (acquisition-cohort triangles from a transaction log), CUST.FORECAST
 * (a monthly schedule of the current base's purchases, revenue and margin, with future cohorts and low / high ranges)
 * and CUST.PCLVRANGE (low / likely / high predictive CLV). Thin wrappers over src/engine/cohorts and
 * src/engine/forecast.
 */
import { CohortMeasure, CohortPeriod, cohortLabel, cohortMeasure, cohortTriangle } from "../engine/cohorts/cohort";
import { naError, numError, valueError } from "../engine/errors";
import { groupClvRanges, hasRange } from "../engine/channels/group-ranges";
import { groupKey, MAX_GROUPS } from "../engine/channels/value-by-group";
import type { CellValue } from "../engine/sheet-data";
import {
  BaseSchedule,
  baseSchedule,
  cohortSchedule,
  financialSchedule,
  MAX_SCHEDULE_MONTHS,
  NewCohorts,
  ScheduleRow,
} from "../engine/forecast/schedule";
import {
  checkScheduleRanges,
  customerValueRanges,
  DEFAULT_PERCENTILES,
  Percentiles,
  scheduleRanges,
  ScheduleRanges,
  ValueCustomers,
  ValueModel,
} from "../engine/forecast/ranges";
import { populationMeanSpend } from "../engine/models/gamma-gamma";
import { PurchaseModelName } from "../engine/models/types";
import { Locale, MessageKey, t } from "../i18n";
import {
  BLANK,
  cellToNumber,
  describeCell,
  isBlank,
  errorCellError,
  isErrorCell,
  namingCell,
  readChoice,
  readNumber,
  readNumberColumn,
  runFunction,
  toExcelError,
  toGrid,
} from "./args";
import { addressesOf } from "./cell-address";
import { inRangeRows } from "./cell-messages";
import { currentLocale } from "./locale";
import { readTransactionLog } from "./summary";
import { mixturePredictor, rowsByGroup } from "./covariates";
import { readValueInputs, valueColumn, ValueArguments, ValueInputs } from "./value-models";

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
 * @requiresParameterAddresses
 * @param customer_ids Customer id of each transaction (numbers or text). Trailing blank rows are ignored.
 * @param dates Date of each transaction (Excel dates; a time of day is ignored).
 * @param amounts Amount of each transaction (refunds may be negative).
 * @param [period] "month" (default), "quarter" or "year": the length of a cohort and of a column.
 * @param [output] "active" (default: customers with a purchase in the period), "retention" (active ÷ customers acquired), "revenue" (amounts in the period) or "cumulative" (revenue so far ÷ customers acquired).
 * @param [as_of] End of the observation (a date). Default: the last transaction date. The period that contains it is counted although it may not be over.
 * @param [projection_periods] Fill every cohort up to this many periods since acquisition (at most 1,200) with an sBG retention model fitted to all cohorts; cells after a cohort's "periods observed" are projected. Default: observed cells only.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
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
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, [
    "customer_ids",
    "dates",
    "amounts",
    "period",
    "output",
    "as_of",
    "projection_periods",
  ]);
  return runFunction(() => {
    const log = readTransactionLog(customer_ids, dates, amounts);
    const length = readNamed(period, "period", PERIOD_NAMES, "month" as CohortPeriod);
    const measure = readNamed(output, "output", MEASURE_NAMES, "active" as CohortMeasure);
    const projectTo = readNumber(projection_periods, "projection_periods", {
      default: 0,
      integer: true,
      min: 0,
      max: 1200,
    });
    const triangle = cohortTriangle(log.ids, log.dates, log.amounts, {
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
  }, addresses);
}

const given = (value: unknown) => value !== null && value !== undefined && !toGrid(value).flat().every(isBlank);

/**
 * The base schedule's work: each distinct history (covariate group, x, T) costs one expected-purchases evaluation a
 * month, 0.8–2.2 µs here (measured on Pareto/NBD, BG/NBD and MBG/NBD over 600 months), so at most this many
 * history-months keep CUST.FORECAST within a few seconds.
 */
export const FORECAST_WORK = 3_000_000;

/** Throws, saying what to change, when the distinct histories × months exceed FORECAST_WORK. */
function checkForecastWork(inputs: ValueInputs): void {
  const histories = new Set<string>();
  for (let i = 0; i < inputs.x.length; i++) {
    histories.add(`${inputs.groups[i] ?? 0}|${inputs.x[i]}|${inputs.ages[i]}`);
  }
  const months = inputs.options.months;
  if (histories.size * months > FORECAST_WORK) {
    throw valueError("finance.forecast.tooMuchWork", {
      histories: histories.size,
      months,
      most: Math.max(1, Math.floor(FORECAST_WORK / histories.size)),
    });
  }
}

/** The base's monthly schedule, each covariate group with its own predictor (one group without covariates). */
function groupSchedule(inputs: ValueInputs): BaseSchedule {
  const { options } = inputs;
  checkForecastWork(inputs);
  const members = rowsByGroup(inputs.groups);
  const purchases = new Float64Array(options.months);
  const revenue = new Float64Array(options.months);
  for (const [g, rows] of members) {
    const pick = (column: readonly number[]) => (members.size === 1 ? column : rows.map((i) => column[i]));
    const part = baseSchedule(
      members.size === 1 ? inputs.predictor : inputs.source.predictor(g),
      pick(inputs.x),
      pick(inputs.tx),
      pick(inputs.ages),
      pick(inputs.spendPerPurchase),
      options.months,
      options.periodsPerMonth,
    );
    for (let m = 0; m < options.months; m++) {
      purchases[m] += part.purchases[m];
      revenue[m] += part.revenue[m];
    }
  }
  return { purchases, revenue };
}

/** The customers of a value function, all readable: a bad row stops an aggregate (it names the row). */
function readBase(args: ValueArguments, functionName: string, maxMonths?: number): ValueInputs {
  const inputs = readValueInputs(args, functionName, maxMonths);
  const first = inputs.rowErrors.values().next();
  if (!first.done) throw first.value;
  if (inputs.valid.length === 0) throw valueError("finance.forecast.noCustomers");
  // A negative spend is refused here as CUST.PCLV refuses it, naming the range's row (the schedule would take it).
  const negative = inputs.spendPerPurchase.findIndex((spend) => spend < 0);
  if (negative >= 0) {
    throw numError("valuemodels.clv.negativeSpend", {
      row: inputs.valid[negative] + 1,
      found: inputs.spendPerPurchase[negative],
    });
  }
  return inputs;
}

/** A number or a column of at most `months` values, blank cells 0. */
function readMonthly(value: unknown, arg: string, months: number): Float64Array {
  const column = readNumberColumn(value, arg, { allowBlanks: true, rule: { nonNegative: true } });
  if (column.length > months)
    throw valueError("finance.forecast.tooManyCohorts", { arg, found: column.length, months });
  return column.map((v) => (Number.isNaN(v) ? 0 : v));
}

/** The spend per purchase of a customer not acquired yet: the Gamma-Gamma population mean, or the base's mean spend. */
function newCustomerSpend(inputs: ValueInputs): number {
  if (inputs.ggFit) {
    const { p, q, gamma } = inputs.ggFit.params;
    return populationMeanSpend({ p, q, gamma });
  }
  let sum = 0;
  for (const s of inputs.spendPerPurchase) sum += s;
  return sum / inputs.spendPerPurchase.length;
}

function readCohorts(inputs: ValueInputs, new_customers: unknown, cac: unknown): NewCohorts | null {
  if (!given(new_customers)) {
    if (given(cac)) throw valueError("finance.forecast.cacWithoutCustomers");
    return null;
  }
  const months = inputs.options.months;
  const customers = readMonthly(new_customers, "new_customers", months);
  return {
    customers: customers.length === 1 ? new Float64Array(months).fill(customers[0]) : customers,
    cac: given(cac) ? readMonthly(cac, "cac", months) : [0],
    spendPerPurchase: newCustomerSpend(inputs),
  };
}

const FORECAST_COLUMNS: readonly { key: MessageKey; value: (row: ScheduleRow) => number }[] = [
  { key: "finance.forecast.header.purchases", value: (row) => row.purchases },
  { key: "finance.forecast.header.revenue", value: (row) => row.revenue },
  { key: "finance.forecast.header.margin", value: (row) => row.margin },
];

const COHORT_COLUMNS: readonly { key: MessageKey; value: (row: ScheduleRow) => number }[] = [
  { key: "finance.forecast.header.newCustomers", value: (row) => row.newCustomers },
  ...FORECAST_COLUMNS,
  { key: "finance.forecast.header.acquisitionCost", value: (row) => row.acquisitionCost },
  { key: "finance.forecast.header.net", value: (row) => row.net },
];

function scheduleTable(
  rows: readonly ScheduleRow[],
  total: ScheduleRow,
  withCohorts: boolean,
  ranges: { values: ScheduleRanges; percentiles: Percentiles } | null,
  locale: Locale,
): unknown[][] {
  const columns = withCohorts ? COHORT_COLUMNS : FORECAST_COLUMNS;
  const last = withCohorts ? "finance.forecast.header.discountedNet" : "finance.forecast.header.discounted";
  const header = [
    t("finance.forecast.header.month", {}, locale),
    ...columns.map(({ key }) => t(key, {}, locale)),
    t(last, {}, locale),
  ];
  if (ranges) {
    const low = percentText(ranges.percentiles.low, locale);
    const high = percentText(ranges.percentiles.high, locale);
    for (const key of ["finance.forecast.header.revenue", last] as const) {
      const column = t(key, {}, locale);
      header.push(
        t("finance.range.columnLow", { column, p: low }, locale),
        t("finance.range.columnHigh", { column, p: high }, locale),
      );
    }
  }
  const line = (label: unknown, row: ScheduleRow, range: number[]) => [
    label,
    ...columns.map(({ value }) => value(row)),
    row.discounted,
    ...range,
  ];
  const v = ranges?.values;
  return [
    header,
    ...rows.map((row, m) =>
      line(row.month, row, v ? [v.revenueLow[m], v.revenueHigh[m], v.discountedLow[m], v.discountedHigh[m]] : []),
    ),
    line(
      t("finance.forecast.header.total", {}, locale),
      total,
      v ? [v.total.revenueLow, v.total.revenueHigh, v.total.discountedLow, v.total.discountedHigh] : [],
    ),
  ];
}

/** 10% in English, 10 % in French. */
function percentText(p: number, locale: Locale): string {
  const value = Math.round(p * 1000) / 10;
  return locale === "fr" ? `${String(value).replace(".", ",")} %` : `${value}%`;
}

/**
 * A percentile pair: blank or TRUE → 10% and 90%; one percentile p → p and 1 − p; two cells → low and high.
 * With `optional`, blank or FALSE → no range (null).
 */
function readPercentiles(value: unknown, arg: string, optional: boolean): Percentiles | null {
  const cells = toGrid(value ?? null)
    .flat()
    .filter((cell) => !isBlank(cell));
  if (cells.length === 0) return optional ? null : DEFAULT_PERCENTILES;
  const bad = () =>
    valueError("finance.range.badPercentiles", { arg, found: cells.map((cell) => describeCell(cell)).join("; ") });
  if (cells.length === 1 && typeof cells[0] === "boolean") {
    if (cells[0]) return DEFAULT_PERCENTILES;
    if (optional) return null;
    throw bad();
  }
  const numbers = cells.map((cell) => (typeof cell === "boolean" ? NaN : cellToNumber(cell)));
  if (numbers.length > 2 || numbers.some((p) => !(p > 0 && p < 1))) throw bad();
  if (numbers.length === 1) {
    const p = numbers[0];
    if (p === 0.5) throw bad();
    return { low: Math.min(p, 1 - p), high: Math.max(p, 1 - p) };
  }
  if (!(numbers[0] < numbers[1])) throw bad();
  return { low: numbers[0], high: numbers[1] };
}

/** The models and customers of a value function, as the range engine takes them. */
function rangeInputs(inputs: ValueInputs): { model: ValueModel; customers: ValueCustomers } {
  const covariates = inputs.fit.covariates;
  return {
    model: {
      model: inputs.fit.model as PurchaseModelName,
      params: inputs.fit.params,
      standardErrors: inputs.fit.standardErrors,
      gg: inputs.ggFit ? { params: inputs.ggFit.params, standardErrors: inputs.ggFit.standardErrors } : null,
      ...(covariates ? { covariates } : {}),
    },
    customers: {
      frequency: inputs.x,
      recency: inputs.tx,
      age: inputs.ages,
      monetary: inputs.monetary,
      spendPerPurchase: inputs.spendPerPurchase,
      // With covariates, the draws include their coefficients and each customer is valued with their own row.
      ...(covariates
        ? {
            covariates: {
              group: inputs.groups,
              rows: Array.from({ length: inputs.source.groupCount() }, (_, g) => inputs.source.valuesOf(g)),
            },
          }
        : {}),
    },
  };
}

/** The arguments CUST.PCLVRANGE shares with CUST.PCLV, in order (to read the addresses Excel gives for them). */
const VALUE_PARAMETERS = [
  "purchase_params",
  "spend",
  "frequency",
  "recency",
  "T",
  "time_unit",
  "monetary",
  "months",
  "discount_rate",
  "margin",
] as const;

const FORECAST_PARAMETERS = [
  ...VALUE_PARAMETERS,
  "new_customers",
  "cac",
  "range",
  "purchase_covariates",
  "dropout_covariates",
] as const;

const PCLVRANGE_PARAMETERS = [
  ...VALUE_PARAMETERS,
  "percentiles",
  "total",
  "groups",
  "purchase_covariates",
  "dropout_covariates",
] as const;

/**
 * Monthly forecast of the current customer base, from the same inputs as CUST.PCLV: expected purchases, revenue, margin and discounted margin per month and a total row (its discounted margin is Σ PCLV). Optional future cohorts with their CAC end in an NPV.
 * @customfunction FORECAST
 * @helpurl https://localhost:3000/functions.html#FORECAST
 * @requiresParameterAddresses
 * @param purchase_params The table spilled by CUST.FIT for a purchase model (bgnbd, mbgnbd or pnbd).
 * @param spend A CUST.FIT "gg" table (then give monetary), or each customer's expected spend per purchase (a column, or one number for all).
 * @param frequency Repeat purchases of each customer (x), in the data the purchase model was fitted on.
 * @param recency Time from each customer's first to last purchase (t_x), in time_unit.
 * @param T Time from each customer's first purchase to the end of the data (customer age), in time_unit.
 * @param time_unit The unit of recency and T: "days", "weeks" or "months" (a month is 365.25/12 days).
 * @param [monetary] Average spend of each customer's repeat purchases; needed (only) when spend is a Gamma-Gamma table.
 * @param [months] Horizon in months, one row each (at most 600, and at most 3,000,000 ÷ the different histories (frequency, T): 5,000 continuous-time customers get 600). Default 12.
 * @param [discount_rate] ANNUAL discount rate (10% or 0.1), as in CUST.PCLV: month m is divided by (1 + rate)^(m/12). Default 0.
 * @param [margin] Gross margin on spend (30% or 0.3). Default 100%.
 * @param [new_customers] Customers acquired each future month: one number for every month, or a column (one row per month). They buy as the model's new customers, from their first purchase in that month.
 * @param [cac] Acquisition cost per new customer: one number, or a column by month. Default 0. The last cell of the total row is then the NPV: discounted margin minus acquisition costs.
 * @param [range] TRUE adds low and high columns for revenue and discounted margin (10th and 90th percentiles over 200 draws of the parameters); or a percentile (5%), or two. Draws on at most 5,000 customers: 200 × their different histories × months ≤ 2,000,000.
 * @param [purchase_covariates] For a table fitted with purchase covariates: the customers' values in the CUST.FIT columns (with header, or in that order), one row per customer or one for all. New customers take their mix.
 * @param [dropout_covariates] For a table fitted with drop-out covariates: the customers' values, same layout.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns A table with a header row, one row per month and a total row.
 */
export function forecast(
  purchase_params: unknown[][],
  spend: unknown[][],
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  time_unit: unknown,
  monetary?: unknown[][],
  months?: unknown,
  discount_rate?: unknown,
  margin?: unknown,
  // Matrix parameters: their help offers a column by month, and a range given to a scalar parameter would be lifted
  // (one call per cell) by Excel instead of reaching the function.
  new_customers?: unknown[][],
  cac?: unknown[][],
  // A matrix too: its help offers two cells (low, high), which Excel would otherwise lift into two calls.
  range?: unknown[][],
  purchase_covariates?: unknown[][],
  dropout_covariates?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, FORECAST_PARAMETERS);
  return runFunction(() => {
    const functionName = t("finance.forecast.functionName", {}, currentLocale());
    const inputs = readBase(
      {
        purchase_params,
        spend,
        frequency,
        recency,
        T,
        time_unit,
        monetary,
        months,
        discount_rate,
        margin,
        purchase_covariates,
        dropout_covariates,
      },
      functionName,
      MAX_SCHEDULE_MONTHS,
    );
    const { options } = inputs;
    const percentiles = readPercentiles(range, "range", true);
    // The range's draws are bounded too: refused before the schedule is computed.
    if (percentiles) checkScheduleRanges(rangeInputs(inputs).customers, options.months);
    const base = groupSchedule(inputs);
    const newCohorts = readCohorts(inputs, new_customers, cac);
    // New customers: the current customers' mix of covariates (one model without covariates).
    const newcomer = mixturePredictor(inputs.source, inputs.groups);
    const cohorts = newCohorts ? cohortSchedule(newcomer, newCohorts, options.months, options.periodsPerMonth) : null;
    const { rows, total } = financialSchedule(base, cohorts, options);
    let ranges: { values: ScheduleRanges; percentiles: Percentiles } | null = null;
    if (percentiles) {
      const { model, customers } = rangeInputs(inputs);
      // The draws scale the base's own schedule, computed above.
      ranges = {
        values: scheduleRanges(model, customers, options, newCohorts, percentiles, undefined, base),
        percentiles,
      };
    }
    return scheduleTable(rows, total, cohorts !== null, ranges, currentLocale());
  }, addresses);
}

/**
 * Low / likely / high predictive CLV, from the uncertainty of the fitted parameters: per customer, or for the whole base (customer equity). Likely is CUST.PCLV; low and high are percentiles over 200 draws of the parameters.
 * @customfunction PCLVRANGE
 * @helpurl https://localhost:3000/functions.html#PCLVRANGE
 * @requiresParameterAddresses
 * @param purchase_params The table spilled by CUST.FIT for a purchase model (bgnbd, mbgnbd or pnbd), fitted on these customers or on a base that includes them.
 * @param spend A CUST.FIT "gg" table (then give monetary), or each customer's expected spend per purchase (a column, or one number for all).
 * @param frequency Repeat purchases of each customer (x).
 * @param recency Time from each customer's first to last purchase (t_x), in time_unit.
 * @param T Time from each customer's first purchase to the end of the data (customer age), in time_unit.
 * @param time_unit The unit of recency and T: "days", "weeks" or "months" (a month is 365.25/12 days).
 * @param [monetary] Average spend of each customer's repeat purchases; needed (only) when spend is a Gamma-Gamma table.
 * @param [months] Horizon in months. Default 12. Per customer up to 1,000,000; with total TRUE at most 600, and 200 draws × the different histories of a sample of at most 5,000 customers × months at most 2,000,000.
 * @param [discount_rate] ANNUAL discount rate (10% or 0.1), as in CUST.PCLV. Default 0.
 * @param [margin] Gross margin on spend (30% or 0.3). Default 100%.
 * @param [percentiles] The low and high percentiles: blank for 10% and 90%, one percentile such as 5% (5% and 95%), or two cells (low, high).
 * @param [total] TRUE: one range for the whole base (Σ PCLV, customer equity), with a header row. Default FALSE: one row per customer (at most 100,000): low, likely, high.
 * @param [groups] With total TRUE: each customer's group (a channel, a country…; at most 100 different values), one row per customer: one range per group, all on the same draws of the parameters, as the pane's Channels sheet shows them.
 * @param [purchase_covariates] For a table fitted with purchase covariates: the customers' values in the CUST.FIT columns (with header, or in that order), one row per customer or one for all. The draws then include the coefficients, with their standard errors.
 * @param [dropout_covariates] For a table fitted with drop-out covariates: the customers' values, same layout.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns Per customer, three columns low | likely | high; with total, a header row and the base's low | likely | high; with groups, a header row and one row per group (in order of first appearance): group | low | likely | high.
 */
export function pclvrange(
  purchase_params: unknown[][],
  spend: unknown[][],
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  time_unit: unknown,
  monetary?: unknown[][],
  months?: unknown,
  discount_rate?: unknown,
  margin?: unknown,
  // A matrix: its help offers two cells (low, high), which Excel would otherwise lift into two calls.
  percentiles?: unknown[][],
  total?: unknown,
  groups?: unknown[][],
  purchase_covariates?: unknown[][],
  dropout_covariates?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, PCLVRANGE_PARAMETERS);
  return runFunction(() => {
    const args = {
      purchase_params,
      spend,
      frequency,
      recency,
      T,
      time_unit,
      monetary,
      months,
      discount_rate,
      margin,
      purchase_covariates,
      dropout_covariates,
    };
    const pair = readPercentiles(percentiles, "percentiles", false)!;
    const wholeBase = readFlag(total, "total");
    const locale = currentLocale();
    if (given(groups) && !wholeBase) throw valueError("finance.range.groupsNeedTotal");
    if (wholeBase && given(groups)) {
      const inputs = readBase(args, "CUST.PCLVRANGE", MAX_SCHEDULE_MONTHS);
      return groupRangeTable(inputs, groups!, pair, locale);
    }
    if (wholeBase) {
      const inputs = readBase(args, "CUST.PCLVRANGE", MAX_SCHEDULE_MONTHS);
      const { model, customers } = rangeInputs(inputs);
      const likely = valueColumn(inputs).reduce((sum: number, value) => {
        // The engine numbers rows among the customers it was given: the message names the range's row.
        if (typeof value !== "number") throw inRangeRows(value, inputs.valid);
        return sum + value;
      }, 0);
      const range = scheduleRanges(model, customers, inputs.options, null, pair);
      return [
        [
          t("finance.range.low", { p: percentText(pair.low, locale) }, locale),
          t("finance.range.likely", {}, locale),
          t("finance.range.high", { p: percentText(pair.high, locale) }, locale),
        ],
        [range.total.discountedLow, likely, range.total.discountedHigh],
      ];
    }
    const inputs = readValueInputs(args, "CUST.PCLVRANGE");
    const out: unknown[][] = [];
    for (let r = 0; r < inputs.rows; r++) out.push([BLANK, BLANK, BLANK]);
    for (const [r, error] of inputs.rowErrors) out[r].fill(toExcelError(namingCell(error, addresses), locale));
    if (inputs.valid.length === 0) return out;
    const { model, customers } = rangeInputs(inputs);
    const likely = valueColumn(inputs);
    const failed = likely.find((value) => typeof value !== "number");
    if (failed) throw inRangeRows(failed, inputs.valid);
    const { low, high } = customerValueRanges(model, customers, inputs.options, pair);
    inputs.valid.forEach((r, k) => {
      out[r] = [low[k], likely[k], high[k]];
    });
    return out;
  }, addresses);
}

/** CUST.PCLVRANGE with groups: one row per group, its customers' Σ PCLV and its range on the shared draws. */
function groupRangeTable(inputs: ValueInputs, groups: unknown[][], pair: Percentiles, locale: Locale): unknown[][] {
  const grid = toGrid(groups);
  let rows = grid.length;
  while (rows > inputs.rows && grid[rows - 1].every(isBlank)) rows--;
  if (rows !== inputs.rows || grid.some((row) => row.length !== 1)) {
    throw valueError("finance.range.groupsRows", { found: rows, expected: inputs.rows });
  }
  const labels: unknown[] = [];
  const index = new Map<string, number>();
  const groupOf = new Int32Array(inputs.rows);
  for (let r = 0; r < inputs.rows; r++) {
    const cell = grid[r][0];
    if (isErrorCell(cell)) throw errorCellError("groups", cell, r + 1);
    const key = groupKey(isBlank(cell) ? null : (cell as CellValue));
    let g = index.get(key);
    if (g === undefined) {
      g = labels.length;
      if (g >= MAX_GROUPS) throw valueError("finance.range.tooManyGroups", { max: MAX_GROUPS });
      index.set(key, g);
      labels.push(typeof cell === "string" ? cell.trim() : isBlank(cell) ? "" : cell);
    }
    groupOf[r] = g;
  }
  const likely = new Float64Array(labels.length);
  const values = valueColumn(inputs);
  values.forEach((value, k) => {
    if (typeof value !== "number") throw inRangeRows(value, inputs.valid);
    likely[groupOf[inputs.valid[k]]] += value;
  });
  const { model, customers } = rangeInputs(inputs);
  const ranges = groupClvRanges(model, customers, groupOf, labels.length, inputs.options, pair);
  const header = [
    t("finance.range.group", {}, locale),
    t("finance.range.low", { p: percentText(pair.low, locale) }, locale),
    t("finance.range.likely", {}, locale),
    t("finance.range.high", { p: percentText(pair.high, locale) }, locale),
  ];
  return [
    header,
    ...labels.map((label, g) => {
      const range = ranges.groups[g];
      if (!hasRange(range)) throw naError(range.issue.key, range.issue.params);
      return [label, range.low, likely[g], range.high];
    }),
  ];
}

function readFlag(value: unknown, arg: string): boolean {
  const cell = toGrid(value ?? null)[0]?.[0];
  if (isBlank(cell)) return false;
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell !== 0;
  const text = String(cell).trim().toLowerCase();
  if (["true", "vrai"].includes(text)) return true;
  if (["false", "faux"].includes(text)) return false;
  throw valueError("args.notChoice", { arg, choices: "TRUE, FALSE", found: describeCell(cell) });
}
