/**
 * "Best on holdout": which purchase model to trust for a transaction log, chosen the way the BTYD literature
 * validates one (Fader, Hardie & Lee 2005, "Counting your customers the easy way", §5, fig. 4): split the log at a
 * calibration date, fit every candidate on the calibration period alone, predict each calibration customer's
 * purchases over the holdout that follows, compare with what they actually bought, keep the model that predicted
 * best, and refit it on the whole window for the predictions the user acts on.
 *
 * Candidates come from the registry (every definition with a purchase predictor and a `choice` label), never from
 * a list of names here. The split: the last third of the observed window (earliest first purchase → as-of date) is
 * the holdout, so two thirds of the history calibrate the models and the holdout is long enough to hold repeat
 * purchases of ordinary customers (CDNOW: 52 weeks of calibration, 26 of holdout).
 *
 * The criterion is the mean absolute error per customer (Σ |predicted − actual| / customers, holdout.ts): it judges
 * each customer's prediction, which is what value tiers rank by, not only the base's total, where errors of opposite
 * sign cancel. Models within a hair of the best (relative MAE difference below MAE_TIE) are told apart by their
 * error on the holdout total, and then by the order of the registry.
 */
import type { MessageKey, MessageParams } from "../../i18n";
import { InputError } from "../errors";
import { DAYS_PER_PERIOD, TimeUnit } from "../transactions/summary";
import { sharedSummary } from "../transactions/summary-cache";
import { informationCriteria } from "./diagnosis";
import { HoldoutAccuracy, HoldoutRow, holdoutByFrequency } from "./holdout";
import { fitModel, MODEL_DEFINITIONS, ModelDefinition } from "./registry";
import type { FitDiagnosis, FitStatus, FittedModel, Parameters, PurchaseModelName, PurchasePredictor } from "./types";

/** Share of the observed window kept as the holdout by default (the last third). */
export const DEFAULT_HOLDOUT_SHARE = 1 / 3;
/** A holdout shorter than this many days cannot show who came back: the comparison is not made. */
export const MIN_HOLDOUT_DAYS = 28;
/** Fewer calibration customers than this, or no repeat buyer among them: the comparison is not made. */
export const MIN_CALIBRATION_CUSTOMERS = 20;
/** Relative difference of mean absolute errors below which two models count as equally good per customer. */
export const MAE_TIE = 0.005;

/** A transaction log: parallel columns, one entry per purchase (refunds left out by the caller). */
export interface TransactionLog {
  ids: ArrayLike<unknown>;
  /** Excel serial dates. */
  dates: Float64Array;
  amounts: Float64Array;
}

export interface SelectionOptions {
  /** End of the observation (Excel serial). Default: the last purchase date. */
  asOf?: number;
  /** Unit of the histories the models are fitted on. Default: weeks. */
  timeUnit?: TimeUnit;
  /** End of the calibration period (Excel serial). Default: the start of the last DEFAULT_HOLDOUT_SHARE of the window. */
  calibrationEnd?: number;
  /** Share of the window used as holdout when calibrationEnd is not given, in (0, 1). Default 1/3. */
  holdoutShare?: number;
}

/** One candidate model as the comparison shows it. Fit figures are on the calibration period. */
export interface ModelComparisonRow {
  model: PurchaseModelName;
  /** The model's usual name ("BG/NBD"), the same in every language. */
  label: string;
  params: Parameters;
  standardErrors?: Parameters;
  logLikelihood: number;
  aic: number;
  bic: number;
  status: FitStatus;
  /** The plain-words explanation of the status (catalogue keys, said in the user's language by the caller). */
  diagnosis: readonly FitDiagnosis[];
  /** Holdout purchases of the calibration customers: predicted and actual totals, % error, MAE per customer. */
  holdout: HoldoutAccuracy;
  /** Mean holdout purchases per calibration-frequency group, actual vs predicted (the holdout chart). */
  byFrequency: HoldoutRow[];
  /** True for the model the comparison chose. */
  chosen: boolean;
}

/** The holdout comparison of the purchase models: what "best on holdout" saw and chose. */
export interface ModelComparison {
  timeUnit: TimeUnit;
  /** Excel serials (whole days): earliest first purchase, end of calibration, end of the holdout (the as-of date). */
  firstPurchase: number;
  calibrationEnd: number;
  asOf: number;
  /** as-of − calibration end, in timeUnit. */
  holdoutLength: number;
  /** Customers first seen by the calibration end: those the holdout judges. */
  calibrationCustomers: number;
  /** How the best was chosen. */
  criterion: "meanAbsoluteError";
  /** One row per candidate that could be fitted, in registry order. */
  rows: ModelComparisonRow[];
  chosen: PurchaseModelName;
}

/** Why no comparison could be made: a catalogue message (the caller falls back to a default model and says so). */
export interface NoComparison {
  key: MessageKey;
  params: MessageParams;
}

/** A registry definition offered for a choice: a purchase model with its predictor and label. */
export type ChoiceCandidate = ModelDefinition & {
  name: PurchaseModelName;
  choice: { label: string };
  purchasePredictor: (params: Parameters) => PurchasePredictor;
};

/** The registry's purchase models offered for a choice, in registry order. */
export function choiceCandidates(): ChoiceCandidate[] {
  return MODEL_DEFINITIONS.filter(
    (definition): definition is ChoiceCandidate =>
      definition.choice !== undefined && definition.purchasePredictor !== undefined,
  );
}

/** The label a choosable model is known by, or its registry name. */
export function modelLabel(model: string): string {
  return choiceCandidates().find((definition) => definition.name === model)?.choice.label ?? model;
}

/** The first and last purchase days of a log (whole days), ignoring purchases after asOf. */
function window(dates: Float64Array, asOf: number | undefined): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < dates.length; i++) {
    const day = Math.floor(dates[i]);
    if (asOf !== undefined && day > asOf) continue;
    if (day < first) first = day;
    if (day > last) last = day;
  }
  return { first, last };
}

/** True when a is the better row: lower MAE, or (within MAE_TIE) the smaller error on the holdout total. */
function better(a: ModelComparisonRow, b: ModelComparisonRow): boolean {
  const ma = a.holdout.meanAbsoluteError;
  const mb = b.holdout.meanAbsoluteError;
  if (Math.abs(ma - mb) > MAE_TIE * Math.max(ma, mb)) return ma < mb;
  return Math.abs(a.holdout.relativeError) < Math.abs(b.holdout.relativeError);
}

/**
 * Fits every candidate on the calibration period and compares their holdout predictions. Returns the comparison,
 * or why none could be made (holdout too short, too few customers, no repeat buyer, nobody bought in the holdout,
 * no candidate could be fitted). Input errors of the log itself (a blank date, …) are thrown as InputErrors.
 */
export function compareOnHoldout(log: TransactionLog, options: SelectionOptions = {}): ModelComparison | NoComparison {
  const timeUnit = options.timeUnit ?? "weeks";
  const asOf = options.asOf === undefined ? undefined : Math.floor(options.asOf);
  const span = window(log.dates, asOf);
  const end = asOf ?? span.last;
  const share = options.holdoutShare ?? DEFAULT_HOLDOUT_SHARE;
  const calibrationEnd =
    options.calibrationEnd !== undefined
      ? Math.floor(options.calibrationEnd)
      : end - Math.round((end - span.first) * (share > 0 && share < 1 ? share : DEFAULT_HOLDOUT_SHARE));
  const holdoutDays = end - calibrationEnd;
  if (!Number.isFinite(span.first) || holdoutDays < MIN_HOLDOUT_DAYS || calibrationEnd <= span.first) {
    return {
      key: "selection.holdoutTooShort",
      params: { days: Math.max(0, Number.isFinite(holdoutDays) ? holdoutDays : 0), min: MIN_HOLDOUT_DAYS },
    };
  }
  const summary = sharedSummary(log.ids, log.dates, log.amounts, { asOf: end, calibrationEnd, timeUnit });
  let repeat = 0;
  for (let c = 0; c < summary.count; c++) if (summary.frequency[c] > 0) repeat++;
  if (summary.count < MIN_CALIBRATION_CUSTOMERS || repeat === 0) {
    return {
      key: "selection.tooFewCustomers",
      params: { customers: summary.count, repeat, min: MIN_CALIBRATION_CUSTOMERS },
    };
  }
  const holdout = summary.holdoutPurchases!;
  let bought = 0;
  for (let c = 0; c < summary.count; c++) bought += holdout[c];
  if (bought === 0) return { key: "selection.noHoldoutPurchases", params: {} };

  const columns = {
    frequency: Float64Array.from(summary.frequency),
    recency: summary.recency,
    age: summary.age,
  };
  const rows: ModelComparisonRow[] = [];
  for (const definition of choiceCandidates()) {
    let fit: FittedModel;
    try {
      fit = fitModel(definition, columns);
    } catch (error) {
      // A candidate that cannot be fitted on these data is left out; the others are still compared.
      if (error instanceof InputError) continue;
      throw error;
    }
    if (!Number.isFinite(fit.logLikelihood)) continue;
    const predictor = definition.purchasePredictor(fit.params);
    const check = holdoutByFrequency(
      predictor,
      columns.frequency,
      columns.recency,
      columns.age,
      holdout,
      summary.holdoutLength,
    );
    if (!Number.isFinite(check.accuracy.meanAbsoluteError)) continue;
    const { aic, bic } = informationCriteria(fit);
    rows.push({
      model: definition.name,
      label: definition.choice.label,
      params: fit.params,
      ...(fit.standardErrors ? { standardErrors: fit.standardErrors } : {}),
      logLikelihood: fit.logLikelihood,
      aic,
      bic,
      status: fit.status ?? (fit.converged ? "converged" : "not converged"),
      diagnosis: fit.diagnosis ?? [],
      holdout: check.accuracy,
      byFrequency: check.rows,
      chosen: false,
    });
  }
  // A fit that stopped short of an optimum is only chosen when no other could be made.
  const usable = rows.some((row) => row.status !== "not converged")
    ? rows.filter((row) => row.status !== "not converged")
    : rows;
  if (usable.length === 0) return { key: "selection.noModelFitted", params: {} };
  let best = usable[0];
  for (const row of usable.slice(1)) if (better(row, best)) best = row;
  best.chosen = true;
  return {
    timeUnit,
    firstPurchase: span.first,
    calibrationEnd,
    asOf: end,
    holdoutLength: holdoutDays / DAYS_PER_PERIOD[timeUnit],
    calibrationCustomers: summary.count,
    criterion: "meanAbsoluteError",
    rows,
    chosen: best.model,
  };
}

export const isComparison = (value: ModelComparison | NoComparison): value is ModelComparison => "rows" in value;

/** The purchase model to use for predictions, fitted on the whole window, and how it was chosen. */
export interface PurchaseModelChoice {
  model: PurchaseModelName;
  label: string;
  /** The fit on the whole window (status and diagnosis set by fitModel). */
  fit: FittedModel;
  predictor: PurchasePredictor;
  /** The holdout comparison behind the choice; absent when the model was given or no comparison could be made. */
  comparison?: ModelComparison;
  /** Why the comparison could not be made, when it was asked for and the fallback model was used. */
  fallback?: NoComparison;
}

/** The model used when "best on holdout" cannot compare: MBG/NBD, which lets one-time buyers drop out. */
export const FALLBACK_MODEL: PurchaseModelName = "mbgnbd";

/**
 * The purchase model for a log whose whole-window histories are `histories` (the summary the predictions use):
 * the given model, or with "best" the winner of compareOnHoldout (FALLBACK_MODEL when no comparison can be made,
 * or when log is null: histories read from a customer table), refitted on the whole window.
 */
export function choosePurchaseModel(
  log: TransactionLog | null,
  histories: { frequency: Float64Array; recency: Float64Array; age: Float64Array },
  choice: PurchaseModelName | "best",
  options: SelectionOptions = {},
): PurchaseModelChoice {
  let comparison: ModelComparison | undefined;
  let fallback: NoComparison | undefined;
  let model: PurchaseModelName;
  if (choice === "best") {
    // Without the purchases themselves (a customer table) there is nothing to hold out.
    const compared: ModelComparison | NoComparison = log
      ? compareOnHoldout(log, options)
      : { key: "selection.noLog", params: {} };
    if (isComparison(compared)) {
      comparison = compared;
      model = compared.chosen;
    } else {
      fallback = compared;
      model = FALLBACK_MODEL;
    }
  } else {
    model = choice;
  }
  const definition = choiceCandidates().find((candidate) => candidate.name === model);
  if (!definition) throw new Error(`${model} is not a purchase model offered for a choice`);
  const fit = fitModel(definition, histories);
  return {
    model,
    label: definition.choice.label,
    fit,
    predictor: definition.purchasePredictor(fit.params),
    ...(comparison ? { comparison } : {}),
    ...(fallback ? { fallback } : {}),
  };
}
