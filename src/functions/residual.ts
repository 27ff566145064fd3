/**
 * Custom functions for what the purchase models predict beyond per-customer expectations: the base's tracking
 * curve (CUST.TRACKING), discounted expected residual transactions and the value they give (CUST.DERT), the
 * purchase-count distribution (CUST.PNPURCHASES), the log-likelihood of given parameters (CUST.LOGLIK) and sBG's
 * discounted expected residual lifetime (CUST.DERL). Capabilities are discovered on the model's predictor.
 * Every discount rate is ANNUAL (the add-in's one convention), turned into a rate per period of the data.
 */
import { valueError } from "../engine/errors";
import { aliveColumn, conditionalColumn, HistoryColumns, logLikelihoodColumn } from "../engine/models/columns";
import { readParameterTable } from "../engine/models/parameter-table";
import { MAX_RENEWALS, residualLifetimes } from "../engine/models/sbg";
import { expectedTracking } from "../engine/models/tracking";
import { PurchasePredictor } from "../engine/models/types";
import { t } from "../i18n";
import {
  BLANK,
  eachRow as eachRowOf,
  finite,
  frameNumber,
  Grid,
  isBlank,
  mapElementwise,
  readChoice,
  namingCell,
  readNumber,
  readNumberColumn,
  NumberRule,
  requireSameLength,
  RowArgument,
  RowFrame,
  rowFrame,
  runFunction,
  toExcelError,
  toGrid,
} from "./args";
import { addressesOf } from "./cell-address";
import { namingArgument } from "./cell-messages";
import type { PredictorSource } from "./covariates";
import { currentLocale } from "./locale";
import { perCustomer, requireSourceCapability, tablePredictors } from "./models";
import { cachedTablePredictors } from "./table-cache";

const given = (value: unknown) => value !== null && value !== undefined && !toGrid(value).flat().every(isBlank);

/** Periods of each time unit in a year: a year is 365.25 days, a week 7 days, a month 365.25/12 days. */
const PERIODS_PER_YEAR = { days: 365.25, weeks: 365.25 / 7, months: 12, years: 1 } as const;
type YearUnit = keyof typeof PERIODS_PER_YEAR;
const UNIT_NAMES: Readonly<Record<string, YearUnit>> = {
  days: "days",
  weeks: "weeks",
  months: "months",
  years: "years",
  jours: "days",
  semaines: "weeks",
  mois: "months",
  années: "years",
  annees: "years",
  ans: "years",
};

function readYearUnit(value: unknown, fallback?: YearUnit): YearUnit {
  const cell = toGrid(value ?? null)[0]?.[0];
  if (isBlank(cell)) {
    if (fallback) return fallback;
    throw valueError("args.required", { arg: "time_unit" });
  }
  return UNIT_NAMES[readChoice(value, "time_unit", Object.keys(UNIT_NAMES), "days")];
}

/** The annual rate as a rate per period of the data: (1 + annual)^(1/periods per year) − 1. */
function periodRate(annual: number, unit: YearUnit): number {
  return Math.pow(1 + annual, 1 / PERIODS_PER_YEAR[unit]) - 1;
}

/**
 * Expected repeat purchases of the whole customer base per period, from the earliest first purchase to the horizon (incremental and cumulative), optionally beside the actual ones: the tracking chart. Computed from any table; check its status row.
 * @customfunction TRACKING
 * @helpurl https://localhost:3000/functions.html#TRACKING
 * @requiresParameterAddresses
 * @param model_table The table spilled by CUST.FIT (bgnbd, mbgnbd, pnbd, ggomnbd, nbd or bgbb).
 * @param T Each customer's T (time from first purchase to the end of calibration), as given to CUST.FIT: first purchases are placed at max(T) − T.
 * @param horizon End of the last period, counted from the earliest first purchase, in the fit's period (e.g. 78 weeks: calibration and holdout).
 * @param [step] Length of one row, in the fit's period (e.g. 7 for weeks of daily data). Default 1. At most 10,000 rows; rows × distinct T at most 2,000,000 (round T), or 50,000,000 if T and step are whole, with rows × step ≤ 2,000,000.
 * @param [actual] Actual repeat purchases of the base in each period (one per row), to compare: adds actual and actual cumulative columns.
 * @param [weights] Number of customers each row of T stands for (for grouped summaries). Default 1.
 * @param [purchase_covariates] For a table fitted with purchase covariates: the customers' values in the CUST.FIT columns (with header, or in that order), one row per row of T or one for all.
 * @param [dropout_covariates] For a table fitted with drop-out covariates: the customers' values, same layout.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns A header row, then one row per period: its end, expected repeat purchases, expected cumulative (and actual, actual cumulative).
 */
export function tracking(
  model_table: unknown[][],
  T: unknown[][],
  horizon: unknown,
  step?: unknown,
  actual?: unknown[][],
  weights?: unknown[][],
  purchase_covariates?: unknown[][],
  dropout_covariates?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, [
    "model_table",
    "T",
    "horizon",
    "step",
    "actual",
    "weights",
    "purchase_covariates",
    "dropout_covariates",
  ]);
  return runFunction(() => {
    const source = tablePredictors(model_table, "CUST.TRACKING", purchase_covariates, dropout_covariates);
    const predictor = source.base;
    const ages = readNumberColumn(T, "T");
    source.checkRows(ages.length);
    const w = given(weights) ? readNumberColumn(weights, "weights") : undefined;
    if (w)
      requireSameLength([
        { arg: "T", length: ages.length },
        { arg: "weights", length: w.length },
      ]);
    const points = expectedTracking(
      predictor,
      ages,
      readNumber(horizon, "horizon", { positive: true }),
      readNumber(step, "step", { default: 1, positive: true }),
      w,
      source.rows === undefined ? undefined : (row) => source.predictor(source.groupOf(row)),
    );
    const observed = given(actual) ? readNumberColumn(actual, "actual") : undefined;
    if (observed && observed.length !== points.length) {
      throw valueError("residual.trackingActualLength", { found: observed.length, expected: points.length });
    }
    const locale = currentLocale();
    const header = [
      t("diagnostics.trackingHeaderPeriod", {}, locale),
      t("diagnostics.trackingHeaderIncremental", {}, locale),
      t("diagnostics.trackingHeaderCumulative", {}, locale),
    ];
    if (observed) {
      header.push(t("diagnostics.trackingHeaderActual", {}, locale));
      header.push(t("diagnostics.trackingHeaderActualCumulative", {}, locale));
    }
    let running = 0;
    const rows: Grid = points.map((point, k) => {
      const row: unknown[] = [point.end, point.incremental, point.cumulative];
      if (observed) {
        const value = observed[k];
        running += Number.isFinite(value) ? value : 0;
        row.push(Number.isFinite(value) ? value : BLANK, running);
      }
      return row;
    });
    return [header, ...rows];
  }, addresses);
}

/**
 * Discounted expected residual transactions (DERT) of each customer at an ANNUAL discount rate; with spend (and margin), the residual lifetime value DERT × spend × margin. Computed from any table; check its status row.
 * @customfunction DERT
 * @helpurl https://localhost:3000/functions.html#DERT
 * @requiresParameterAddresses
 * @param model_table The table spilled by CUST.FIT (bgnbd, mbgnbd, pnbd, ggomnbd, nbd or bgbb).
 * @param frequency Repeat purchases per customer (x).
 * @param recency Time from first to last purchase (t_x), in the fit's period. For bgbb: the opportunity of the last transaction.
 * @param T Time from first purchase to the end of calibration. For bgbb: the opportunities n.
 * @param discount_rate ANNUAL discount rate (10% or 0.1), above 0: converted to the period of the data, (1 + rate)^(1/periods a year) − 1. For bgbb, at least 0.0005% per opportunity.
 * @param time_unit Length of the fit's period: "days", "weeks" (7 days), "months" (365.25/12 days) or "years". For bgbb: the length of one opportunity.
 * @param [spend] Expected spend per purchase (a column, e.g. from CUST.SPEND, or one number): the result is then a value, DERT × spend × margin.
 * @param [margin] Gross margin on spend (30% or 0.3). Default 100%.
 * @param [purchase_covariates] For a table fitted with purchase covariates: the customers' values in the CUST.FIT columns (with header, or in that order), one row per customer or one for all.
 * @param [dropout_covariates] For a table fitted with drop-out covariates: the customers' values, same layout.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns One number per customer: DERT, or the residual lifetime value when spend is given.
 */
export function dert(
  model_table: unknown[][],
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  discount_rate: unknown,
  time_unit: unknown,
  spend?: unknown[][],
  margin?: unknown,
  purchase_covariates?: unknown[][],
  dropout_covariates?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, [
    "model_table",
    "frequency",
    "recency",
    "T",
    "discount_rate",
    "time_unit",
    "spend",
    "margin",
    "purchase_covariates",
    "dropout_covariates",
  ]);
  return runFunction(() => {
    const source = tablePredictors(model_table, "CUST.DERT", purchase_covariates, dropout_covariates);
    requireSourceCapability(source, "discountedResidualPurchases", "CUST.DERT");
    const rate = periodRate(readNumber(discount_rate, "discount_rate", { nonNegative: true }), readYearUnit(time_unit));
    const gross = readNumber(margin, "margin", { default: 1, rate: true });
    // E[future | x, t_x, T] = P(alive | x, t_x, T) × E[future | alive, x, T]: one residual per (x, T) (columns.ts).
    const compute = (histories: HistoryColumns, predictor: PurchasePredictor) =>
      conditionalColumn(predictor, histories, aliveColumn(predictor, histories), (customer) =>
        predictor.discountedResidualPurchases!(customer, rate),
      );
    if (!given(spend)) return perCustomer(frequency, recency, T, compute, source, addresses);
    // The spend joins the history's layout: one per customer, one for all, or one per row or column of a grid.
    return perCustomer(frequency, recency, T, compute, source, addresses, {
      extra: [{ arg: "spend", value: spend, rule: { nonNegative: true } }],
      combine: (value, [s]) => value * s * gross,
    });
  }, addresses);
}

/**
 * Probability that a customer just acquired makes exactly n repeat purchases in t periods, P(X(t) = n), from a model fitted by CUST.FIT. n and t may be ranges of the same size (a single cell is repeated).
 * @customfunction PNPURCHASES
 * @helpurl https://localhost:3000/functions.html#PNPURCHASES
 * @requiresParameterAddresses
 * @param model_table The table spilled by CUST.FIT (bgnbd, mbgnbd, pnbd, ggomnbd, nbd or bgbb).
 * @param n Number of repeat purchases, a whole number 0 or more (at most 10,000). With a pnbd or ggomnbd table each probability is an integral: at most 500 different (n, t) pairs a call (a repeated pair counts once).
 * @param t Time since the first purchase, in the fit's period. For bgbb: opportunities, a whole number.
 * @param [purchase_covariates] For a table fitted with purchase covariates: the new customer's values in the CUST.FIT columns (with header, or in that order): one row for all, one per row of n and t, or one per profile.
 * @param [dropout_covariates] For a table fitted with drop-out covariates: the same layout.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns A probability between 0 and 1, in the shape of n and t.
 */
export function pnpurchases(
  model_table: unknown[][],
  // Range arguments: Excel lifts a range given to a scalar argument into one call per cell (a million calls that
  // each read the table), and one call sees all the cells, so the different (n, t) can be counted and shared.
  n: unknown[][],
  t: unknown[][],
  purchase_covariates?: unknown[][],
  dropout_covariates?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, ["model_table", "n", "t", "purchase_covariates", "dropout_covariates"]);
  // BG/BB's engine calls n and t "purchases" and "opportunities".
  const names = { opportunities: "t", purchases: "n" };
  return runFunction(() => {
    // Without covariates the table is read once for a filled-down column of calls on it (table-cache.ts).
    const source =
      given(purchase_covariates) || given(dropout_covariates)
        ? tablePredictors(model_table, "CUST.PNPURCHASES", purchase_covariates, dropout_covariates)
        : cachedTablePredictors(model_table, "CUST.PNPURCHASES");
    const inputs = [
      { arg: "n", value: n, rule: { integer: true, nonNegative: true, max: 10000 } },
      { arg: "t", value: t, rule: { nonNegative: true } },
    ];
    const frame = rowFrame(inputs);
    const profiles = source.rows ?? 1;
    // A model whose P(X(t) = n) is an integral: each different (profile, n, t) computed once, and at most
    // MAX_COSTLY_PROBABILITIES of them a call (each takes up to ~10 ms).
    const memo = source.base.costlyProbabilityOfPurchases ? costlyValues(frame, inputs, profiles, source) : null;
    const value = (r: number, c: number, profile: number) => {
      const [count, time] = inputs.map((input, k) => frameNumber(frame, input, k, r, c));
      const group = source.groupOf(profile);
      const key = memo ? `${group}|${count}|${time}` : "";
      const known = memo?.get(key);
      if (known !== undefined) return known;
      const predictor = source.predictor(group);
      const p = namingArgument(() => predictor.probabilityOfPurchases(count, time), names);
      const shown = Math.min(1, Math.max(0, p));
      memo?.set(key, shown);
      return shown;
    };
    if (frame.single && profiles > 1) {
      // Single cells n and t with several covariate rows: one probability per profile.
      const locale = currentLocale();
      return Array.from({ length: profiles }, (_, r) => {
        try {
          return [finite(value(0, 0, r))];
        } catch (error) {
          return [toExcelError(namingCell(error, addresses), locale)];
        }
      });
    }
    source.checkRows(frame.rows);
    return eachRowOf(frame, (r, c) => value(r, c, r), addresses);
  }, addresses);
}

/** The most different probabilities CUST.PNPURCHASES computes in one call when each is an integral (~1–10 ms each). */
export const MAX_COSTLY_PROBABILITIES = 500;

/**
 * For a model whose P(X(t) = n) is an integral: an empty memo of the call's values, once the different (covariate
 * group, n, t) of its readable cells are counted and found within MAX_COSTLY_PROBABILITIES (else #VALUE! says so).
 */
function costlyValues(
  frame: RowFrame,
  inputs: readonly (RowArgument & { rule: NumberRule })[],
  profiles: number,
  source: PredictorSource,
): Map<string, number> {
  const seen = new Set<string>();
  const note = (r: number, c: number, profile: number) => {
    try {
      const [count, time] = inputs.map((input, k) => frameNumber(frame, input, k, r, c));
      seen.add(`${source.groupOf(profile)}|${count}|${time}`);
    } catch {
      // A bad cell shows its own message; it computes nothing.
    }
  };
  if (frame.single) for (let p = 0; p < profiles; p++) note(0, 0, p);
  else
    for (let r = 0; r < frame.rows; r++)
      for (let c = 0; c < frame.cols; c++) if (!frame.rowIsBlank(r, c)) note(r, c, r);
  if (seen.size > MAX_COSTLY_PROBABILITIES) {
    throw valueError("residual.pnpurchasesTooMany", {
      model: source.model,
      max: MAX_COSTLY_PROBABILITIES,
      found: seen.size,
    });
  }
  return new Map();
}

/**
 * Log-likelihood of the parameters in a table on the given customers: the number CUST.FIT maximises, to compare a fit with a published one or parameters typed by hand.
 * @customfunction LOGLIK
 * @helpurl https://localhost:3000/functions.html#LOGLIK
 * @requiresParameterAddresses
 * @param model_table A CUST.FIT table (bgnbd, mbgnbd, pnbd, ggomnbd, nbd or bgbb), or one typed with the model and its parameters.
 * @param frequency Repeat purchases per customer (x).
 * @param recency Time from first to last purchase (t_x). For bgbb: the opportunity of the last transaction.
 * @param T Time from first purchase to the end of calibration. For bgbb: the opportunities n.
 * @param [weights] Number of customers each row stands for. Default 1.
 * @param [purchase_covariates] For a table fitted with purchase covariates: the customers' values in the CUST.FIT columns (with header, or in that order), one row per customer or one for all.
 * @param [dropout_covariates] For a table fitted with drop-out covariates: the customers' values, same layout.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns The total log-likelihood, Σ weight × ln L(parameters | x, t_x, T) (a single cell: a function that asks for its arguments' addresses returns a range, here of one cell).
 */
export function loglik(
  model_table: unknown[][],
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  weights?: unknown[][],
  purchase_covariates?: unknown[][],
  dropout_covariates?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, [
    "model_table",
    "frequency",
    "recency",
    "T",
    "weights",
    "purchase_covariates",
    "dropout_covariates",
  ]);
  return runFunction(() => {
    const source = tablePredictors(model_table, "CUST.LOGLIK", purchase_covariates, dropout_covariates);
    requireSourceCapability(source, "logLikelihood", "CUST.LOGLIK");
    const terms = perCustomer(
      frequency,
      recency,
      T,
      (histories, predictor) => logLikelihoodColumn(predictor, histories),
      source,
      addresses,
      { columnOnly: true },
    );
    const w = given(weights) ? readNumberColumn(weights, "weights") : undefined;
    if (w)
      requireSameLength([
        { arg: "frequency", length: terms.length },
        { arg: "weights", length: w.length },
      ]);
    let total = 0;
    for (let i = 0; i < terms.length; i++) {
      const value = terms[i][0];
      if (value === BLANK) continue;
      const weight = w ? w[i] : 1;
      if (!(weight >= 0)) throw valueError("residual.trackingBadWeight", { row: i + 1, found: weight });
      if (weight === 0) continue;
      if (typeof value !== "number") throw value;
      total += weight * value;
    }
    return [[total]];
  }, addresses);
}

/**
 * sBG: discounted expected residual lifetime (DERL) of a subscriber who has renewed a given number of times, in periods, at an ANNUAL discount rate; with margin, the expected residual value per subscriber (Fader & Hardie 2010).
 * @customfunction DERL
 * @helpurl https://localhost:3000/functions.html#DERL
 * @requiresParameterAddresses
 * @param sbg_table The table spilled by CUST.FIT("sbg", survivors).
 * @param renewals Renewals the subscriber has made (0 at the end of the first period), a whole number up to 1,000,000; a range gives one result per cell.
 * @param discount_rate ANNUAL discount rate (10% or 0.1); 0 is accepted when alpha > 1, and a rate above 0 must come to at least 0.0005% per period (about 0.18% a year with days, 0.006% with months).
 * @param [time_unit] Length of one sBG period: "years" (default), "months", "weeks" or "days".
 * @param [margin] Margin per period of a subscriber: the result is then the residual value, margin × DERL. Default 1.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns The discounted expected number of further periods (the next one counted in full), or the residual value.
 */
export function derl(
  sbg_table: unknown[][],
  // A range, not a scalar that Excel would lift into one call per cell: the cells share one series.
  renewals: unknown[][],
  discount_rate: unknown,
  time_unit?: unknown,
  margin?: unknown,
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, ["sbg_table", "renewals", "discount_rate", "time_unit", "margin"]);
  return runFunction(() => {
    const fit = readParameterTable(toGrid(sbg_table), ["sbg"], "CUST.DERL", "sbg_table");
    const params = { alpha: fit.params.alpha, beta: fit.params.beta };
    const rate = periodRate(
      readNumber(discount_rate, "discount_rate", { nonNegative: true }),
      readYearUnit(time_unit, "years"),
    );
    const value = readNumber(margin, "margin", { default: 1 });
    // One evaluator for every cell: consecutive renewal counts share their series (a million cells, one series).
    const lifetime = residualLifetimes(params, rate);
    return mapElementwise(
      [{ arg: "renewals", value: renewals, rule: { integer: true, nonNegative: true, max: MAX_RENEWALS } }],
      ([k]) => value * lifetime(k),
      addresses,
    );
  }, addresses);
}
