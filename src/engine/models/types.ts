/**
 * The contract shared by the buy-till-you-die models, their fitting, the CUST.FIT parameter table and
 * predictive CLV. Time is always in the data's own period (the summary's time unit: days, weeks or months).
 */

/** One customer's calibration history, as in the BTYD literature. */
export interface CustomerHistory {
  /** x: repeat purchases (purchase periods after the first one). */
  frequency: number;
  /** t_x: time from the first to the last purchase (0 when frequency = 0). */
  recency: number;
  /** T: time from the first purchase to the end of calibration. */
  age: number;
}

export type PurchaseModelName = "bgnbd" | "mbgnbd" | "pnbd";
export type ModelName = PurchaseModelName | "gg" | "bgbb" | "sbg";

export type Parameters = Readonly<Record<string, number>>;

/** A fitted model as CUST.FIT spills it and the other functions read it back. */
export interface FittedModel {
  model: ModelName;
  params: Parameters;
  logLikelihood: number;
  converged: boolean;
  /** Customers (or cohort members) the fit used. */
  n: number;
  /** Standard errors from the Hessian, by parameter name (NaN when the Hessian is not invertible). */
  standardErrors?: Parameters;
  /** Free text the optimiser gives when it did not converge. */
  message?: string;
}

/** What every purchase model (BG/NBD, MBG/NBD, Pareto/NBD) predicts for a customer. */
export interface PurchasePredictor {
  /** P(alive | x, t_x, T). */
  probabilityAlive(customer: CustomerHistory): number;
  /** E[Y(t) | x, t_x, T]: expected purchases in the next t periods. */
  expectedPurchases(customer: CustomerHistory, t: number): number;
  /** E[X(t)] for a customer just acquired. */
  expectedPurchasesNewCustomer(t: number): number;
  /** P(X(t) = n) for a customer just acquired. */
  probabilityOfPurchases(n: number, t: number): number;
}
