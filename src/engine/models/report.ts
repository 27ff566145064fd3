/**
 * The model report behind the Model sheet and the pane's Preview diagnostics: what a colleague needs to judge a
 * purchase model fitted on a transaction log without the add-in. It gathers, for the model the pane uses:
 * - tracking per period of the repeat purchases of the calibration customers, actual vs model, incremental and
 *   cumulative, over calibration and holdout (Fader, Hardie & Lee 2005, "Counting your customers the easy way",
 *   fig. 3; the model side is expectedTracking, what CUST.TRACKING spills);
 * - holdout purchases by calibration frequency, actual vs predicted, and the headline accuracy (fig. 4;
 *   holdoutByFrequency, what CUST.HOLDOUTCHECK spills), from the comparison "best on holdout" made (selection.ts);
 * - the comparison itself (log-likelihood, AIC, BIC, holdout error per model), the parameters of the fit the
 *   predictions use with their standard errors, the data window and the add-in version.
 * Without a holdout (a log too short, the model given…), tracking is in-sample over the whole window.
 */
import { DAYS_PER_PERIOD, TimeUnit, type CustomerSummary } from "../transactions/summary";
import { sharedSummary } from "../transactions/summary-cache";
import { ADDIN_VERSION } from "../version";
import { informationCriteria } from "./diagnosis";
import type { HoldoutAccuracy, HoldoutRow } from "./holdout";
import { modelDefinition } from "./registry";
import {
  choiceCandidates,
  type ModelComparison,
  type NoComparison,
  type PurchaseModelChoice,
  type TransactionLog,
} from "./selection";
import { expectedTracking, MAX_TRACKING_WORK } from "./tracking";
import { FitStatus, MODEL_PARAMETERS, PurchaseModelName, type FitDiagnosis } from "./types";

/** At most this many tracking periods on the sheet: longer windows are tracked in periods of several units. */
export const MAX_REPORT_PERIODS = 260;

export interface TrackingRow {
  /** 1, 2, …: period k ends k × step units after the earliest first purchase. */
  period: number;
  /** End of the period, in units from the earliest first purchase. */
  end: number;
  /** Excel serial of the period's last day (whole days, rounded down). */
  endDate: number;
  actual: number;
  model: number;
  actualCumulative: number;
  modelCumulative: number;
  /** True when the period ends after the calibration end. */
  holdout: boolean;
}

export interface ReportParameter {
  name: string;
  value: number;
  /** NaN when not known (a fit at the boundary has none). */
  standardError: number;
}

export interface ModelReport {
  timeUnit: TimeUnit;
  /** Length of one tracking period, in timeUnit. */
  step: number;
  /** Excel serials: the earliest first purchase, the last purchase and the as-of date. */
  firstPurchase: number;
  lastPurchase: number;
  asOf: number;
  /** End of calibration (Excel serial), null when no holdout was made. */
  calibrationEnd: number | null;
  /** Customers in the whole window, and purchase rows read. */
  customers: number;
  transactions: number;
  /** Customers first seen by the calibration end (all customers without a holdout): those tracked. */
  trackedCustomers: number;
  model: PurchaseModelName;
  label: string;
  /** The fit the predictions use (whole window). */
  status: FitStatus;
  diagnosis: readonly FitDiagnosis[];
  parameters: ReportParameter[];
  logLikelihood: number;
  aic: number;
  bic: number;
  /** Customers the whole-window fit used. */
  n: number;
  tracking: TrackingRow[];
  /** Periods that end by the calibration end (the marker sits after them); tracking.length without a holdout. */
  calibrationPeriods: number;
  /** The chosen model's holdout check (on its calibration fit), when a holdout was made. */
  holdout?: { rows: HoldoutRow[]; accuracy: HoldoutAccuracy; length: number };
  comparison?: ModelComparison;
  fallback?: NoComparison;
  version: string;
}

/** Options of the report: the as-of date the choice used (default: the last purchase). */
export interface ReportOptions {
  asOf?: number;
  timeUnit?: TimeUnit;
}

/** The tracking step in units: a week of daily data, one unit otherwise, more when the window is long. */
export function trackingStep(timeUnit: TimeUnit, windowUnits: number): number {
  const base = timeUnit === "days" ? 7 : 1;
  const periods = Math.floor(windowUnits / base + 1e-9);
  return periods > MAX_REPORT_PERIODS ? base * Math.ceil(periods / MAX_REPORT_PERIODS) : base;
}

/**
 * Actual repeat purchases per period of the customers first seen by `cohortEnd`: purchase days after each
 * customer's first one, placed at their time from the earliest first purchase (period k holds times in
 * ((k − 1)·step, k·step]). Same-day purchases count once, as in the summary.
 */
function actualRepeats(
  log: TransactionLog,
  /** The whole-window summary of log (as of asOf): it already knows each row's customer and first purchase. */
  whole: CustomerSummary,
  cohortEnd: number,
  origin: number,
  unitDays: number,
  step: number,
  periods: number,
): Float64Array {
  const customer = whole.customerOfRow;
  const first = whole.firstPurchase;
  // One key per (customer, day), sorted, so each purchase day is counted once. Days are below 2^22.
  const keys: number[] = [];
  for (let i = 0; i < customer.length; i++) {
    const c = customer[i];
    if (c < 0 || first[c] > cohortEnd) continue;
    const day = Math.floor(log.dates[i]);
    if (day > first[c]) keys.push(c * 4_194_304 + day);
  }
  const sorted = Float64Array.from(keys).sort();
  const counts = new Float64Array(periods);
  for (let k = 0; k < sorted.length; k++) {
    if (k > 0 && sorted[k] === sorted[k - 1]) continue;
    const day = sorted[k] % 4_194_304;
    const period = Math.ceil((day - origin) / unitDays / step - 1e-9);
    if (period >= 1 && period <= periods) counts[period - 1]++;
  }
  return counts;
}

/**
 * The report of a purchase-model choice on a log (the choice choosePurchaseModel made with the same log and
 * options). Tracking and the holdout check use the chosen model's calibration fit when a holdout comparison was
 * made, its whole-window fit otherwise.
 */
export function modelReport(
  log: TransactionLog,
  choice: PurchaseModelChoice,
  options: ReportOptions = {},
): ModelReport {
  const comparison = choice.comparison;
  const timeUnit = comparison?.timeUnit ?? options.timeUnit ?? "weeks";
  const unitDays = DAYS_PER_PERIOD[timeUnit];
  const whole = sharedSummary(log.ids, log.dates, log.amounts, {
    timeUnit,
    ...(options.asOf !== undefined ? { asOf: options.asOf } : comparison ? { asOf: comparison.asOf } : {}),
  });
  const asOf = whole.asOf;
  let firstPurchase = Infinity;
  let lastPurchase = -Infinity;
  for (let c = 0; c < whole.count; c++) {
    if (whole.firstPurchase[c] < firstPurchase) firstPurchase = whole.firstPurchase[c];
    if (whole.lastPurchase[c] > lastPurchase) lastPurchase = whole.lastPurchase[c];
  }
  let transactions = 0;
  for (let i = 0; i < log.dates.length; i++) if (Math.floor(log.dates[i]) <= asOf) transactions++;

  const chosenRow = comparison?.rows.find((row) => row.chosen);
  const calibrationEnd = comparison && chosenRow ? comparison.calibrationEnd : null;
  const cohort =
    calibrationEnd !== null
      ? sharedSummary(log.ids, log.dates, log.amounts, { timeUnit, asOf, calibrationEnd })
      : whole;
  const definition = choiceCandidates().find((candidate) => candidate.name === choice.model);
  const predictor = chosenRow && definition ? definition.purchasePredictor(chosenRow.params) : choice.predictor;

  const windowUnits = (asOf - firstPurchase) / unitDays;
  const step = trackingStep(timeUnit, windowUnits);
  let periods = Math.floor(windowUnits / step + 1e-9);
  // The model side costs periods × distinct ages (tracking.ts); a window that would exceed it is tracked coarser.
  const distinctAges = new Set(cohort.age).size;
  let trackStep = step;
  while (periods * distinctAges > MAX_TRACKING_WORK) {
    trackStep *= 2;
    periods = Math.floor(windowUnits / trackStep + 1e-9);
  }
  const tracking: TrackingRow[] = [];
  let calibrationPeriods = 0;
  if (periods >= 1) {
    const expected = expectedTracking(predictor, cohort.age, periods * trackStep, trackStep);
    const actual = actualRepeats(log, whole, calibrationEnd ?? asOf, firstPurchase, unitDays, trackStep, periods);
    let running = 0;
    expected.forEach((point, k) => {
      running += actual[k];
      const endDate = Math.floor(firstPurchase + point.end * unitDays + 1e-9);
      const holdout = calibrationEnd !== null && endDate > calibrationEnd;
      if (!holdout) calibrationPeriods++;
      tracking.push({
        period: k + 1,
        end: point.end,
        endDate,
        actual: actual[k],
        model: point.incremental,
        actualCumulative: running,
        modelCumulative: point.cumulative,
        holdout,
      });
    });
  }

  const fit = choice.fit;
  const status: FitStatus = fit.status ?? (fit.converged ? "converged" : "not converged");
  const names = MODEL_PARAMETERS[fit.model] ?? Object.keys(fit.params);
  const parameters = names.map((name) => {
    const se = status === "boundary" ? NaN : (fit.standardErrors?.[name] ?? NaN);
    return { name, value: fit.params[name], standardError: Number.isFinite(se) ? se : NaN };
  });
  const { aic, bic } = informationCriteria(fit);
  return {
    timeUnit,
    step: trackStep,
    firstPurchase,
    lastPurchase,
    asOf,
    calibrationEnd,
    customers: whole.count,
    transactions,
    trackedCustomers: cohort.count,
    model: choice.model,
    label: choice.label ?? modelDefinition(choice.model)?.choice?.label ?? choice.model,
    status,
    diagnosis: fit.diagnosis ?? [],
    parameters,
    logLikelihood: fit.logLikelihood,
    aic,
    bic,
    n: fit.n,
    tracking,
    calibrationPeriods,
    ...(chosenRow && comparison
      ? {
          holdout: { rows: chosenRow.byFrequency, accuracy: chosenRow.holdout, length: comparison.holdoutLength },
        }
      : {}),
    ...(comparison ? { comparison } : {}),
    ...(choice.fallback ? { fallback: choice.fallback } : {}),
    version: ADDIN_VERSION,
  };
}
