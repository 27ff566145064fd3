/**
 * Custom functions for spend, predictive CLV and cohort retention: CUST.SPEND (Gamma-Gamma),
 * CUST.PCLV (purchase model × spend × margin, an annual discount rate applied monthly) and CUST.RETENTIONCURVE (sBG).
 * Model parameters come from a CUST.FIT table; customer columns go in whole and come back as a column.
 */
import { InputError, valueError, naError } from "../engine/errors";
import { ClvOptions, predictiveClvColumn, TimeUnit, PERIODS_PER_MONTH } from "../engine/models/clv";
import { expectedAverageSpend, GammaGammaParameters } from "../engine/models/gamma-gamma";
import { readParameterTable } from "../engine/models/parameter-table";
import { modelDefinition } from "../engine/models/registry";
import { fitSbg, retentionRate, SbgParameters, survivalCurve } from "../engine/models/sbg";
import { FittedModel, ModelName, PURCHASE_MODELS, PurchasePredictor } from "../engine/models/types";
import {
  BLANK,
  describeCell,
  eachRow,
  finite,
  frameNumber,
  isBlank,
  isGiven,
  NumberRule,
  readChoice,
  readNumber,
  readNumberColumn,
  rowFrame,
  RowFrame,
  runFunction,
  toExcelError,
  toGrid,
  namingCell,
  widerArgument,
} from "./args";
import { addressesOf } from "./cell-address";
import { aliasAddresses } from "./cell-messages";
import { predictorSource, PredictorSource, rowsByGroup } from "./covariates";
import { customerAt, historyArguments } from "./history";
import { currentLocale } from "./locale";

/** A CUST.FIT table is two columns whose labels include "model"; anything else is data. */
function isParameterTable(value: unknown): boolean {
  const grid = toGrid(value ?? null);
  return grid.some((row) => row.length >= 2 && typeof row[0] === "string" && row[0].trim().toLowerCase() === "model");
}

function ggParameters(fit: FittedModel): GammaGammaParameters {
  return { p: fit.params.p, q: fit.params.q, gamma: fit.params.gamma };
}

/**
 * Expected spend per purchase (Gamma-Gamma): a blend of the customer's own average spend and the population's, the customer's weighing more the more repeat purchases they made. Customers without repeat purchases get the population mean.
 * @customfunction SPEND
 * @helpurl https://localhost:3000/functions.html#SPEND
 * @requiresParameterAddresses
 * @param gg_params The table spilled by CUST.FIT("gg", frequency, , , monetary).
 * @param frequency Repeat purchases of each customer (x), a whole number.
 * @param monetary Average spend of each customer's repeat purchases. Ignored (may be blank) when frequency is 0.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns The expected spend per future purchase, one per customer.
 */
export function spend(
  gg_params: unknown[][],
  frequency: unknown[][],
  monetary: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, ["gg_params", "frequency", "monetary"]);
  return runFunction(() => {
    const params = ggParameters(readParameterTable(toGrid(gg_params), ["gg"], "CUST.SPEND", "gg_params"));
    const inputs = [
      { arg: "frequency", value: frequency, rule: { integer: true, nonNegative: true } },
      { arg: "monetary", value: monetary },
    ];
    const frame = rowFrame(inputs);
    return eachRow(
      frame,
      (r, c) => {
        const x = frameNumber(frame, inputs[0], 0, r, c);
        // Without repeat purchases there is no average spend: monetary may be blank (the population mean is used).
        const m = x === 0 && frame.blankAt(1, r, c) ? NaN : frameNumber(frame, inputs[1], 1, r, c);
        return expectedAverageSpend(params, x, m);
      },
      addresses,
    );
  }, addresses);
}

const TIME_UNIT_NAMES: Readonly<Record<string, TimeUnit>> = {
  days: "days",
  weeks: "weeks",
  months: "months",
  jours: "days",
  semaines: "weeks",
  mois: "months",
};

/** One BG/BB opportunity a year, month, week or day: opportunities per month (a month is 365.25/12 days). */
const OPPORTUNITIES_PER_MONTH = { years: 1 / 12, months: 1, weeks: 365.25 / 12 / 7, days: 365.25 / 12 } as const;
const OPPORTUNITY_UNIT_NAMES: Readonly<Record<string, keyof typeof OPPORTUNITIES_PER_MONTH>> = {
  years: "years",
  months: "months",
  weeks: "weeks",
  days: "days",
  années: "years",
  annees: "years",
  ans: "years",
  mois: "months",
  semaines: "weeks",
  jours: "days",
};

function readOpportunityUnit(value: unknown): keyof typeof OPPORTUNITIES_PER_MONTH {
  const cell = toGrid(value ?? null)[0]?.[0];
  if (isBlank(cell)) throw valueError("valuemodels.clv.timeUnitRequired");
  return OPPORTUNITY_UNIT_NAMES[readChoice(value, "time_unit", Object.keys(OPPORTUNITY_UNIT_NAMES), "years")];
}

function readTimeUnit(value: unknown): TimeUnit {
  const cell = toGrid(value ?? null)[0]?.[0];
  if (isBlank(cell)) throw valueError("valuemodels.clv.timeUnitRequired");
  const name = readChoice(value, "time_unit", Object.keys(TIME_UNIT_NAMES), "days");
  return TIME_UNIT_NAMES[name];
}

/** CUST.PCLV's parameters, in order, to read the addresses Excel gives for them. */
const PCLV_PARAMETERS = [
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
  "purchase_covariates",
  "dropout_covariates",
] as const;

/**
 * Predictive CLV: the discounted expected margin of each customer over the next months, from a purchase model (CUST.FIT) and a spend per purchase (a CUST.FIT gg table with monetary, or a spend column).
 * @customfunction PCLV
 * @helpurl https://localhost:3000/functions.html#PCLV
 * @requiresParameterAddresses
 * @param purchase_params The table spilled by CUST.FIT for a purchase model (bgnbd, mbgnbd, pnbd, ggomnbd, nbd or bgbb).
 * @param spend A CUST.FIT "gg" table (then give monetary), or each customer's expected spend per purchase (a column, e.g. from CUST.SPEND, or one number for all).
 * @param frequency Repeat purchases of each customer (x), in the data the purchase model was fitted on.
 * @param recency Time from each customer's first to last purchase (t_x), in time_unit.
 * @param T Time from each customer's first purchase to the end of the data (customer age), in time_unit.
 * @param time_unit The unit of recency and T: "days", "weeks" or "months". A month is 365.25/12 = 30.4375 days, or 4.348 weeks. For bgbb: the length of one opportunity, "years", "months", "weeks" or "days"; recency and T then count opportunities.
 * @param [monetary] Average spend of each customer's repeat purchases; needed (only) when spend is a Gamma-Gamma table.
 * @param [months] Horizon in months, 1 to 1,000,000 (the work does not grow with it). Default 12. For bgbb: rounded down to whole opportunities (at most 1,000,000), each discounted at the annual rate turned into a rate per opportunity.
 * @param [discount_rate] ANNUAL discount rate (10% or 0.1), as in the task pane; month m's margin is divided by (1 + rate)^(m/12), i.e. discounted monthly at (1 + rate)^(1/12) − 1. Default 0.
 * @param [margin] Gross margin on spend (30% or 0.3). Default 100%: the result is revenue.
 * @param [purchase_covariates] For a table fitted with purchase covariates: the customers' values in the CUST.FIT columns (with header, or in that order), one row per customer or one for all.
 * @param [dropout_covariates] For a table fitted with drop-out covariates: the customers' values, same layout.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns The predictive CLV of each customer.
 */
export function pclv(
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
  purchase_covariates?: unknown[][],
  dropout_covariates?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, PCLV_PARAMETERS);
  return runFunction(() => {
    const inputs = readValueInputs(
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
      "CUST.PCLV",
      undefined,
      true,
      true,
    );
    const locale = currentLocale();
    const { cols, frame } = inputs;
    const out: unknown[][] = [];
    for (let r = 0; r < inputs.rows; r++) out.push(new Array<unknown>(cols).fill(BLANK));
    const show = (cell: number, error: unknown) => {
      const r = Math.floor(cell / cols);
      const c = cell - r * cols;
      out[r][c] = toExcelError(namingCell(frame.locate(error, r, c), addresses, c), locale);
    };
    for (const [cell, error] of inputs.rowErrors) show(cell, error);
    const { valid } = inputs;
    const values = valueColumn(inputs);
    values.forEach((value, k) => {
      const cell = valid[k];
      if (typeof value !== "number") show(cell, withRow(value, Math.floor(cell / cols) + 1));
      else if (!Number.isFinite(value)) show(cell, finiteError(value));
      else out[Math.floor(cell / cols)][cell % cols] = value;
    });
    return out;
  }, addresses);
}

/** The arguments CUST.PCLV and the functions built on it (CUST.FORECAST, CUST.PCLVRANGE) take, as Excel passes them. */
export interface ValueArguments {
  purchase_params: unknown[][];
  spend: unknown[][];
  frequency: unknown[][];
  recency: unknown[][];
  T: unknown[][];
  time_unit: unknown;
  monetary?: unknown[][];
  months?: unknown;
  discount_rate?: unknown;
  margin?: unknown;
  purchase_covariates?: unknown;
  dropout_covariates?: unknown;
}

/** The arguments read: the models, the options and the customers that could be read (rows 0-based in the range). */
export interface ValueInputs {
  fit: FittedModel;
  /** The predictor of the table's parameters as written (the only one without covariates). */
  predictor: PurchasePredictor;
  /** The predictors per covariate group (one group without covariates). */
  source: PredictorSource;
  /** The covariate group of each readable row (same order as valid). */
  groups: number[];
  /** The Gamma-Gamma fit when spend is a CUST.FIT "gg" table. */
  ggFit: FittedModel | null;
  options: ClvOptions;
  /** Rows of the range, after trailing blank rows. */
  rows: number;
  /** Columns of the result: 1, or more for a grid (a column of frequencies by a row of recencies, CUST.PCLV). */
  cols: number;
  /** The layout of the per-customer arguments (to name a bad cell: RowFrame.locate). */
  frame: RowFrame;
  /**
   * The readable cells (row × cols + column; the row itself in a single column) and, in the same order, each one's
   * history, monetary (NaN when not given) and spend.
   */
  valid: number[];
  x: number[];
  tx: number[];
  ages: number[];
  monetary: number[];
  spendPerPurchase: number[];
  /** Cells (numbered as valid) that could not be read, with why. */
  rowErrors: Map<number, unknown>;
}

/**
 * Reads CUST.PCLV's arguments; `maxMonths` bounds the horizon of functions that spill one row per month;
 * `discrete` also accepts a discrete-opportunity table (BG/BB), whose time_unit is the length of one opportunity;
 * `grid` lets the per-customer arguments combine into a grid (args.ts), for a function with one result per cell.
 */
export function readValueInputs(
  args: ValueArguments,
  functionName: string,
  maxMonths?: number,
  discrete = false,
  grid = false,
): ValueInputs {
  const { purchase_params, spend, frequency, recency, T, time_unit, monetary, months, discount_rate, margin } = args;
  const models: readonly ModelName[] = discrete ? [...PURCHASE_MODELS, "bgbb"] : PURCHASE_MODELS;
  const fit = readParameterTable(toGrid(purchase_params), models, functionName, "purchase_params");
  const makePredictor = modelDefinition(fit.model)?.purchasePredictor;
  if (!makePredictor) throw naError("valuemodels.clv.modelUnavailable", { model: fit.model });
  const source = predictorSource(fit, args.purchase_covariates, args.dropout_covariates);
  const predictor = source.base;
  const options: ClvOptions = {
    months: readNumber(months, "months", { default: 12, integer: true, min: 1, max: maxMonths }),
    annualDiscountRate: readNumber(discount_rate, "discount_rate", { default: 0, rate: true }),
    margin: readNumber(margin, "margin", { default: 1, rate: true }),
    periodsPerMonth: predictor.discrete
      ? OPPORTUNITIES_PER_MONTH[readOpportunityUnit(time_unit)]
      : PERIODS_PER_MONTH[readTimeUnit(time_unit)],
  };
  const ggFit = isParameterTable(spend) ? readParameterTable(toGrid(spend), ["gg"], functionName, "spend") : null;
  const gg = ggFit ? ggParameters(ggFit) : null;
  const monetaryGiven = isGiven(monetary);
  if (gg && !monetaryGiven) throw valueError("valuemodels.clv.monetaryRequired");
  if (!gg && monetaryGiven) throw valueError("valuemodels.clv.monetaryUnused");

  // The shape rule (args.ts): single cells repeated, ranges per row, trimmed once, half-blank rows named.
  const rowInputs = [
    ...historyArguments(frequency, recency, T),
    { arg: gg ? "monetary" : "spend", value: gg ? monetary : spend, rule: {} as NumberRule },
  ];
  const frame = rowFrame(rowInputs);
  if (!grid && frame.cols !== 1) {
    throw valueError("args.notColumn", { arg: rowInputs[widerArgument(frame, rowInputs.length)].arg });
  }
  const cols = frame.cols;
  const read: ValueInputs = {
    fit,
    predictor,
    source,
    groups: [],
    ggFit,
    options,
    rows: frame.rows,
    cols,
    frame,
    valid: [],
    x: [],
    tx: [],
    ages: [],
    monetary: [],
    spendPerPurchase: [],
    rowErrors: new Map(),
  };
  source.checkRows(frame.rows);
  const covariates = isGiven(args.purchase_covariates) || isGiven(args.dropout_covariates);
  if (!frame.single && !covariates && readPlainRows(frame, [frequency, recency, T, gg ? monetary : spend], gg, read)) {
    return read;
  }
  for (let cell = 0; cell < frame.rows * cols; cell++) {
    const r = Math.floor(cell / cols);
    const c = cell - r * cols;
    if (!frame.single && frame.rowIsBlank(r, c)) continue;
    const inRange = frame.isRange(3);
    try {
      const { frequency: f, recency: rec, age: a } = customerAt(frame, rowInputs, r, c);
      let s: number;
      let m = NaN;
      if (gg) {
        m = f === 0 && frame.blankAt(3, r, c) ? NaN : frameNumber(frame, rowInputs[3], 3, r, c);
        if (f > 0 && !(m > 0)) {
          throw inRange
            ? valueError("valuemodels.gg.spendNotPositiveAt", { row: r + 1, found: m })
            : valueError("args.notPositive", { arg: "monetary", found: m });
        }
        s = expectedAverageSpend(gg, f, m);
      } else {
        s = frameNumber(frame, rowInputs[3], 3, r, c);
      }
      const group = source.groupOf(r);
      read.groups.push(group);
      read.valid.push(cell);
      read.x.push(f);
      read.tx.push(rec);
      read.ages.push(a);
      read.monetary.push(m);
      read.spendPerPurchase.push(s);
    } catch (error) {
      if (frame.single) throw error;
      read.rowErrors.set(cell, frame.locate(error, r, c));
    }
  }
  return read;
}

/**
 * The common case read in one tight pass: every history cell, and every spend (or monetary) cell, a number that
 * passes its rule (HISTORY_RULES, checkCustomer, a positive monetary for Gamma-Gamma), without covariates. It fills
 * `read` exactly as the row-by-row reading would and returns true; at the first cell that needs more (a blank, text,
 * an error cell, a number out of its rule) it leaves `read` untouched and returns false, and the row-by-row reading
 * names the problem. About 5× faster than the row-by-row reading, which builds an object and several closures per
 * cell (`node --cpu-prof`, CUST.PCLV on 100,000 customers: the reading was ~70 % of the call; BENCHMARKS.md).
 */
function readPlainRows(
  frame: RowFrame,
  values: readonly unknown[],
  gg: GammaGammaParameters | null,
  read: ValueInputs,
): boolean {
  const n = frame.rows;
  // The ranges as Excel passed them (rowFrame has checked their shapes and that each has at least n rows); a row that
  // is not an array reads as undefined below and sends the call to the row-by-row reading.
  const [xs, txs, Ts, vs] = values.map((value) =>
    Array.isArray(value) && Array.isArray(value[0]) ? (value as unknown[][]) : toGrid(value),
  );
  const x: number[] = [];
  const tx: number[] = [];
  const ages: number[] = [];
  const spend: number[] = [];
  const monetary: number[] = [];
  const spendIsRange = frame.isRange(3);
  const single = spendIsRange ? NaN : frame.cell(3, 0, 0);
  if (!spendIsRange && typeof single !== "number") return false;
  // Only one column of customers, each history range read per row (a single row repeated down is a grid's: the
  // row-by-row reading lays it out).
  if (frame.cols !== 1 || (spendIsRange && frame.repeatsDown(3))) return false;
  if ([0, 1, 2].some((k) => !frame.isRange(k) || frame.repeatsDown(k))) return false;
  for (let r = 0; r < n; r++) {
    const f: unknown = xs[r][0];
    const rec: unknown = txs[r][0];
    const a: unknown = Ts[r][0];
    const v: unknown = spendIsRange ? vs[r][0] : single;
    if (typeof f !== "number" || typeof rec !== "number" || typeof a !== "number" || typeof v !== "number") {
      return false;
    }
    // HISTORY_RULES and checkCustomer; a NaN fails every comparison, ±Infinity the finiteness test.
    if (!(Number.isInteger(f) && f >= 0 && rec >= 0 && rec <= a && Number.isFinite(a) && Number.isFinite(v))) {
      return false;
    }
    if (f === 0 && rec > 0) return false;
    if (gg) {
      if (f > 0 && !(v > 0)) return false;
      monetary.push(v);
      spend.push(expectedAverageSpend(gg, f, v));
    } else {
      monetary.push(NaN);
      spend.push(v);
    }
    x.push(f);
    tx.push(rec);
    ages.push(a);
  }
  for (let r = 0; r < n; r++) {
    read.valid.push(r);
    read.groups.push(0);
  }
  read.x = x;
  read.tx = tx;
  read.ages = ages;
  read.monetary = monetary;
  read.spendPerPurchase = spend;
  return true;
}

/** The predictive CLV of each readable row, each covariate group with its own predictor. */
export function valueColumn(inputs: ValueInputs): ReturnType<typeof predictiveClvColumn> {
  const { source, groups, x, tx, ages, spendPerPurchase, options } = inputs;
  // Without covariates every row is in group 0: no need to list the members.
  if (source.groupCount() <= 1) return predictiveClvColumn(inputs.predictor, x, tx, ages, spendPerPurchase, options);
  const members = rowsByGroup(groups);
  if (members.size <= 1) return predictiveClvColumn(inputs.predictor, x, tx, ages, spendPerPurchase, options);
  const out: ReturnType<typeof predictiveClvColumn> = new Array(x.length);
  for (const [g, rows] of members) {
    const pick = (column: readonly number[]) => rows.map((i) => column[i]);
    const values = predictiveClvColumn(
      source.predictor(g),
      pick(x),
      pick(tx),
      pick(ages),
      pick(spendPerPurchase),
      options,
    );
    // The engine numbers rows within the customers it was given: errors are renumbered by the caller (withRow).
    rows.forEach((i, k) => (out[i] = values[k]));
  }
  return out;
}

/** Why a value cannot be shown (finite() throws it). */
function finiteError(value: number): unknown {
  try {
    finite(value);
  } catch (error) {
    return error;
  }
  return null;
}

/** The engine numbers rows within the customers it was given; the sheet's row is the one to name. */
function withRow(error: Error, row: number): Error {
  return error instanceof InputError && "row" in error.params
    ? new InputError(error.kind, error.key, { ...error.params, row })
    : error;
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

/**
 * Cohort retention projected by the sBG model: the share of the cohort still active after each period 1..horizon, and optionally each period's retention rate (which rises with tenure as the likeliest leavers go first).
 * @customfunction RETENTIONCURVE
 * @helpurl https://localhost:3000/functions.html#RETENTIONCURVE
 * @requiresParameterAddresses
 * @param survivors_or_sbg_params A cohort's survivors at the start and after each period (counts, or shares such as 100%, 63%, 47%), oldest first; or the table spilled by CUST.FIT("sbg", survivors).
 * @param horizon Number of periods to project, from period 1 (e.g. 10), at most 10,000 (one row each).
 * @param [include_retention] TRUE adds a second column with the retention rate of each period. Default FALSE.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns One row per period: the share of the starting cohort still active (and the period's retention rate).
 */
export function retentioncurve(
  survivors_or_sbg_params: unknown[][],
  horizon: unknown,
  include_retention?: unknown,
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  // The engine calls the cohort's counts "survivors".
  const addresses = aliasAddresses(
    addressesOf(invocation, ["survivors_or_sbg_params", "horizon", "include_retention"]),
    {
      survivors: "survivors_or_sbg_params",
    },
  );
  return runFunction(() => {
    const periods = readNumber(horizon, "horizon", { integer: true, min: 1, max: 10000 });
    const withRetention = readFlag(include_retention, "include_retention");
    let fit: FittedModel;
    if (isParameterTable(survivors_or_sbg_params)) {
      fit = readParameterTable(
        toGrid(survivors_or_sbg_params),
        ["sbg"],
        "CUST.RETENTIONCURVE",
        "survivors_or_sbg_params",
      );
    } else {
      fit = fitSbg(readNumberColumn(survivors_or_sbg_params, "survivors"));
      if (!fit.converged) throw naError("valuemodels.sbg.notConverged", { detail: fit.message ?? "" });
    }
    const params: SbgParameters = { alpha: fit.params.alpha, beta: fit.params.beta };
    const curve = survivalCurve(params, periods);
    return Array.from(curve, (share, i) => (withRetention ? [share, retentionRate(params, i + 1)] : [share]));
  }, addresses);
}
