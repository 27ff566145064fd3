/**
 * The Forecast and Cohorts sheets a CLV-tier segmentation of a transaction log may add, built from the same engine
 * as CUST.FORECAST (src/engine/forecast) and CUST.COHORT (src/engine/cohorts), so each sheet shows the numbers the
 * formula gives on the same inputs:
 *   Forecast: the current base's expected purchases, revenue, margin and discounted margin month by month over the
 *     horizon, the low / high revenue of scheduleRanges (fixed seed), a total row whose discounted margin is Σ CLV,
 *     and the assumptions they rest on.
 *   Cohorts: the acquisition-cohort triangle (active customers, retention, revenue, cumulative revenue per acquired
 *     customer), the retention block shaded by a colour scale.
 */
import type { CellBlockFormat, CellValue, ColourScale, OwnSheet, SheetChart } from "../sheet-data";
import { formatNumber, Locale, MessageKey, MessageParams, t } from "../../i18n";
import {
  CohortMeasure,
  CohortPeriod,
  CohortTriangle,
  cohortLabel,
  cohortMeasure,
  periodParts,
} from "../cohorts/cohort";
import { InputError } from "../errors";
import { baseSchedule, financialSchedule, ScheduleRow } from "../forecast/schedule";
import {
  DEFAULT_PERCENTILES,
  RANGE_DRAWS,
  RANGE_SEED,
  scheduleRanges,
  ScheduleRanges,
  ValueCustomers,
  ValueModel,
} from "../forecast/ranges";
import type { ClvOptions } from "../models/clv";
import { modelDefinition } from "../models/registry";
import type { SegmentationContext } from "./types";

const MONEY = "#,##0.00";
const SHARE = "0.0%";
const COUNT = "#,##0";
const PURCHASES = "#,##0.0";
const DATE = "yyyy-mm-dd";
/** A month, in days (the project's convention: 365.25 / 12). */
const MONTH_DAYS = 365.25 / 12;

/** The heat map of the retention block: Excel's red – yellow – green scale, low retention red. */
export const RETENTION_SCALE = { minimum: "#F8696B", midpoint: "#FFEB84", maximum: "#63BE7B" } as const;

/** A sheet laid out in blocks: rows, block formats, and helpers to add labelled lines. */
function blockSheet(locale: Locale) {
  const rows: CellValue[][] = [];
  const formats: CellBlockFormat[] = [];
  const L = (key: MessageKey, params: MessageParams = {}) => t(key, params, locale);
  return {
    rows,
    formats,
    L,
    bold(row: number, columnCount = 1) {
      formats.push({ row, col: 0, columnCount, bold: true });
    },
    /** A label in column A, then values each with its format. */
    line(label: string, ...values: { value: CellValue; format?: string }[]) {
      const row = rows.length;
      rows.push([label, ...values.map((item) => item.value)]);
      values.forEach((item, i) => {
        if (item.format) formats.push({ row, col: i + 1, numberFormat: item.format });
      });
    },
  };
}

const text = (value: string) => ({ value });

/** The width of `chars` characters of Excel's default font, in points: chars·7 + 5 pixels, ¾ of a point each. */
const points = (chars: number) => (chars * 7 + 5) * 0.75;

/** Excel writes a rectangle: every row as wide as the widest, blank cells "". */
function rectangular(rows: CellValue[][]): CellValue[][] {
  const width = Math.max(...rows.map((row) => row.length));
  return rows.map((row) => (row.length < width ? [...row, ...Array<CellValue>(width - row.length).fill("")] : row));
}
const percentText = (p: number, locale: Locale) => `${formatNumber(p * 100, locale, 1)} %`;
const cell = (value: number): CellValue => (Number.isFinite(value) ? value : "");

/** What the Forecast sheet is computed from: the fitted models, the customers, the CLV settings. */
export interface ForecastInputs {
  model: ValueModel;
  customers: ValueCustomers;
  options: ClvOptions;
  /** The as-of date (Excel serial): month 1 starts the day after. */
  asOf: number;
  /** The models and how their fits ended, as the Segments sheet states them. */
  models: NonNullable<SegmentationContext["models"]>;
}

/** The schedule the Forecast sheet shows, computed once (exported for the tests). */
export function forecastNumbers(inputs: ForecastInputs): {
  rows: ScheduleRow[];
  total: ScheduleRow;
  ranges: ScheduleRanges | InputError;
} {
  const { model, customers, options } = inputs;
  const predictor = modelDefinition(model.model)!.purchasePredictor!(model.params);
  const base = baseSchedule(
    predictor,
    customers.frequency,
    customers.recency,
    customers.age,
    customers.spendPerPurchase,
    options.months,
    options.periodsPerMonth,
  );
  const { rows, total } = financialSchedule(base, null, options);
  let ranges: ScheduleRanges | InputError;
  try {
    ranges = scheduleRanges(model, customers, options, null, DEFAULT_PERCENTILES);
  } catch (error) {
    // No range where the fit's uncertainty cannot be computed: the sheet says why and keeps the likely numbers.
    if (!(error instanceof InputError)) throw error;
    ranges = error;
  }
  return { rows, total, ranges };
}

/**
 * The Forecast sheet: title, assumptions (models and their status, customers, horizon, margin, annual discount
 * rate, percentiles, as-of date), then the monthly schedule with its total row, and a chart of revenue by month.
 */
export function forecastSheet(inputs: ForecastInputs, locale: Locale): OwnSheet {
  const { rows: schedule, total, ranges } = forecastNumbers(inputs);
  const { options } = inputs;
  const sheet = blockSheet(locale);
  const { rows, formats, L, line, bold } = sheet;
  const low = percentText(DEFAULT_PERCENTILES.low, locale);
  const high = percentText(DEFAULT_PERCENTILES.high, locale);

  rows.push([L("financesheet.forecast.title")]);
  bold(0);
  rows.push([]);
  rows.push([L("financesheet.forecast.assumptions")]);
  bold(rows.length - 1);
  for (const fitted of inputs.models) {
    const status = fitted.status === "not converged" ? "notConverged" : fitted.status;
    line(
      L(fitted.role === "purchases" ? "segmentsheet.purchaseModel" : "segmentsheet.spendModel"),
      text(fitted.model),
      text(L(`segmentsheet.status.${status}`)),
    );
  }
  line(L("financesheet.forecast.customers"), { value: inputs.customers.frequency.length, format: COUNT });
  line(L("segmentsheet.asOf"), { value: inputs.asOf, format: DATE });
  line(L("financesheet.forecast.months"), text(L("financesheet.forecast.monthsValue")));
  line(L("segmentsheet.horizon"), { value: options.months, format: "0" }, text(L("segmentsheet.months")));
  line(L("segmentsheet.margin"), { value: options.margin, format: SHARE });
  line(
    L("segmentsheet.discount"),
    { value: options.annualDiscountRate, format: SHARE },
    text(L("segmentsheet.discountNote")),
  );
  line(
    L("financesheet.forecast.range"),
    { value: DEFAULT_PERCENTILES.low, format: SHARE },
    { value: DEFAULT_PERCENTILES.high, format: SHARE },
    text(
      ranges instanceof InputError
        ? t(ranges.key, ranges.params, locale)
        : L("financesheet.forecast.rangeValue", { low, high, draws: RANGE_DRAWS, seed: String(RANGE_SEED) }),
    ),
  );
  line(L("financesheet.forecast.equity"), text(L("financesheet.forecast.equityValue")));
  line(L("financesheet.forecast.formula"), text(L("financesheet.forecast.formulaValue")));
  rows.push([]);

  const header = rows.length;
  rows.push([
    L("financesheet.forecast.col.month"),
    L("financesheet.forecast.col.from"),
    L("financesheet.forecast.col.purchases"),
    L("financesheet.forecast.col.revenue"),
    L("financesheet.forecast.col.margin"),
    L("financesheet.forecast.col.discounted"),
    L("financesheet.forecast.col.revenueLow", { p: low }),
    L("financesheet.forecast.col.revenueHigh", { p: high }),
  ]);
  bold(header, 8);
  const range = ranges instanceof InputError ? null : ranges;
  schedule.forEach((row, m) => {
    rows.push([
      row.month,
      Math.floor(inputs.asOf + 1 + m * MONTH_DAYS),
      cell(row.purchases),
      cell(row.revenue),
      cell(row.margin),
      cell(row.discounted),
      range ? cell(range.revenueLow[m]) : "",
      range ? cell(range.revenueHigh[m]) : "",
    ]);
  });
  const totalRow = rows.length;
  rows.push([
    L("financesheet.forecast.total"),
    "",
    cell(total.purchases),
    cell(total.revenue),
    cell(total.margin),
    cell(total.discounted),
    range ? cell(range.total.revenueLow) : "",
    range ? cell(range.total.revenueHigh) : "",
  ]);
  bold(totalRow, 8);
  const months = schedule.length;
  formats.push(
    { row: header + 1, col: 0, rowCount: months, numberFormat: "0" },
    { row: header + 1, col: 1, rowCount: months, numberFormat: DATE },
    { row: header + 1, col: 2, rowCount: months + 1, numberFormat: PURCHASES },
    { row: header + 1, col: 3, rowCount: months + 1, columnCount: 5, numberFormat: MONEY },
  );
  // Revenue by month as a line, with its low and high lines when the range could be computed.
  const charts: SheetChart[] = [
    {
      title: L("financesheet.forecast.chart"),
      type: "line",
      values: { row: header, col: 3, count: months },
      ...(range
        ? {
            moreValues: [
              { row: header, col: 6, count: months },
              { row: header, col: 7, count: months },
            ],
          }
        : {}),
      categories: { row: header + 1, col: 0, count: months },
      anchor: { row: header, col: 9 },
      extent: { rows: 18, columns: 8 },
      categoryAxisTitle: L("financesheet.forecast.col.month"),
      valueAxisTitle: L("financesheet.forecast.col.revenue"),
    },
  ];
  // Column A holds the assumptions' labels; the notes after their values overflow into the empty cells beyond.
  const columnWidths = [48, 12, 18, 14, 14, 18, 20, 20].map(points);
  return { name: L("financesheet.forecast.name"), rows: rectangular(rows), formats, charts, columnWidths };
}

/**
 * A cohort's label cell, one Excel keeps as written: a month is its first day shown "yyyy-mm" (the text "2024-03"
 * would be read as a date anyway), a quarter the text "2024-Q1" ("2024-T1" in French), a year the number.
 */
function cohortCell(period: CohortPeriod, index: number, locale: Locale): CellValue {
  if (period === "quarter") return cohortLabel(period, index, locale);
  const { year, part } = periodParts(period, index);
  if (period === "year") return year;
  return Date.UTC(year, part - 1, 1) / 86_400_000 + 25_569;
}

const LABEL_FORMATS: Readonly<Record<CohortPeriod, string>> = { month: "yyyy-mm", quarter: "@", year: "0" };

/** The blocks of the Cohorts sheet, in order, with their number formats. */
const COHORT_BLOCKS: readonly { measure: CohortMeasure; key: MessageKey; format: string }[] = [
  { measure: "active", key: "financesheet.cohorts.active", format: COUNT },
  { measure: "retention", key: "financesheet.cohorts.retention", format: SHARE },
  { measure: "revenue", key: "financesheet.cohorts.revenue", format: MONEY },
  { measure: "cumulative", key: "financesheet.cohorts.cumulative", format: MONEY },
];

/**
 * The Cohorts sheet: title and assumptions, then one block per measure (active customers, retention, revenue,
 * cumulative revenue per acquired customer), each a header row (cohort, customers acquired, periods observed, then
 * periods since acquisition 0, 1, 2…) and one row per cohort, as CUST.COHORT spills them; the retention block after
 * period 0 (always 100 %) is a heat map.
 */
export function cohortSheet(triangle: CohortTriangle, locale: Locale): OwnSheet {
  const sheet = blockSheet(locale);
  const { rows, formats, L, line, bold } = sheet;
  const period: CohortPeriod = triangle.period;
  const cohorts = triangle.size.length;
  const width = triangle.width;
  let customers = 0;
  for (const size of triangle.size) customers += size;

  rows.push([L("financesheet.cohorts.title")]);
  bold(0);
  rows.push([]);
  rows.push([L("financesheet.cohorts.assumptions")]);
  bold(rows.length - 1);
  line(L("financesheet.cohorts.period"), text(L(`financesheet.cohorts.period.${period}`)));
  line(L("financesheet.cohorts.definition"), text(L("financesheet.cohorts.definitionValue")));
  line(L("segmentsheet.customers"), { value: customers, format: COUNT });
  line(L("segmentsheet.asOf"), { value: triangle.asOf, format: DATE });
  line(L("financesheet.cohorts.lastPeriod"), text(L("financesheet.cohorts.lastPeriodValue")));
  line(
    L("financesheet.cohorts.formula"),
    text(L("financesheet.cohorts.formulaValue", { period: L(`financesheet.cohorts.period.${period}`) })),
  );

  const colourScales: ColourScale[] = [];
  const labels = Array.from(triangle.cohortPeriod, (index) => cohortCell(period, index, locale));
  for (const block of COHORT_BLOCKS) {
    rows.push([]);
    rows.push([L(block.key)]);
    bold(rows.length - 1);
    const header = rows.length;
    const headerRow: CellValue[] = [
      L("financesheet.cohorts.col.cohort"),
      L("financesheet.cohorts.col.customers"),
      L("financesheet.cohorts.col.observed"),
    ];
    for (let k = 0; k < width; k++) headerRow.push(k);
    rows.push(headerRow);
    bold(header, 3 + width);
    const values = cohortMeasure(triangle, block.measure);
    for (let s = 0; s < cohorts; s++) {
      const row: CellValue[] = [labels[s], triangle.size[s], triangle.observed[s]];
      for (let k = 0; k < width; k++) row.push(cell(values[s * width + k]));
      rows.push(row);
    }
    if (cohorts === 0) continue;
    formats.push(
      { row: header + 1, col: 0, rowCount: cohorts, numberFormat: LABEL_FORMATS[period] },
      { row: header + 1, col: 1, rowCount: cohorts, columnCount: 2, numberFormat: COUNT },
      { row: header + 1, col: 3, rowCount: cohorts, columnCount: width, numberFormat: block.format },
    );
    if (block.measure === "retention" && width > 1) {
      colourScales.push({ row: header + 1, col: 4, rowCount: cohorts, columnCount: width - 1, ...RETENTION_SCALE });
    }
  }
  // Column A holds the labels and the cohorts; the periods are narrow columns of numbers.
  const columnWidths = [48, 18, 16, ...Array<number>(width).fill(10)].map(points);
  return { name: L("financesheet.cohorts.name"), rows: rectangular(rows), formats, colourScales, columnWidths };
}
