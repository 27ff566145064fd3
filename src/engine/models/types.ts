/**
 * The contract shared by the buy-till-you-die models, their fitting, the CUST.FIT parameter table and
 * predictive CLV. Time is always in the data's own period (the summary's time unit: days, weeks or months).
 */
import type { CompressedHistories } from "./compress";
import type { FrequencyGroup } from "./frequency-groups";
import type { MessageKey } from "../../i18n";

/** One customer's calibration history, as in the BTYD literature. */
export interface CustomerHistory {
  /** x: repeat purchases (purchase periods after the first one). */
  frequency: number;
  /** t_x: time from the first to the last purchase (0 when frequency = 0). */
  recency: number;
  /** T: time from the first purchase to the end of calibration. */
  age: number;
}

export type PurchaseModelName = "bgnbd" | "mbgnbd" | "pnbd" | "nbd" | "ggomnbd";
export type ModelName = PurchaseModelName | "gg" | "bgbb" | "sbg";

export type Parameters = Readonly<Record<string, number>>;

/**
 * How a fit ended, as CUST.FIT's status row says it (these English keywords in every language, so formulas can
 * test them): "converged" at a maximum of the likelihood inside the parameter space; "boundary" when the
 * likelihood rises towards the edge of the space (parameters running to 0 or ∞: the model reduces to a simpler
 * one, or the data cannot pin it down); "not converged" when the search stopped without reaching either.
 */
export type FitStatus = "converged" | "boundary" | "not converged";
export const FIT_STATUSES: readonly FitStatus[] = ["converged", "boundary", "not converged"];

/** What a fit's status means for the user: a catalogue message (and its values), said in their language. */
export interface FitDiagnosis {
  key: MessageKey;
  params: Readonly<Record<string, string | number>>;
}

/** A fitted model as CUST.FIT spills it and the other functions read it back. */
export interface FittedModel {
  model: ModelName;
  params: Parameters;
  logLikelihood: number;
  /** True only when status is "converged" (for fits diagnosed by fitModel / read from a table). */
  converged: boolean;
  /** Set by fitModel (registry.ts) and by the table reader; absent on a model's raw fit. */
  status?: FitStatus;
  /** The plain-words explanation(s) of the status, in order. */
  diagnosis?: readonly FitDiagnosis[];
  /** Customers (or cohort members) the fit used. */
  n: number;
  /** Standard errors from the Hessian, by parameter name (NaN when the Hessian is not invertible). */
  standardErrors?: Parameters;
  /** The optimiser's own (English, technical) note; never shown next to a converged status. */
  message?: string;
  /**
   * Rows of a CUST.FIT table this version does not know (e.g. covariate coefficients written by a newer
   * version), by lower-case label: kept when a table is read so extensions can use them.
   */
  extra?: Readonly<Record<string, unknown>>;
  /**
   * Static covariates the fit used, by process (header names, in order). Their coefficients are in params and
   * standardErrors as "purchase.<name>" and "dropout.<name>" (see covariates.ts).
   */
  covariates?: CovariateNames;
}

/** The covariate names of a fit, per process. */
export interface CovariateNames {
  purchase: readonly string[];
  dropout: readonly string[];
}

/** One process's static covariates: a name per column and one row per customer (row-major values). */
export interface CovariateTable {
  names: readonly string[];
  values: Float64Array;
}

/**
 * How a model takes static covariates (CLVTools' definition): each listed base parameter p becomes, for a customer
 * with covariate row z, p · exp(sign · γ·z), with one coefficient vector γ per process.
 */
export interface CovariateCapability {
  purchase: readonly { parameter: string; sign: 1 | -1 }[];
  dropout: readonly { parameter: string; sign: 1 | -1 }[];
  /**
   * For a group of customers who share their parameters: −log L and its gradient in the base parameters (in the
   * order of MODEL_PARAMETERS), prepared once for repeated evaluations; and its Hessian (row-major) when `hessian` is
   * passed, for a model whose capability sets `exactHessian`.
   */
  groupNegLogLikelihood(
    data: CompressedHistories,
  ): (params: ArrayLike<number>, gradient: Float64Array, hessian?: Float64Array) => number;
  /**
   * True when groupNegLogLikelihood fills the Hessian: the fit with covariates is then Newton's method (a handful
   * of passes over the customers instead of hundreds in BFGS's line searches) and its standard errors need one pass.
   */
  exactHessian?: boolean;
}

/** What every purchase model (BG/NBD, MBG/NBD, Pareto/NBD, NBD, GGompertz/NBD) predicts for a customer. */
export interface PurchasePredictor {
  /** P(alive | x, t_x, T). */
  probabilityAlive(customer: CustomerHistory): number;
  /**
   * P(alive) of many customers at once, the same values as probabilityAlive to 1e-10 or better, for a model whose
   * per-customer form is costly (Pareto/NBD's death integral); the rows are valid histories. `groups`: the rows
   * grouped by frequency (customersByFrequency of these columns), when the caller keeps them across many predictors.
   */
  probabilityAliveColumn?(
    frequency: ArrayLike<number>,
    recency: ArrayLike<number>,
    age: ArrayLike<number>,
    groups?: readonly FrequencyGroup[],
  ): Float64Array;
  /** E[Y(t) | x, t_x, T]: expected purchases in the next t periods. */
  expectedPurchases(customer: CustomerHistory, t: number): number;
  /**
   * E[Y(t) | x, T, alive]: the purchases expected in the next t of a customer known to be alive at T, for a model
   * where it has a closed form. The CLV column then takes it directly instead of E[Y(t) | x, t_x = T] / P(alive),
   * which both underflow when P(alive) is below 1e-200 at the representative history (Pareto/NBD at x = 0 with
   * r + s in the thousands and α, β tiny: each such customer was valued alone, 120 months of the death integral).
   */
  expectedPurchasesIfAlive?(frequency: number, age: number, t: number): number;
  /** E[X(t)] for a customer just acquired. */
  expectedPurchasesNewCustomer(t: number): number;
  /** P(X(t) = n) for a customer just acquired. */
  probabilityOfPurchases(n: number, t: number): number;
  /**
   * True when probabilityOfPurchases is a numerical integral (Pareto/NBD, GGompertz/NBD: up to ~10 ms a value)
   * rather than a closed form: CUST.PNPURCHASES then bounds how many different values one call computes.
   */
  costlyProbabilityOfPurchases?: boolean;
  /** P(Y(t) > 0 | x, t_x, T): at least one purchase in the next t periods (the appetence score). */
  probabilityOfAnyPurchase?(customer: CustomerHistory, t: number): number;
  /**
   * True for the continuous-time models, whose E[Y(t) | x, T, alive] is an analytic function of T: the CLV of
   * many customers may then interpolate it in T (see predictiveClvColumn).
   */
  smoothInAge?: boolean;
  /**
   * Optional capabilities. The functions and the pane discover them here (never by model name): a model that
   * lacks one gives a clear "not available for this model" message.
   */
  /** Time is counted in whole transaction opportunities (BG/BB): horizons and histories are whole numbers. */
  discrete?: boolean;
  /** Checks a history more strictly than x ≥ 0, 0 ≤ t_x ≤ T (e.g. BG/BB's x ≤ t_x), naming the sheet row. */
  checkCustomer?(customer: CustomerHistory, row: number): void;
  /** P(alive at T + t | x, t_x, T); t = 0 is probabilityAlive. */
  probabilityAliveAt?(customer: CustomerHistory, t: number): number;
  /**
   * DERT: the discounted expected residual transactions, Σ or ∫ of the expected transactions after T, each
   * discounted to T, with `periodRate` the discount rate of one period of the data (continuous models discount
   * continuously at δ = ln(1 + periodRate) a period, the same present value).
   */
  discountedResidualPurchases?(customer: CustomerHistory, periodRate: number): number;
  /**
   * The same over the next `periods` periods only (a discrete model's finite horizon: the predictive CLV of BG/BB),
   * each period's expected transactions discounted at `periodRate` (0 allowed); its cost does not grow with periods.
   */
  discountedPurchasesWithin?(customer: CustomerHistory, periodRate: number, periods: number): number;
  /** ln L of the parameters for one customer's history (the likelihood CUST.FIT maximises). */
  logLikelihood?(customer: CustomerHistory): number;
  /**
   * logLikelihood of many customers at once, the same values to 1e-10 or better, for a model whose per-customer form
   * is costly (GGompertz/NBD's death integral); the rows are valid histories.
   */
  logLikelihoodColumn?(frequency: ArrayLike<number>, recency: ArrayLike<number>, age: ArrayLike<number>): Float64Array;
}

/** The parameters of each model, in the order CUST.FIT lists them. */
export const MODEL_PARAMETERS: Readonly<Record<ModelName, readonly string[]>> = {
  bgnbd: ["r", "alpha", "a", "b"],
  mbgnbd: ["r", "alpha", "a", "b"],
  pnbd: ["r", "alpha", "s", "beta"],
  nbd: ["r", "alpha"],
  ggomnbd: ["r", "alpha", "b", "s", "beta"],
  gg: ["p", "q", "gamma"],
  bgbb: ["alpha", "beta", "gamma", "delta"],
  sbg: ["alpha", "beta"],
};

export const MODEL_NAMES = Object.keys(MODEL_PARAMETERS) as ModelName[];
export const PURCHASE_MODELS: readonly PurchaseModelName[] = ["bgnbd", "mbgnbd", "pnbd", "nbd", "ggomnbd"];

/**
 * The columns CUST.FIT received, as numbers (blank cells NaN), before any model-specific check.
 * Which ones a model reads: purchase models frequency/recency/age; gg frequency/monetary;
 * bgbb frequency/recency/age (= n_periods); sbg frequency (= survivors at the start of each period).
 * weights, when given, counts how many customers each row stands for.
 */
export interface FitColumns {
  frequency: Float64Array;
  /** Static covariates of the purchase and drop-out processes, one row per customer (models with the capability). */
  purchaseCovariates?: CovariateTable;
  dropoutCovariates?: CovariateTable;
  recency?: Float64Array;
  age?: Float64Array;
  monetary?: Float64Array;
  weights?: Float64Array;
}

export interface FitOptions {
  /** L2 penalty coefficient on the parameters (lifetimes' penalizer_coef). Default 0. */
  penalty?: number;
  /** Optimiser iterations per start. */
  maxIterations?: number;
}
