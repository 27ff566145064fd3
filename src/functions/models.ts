/**
 * Custom functions for the buy-till-you-die purchase models: CUST.FIT spills a parameter table, and the
 * prediction functions take that table as their first argument. Time is in the data's own period.
 */
import { naError, valueError } from "../engine/errors";
import { aliveColumn, conditionalColumn, HistoryColumns } from "../engine/models/columns";
import { checkHoldout, holdoutFromExpected } from "../engine/models/holdout";
import { readParameterTable, toParameterTable } from "../engine/models/parameter-table";
import { fitModel, MODEL_DEFINITIONS, modelDefinition } from "../engine/models/registry";
import {
  FitColumns,
  FitDiagnosis,
  FitOptions,
  MODEL_NAMES,
  MODEL_PARAMETERS,
  ModelName,
  PurchasePredictor,
} from "../engine/models/types";
import { t } from "../i18n";
import {
  BLANK,
  Grid,
  describeCell,
  finite,
  errorCellError,
  isBlank,
  isErrorCell,
  isGiven,
  NumberRule,
  parseNumericText,
  readNumber,
  readNumberColumns,
  readText,
  frameNumber,
  RowArgument,
  rowFrame,
  runFunction,
  toExcelError,
  toGrid,
  namingCell,
  widerArgument,
} from "./args";
import { addressesOf } from "./cell-address";
import { aliasAddresses, inRangeRows, messageInRangeRows, messageNamingCell, namingArgument } from "./cell-messages";
import { byGroup, PredictorSource, predictorSource, readFitCovariates } from "./covariates";
import { checkCustomer, customerAt, historyArguments, HISTORY_RULES } from "./history";
import { currentLocale } from "./locale";

const given = isGiven;

/** The largest max_iterations CUST.FIT accepts (fits that converge use tens to a few hundred). */
export const MAX_ITERATIONS_OPTION = 5000;

/** One option's value: a number, or a number typed in text with "." or "," as the decimal mark ("0,01"). */
function optionNumber(name: string, raw: unknown): number {
  if (isErrorCell(raw)) throw errorCellError(name, raw);
  const number = typeof raw === "number" ? raw : typeof raw === "string" ? parseNumericText(raw, true) : NaN;
  if (!(number >= 0) || !Number.isFinite(number)) {
    throw valueError("models.optionBad", { name, found: describeCell(typeof raw === "string" ? raw.trim() : raw) });
  }
  return number;
}

/**
 * Options as text ("penalty=0.01; max_iterations=300", French decimals "penalty=0,01" too) or a two-column range of
 * name | value. Options are separated by ";", a line break, or a "," followed by the next option's name.
 */
export function readFitOptions(value: unknown): FitOptions {
  if (!given(value)) return {};
  const grid = toGrid(value);
  const single = grid.length === 1 && grid[0].length === 1;
  if (single && isErrorCell(grid[0][0])) throw errorCellError("options", grid[0][0]);
  let pairs: [string, unknown][];
  if (single && typeof grid[0][0] === "string") {
    pairs = String(grid[0][0])
      .split(/;|\n|,(?=\s*[A-Za-z_])/)
      .filter((part) => part.trim() !== "")
      .map((part) => {
        const [name, ...rest] = part.split("=");
        return [name, rest.join("=")];
      });
  } else {
    if (grid.some((row) => row.length !== 2)) throw valueError("models.optionsShape");
    pairs = grid.filter((row) => !isBlank(row[0])).map((row) => [String(row[0]), row[1]]);
  }
  const options: FitOptions = {};
  for (const [rawName, rawValue] of pairs) {
    const name = rawName.trim().toLowerCase();
    if (name !== "penalty" && name !== "max_iterations") {
      throw valueError("models.optionUnknown", { found: rawName.trim() });
    }
    const number = optionNumber(name, rawValue);
    if (name === "penalty") options.penalty = number;
    else if (number > MAX_ITERATIONS_OPTION) {
      // Each iteration is a bounded amount of work; the number of them is bounded too.
      throw valueError("models.optionTooLarge", { name, found: describeCell(number), max: MAX_ITERATIONS_OPTION });
    } else options.maxIterations = Math.max(1, Math.round(number));
  }
  return options;
}

function readModelName(value: unknown): ModelName {
  const text = readText(value, "model").trim().toLowerCase();
  if (text === "") throw valueError("args.required", { arg: "model" });
  const found = MODEL_NAMES.find((name) => name === text);
  if (!found) throw valueError("models.unknownModel", { found: text, choices: MODEL_NAMES.join(", ") });
  return found;
}

/** CUST.FIT's parameters, in order, to read the addresses Excel gives for them. */
const FIT_PARAMETERS = [
  "model",
  "frequency",
  "recency",
  "T",
  "monetary",
  "options",
  "weights",
  "purchase_covariates",
  "dropout_covariates",
] as const;

/**
 * Fits a model by maximum likelihood; spills its table (label | value): model, parameters, loglik, converged, status ("converged", "boundary", "not converged"), aic, bic, n, standard errors, message. Other CUST functions read it.
 * @customfunction FIT
 * @helpurl https://localhost:3000/functions.html#FIT
 * @requiresParameterAddresses
 * @param model "bgnbd", "mbgnbd", "pnbd", "ggomnbd" or "nbd" (purchases; nbd never drops out); "gg" (spend: frequency, monetary); "bgbb" (frequency, recency, T = n_periods); "sbg" (survivors of a cohort by period, in frequency).
 * @param frequency Repeat purchases per customer (x). For sbg: customers still active at the start of each period, the first being the cohort size.
 * @param [recency] Time from first to last purchase (t_x), in the data's period (days, weeks...). 0 when frequency is 0.
 * @param [T] Time from first purchase to the end of calibration, in the same period. For bgbb: opportunities, at most 1,000; a bgbb fit that would take more than seconds is refused (e.g. 700,000 different histories over 1,000).
 * @param [monetary] Average spend per repeat purchase (gg only).
 * @param [options] Text such as "penalty=0.01; max_iterations=300", or a 2-column range of name | value. penalty: L2 penalty on the parameters (default 0). max_iterations: 1 to 5,000 (default 200).
 * @param [weights] Number of customers each row stands for (for summaries already grouped). Default 1 per row.
 * @param [purchase_covariates] pnbd, bgnbd: a header row of names (e.g. Channel), then one row of numbers per customer; each gets a coefficient in the table (purchase.Channel). At most 10 columns and 256 different rows.
 * @param [dropout_covariates] pnbd, bgnbd: the drop-out process's covariates, same layout (dropout.Channel in the table).
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns The parameter table, two columns.
 */
export function fit(
  model: unknown,
  frequency: unknown[][],
  recency?: unknown[][],
  T?: unknown[][],
  monetary?: unknown[][],
  options?: unknown[][],
  weights?: unknown[][],
  purchase_covariates?: unknown[][],
  dropout_covariates?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, FIT_PARAMETERS);
  return runFunction(() => {
    const name = readModelName(model);
    // The engine names some arguments by what they hold: sbg's survivors (in frequency), bgbb's periods (in T).
    aliasAddresses(addresses, { survivors: "frequency", periods: "T" });
    const definition = modelDefinition(name);
    if (!definition) throw valueError("models.notAvailable", { model: name });
    if (!given(frequency)) throw naError("args.allBlank", { args: "frequency" });
    const fitOptions = readFitOptions(options);
    const optional = { recency, age: T, monetary, weights } as const;
    const argName = { recency: "recency", age: "T", monetary: "monetary", weights: "weights" } as const;
    const keys = (["recency", "age", "monetary", "weights"] as const).filter((key) => given(optional[key]));
    for (const key of definition.requires) {
      if (!(keys as readonly string[]).includes(key)) {
        throw valueError("models.columnRequired", { model: name, arg: argName[key as keyof typeof argName] });
      }
    }
    // One layout for all columns (trimmed once, a single cell repeated, a half-blank row named).
    // Histories are checked here, naming the cell (row n of a range, or the single cell); sbg's "frequency" holds
    // survivors, which may be shares.
    const rules: Record<string, NumberRule> =
      name === "sbg"
        ? {}
        : {
            frequency: HISTORY_RULES.frequency,
            recency: HISTORY_RULES.recency,
            T: HISTORY_RULES.T,
            weights: { nonNegative: true },
          };
    // The rows kept (blank rows left out): the engine numbers rows among them, the messages name the range's row.
    const kept: number[] = [];
    const read = readNumberColumns(
      [
        { arg: "frequency", value: frequency, rule: rules.frequency },
        ...keys.map((key) => ({ arg: argName[key], value: optional[key], rule: rules[argName[key]] })),
      ],
      kept,
    );
    const columns: FitColumns = { frequency: read[0] };
    keys.forEach((key, i) => (columns[key] = read[i + 1]));
    if (columns.frequency.length === 0) throw valueError("models.noCustomers", { arg: "frequency" });
    for (const [value, arg] of [
      [purchase_covariates, "purchase_covariates"],
      [dropout_covariates, "dropout_covariates"],
    ] as const) {
      if (given(value) && !definition.covariates) throw valueError("covariates.notSupported", { model: name, arg });
    }
    columns.purchaseCovariates = readFitCovariates(purchase_covariates, "purchase", kept);
    columns.dropoutCovariates = readFitCovariates(dropout_covariates, "dropout", kept);
    let fitted: ReturnType<typeof fitModel>;
    try {
      fitted = fitModel(definition, columns, fitOptions);
    } catch (error) {
      throw inRangeRows(error, kept);
    }
    // The table's message may name a row too (a huge frequency): the range's row, or its cell.
    const diagnosis = fitted.diagnosis?.map(
      (entry) => messageNamingCell(messageInRangeRows(entry, kept), addresses) as FitDiagnosis,
    );
    return toParameterTable(diagnosis ? { ...fitted, diagnosis } : fitted, currentLocale());
  }, addresses);
}

/** The models whose tables the per-customer functions take: every registered model with a purchase predictor. */
export const PREDICTION_MODELS: readonly ModelName[] = MODEL_DEFINITIONS.filter((d) => d.purchasePredictor).map(
  (d) => d.name,
);

/**
 * The predictors of a CUST.FIT table of any model that has one (BG/NBD, MBG/NBD, Pareto/NBD, NBD, GGompertz/NBD,
 * BG/BB) and the customers' covariates (purchase_covariates, dropout_covariates): one per distinct covariate row when
 * the table has coefficients (functions/covariates.ts), which then cannot be used without them. A table whose status
 * is not "converged" is still used as written: the function reference says so, and the pane shows the status.
 */
export function tablePredictors(
  table: unknown[][],
  functionName: string,
  purchaseCovariates: unknown,
  dropoutCovariates: unknown,
  models: readonly ModelName[] = PREDICTION_MODELS,
): PredictorSource {
  const fitted = readParameterTable(toGrid(table), models, functionName);
  return predictorSource(fitted, purchaseCovariates, dropoutCovariates);
}

/** A capability the model of the table may lack: #N/A saying which models have it. */
export function requireCapability<K extends keyof PurchasePredictor>(
  predictor: PurchasePredictor & { model: ModelName },
  capability: K,
  functionName: string,
): NonNullable<PurchasePredictor[K]> {
  const found = predictor[capability];
  if (found === undefined) {
    const models = MODEL_DEFINITIONS.filter((d) => d.purchasePredictor?.(SAMPLE_PARAMETERS[d.name])[capability])
      .map((d) => d.name)
      .join(", ");
    throw naError("residual.notAvailable", { function: functionName, model: predictor.model, models });
  }
  return found as NonNullable<PurchasePredictor[K]>;
}

/** requireCapability for a predictor source: every group's predictor has the capabilities of the base one. */
export function requireSourceCapability<K extends keyof PurchasePredictor>(
  source: PredictorSource,
  capability: K,
  functionName: string,
): void {
  requireCapability({ ...source.base, model: source.model }, capability, functionName);
}

/** Positive parameters of each model, only to ask its predictor which capabilities it has. */
const SAMPLE_PARAMETERS = Object.fromEntries(
  Object.entries(MODEL_PARAMETERS).map(([name, names]) => [name, Object.fromEntries(names.map((n) => [n, 1.5]))]),
) as Record<ModelName, Record<string, number>>;

/** What perCustomer may add to the history arguments (CUST.DERT's spend, CUST.LOGLIK's single column). */
export interface PerCustomerOptions {
  /**
   * A horizon laid out with the history (CUST.PURCHASES' t): a single cell is read once (a bad one fails the
   * formula); a range gives each cell its own horizon (a row of horizons by a column of customers), and `compute` is
   * called once per distinct horizon.
   */
  horizon?: RowArgument & { rule?: NumberRule };
  /** More per-row arguments, laid out with the history (so a column of spend follows a grid's rows). */
  extra?: readonly (RowArgument & { rule?: NumberRule })[];
  /** Each cell's prediction with the extra arguments' numbers in that cell (a spend: DERT × spend × margin). */
  combine?: (value: number, extra: readonly number[]) => number;
  /** The call needs one value per customer in a single column (a sum over customers): a grid is an error. */
  columnOnly?: boolean;
}

/**
 * Applies a per-customer prediction to the history arguments (x, t_x, T), by the shape rule (args.ts): a single cell
 * is repeated, a single row is used in every row and a single column in every column (so a column of frequencies and
 * a row of recencies give a frequency × recency grid), a cell blank in every range stays blank, a bad cell gives an
 * error in that cell only, naming it. The valid cells are computed together (`compute` gets them as typed columns,
 * with the predictor of their covariate group, and returns one value each), so a model can value a million customers
 * at the cost of a closed form each (src/engine/models/columns.ts); with covariates (one row per row of the result,
 * or one for all), once per distinct covariate row.
 */
export function perCustomer(
  frequency: unknown,
  recency: unknown,
  T: unknown,
  compute: (histories: HistoryColumns, predictor: PurchasePredictor, horizon: number) => Float64Array,
  source: PredictorSource,
  /** The arguments' addresses, when Excel gave them: a bad cell's message names it (addressesOf). */
  addresses?: ReadonlyMap<string, string>,
  options: PerCustomerOptions = {},
): Grid {
  const extra = options.extra ?? [];
  // The horizon, when there is one, is input 3 and the extra arguments follow it.
  const horizonInput = options.horizon ? [options.horizon] : [];
  const first = 3 + horizonInput.length;
  const inputs = [...historyArguments(frequency, recency, T), ...horizonInput, ...extra];
  const frame = rowFrame(inputs);
  const perCell = horizonInput.length > 0 && frame.isRange(3);
  const fixed = horizonInput.length > 0 && !perCell ? frameNumber(frame, horizonInput[0], 3, 0, 0) : NaN;
  if (options.columnOnly && frame.cols !== 1) {
    throw valueError("args.notColumn", { arg: inputs[widerArgument(frame, inputs.length)].arg });
  }
  const single = frame.single && (source.rows ?? 1) === 1;
  // All single cells with several rows of covariates: the same history for each covariate row.
  const rows = single || !frame.single ? frame.rows : source.rows!;
  const cols = frame.single ? 1 : frame.cols;
  source.checkRows(rows);
  const locale = currentLocale();
  const cells = rows * cols;
  const out: Grid = new Array(rows);
  // Packed rows (a literal for the usual single column): a million rows are a million small arrays.
  for (let r = 0; r < rows; r++) out[r] = cols === 1 ? [BLANK] : new Array<unknown>(cols).fill(BLANK);
  const read = [new Float64Array(cells), new Float64Array(cells), new Float64Array(cells)];
  const validCells = new Int32Array(cells);
  const groups = new Int32Array(cells);
  const horizons = perCell ? new Float64Array(cells) : null;
  const failed = (error: unknown, r: number, c: number) =>
    toExcelError(namingCell(frame.locate(error, r, c), addresses, c), locale);
  let valid = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!frame.single && frame.rowIsBlank(r, c)) {
        out[r][c] = BLANK;
        continue;
      }
      try {
        const customer = customerAt(frame, inputs, frame.single ? 0 : r, c);
        source.base.checkCustomer?.(customer, r + 1);
        if (horizons) horizons[valid] = frameNumber(frame, horizonInput[0], 3, r, c);
        groups[valid] = source.groupOf(r);
        read[0][valid] = customer.frequency;
        read[1][valid] = customer.recency;
        read[2][valid] = customer.age;
        validCells[valid++] = r * cols + c;
      } catch (error) {
        if (single) throw error;
        out[r][c] = failed(error, r, c);
      }
    }
  }
  const columns = read.map((column) => column.subarray(0, valid));
  const values = horizons
    ? byHorizon(horizons.subarray(0, valid), groups.subarray(0, valid), columns, source, compute)
    : byGroup(source, groups.subarray(0, valid), columns, (predictor, [x, tx, age]) =>
        compute({ frequency: x, recency: tx, age }, predictor, fixed),
      );
  for (let k = 0; k < valid; k++) {
    const r = Math.floor(validCells[k] / cols);
    const c = validCells[k] - r * cols;
    // A model that overflows for one customer gives an error with a message there, never NaN or Infinity.
    try {
      let value = values[k];
      if (value instanceof Error) throw value;
      if (options.combine) {
        const at = frame.single ? 0 : r;
        value = options.combine(
          value,
          extra.map((input, j) => frameNumber(frame, input, first + j, at, c)),
        );
      }
      out[r][c] = finite(value);
    } catch (error) {
      if (single) throw error;
      out[r][c] = failed(error, r, c);
    }
  }
  return out;
}

/**
 * The predictions of cells that have their own horizon: one `compute` per distinct horizon (each with the
 * covariate groups' predictors). A horizon the model refuses (a BG/BB horizon beyond its bound) gives its error in
 * those cells only.
 */
function byHorizon(
  horizons: Float64Array,
  groups: Int32Array,
  [x, tx, age]: Float64Array[],
  source: PredictorSource,
  compute: (histories: HistoryColumns, predictor: PurchasePredictor, horizon: number) => Float64Array,
): (number | Error)[] {
  const parts = new Map<number, number[]>();
  for (let i = 0; i < horizons.length; i++) {
    let part = parts.get(horizons[i]);
    if (!part) parts.set(horizons[i], (part = []));
    part.push(i);
  }
  const out: (number | Error)[] = new Array(horizons.length);
  for (const [h, part] of parts) {
    const pick = (column: Float64Array) => Float64Array.from(part, (i) => column[i]);
    try {
      const values = byGroup(
        source,
        Int32Array.from(part, (i) => groups[i]),
        [pick(x), pick(tx), pick(age)],
        (predictor, [fx, ftx, fage]) => compute({ frequency: fx, recency: ftx, age: fage }, predictor, h),
      );
      part.forEach((i, k) => (out[i] = values[k]));
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const i of part) out[i] = failure;
    }
  }
  return out;
}

/**
 * The horizon t of CUST.PALIVE, CUST.PURCHASES and CUST.PBUY as a per-row argument: a single cell, or a range of
 * horizons that combines with the customers' ranges (a row of horizons by a column of customers).
 */
function horizonArgument(t: unknown): RowArgument & { rule: NumberRule } {
  return { arg: "t", value: t, rule: { nonNegative: true } };
}

/** The engine's names for a horizon (BG/BB's "opportunities") as each function's argument. */
const T_NAME = { opportunities: "t" } as const;
const HOLDOUT_NAME = { opportunities: "holdout_length", t: "holdout_length" } as const;

/** A horizon argument (t, holdout_length): a number 0 or more, named as the function names it. */
export function readHorizon(value: unknown, arg: string): number {
  return readNumber(value, arg, { nonNegative: true });
}

/**
 * Probability that each customer is still active (P(alive)), now or t periods from now, from a model fitted by CUST.FIT. Computed from any table; check its status row.
 * @customfunction PALIVE
 * @helpurl https://localhost:3000/functions.html#PALIVE
 * @requiresParameterAddresses
 * @param model_table The table spilled by CUST.FIT (bgnbd, mbgnbd, pnbd, ggomnbd, nbd or bgbb).
 * @param frequency Repeat purchases per customer (x).
 * @param recency Time from first to last purchase (t_x), in the period used for the fit. For bgbb: the opportunity of the last transaction.
 * @param T Time from first purchase to the end of calibration, same period. For bgbb: the opportunities n.
 * @param [t] A future time: P(alive at T + t), t periods (bgbb: opportunities) from now; a row or column of times gives one result per time, by customer. Default 0: now (bgbb: at the next opportunity).
 * @param [purchase_covariates] For a table fitted with purchase covariates: the customers' values in the CUST.FIT columns (with header, or in that order), one row per customer or one for all.
 * @param [dropout_covariates] For a table fitted with drop-out covariates: the customers' values, same layout.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns P(alive) between 0 and 1, one per customer.
 */
export function palive(
  model_table: unknown[][],
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  t?: unknown[][],
  purchase_covariates?: unknown[][],
  dropout_covariates?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, [
    "model_table",
    "frequency",
    "recency",
    "T",
    "t",
    "purchase_covariates",
    "dropout_covariates",
  ]);
  return runFunction(() => {
    const source = tablePredictors(model_table, "CUST.PALIVE", purchase_covariates, dropout_covariates);
    if (!given(t)) {
      return perCustomer(
        frequency,
        recency,
        T,
        (histories, predictor) => aliveColumn(predictor, histories),
        source,
        addresses,
      );
    }
    requireSourceCapability(source, "probabilityAliveAt", "CUST.PALIVE");
    return perCustomer(
      frequency,
      recency,
      T,
      (histories, predictor, later) =>
        conditionalColumn(predictor, histories, aliveColumn(predictor, histories), (customer) =>
          predictor.probabilityAliveAt!(customer, later),
        ),
      source,
      addresses,
      { horizon: horizonArgument(t) },
    );
  }, addresses);
}

/**
 * Churn risk (attrition score): 1 − P(alive), the probability that the customer has already left.
 * @customfunction CHURNRISK
 * @helpurl https://localhost:3000/functions.html#CHURNRISK
 * @requiresParameterAddresses
 * @param model_table The parameter table spilled by CUST.FIT (bgnbd, mbgnbd, pnbd, ggomnbd, nbd or bgbb).
 * @param frequency Repeat purchases per customer (x).
 * @param recency Time from first to last purchase (t_x), in the period used for the fit.
 * @param T Time from first purchase to the end of calibration, same period.
 * @param [purchase_covariates] For a table fitted with purchase covariates: the customers' values in the CUST.FIT columns (with header, or in that order), one row per customer or one for all.
 * @param [dropout_covariates] For a table fitted with drop-out covariates: the customers' values, same layout.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns The probability the customer is gone, one per customer.
 */
export function churnrisk(
  model_table: unknown[][],
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  purchase_covariates?: unknown[][],
  dropout_covariates?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, [
    "model_table",
    "frequency",
    "recency",
    "T",
    "purchase_covariates",
    "dropout_covariates",
  ]);
  return runFunction(() => {
    const source = tablePredictors(model_table, "CUST.CHURNRISK", purchase_covariates, dropout_covariates);
    return perCustomer(
      frequency,
      recency,
      T,
      (histories, predictor) => aliveColumn(predictor, histories).map((p) => 1 - p),
      source,
      addresses,
    );
  }, addresses);
}

/**
 * Expected purchases in the next t periods for each customer; without a history, for a customer just acquired (E[X(t)]).
 * @customfunction PURCHASES
 * @helpurl https://localhost:3000/functions.html#PURCHASES
 * @requiresParameterAddresses
 * @param model_table The parameter table spilled by CUST.FIT (bgnbd, mbgnbd, pnbd, ggomnbd, nbd or bgbb).
 * @param t Horizon in the fit's period (52: a year of weekly data); a row or column of horizons gives one result per horizon, by customer. For bgbb: the next n_star opportunities, a whole number up to 1,000,000 (the work does not grow with it).
 * @param [frequency] Repeat purchases per customer (x). Omit all three for a new customer.
 * @param [recency] Time from first to last purchase (t_x).
 * @param [T] Time from first purchase to the end of calibration.
 * @param [purchase_covariates] For a table fitted with purchase covariates: the customers' values in the CUST.FIT columns (with header, or in that order), one row per customer or one for all. For a new customer: one row per profile.
 * @param [dropout_covariates] For a table fitted with drop-out covariates: the customers' values, same layout.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns Expected number of purchases, one per customer.
 */
export function purchases(
  model_table: unknown[][],
  t: unknown[][],
  frequency?: unknown[][],
  recency?: unknown[][],
  T?: unknown[][],
  purchase_covariates?: unknown[][],
  dropout_covariates?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, [
    "model_table",
    "t",
    "frequency",
    "recency",
    "T",
    "purchase_covariates",
    "dropout_covariates",
  ]);
  return runFunction(() => {
    const source = tablePredictors(model_table, "CUST.PURCHASES", purchase_covariates, dropout_covariates);
    const history = { frequency, recency, T };
    const names = Object.keys(history) as (keyof typeof history)[];
    const present = names.filter((key) => given(history[key]));
    if (present.length === 0) {
      const horizons = rowFrame([horizonArgument(t)]);
      if (!horizons.single) {
        // A range of horizons for a customer just acquired: one value per horizon (a curve). With several profiles
        // (covariate rows), a row of horizons is used for each profile (profiles down, horizons across); a column
        // or grid of horizons goes with one profile per row.
        const rows = horizons.rows === 1 ? (source.rows ?? 1) : horizons.rows;
        source.checkRows(rows);
        const locale = currentLocale();
        const out: Grid = [];
        for (let r = 0; r < rows; r++) {
          const at = horizons.rows === 1 ? 0 : r;
          const line: unknown[] = [];
          for (let c = 0; c < horizons.cols; c++) {
            if (horizons.rowIsBlank(at, c)) {
              line.push(BLANK);
              continue;
            }
            try {
              const horizon = frameNumber(horizons, horizonArgument(t), 0, at, c);
              const predictor = source.predictor(source.groupOf(r));
              line.push(finite(namingArgument(() => predictor.expectedPurchasesNewCustomer(horizon), T_NAME)));
            } catch (error) {
              line.push(toExcelError(namingCell(horizons.locate(error, at, c), addresses, c), locale));
            }
          }
          out.push(line);
        }
        return out;
      }
      const horizon = readHorizon(t, "t");
      // A customer just acquired: one value per covariate row (a profile), or one without covariates.
      const rows = source.rows ?? 1;
      const out: Grid = [];
      for (let r = 0; r < rows; r++) {
        try {
          out.push([
            finite(
              namingArgument(() => source.predictor(source.groupOf(r)).expectedPurchasesNewCustomer(horizon), T_NAME),
            ),
          ]);
        } catch (error) {
          if (rows === 1) throw error;
          out.push([toExcelError(error)]);
        }
      }
      return out;
    }
    if (present.length < 3) {
      const missing = names.filter((key) => !present.includes(key));
      throw valueError("history.incomplete", { missing: missing.join(", "), given: present.join(", ") });
    }
    return perCustomer(
      frequency,
      recency,
      T,
      (histories, predictor, horizon) =>
        namingArgument(
          () =>
            conditionalColumn(predictor, histories, aliveColumn(predictor, histories), (customer) =>
              predictor.expectedPurchases(customer, horizon),
            ),
          T_NAME,
        ),
      source,
      addresses,
      { horizon: horizonArgument(t) },
    );
  }, addresses);
}

/**
 * Probability of at least one purchase in the next t periods (appetence score): alive, and buying again within t.
 * @customfunction PBUY
 * @helpurl https://localhost:3000/functions.html#PBUY
 * @requiresParameterAddresses
 * @param model_table The parameter table spilled by CUST.FIT (bgnbd, mbgnbd, pnbd, ggomnbd, nbd or bgbb).
 * @param t Horizon, in the period used for the fit; a row or column of horizons gives one result per horizon, by customer. For bgbb: opportunities, a whole number up to 1,000.
 * @param frequency Repeat purchases per customer (x).
 * @param recency Time from first to last purchase (t_x).
 * @param T Time from first purchase to the end of calibration.
 * @param [purchase_covariates] For a table fitted with purchase covariates: the customers' values in the CUST.FIT columns (with header, or in that order), one row per customer or one for all.
 * @param [dropout_covariates] For a table fitted with drop-out covariates: the customers' values, same layout.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns A probability between 0 and 1, one per customer.
 */
export function pbuy(
  model_table: unknown[][],
  t: unknown[][],
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  purchase_covariates?: unknown[][],
  dropout_covariates?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, [
    "model_table",
    "t",
    "frequency",
    "recency",
    "T",
    "purchase_covariates",
    "dropout_covariates",
  ]);
  return runFunction(() => {
    const source = tablePredictors(model_table, "CUST.PBUY", purchase_covariates, dropout_covariates);
    requireSourceCapability(source, "probabilityOfAnyPurchase", "CUST.PBUY");
    return perCustomer(
      frequency,
      recency,
      T,
      (histories, predictor, horizon) =>
        namingArgument(
          () =>
            conditionalColumn(predictor, histories, aliveColumn(predictor, histories), (customer) =>
              predictor.probabilityOfAnyPurchase!(customer, horizon),
            ),
          T_NAME,
        ),
      source,
      addresses,
      { horizon: horizonArgument(t) },
    );
  }, addresses);
}

/**
 * Calibration/holdout check: customers grouped by repeat purchases in calibration (0, 1, … 7+), actual vs predicted mean holdout purchases; then predicted and actual totals, % error and mean absolute error.
 * @customfunction HOLDOUTCHECK
 * @helpurl https://localhost:3000/functions.html#HOLDOUTCHECK
 * @requiresParameterAddresses
 * @param model_table The parameter table CUST.FIT spilled from the calibration period (bgnbd, mbgnbd, pnbd, ggomnbd, nbd or bgbb).
 * @param frequency Repeat purchases per customer in calibration (x).
 * @param recency Time from first to last calibration purchase (t_x).
 * @param T Time from first purchase to the end of calibration.
 * @param holdout_purchases Purchases each customer actually made in the holdout period.
 * @param holdout_length Length of the holdout period, in the period used for the fit (e.g. 39 weeks). For bgbb: opportunities.
 * @param [max_group] Last frequency group, which collects every customer with that many or more. Default 7. Any whole number from 1: only the groups some customer falls in are listed, so the work does not grow with it.
 * @param [purchase_covariates] For a table fitted with purchase covariates: the customers' values in the CUST.FIT columns (with header, or in that order), one row per customer or one for all.
 * @param [dropout_covariates] For a table fitted with drop-out covariates: the customers' values, same layout.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns A table with a header row: group, customers, actual mean, predicted mean; a row for all customers; then the accuracy: predicted and actual totals, % error, mean absolute error per customer.
 */
export function holdoutcheck(
  model_table: unknown[][],
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  holdout_purchases: unknown[][],
  holdout_length: unknown,
  max_group?: unknown,
  purchase_covariates?: unknown[][],
  dropout_covariates?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, [
    "model_table",
    "frequency",
    "recency",
    "T",
    "holdout_purchases",
    "holdout_length",
    "max_group",
    "purchase_covariates",
    "dropout_covariates",
  ]);
  return runFunction(() => {
    const source = tablePredictors(model_table, "CUST.HOLDOUTCHECK", purchase_covariates, dropout_covariates);
    const length = readHorizon(holdout_length, "holdout_length");
    const maxGroup = readNumber(max_group, "max_group", { default: 7, integer: true, min: 1 });
    const kept: number[] = [];
    const [x, tx, age, holdout] = readNumberColumns(
      [
        ...historyArguments(frequency, recency, T),
        { arg: "holdout_purchases", value: holdout_purchases, rule: { nonNegative: true } },
      ],
      kept,
    );
    if (x.length === 0) throw valueError("models.noCustomers", { arg: "frequency" });
    source.checkRows(kept.length === 0 ? 0 : kept[kept.length - 1] + 1);
    const groups = new Int32Array(x.length);
    x.forEach((_, i) => {
      checkCustomer(x[i], tx[i], age[i], kept[i] + 1);
      source.base.checkCustomer?.({ frequency: x[i], recency: tx[i], age: age[i] }, kept[i] + 1);
      groups[i] = source.groupOf(kept[i]);
    });
    try {
      checkHoldout(x, tx, age, holdout);
    } catch (error) {
      throw inRangeRows(error, kept);
    }
    const expected = byGroup(source, groups, [x, tx, age], (predictor, [fx, ftx, fage]) => {
      const histories = { frequency: fx, recency: ftx, age: fage };
      return namingArgument(
        () =>
          conditionalColumn(predictor, histories, aliveColumn(predictor, histories), (customer) =>
            predictor.expectedPurchases(customer, length),
          ),
        HOLDOUT_NAME,
      );
    });
    const { rows, total, accuracy } = holdoutFromExpected(x, holdout, expected, maxGroup);
    const locale = currentLocale();
    const label = (bucket: number) => (bucket === maxGroup ? `${bucket}+` : bucket);
    const summary = (key: Parameters<typeof t>[0], value: number) => [
      t(key, {}, locale),
      Number.isFinite(value) ? value : BLANK,
      BLANK,
      BLANK,
    ];
    return [
      [
        t("models.holdoutHeaderBucket", {}, locale),
        t("models.holdoutHeaderCustomers", {}, locale),
        t("models.holdoutHeaderActual", {}, locale),
        t("models.holdoutHeaderPredicted", {}, locale),
      ],
      ...rows.map((row) => [label(row.bucket), row.customers, row.actual, row.predicted]),
      [t("models.holdoutHeaderTotal", {}, locale), total.customers, total.actual, total.predicted],
      summary("diagnostics.accuracyPredictedTotal", accuracy.predictedTotal),
      summary("diagnostics.accuracyActualTotal", accuracy.actualTotal),
      summary("diagnostics.accuracyError", accuracy.relativeError),
      summary("diagnostics.accuracyMae", accuracy.meanAbsoluteError),
    ];
  }, addresses);
}
