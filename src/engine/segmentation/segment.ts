/**
 * segmentTable: the compute path behind Preview and Apply. It checks the table (validate.ts), reduces it to one
 * entry per customer (a customer table already is; a transaction log goes through the engine's per-customer
 * summary), assigns each customer one segment (RFM map, CLV tiers or quantile tiers), and returns the preview,
 * the thresholds and our columns with one value per table row, in table order.
 * Every assignment is a function of the values, never of row order, so a colleague's refresh is identical.
 */
import type { CellValue } from "../sheet-data";
import { formatNumber, Locale, MessageKey, MessageParams, t } from "../../i18n";
import { InputError, valueError } from "../errors";
import { PERIODS_PER_MONTH, predictiveClvColumn } from "../models/clv";
import { expectedAverageSpend, GammaGammaParameters } from "../models/gamma-gamma";
import { fitModel, modelDefinition } from "../models/registry";
import { modelReport } from "../models/report";
import { choosePurchaseModel, PurchaseModelChoice, TransactionLog } from "../models/selection";
import type { PurchaseModelName, PurchasePredictor } from "../models/types";
import { purchaseChoiceWarnings } from "./model-choice";
import { customerTableSummary } from "./customer-histories";
import { scoreRfm } from "../rfm/rfm";
import { ColumnScores, percentileInc, scoreColumn } from "../rfm/scores";
import { SEGMENT_SCORE_MAX, SEGMENTS, segmentOf } from "../rfm/segments";
import type { CustomerSummary } from "../transactions/summary";
import { sharedSummary, withSummaryCache } from "../transactions/summary-cache";
import { cellNumber, customerKey } from "./cells";
import { KeyIndex } from "./key-index";
import { tierColour } from "./palette";
import { invalidMethodField } from "./recipe";
import { CHURN_BANDS, churnBand } from "./churn";
import { customerSummarySheet, maxCacOf, winBackSheet } from "./summary-sheet";
import type {
  ColumnMapping,
  DataShape,
  SegmentationContext,
  SegmentationMethod,
  SegmentationResult,
  SegmentPreview,
  TableIssue,
} from "./types";
import { validateTable } from "./validate";
import { cohortSheet, ForecastInputs, forecastSheet } from "./finance-sheets";
import { cohortTriangle } from "../cohorts/cohort";
import { firstPurchaseGroups, groupBases, groupKey } from "../channels/value-by-group";
import { groupClvRanges, groupIndexOf } from "../channels/group-ranges";

export interface SegmentOptions {
  /** Transactions: the "as of" date (Excel serial). Default: the last purchase date in the log. */
  asOf?: number;
  /** Top-left cell of the table (e.g. "Sheet1!B3") so data-quality messages name A1 cells. */
  origin?: string;
}

interface SegmentDefinition {
  segmentId: string;
  labelKey: MessageKey;
  labelParams?: MessageParams;
  colour: string;
}

/** One segment per customer, plus what the columns and the preview show about each customer. */
interface Assignment {
  segments: SegmentDefinition[];
  /** Header of the segment column: "Segment" for the RFM map, "Tier" for tiers. */
  segmentHeaderKey: MessageKey;
  /** Per customer: index into segments. */
  segmentOf: Uint8Array;
  /** Per customer: the value measure the preview sums (revenue, CLV or the tiered column). */
  value: Float64Array;
  valueKey: MessageKey;
  valueParams?: MessageParams;
  /** Per customer revenue, when the table gives it. */
  revenue?: Float64Array;
  clv?: Float64Array;
  /** Extra per-customer numeric columns, after the segment column. */
  /** With `text`, the column holds that text per customer instead of the numbers. */
  columns: { headerKey: MessageKey; values: ArrayLike<number>; numberFormat: string; text?: string[] }[];
  thresholds: { label: string; breaks: number[] }[];
  /** CLV tiers with action columns or a Win-back sheet: each customer's reason in words. */
  reasons?: string[];
  /** The models fitted, for the Segments sheet's assumptions. */
  models?: NonNullable<SegmentationContext["models"]>;
  purchaseChoice?: SegmentationContext["purchaseChoice"];
  comparison?: SegmentationContext["comparison"];
  /** CLV tiers: the models, customers and settings the CLV came from, for the Forecast sheet and the CLV ranges. */
  forecast?: Omit<ForecastInputs, "models">;
  /** CLV tiers: the purchase model chosen and fitted, for the model report. */
  modelChoice?: PurchaseModelChoice;
}

/** Per table row: the customer's index, or −1 when the row has no customer in the summary. */
type RowCustomers = Int32Array | null;

/** The catalogue's singular of each time unit, for "every week" and "silent for 1 week". */
const SINGULAR_UNIT = { days: "day", weeks: "week", months: "month" } as const;

const columnOf = (rows: CellValue[][], column: number): Float64Array => {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = cellNumber(rows[i][column]);
  return out;
};

export function segmentTable(
  headers: string[],
  rows: CellValue[][],
  mapping: ColumnMapping,
  shape: DataShape,
  method: SegmentationMethod,
  locale: Locale,
  options: SegmentOptions = {},
): SegmentationResult {
  const badField = invalidMethodField(method);
  if (badField !== null) throw valueError("segmentation.issue.badMethod", { detail: badField });
  const issues = validateTable(headers, rows, mapping, shape, {
    method,
    locale,
    origin: options.origin,
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
  });
  const firstError = issues.find((issue) => issue.severity === "error");
  if (firstError) throw valueError(firstError.key, { ...firstError.params });
  const warnings = [...issues];
  if (method.kind === "clvTiers" && method.compareBy !== undefined && !headers.includes(method.compareBy)) {
    throw valueError("channels.issue.noColumn", { column: method.compareBy });
  }

  if (shape === "customers") {
    const column = (header: string | undefined) => columnOf(rows, headers.indexOf(header as string));
    let assignment: Assignment;
    if (method.kind === "rfm") {
      const frequency = column(mapping.frequency);
      const monetary = column(mapping.monetary);
      const sales = revenue(frequency, monetary);
      assignment = rfmAssignment(column(mapping.recency), frequency, monetary, method.bins, locale, warnings, {
        recency: mapping.recency as string,
        frequency: mapping.frequency as string,
        monetary: mapping.monetary as string,
      });
      assignment.revenue = sales;
      assignment.value = mapping.value === undefined ? sales : column(mapping.value);
      if (mapping.value !== undefined) {
        assignment.valueKey = "segmentation.value.column";
        assignment.valueParams = { column: mapping.value };
      }
    } else if (method.kind === "quantileTiers") {
      assignment = quantileAssignment(column(method.column), method.column, method.tiers, locale, warnings);
    } else {
      return segmentCustomerHistories(headers, rows, mapping, method, locale, options, warnings);
    }
    const result = buildResult(assignment, null, rows.length, locale, warnings);
    result.context = { customers: rows.length, rows: rows.length };
    return result;
  }
  // One summary per distinct window of the log for the whole call (tiers, best on holdout, model report).
  return withSummaryCache(() => segmentTransactions(headers, rows, mapping, method, locale, options, warnings));
}

/**
 * CLV tiers on a customer table with first and last purchase dates and order counts (customer-histories.ts): the
 * same models and columns as from a transaction log, without a holdout ("best" falls back to MBG/NBD and says so).
 */
function segmentCustomerHistories(
  headers: string[],
  rows: CellValue[][],
  mapping: ColumnMapping,
  method: Extract<SegmentationMethod, { kind: "clvTiers" }>,
  locale: Locale,
  options: SegmentOptions,
  warnings: TableIssue[],
): SegmentationResult {
  const summary = customerTableSummary(headers, rows, mapping, method, options.asOf);
  const assignment = clvAssignment(summary, method, locale, warnings, null);
  assignment.revenue = summary.totalAmount;
  const result = buildResult(assignment, null, rows.length, locale, warnings);
  result.asOf = summary.asOf;
  // The Forecast sheet needs only the histories; the Cohorts sheet needs the log itself.
  if (method.forecast && assignment.forecast && assignment.models) {
    result.forecastSheet = forecastSheet({ ...assignment.forecast, models: assignment.models }, locale);
  }
  if (method.winBack && assignment.clv && assignment.reasons) {
    result.winBackSheet = winBackSheet(
      {
        summary,
        revenue: summary.totalAmount,
        clv: assignment.clv,
        alive: assignment.columns[1].values,
        reasons: assignment.reasons,
      },
      CHURN_BANDS.high,
      locale,
    );
  }
  let firstPurchase = Infinity;
  let lastPurchase = -Infinity;
  for (let c = 0; c < summary.count; c++) {
    firstPurchase = Math.min(firstPurchase, summary.firstPurchase[c]);
    lastPurchase = Math.max(lastPurchase, summary.lastPurchase[c]);
  }
  result.context = {
    customers: rows.length,
    rows: rows.length,
    ...(summary.count > 0 ? { firstPurchase, lastPurchase } : {}),
    ...(assignment.models ? { models: assignment.models } : {}),
    ...(assignment.purchaseChoice ? { purchaseChoice: assignment.purchaseChoice } : {}),
  };
  return result;
}

/** Frequency × monetary: the customer's revenue when monetary is an average spend per purchase. */
function revenue(frequency: Float64Array, monetary: Float64Array): Float64Array {
  const out = new Float64Array(frequency.length);
  for (let i = 0; i < out.length; i++) out[i] = frequency[i] * monetary[i];
  return out;
}

function fewDistinct(scores: ColumnScores, column: string, warnings: TableIssue[]) {
  if (scores.distinctBins < scores.bins) {
    warnings.push({
      key: "segmentation.issue.fewDistinct",
      params: { column, distinct: scores.distinctBins, bins: scores.bins },
      cells: [],
      severity: "warning",
    });
  }
}

/**
 * The R × F map is defined on scores 1..5. With other bins, a score s of k is placed where its bin's centre falls
 * on the 1..5 scale, ⌈5(s − ½)/k⌉, so quartile 1 stays bottom and quartile 4 stays top.
 */
export function toQuintileScale(score: number, bins: number): number {
  if (bins === SEGMENT_SCORE_MAX) return score;
  return Math.min(SEGMENT_SCORE_MAX, Math.max(1, Math.ceil((SEGMENT_SCORE_MAX * (score - 0.5)) / bins)));
}

function rfmAssignment(
  recency: Float64Array,
  frequency: Float64Array,
  monetary: Float64Array,
  bins: number,
  locale: Locale,
  warnings: TableIssue[],
  names: { recency: string; frequency: string; monetary: string } = {
    recency: t("segmentation.role.recency", {}, locale),
    frequency: t("segmentation.role.frequency", {}, locale),
    monetary: t("segmentation.role.monetary", {}, locale),
  },
): Assignment {
  const scored = scoreRfm(recency, frequency, monetary, { bins });
  fewDistinct(scored.recency, names.recency, warnings);
  fewDistinct(scored.frequency, names.frequency, warnings);
  fewDistinct(scored.monetary, names.monetary, warnings);
  const segments: SegmentDefinition[] = SEGMENTS.map((segment) => ({
    segmentId: segment.id,
    labelKey: segment.labelKey,
    colour: segment.colour,
  }));
  const index = new Map(SEGMENTS.map((segment, i) => [segment.id, i]));
  // 25 (R, F) cells: look each up once.
  const cell = new Uint8Array((SEGMENT_SCORE_MAX + 1) * (SEGMENT_SCORE_MAX + 1));
  for (let r = 1; r <= SEGMENT_SCORE_MAX; r++) {
    for (let f = 1; f <= SEGMENT_SCORE_MAX; f++) {
      cell[r * (SEGMENT_SCORE_MAX + 1) + f] = index.get(segmentOf(r, f)!.id)!;
    }
  }
  const r5 = Uint8Array.from({ length: bins + 1 }, (_, s) => (s === 0 ? 0 : toQuintileScale(s, bins)));
  const n = recency.length;
  const of = new Uint8Array(n);
  const rScores = scored.recency.scores;
  const fScores = scored.frequency.scores;
  for (let i = 0; i < n; i++) of[i] = cell[r5[rScores[i]] * (SEGMENT_SCORE_MAX + 1) + r5[fScores[i]]];
  const codes = new Float64Array(n);
  for (let i = 0; i < n; i++) codes[i] = scored.codes[i];
  return {
    segments,
    segmentHeaderKey: "segmentation.column.segment",
    segmentOf: of,
    value: new Float64Array(n),
    valueKey: "segmentation.value.revenue",
    columns: [
      { headerKey: "segmentation.column.rScore", values: scored.recency.scores, numberFormat: "0" },
      { headerKey: "segmentation.column.fScore", values: scored.frequency.scores, numberFormat: "0" },
      { headerKey: "segmentation.column.mScore", values: scored.monetary.scores, numberFormat: "0" },
      { headerKey: "segmentation.column.rfmCode", values: codes, numberFormat: "0" },
    ],
    thresholds: [
      { label: t("segmentation.threshold.recency", {}, locale), breaks: Array.from(scored.recency.thresholds) },
      { label: t("segmentation.threshold.frequency", {}, locale), breaks: Array.from(scored.frequency.thresholds) },
      { label: t("segmentation.threshold.monetary", {}, locale), breaks: Array.from(scored.monetary.thresholds) },
    ],
  };
}

/** Tiers 1..k by quantile of a column, tier 1 holding the highest values; equal values share a tier. */
function quantileAssignment(
  values: Float64Array,
  column: string,
  tiers: number,
  locale: Locale,
  warnings: TableIssue[],
): Assignment {
  // A value that is not a number has no tier (score 0): validateTable refuses such columns, and this guard keeps
  // a caller that skipped it from indexing past the tiers.
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw valueError("segmentation.issue.notNumericColumn", { column });
  }
  const scored = scoreColumn(values, { bins: tiers });
  fewDistinct(scored, column, warnings);
  const of = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) of[i] = tiers - scored.scores[i];
  return {
    segments: Array.from({ length: tiers }, (_, i) => ({
      segmentId: `tier${i + 1}`,
      labelKey: "segmentation.tier.tier",
      labelParams: { n: i + 1 },
      colour: tierColour(i, tiers),
    })),
    segmentHeaderKey: "segmentation.column.tier",
    segmentOf: of,
    value: values,
    valueKey: "segmentation.value.column",
    valueParams: { column },
    columns: [],
    thresholds: [
      { label: t("segmentation.threshold.column", { column }, locale), breaks: Array.from(scored.thresholds) },
    ],
  };
}

function segmentTransactions(
  headers: string[],
  rows: CellValue[][],
  mapping: ColumnMapping,
  method: SegmentationMethod,
  locale: Locale,
  options: SegmentOptions,
  warnings: TableIssue[],
): SegmentationResult {
  const idColumn = headers.indexOf(mapping.customerId as string);
  const dates = columnOf(rows, headers.indexOf(mapping.date as string));
  const amounts = columnOf(rows, headers.indexOf(mapping.amount as string));
  // Refunds (negative amounts) are not purchases: they leave the log and are netted from the customer's revenue.
  let purchases = 0;
  for (let i = 0; i < rows.length; i++) if (amounts[i] >= 0) purchases++;
  const purchaseRow = new Uint32Array(purchases);
  for (let i = 0, j = 0; i < rows.length; i++) if (amounts[i] >= 0) purchaseRow[j++] = i;
  const ids = new Array<CellValue>(purchases);
  const purchaseDates = new Float64Array(purchases);
  const purchaseAmounts = new Float64Array(purchases);
  for (let j = 0; j < purchases; j++) {
    const i = purchaseRow[j];
    ids[j] = rows[i][idColumn];
    purchaseDates[j] = dates[i];
    purchaseAmounts[j] = amounts[i];
  }
  const timeUnit = method.kind === "clvTiers" ? method.timeUnit : "days";
  const summary = sharedSummary(ids, purchaseDates, purchaseAmounts, { asOf: options.asOf, timeUnit });

  // Purchase rows know their customer from the summary; only refund rows are looked up by id.
  const rowCustomer = new Int32Array(rows.length).fill(-1);
  for (let j = 0; j < purchases; j++) rowCustomer[purchaseRow[j]] = summary.customerOfRow[j];
  const netRevenue = Float64Array.from(summary.totalAmount);
  if (purchases < rows.length) {
    const customerIndex = new KeyIndex(summary.count);
    for (let c = 0; c < summary.count; c++) customerIndex.add(customerKey(summary.ids[c]));
    for (let i = 0; i < rows.length; i++) {
      if (amounts[i] >= 0 || Math.floor(dates[i]) > summary.periodEnd) continue;
      const c = customerIndex.get(customerKey(rows[i][idColumn]));
      rowCustomer[i] = c;
      if (c >= 0) netRevenue[c] += amounts[i];
    }
  }

  let assignment: Assignment;
  if (method.kind === "rfm") {
    const purchaseDays = new Float64Array(summary.count);
    for (let c = 0; c < summary.count; c++) purchaseDays[c] = summary.frequency[c] + 1;
    assignment = rfmAssignment(
      summary.sinceLastPurchase,
      purchaseDays,
      summary.averageBasket,
      method.bins,
      locale,
      warnings,
    );
    assignment.value = netRevenue;
  } else if (method.kind === "quantileTiers") {
    const column = headers.indexOf(method.column);
    const totals = new Float64Array(summary.count);
    for (let i = 0; i < rows.length; i++) {
      const c = rowCustomer[i];
      if (c >= 0) totals[c] += cellNumber(rows[i][column]);
    }
    assignment = quantileAssignment(totals, method.column, method.tiers, locale, warnings);
  } else {
    const log = { ids, dates: purchaseDates, amounts: purchaseAmounts };
    assignment = clvAssignment(summary, method, locale, warnings, log);
  }

  assignment.revenue = netRevenue;
  const labels = assignment.segments.map((segment) => t(segment.labelKey, segment.labelParams, locale));
  const result = buildResult(assignment, rowCustomer, rows.length, locale, warnings);
  result.asOf = summary.asOf;
  // CLV tiers: the purchase model's diagnostics (tracking, holdout, comparison) for the Preview and the Model sheet.
  if (method.kind === "clvTiers" && assignment.modelChoice) {
    try {
      result.modelReport = modelReport(
        { ids, dates: purchaseDates, amounts: purchaseAmounts },
        assignment.modelChoice,
        { asOf: summary.asOf, timeUnit: method.timeUnit },
      );
    } catch (error) {
      // The tiers stand without their diagnostics; the warning says why there are none.
      if (!(error instanceof InputError)) throw error;
      warnings.push({
        key: "modelsheet.noReport",
        params: { reason: t(error.key, error.params, locale) },
        cells: [],
        severity: "warning",
      });
    }
  }
  if (method.kind === "clvTiers" && method.winBack && assignment.clv && assignment.reasons) {
    result.winBackSheet = winBackSheet(
      {
        summary,
        revenue: netRevenue,
        clv: assignment.clv,
        alive: assignment.columns[1].values,
        reasons: assignment.reasons,
      },
      CHURN_BANDS.high,
      locale,
    );
  }
  if (method.kind === "clvTiers" && method.forecast && assignment.forecast && assignment.models) {
    result.forecastSheet = forecastSheet({ ...assignment.forecast, models: assignment.models }, locale);
  }
  if (method.kind === "clvTiers" && method.cohorts) {
    // The whole log, refunds included, as CUST.COHORT reads the table's columns, to the same as-of date.
    const triangle = cohortTriangle(
      rows.map((row) => row[idColumn]),
      dates,
      amounts,
      { period: method.cohorts, asOf: summary.asOf },
    );
    result.cohortSheet = cohortSheet(triangle, locale);
  }
  if (method.kind === "clvTiers" && method.compareBy !== undefined && assignment.clv) {
    // Value by group: each customer in the group of their first purchase, for the Channels sheet.
    const column = headers.indexOf(method.compareBy);
    const group = firstPurchaseGroups(
      (j) => rows[purchaseRow[j]][column] ?? null,
      purchaseDates,
      summary.customerOfRow,
      summary.count,
    );
    const alive = assignment.columns.find((c) => c.headerKey === "segmentation.column.probabilityAlive")!.values;
    const end = summary.periodEnd;
    const groups = groupBases(
      { group, clv: assignment.clv, alive, revenue: netRevenue, acquired: summary.firstPurchase, end },
      method.compareBy,
    );
    let firstDay = Infinity;
    for (let c = 0; c < summary.count; c++) firstDay = Math.min(firstDay, summary.firstPurchase[c]);
    // Each group's CLV range, on the same draws of the fitted parameters for every group (group-ranges.ts).
    const inputs = assignment.forecast;
    const ranges = inputs
      ? groupClvRanges(
          inputs.model,
          inputs.customers,
          groupIndexOf(
            group,
            groups.map((g) => g.label),
            groupKey,
          ),
          groups.length,
          inputs.options,
        )
      : undefined;
    result.channels = {
      column: method.compareBy,
      groups,
      firstDay: Number.isFinite(firstDay) ? firstDay : end,
      lastDay: end,
      margin: method.margin,
      horizonMonths: method.horizonMonths,
      discountRate: method.discountRate,
      ...(ranges ? { ranges } : {}),
    };
  }
  let firstPurchase = Infinity;
  let lastPurchase = -Infinity;
  for (let c = 0; c < summary.count; c++) {
    if (summary.firstPurchase[c] < firstPurchase) firstPurchase = summary.firstPurchase[c];
    if (summary.lastPurchase[c] > lastPurchase) lastPurchase = summary.lastPurchase[c];
  }
  result.context = {
    customers: summary.count,
    rows: rows.length,
    ...(summary.count > 0 ? { firstPurchase, lastPurchase } : {}),
    ...(assignment.models ? { models: assignment.models } : {}),
    ...(assignment.purchaseChoice ? { purchaseChoice: assignment.purchaseChoice } : {}),
    ...(assignment.comparison ? { comparison: assignment.comparison } : {}),
  };
  result.customerSheet = customerSummarySheet(
    {
      summary,
      revenue: netRevenue,
      segment: Array.from(assignment.segmentOf, (s) => labels[s]),
      colour: Array.from(assignment.segmentOf, (s) => assignment.segments[s].colour),
      clv: assignment.clv,
      probabilityAlive: assignment.columns.find((c) => c.headerKey === "segmentation.column.probabilityAlive")?.values,
    },
    locale,
  );
  return result;
}

/**
 * Predictive CLV per customer: a purchase model (BG/NBD, Fader, Hardie & Lee 2005; MBG/NBD, Batislam et al. 2007;
 * Pareto/NBD, Schmittlein et al. 1987; given or chosen on a holdout, selection.ts) and Gamma-Gamma for the spend
 * (Fader, Hardie & Lee 2005, "RFM and CLV"), discounted monthly; then tiers by rank of CLV.
 */
function clvAssignment(
  summary: CustomerSummary,
  method: Extract<SegmentationMethod, { kind: "clvTiers" }>,
  locale: Locale,
  warnings: TableIssue[],
  /** The purchases behind the summary (for best on holdout); null for a customer table. */
  log: TransactionLog | null,
): Assignment {
  const n = summary.count;
  let repeat = 0;
  for (let c = 0; c < n; c++) if (summary.frequency[c] > 0) repeat++;
  if (repeat === 0) throw valueError("segmentation.issue.noRepeatBuyers");
  const frequency = Float64Array.from(summary.frequency);
  // Recipes written before the choice existed fit BG/NBD, as they did.
  const setting = method.purchaseModel ?? "bgnbd";
  const choice = choosePurchaseModel(log, { frequency, recency: summary.recency, age: summary.age }, setting, {
    asOf: summary.asOf,
    timeUnit: method.timeUnit,
  });
  const purchaseFit = choice.fit;
  const spendFit = fitModel(modelDefinition("gg")!, { frequency, monetary: summary.monetary });
  warnings.push(...purchaseChoiceWarnings(choice, spendFit, frequency, locale));
  const predictor = choice.predictor;
  const spendParams = spendFit.params as unknown as GammaGammaParameters;
  const spend = new Float64Array(n);
  for (let c = 0; c < n; c++) spend[c] = expectedAverageSpend(spendParams, frequency[c], summary.monetary[c]);
  // The recipe's rate is annual, as CUST.PCLV's: the CLV sum discounts month by month at its monthly equivalent.
  const clvOptions = {
    months: method.horizonMonths,
    annualDiscountRate: method.discountRate,
    margin: method.margin,
    periodsPerMonth: PERIODS_PER_MONTH[method.timeUnit],
  };
  const cells = predictiveClvColumn(predictor, frequency, summary.recency, summary.age, spend, clvOptions);
  const clv = new Float64Array(n);
  const alive = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const cell = cells[c];
    if (cell instanceof Error) throw cell;
    clv[c] = cell;
    alive[c] = predictor.probabilityAlive({
      frequency: frequency[c],
      recency: summary.recency[c],
      age: summary.age[c],
    });
  }

  const actions =
    method.actionColumns || method.winBack ? actionColumns(summary, method, predictor, spend, alive, locale) : null;

  const sorted = Float64Array.from(clv).sort();
  let segments: SegmentDefinition[];
  let breaks: number[];
  const of = new Uint8Array(n);
  if (method.split === "20-30-50") {
    breaks = [percentileInc(sorted, 0.5), percentileInc(sorted, 0.8)];
    segments = [
      { segmentId: "top20", labelKey: "segmentation.tier.top20", colour: tierColour(0, 3) },
      { segmentId: "next30", labelKey: "segmentation.tier.next30", colour: tierColour(1, 3) },
      { segmentId: "rest", labelKey: "segmentation.tier.rest", colour: tierColour(2, 3) },
    ];
    for (let c = 0; c < n; c++) of[c] = clv[c] > breaks[1] ? 0 : clv[c] > breaks[0] ? 1 : 2;
  } else {
    const scored = scoreColumn(clv, { bins: 10 });
    breaks = Array.from(scored.thresholds);
    segments = Array.from({ length: 10 }, (_, i) => ({
      segmentId: `decile${i + 1}`,
      labelKey: "segmentation.tier.decile",
      labelParams: { n: i + 1 },
      colour: tierColour(i, 10),
    }));
    for (let c = 0; c < n; c++) of[c] = 10 - scored.scores[c];
  }
  return {
    segments,
    segmentHeaderKey: "segmentation.column.tier",
    segmentOf: of,
    value: clv,
    valueKey: "segmentation.value.clv",
    clv,
    columns: [
      { headerKey: "segmentation.column.clv", values: clv, numberFormat: "#,##0.00" },
      { headerKey: "segmentation.column.probabilityAlive", values: alive, numberFormat: "0.0%" },
      ...(actions && method.actionColumns ? actions.columns : []),
    ],
    ...(actions ? { reasons: actions.reasons } : {}),
    thresholds: [{ label: t("segmentation.threshold.clv", {}, locale), breaks }],
    models: [
      { role: "purchases", model: choice.label, status: statusOf(purchaseFit) },
      { role: "spend", model: "Gamma-Gamma", status: statusOf(spendFit) },
    ],
    purchaseChoice: {
      setting,
      by: choice.comparison ? "holdout" : choice.fallback ? "fallback" : "given",
      ...(choice.fallback ? { fallbackReason: t(choice.fallback.key, choice.fallback.params, locale) } : {}),
    },
    ...(choice.comparison ? { comparison: choice.comparison } : {}),
    ...(method.forecast || method.compareBy !== undefined
      ? {
          forecast: {
            model: {
              model: purchaseFit.model as PurchaseModelName,
              // As the CUST.FIT tables hold them: no standard errors for a fit at the boundary.
              params: purchaseFit.params,
              standardErrors: statusOf(purchaseFit) === "boundary" ? undefined : purchaseFit.standardErrors,
              gg: {
                params: spendFit.params,
                standardErrors: statusOf(spendFit) === "boundary" ? undefined : spendFit.standardErrors,
              },
            },
            customers: {
              frequency,
              recency: summary.recency,
              age: summary.age,
              monetary: summary.monetary,
              spendPerPurchase: spend,
            },
            options: clvOptions,
            asOf: summary.asOf,
          },
        }
      : {}),
    modelChoice: choice,
  };
}

/**
 * The action columns of CLV tiers: churn-risk band from P(alive), expected purchases over the horizon (the
 * model's conditional expectation E[X(t) | x, t_x, T]; Fader, Hardie & Lee 2005, eq. 10 for BG/NBD), expected spend
 * (those purchases × the Gamma-Gamma expected spend, undiscounted, before margin), and a reason in words.
 */
function actionColumns(
  summary: CustomerSummary,
  method: Extract<SegmentationMethod, { kind: "clvTiers" }>,
  predictor: PurchasePredictor,
  spend: Float64Array,
  alive: Float64Array,
  locale: Locale,
) {
  const n = summary.count;
  const horizon = method.horizonMonths * PERIODS_PER_MONTH[method.timeUnit];
  const purchases = new Float64Array(n);
  const expectedSpend = new Float64Array(n);
  const bands: string[] = new Array(n);
  const reasons: string[] = new Array(n);
  const bandLabel = {
    high: t("segmentation.churn.high", {}, locale),
    medium: t("segmentation.churn.medium", {}, locale),
    low: t("segmentation.churn.low", {}, locale),
  };
  const units = t(`segmentation.unit.${summary.timeUnit}` as MessageKey, {}, locale);
  const oneUnit = t(`segmentation.unit.${SINGULAR_UNIT[summary.timeUnit]}` as MessageKey, {}, locale);
  // English takes the singular for exactly one ("1 week", "0 weeks"); French for zero and one ("0 semaine").
  const unitFor = (rounded: number) => (rounded === 1 || (locale === "fr" && rounded === 0) ? oneUnit : units);
  const whole = (value: number) => formatNumber(Math.round(value), locale, 0);
  for (let c = 0; c < n; c++) {
    const history = { frequency: summary.frequency[c], recency: summary.recency[c], age: summary.age[c] };
    purchases[c] = predictor.expectedPurchases(history, horizon);
    expectedSpend[c] = purchases[c] * spend[c];
    bands[c] = bandLabel[churnBand(alive[c])];
    const orders = summary.orders[c];
    const sinceRounded = Math.round(summary.sinceLastPurchase[c]);
    const since = whole(sinceRounded);
    const sinceUnit = unitFor(sinceRounded);
    const gapRounded = Math.max(1, Math.round(summary.meanGap[c]));
    reasons[c] =
      summary.frequency[c] > 0 && Number.isFinite(summary.meanGap[c])
        ? gapRounded === 1
          ? t("segmentation.reason.repeatEachPeriod", { orders, gapUnit: oneUnit, since, sinceUnit }, locale)
          : t(
              "segmentation.reason.repeat",
              { orders, gap: whole(gapRounded), gapUnit: units, since, sinceUnit },
              locale,
            )
        : t("segmentation.reason.once", { orders, since, sinceUnit }, locale);
  }
  const columns: Assignment["columns"] = [
    { headerKey: "segmentation.column.churnRisk", values: alive, numberFormat: "@", text: bands },
    { headerKey: "segmentation.column.expectedPurchases", values: purchases, numberFormat: "0.00" },
    { headerKey: "segmentation.column.expectedSpend", values: expectedSpend, numberFormat: "#,##0.00" },
    { headerKey: "segmentation.column.reason", values: alive, numberFormat: "@", text: reasons },
  ];
  return { columns, reasons };
}

/** How a fit ended: its diagnosed status when the registry set one, else from its converged flag. */
const statusOf = (fit: { status?: "converged" | "boundary" | "not converged"; converged: boolean }) =>
  fit.status ?? (fit.converged ? "converged" : "not converged");

export { maxCacOf };

function buildResult(
  assignment: Assignment,
  rowCustomer: RowCustomers,
  rowCount: number,
  locale: Locale,
  warnings: TableIssue[],
): SegmentationResult {
  const { segments, segmentOf: of, value, clv, revenue: sales } = assignment;
  const customers = of.length;
  const counts = new Float64Array(segments.length);
  const values = new Float64Array(segments.length);
  const clvs = new Float64Array(segments.length);
  const revenues = new Float64Array(segments.length);
  let totalValue = 0;
  for (let c = 0; c < customers; c++) {
    counts[of[c]]++;
    values[of[c]] += value[c];
    totalValue += value[c];
    if (clv) clvs[of[c]] += clv[c];
    if (sales) revenues[of[c]] += sales[c];
  }
  const preview: SegmentPreview[] = segments.map((segment, s) => {
    const entry: SegmentPreview = {
      segmentId: segment.segmentId,
      labelKey: segment.labelKey,
      colour: segment.colour,
      customers: counts[s],
      customerShare: customers === 0 ? 0 : counts[s] / customers,
      value: values[s],
      valueShare: totalValue === 0 ? 0 : values[s] / totalValue,
    };
    if (segment.labelParams) entry.labelParams = segment.labelParams;
    if (sales) entry.revenue = revenues[s];
    if (clv) {
      entry.totalClv = clvs[s];
      entry.averageClv = counts[s] === 0 ? 0 : clvs[s] / counts[s];
      entry.maxCac = maxCacOf(entry.averageClv);
    }
    return entry;
  });

  const labels = segments.map((segment) => t(segment.labelKey, segment.labelParams, locale));
  const segmentValues = new Array<CellValue>(rowCount);
  const fills = new Array<string | null>(rowCount);
  for (let i = 0; i < rowCount; i++) {
    const c = rowCustomer ? rowCustomer[i] : i;
    segmentValues[i] = c < 0 ? "" : labels[of[c]];
    fills[i] = c < 0 ? null : segments[of[c]].colour;
  }
  const columns: SegmentationResult["columns"] = [
    { header: t(assignment.segmentHeaderKey, {}, locale), values: segmentValues, fills },
  ];
  for (const column of assignment.columns) {
    const cells = new Array<CellValue>(rowCount);
    for (let i = 0; i < rowCount; i++) {
      const c = rowCustomer ? rowCustomer[i] : i;
      if (column.text) {
        cells[i] = c < 0 ? "" : column.text[c];
        continue;
      }
      const number = c < 0 ? NaN : column.values[c];
      cells[i] = Number.isFinite(number) ? number : "";
    }
    columns.push({ header: t(column.headerKey, {}, locale), values: cells, numberFormat: column.numberFormat });
  }
  return {
    preview,
    thresholds: assignment.thresholds,
    columns,
    valueKey: assignment.valueKey,
    ...(assignment.valueParams ? { valueParams: assignment.valueParams } : {}),
    warnings,
    perCustomer: {
      ofRow: rowCustomer ? Array.from(rowCustomer) : null,
      segment: Array.from(of),
      value: Array.from(value),
      ...(clv ? { clv: Array.from(clv) } : {}),
    },
  };
}
