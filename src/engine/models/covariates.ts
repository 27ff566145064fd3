/**
 * Static (time-invariant) covariates in the purchase models, as CLVTools defines them (Bachmann, Meierer, Näf et
 * al., CLVTools; Fader & Hardie 2007, "Incorporating time-invariant covariates into the Pareto/NBD and BG/NBD
 * models", note 019): a customer with covariate row z has the model's parameters with the listed ones scaled,
 * p_i = p · exp(sign · γ·z), one coefficient vector γ for the purchase process and one for the drop-out process.
 * Which parameters carry them is each model's CovariateCapability (registry.ts); nothing here knows a model by name.
 *
 * Fit: customers with the same covariate rows share their parameters, so the likelihood is a sum over covariate
 * groups of the model's own compressed likelihood (with its analytic gradient in the base parameters); the gradient
 * in the coefficients follows by the chain rule. BFGS on (log base parameters, coefficients), started at the fit
 * without covariates and γ = 0; standard errors from the Hessian (delta method for the base parameters).
 */
import { valueError } from "../errors";
import { invertMatrix, hessianFromGradient } from "../optim/hessian";
import { minimize } from "../optim/minimize";
import { compressHistories } from "./compress";
import {
  CovariateCapability,
  CovariateNames,
  CovariateTable,
  FitColumns,
  FitOptions,
  FittedModel,
  MODEL_PARAMETERS,
  Parameters,
} from "./types";

/** The params key of a coefficient: "purchase.Gender", "dropout.Channel". */
export const coefficientKey = (process: "purchase" | "dropout", name: string) => `${process}.${name}`;

/** Number of coefficients of a fit (for AIC/BIC). */
export const coefficientCount = (names?: CovariateNames) => (names ? names.purchase.length + names.dropout.length : 0);

/**
 * A customer's own parameters: the base parameters with those the capability lists scaled by exp(sign · γ·z).
 * `purchaseRow` and `dropoutRow` are in the order of the fit's covariate names.
 */
export function individualParameters(
  params: Parameters,
  capability: CovariateCapability,
  names: CovariateNames,
  purchaseRow: ArrayLike<number>,
  dropoutRow: ArrayLike<number>,
): Record<string, number> {
  const out: Record<string, number> = { ...params };
  const apply = (process: "purchase" | "dropout", row: ArrayLike<number>) => {
    let score = 0;
    names[process].forEach((name, k) => (score += params[coefficientKey(process, name)] * row[k]));
    for (const { parameter, sign } of capability[process]) out[parameter] *= Math.exp(sign * score);
  };
  apply("purchase", purchaseRow);
  apply("dropout", dropoutRow);
  return out;
}

/**
 * Bounds on the work of a fit with covariates. Each coefficient adds a dimension to the search and two gradients to
 * the standard errors: at most MAX_COVARIATES per process. Each distinct covariate row is a group with its own
 * likelihood terms (customers compress only within their group, and a group's terms cost a few microseconds each
 * per evaluation whatever its size): at most MAX_COVARIATE_ROWS distinct rows, so the work is at most
 * (max_iterations + the Hessian's gradients) × min(customers, distinct histories × rows) terms.
 */
export const MAX_COVARIATES = 10;
export const MAX_COVARIATE_ROWS = 256;

/** Throws, saying what to change, when the covariates exceed MAX_COVARIATES columns or MAX_COVARIATE_ROWS rows. */
export function checkCovariateBounds(columns: FitColumns): void {
  const tables = [
    ["purchase_covariates", columns.purchaseCovariates],
    ["dropout_covariates", columns.dropoutCovariates],
  ] as const;
  for (const [arg, table] of tables) {
    const found = table?.names.length ?? 0;
    if (found > MAX_COVARIATES) throw valueError("covariates.tooManyColumns", { arg, found, max: MAX_COVARIATES });
  }
  const rows = new Set<string>();
  const n = columns.frequency.length;
  for (let i = 0; i < n; i++) {
    let key = "";
    for (const [, table] of tables) {
      const k = table?.names.length ?? 0;
      for (let j = 0; j < k; j++) key += `${table!.values[i * k + j]}|`;
    }
    rows.add(key);
    if (rows.size > MAX_COVARIATE_ROWS) throw valueError("covariates.tooManyRows", { max: MAX_COVARIATE_ROWS });
  }
}

/** Individual parameters beyond these are refused during the search (the likelihood is then taken as 0). */
const PARAMETER_RANGE = { low: 1e-8, high: 1e8 } as const;

interface Group {
  purchase: Float64Array;
  dropout: Float64Array;
  evaluate: (params: ArrayLike<number>, gradient: Float64Array) => number;
}

function groupsOf(columns: FitColumns, capability: CovariateCapability): Group[] {
  const n = columns.frequency.length;
  const purchase = columns.purchaseCovariates;
  const dropout = columns.dropoutCovariates;
  const kp = purchase?.names.length ?? 0;
  const kd = dropout?.names.length ?? 0;
  const members = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key: number[] = [];
    for (let k = 0; k < kp; k++) key.push(purchase!.values[i * kp + k]);
    for (let k = 0; k < kd; k++) key.push(dropout!.values[i * kd + k]);
    const text = key.join("|");
    let list = members.get(text);
    if (!list) members.set(text, (list = []));
    list.push(i);
  }
  const groups: Group[] = [];
  for (const rows of members.values()) {
    const pick = (column: Float64Array | undefined) => (column ? Float64Array.from(rows, (i) => column[i]) : undefined);
    const frequency = pick(columns.frequency)!;
    const data = compressHistories(
      frequency,
      pick(columns.recency) ?? new Float64Array(rows.length),
      pick(columns.age) ?? new Float64Array(rows.length),
      pick(columns.weights),
    );
    if (data.size === 0) continue;
    const first = rows[0];
    groups.push({
      purchase: purchase ? purchase.values.slice(first * kp, first * kp + kp) : new Float64Array(0),
      dropout: dropout ? dropout.values.slice(first * kd, first * kd + kd) : new Float64Array(0),
      evaluate: capability.groupNegLogLikelihood(data),
    });
  }
  return groups;
}

/**
 * −log L of a model with static covariates and its gradient, in θ = (log base parameters, γ_purchase, γ_dropout)
 * (names in MODEL_PARAMETERS and the tables' order): what the fit minimises, and whose Hessian gives the standard
 * errors and the ranges' correlations (src/engine/forecast/uncertainty.ts). Infinity where a customer's own
 * parameters leave PARAMETER_RANGE.
 */
export function covariateNegLogLikelihood(
  model: FittedModel["model"],
  capability: CovariateCapability,
  columns: FitColumns,
): (theta: Float64Array, gradient?: Float64Array) => number {
  const baseNames = MODEL_PARAMETERS[model];
  const kb = baseNames.length;
  const kp = columns.purchaseCovariates?.names.length ?? 0;
  const kd = columns.dropoutCovariates?.names.length ?? 0;
  const groups = groupsOf(columns, capability);
  const index = new Map(baseNames.map((name, i) => [name, i]));
  const purchaseScaled = capability.purchase.map(({ parameter, sign }) => ({ at: index.get(parameter)!, sign }));
  const dropoutScaled = capability.dropout.map(({ parameter, sign }) => ({ at: index.get(parameter)!, sign }));

  const own = new Float64Array(kb);
  const groupGradient = new Float64Array(kb);
  return (theta: Float64Array, gradient?: Float64Array) => {
    if (gradient) gradient.fill(0);
    let sum = 0;
    for (const group of groups) {
      let purchaseScore = 0;
      let dropoutScore = 0;
      for (let k = 0; k < kp; k++) purchaseScore += theta[kb + k] * group.purchase[k];
      for (let k = 0; k < kd; k++) dropoutScore += theta[kb + kp + k] * group.dropout[k];
      for (let j = 0; j < kb; j++) own[j] = Math.exp(theta[j]);
      for (const { at, sign } of purchaseScaled) own[at] *= Math.exp(sign * purchaseScore);
      for (const { at, sign } of dropoutScaled) own[at] *= Math.exp(sign * dropoutScore);
      // A trial step far outside any plausible fit (a line search's first guess): not worth the model's integrals.
      for (let j = 0; j < kb; j++)
        if (!(own[j] > PARAMETER_RANGE.low && own[j] < PARAMETER_RANGE.high)) return Infinity;
      const value = group.evaluate(own, groupGradient);
      if (!Number.isFinite(value)) return Infinity;
      sum += value;
      if (!gradient) continue;
      // ∂/∂ log p_j = p_j ∂/∂p_j; ∂p_j/∂γ_k = sign · z_k · p_j for the scaled parameters.
      for (let j = 0; j < kb; j++) gradient[j] += groupGradient[j] * own[j];
      for (const { at, sign } of purchaseScaled) {
        const slope = groupGradient[at] * own[at] * sign;
        for (let k = 0; k < kp; k++) gradient[kb + k] += slope * group.purchase[k];
      }
      for (const { at, sign } of dropoutScaled) {
        const slope = groupGradient[at] * own[at] * sign;
        for (let k = 0; k < kd; k++) gradient[kb + kp + k] += slope * group.dropout[k];
      }
    }
    return sum;
  };
}

/**
 * Fits the model with static covariates. `baseFit` is the model's fit without covariates (the start).
 * Returns the fit with the coefficients in params ("purchase.<name>", "dropout.<name>") and `covariates` set.
 */
export function fitWithCovariates(
  baseFit: FittedModel,
  capability: CovariateCapability,
  columns: FitColumns,
  options: FitOptions = {},
): FittedModel {
  const baseNames = MODEL_PARAMETERS[baseFit.model];
  const names: CovariateNames = {
    purchase: columns.purchaseCovariates?.names ?? [],
    dropout: columns.dropoutCovariates?.names ?? [],
  };
  const kb = baseNames.length;
  const kp = names.purchase.length;
  const kd = names.dropout.length;
  checkCovariateBounds(columns);
  const dimension = kb + kp + kd;
  const total = baseFit.n > 0 ? baseFit.n : 1;
  const penalty = options.penalty ?? 0;
  /** −log L (unscaled) and its gradient in θ = (log base, γ_purchase, γ_dropout). */
  const negLogLikelihood = covariateNegLogLikelihood(baseFit.model, capability, columns);
  // The per-customer penalised objective: −log L / n + c (Σ p² + Σ γ²).
  const scratch = new Float64Array(dimension);
  const objective = (theta: Float64Array) => {
    const value = negLogLikelihood(theta);
    if (!Number.isFinite(value)) return Infinity;
    let size = 0;
    for (let j = 0; j < dimension; j++) size += j < kb ? Math.exp(2 * theta[j]) : theta[j] * theta[j];
    return value / total + penalty * size;
  };
  const gradient = (theta: Float64Array, out: Float64Array) => {
    negLogLikelihood(theta, scratch);
    for (let j = 0; j < dimension; j++) {
      out[j] = scratch[j] / total + 2 * penalty * (j < kb ? Math.exp(2 * theta[j]) : theta[j]);
    }
  };
  const start = new Float64Array(dimension);
  baseNames.forEach((name, j) => (start[j] = Math.log(baseFit.params[name])));
  const result = minimize(objective, start, {
    gradient,
    maxIterations: options.maxIterations ?? 300,
    gradientTolerance: 1e-8,
  });
  const theta = result.x;
  const params: Record<string, number> = {};
  baseNames.forEach((name, j) => (params[name] = Math.exp(theta[j])));
  names.purchase.forEach((name, k) => (params[coefficientKey("purchase", name)] = theta[kb + k]));
  names.dropout.forEach((name, k) => (params[coefficientKey("dropout", name)] = theta[kb + kp + k]));
  // Standard errors: the inverse Hessian of −log L in θ; a base parameter's is p · se(log p) (delta method).
  const hessian = hessianFromGradient((x, out) => {
    negLogLikelihood(Float64Array.from(x), out);
  }, theta);
  const inverse = hessian.every((row) => row.every(Number.isFinite)) ? invertMatrix(hessian) : null;
  const se = (j: number) => (inverse && inverse[j][j] > 0 ? Math.sqrt(inverse[j][j]) : NaN);
  const standardErrors: Record<string, number> = {};
  baseNames.forEach((name, j) => (standardErrors[name] = params[name] * se(j)));
  names.purchase.forEach((name, k) => (standardErrors[coefficientKey("purchase", name)] = se(kb + k)));
  names.dropout.forEach((name, k) => (standardErrors[coefficientKey("dropout", name)] = se(kb + kp + k)));
  const negLL = negLogLikelihood(theta);
  return {
    model: baseFit.model,
    n: baseFit.n,
    params,
    logLikelihood: Number.isFinite(negLL) ? -negLL : NaN,
    converged: result.converged,
    standardErrors,
    message: result.message,
    covariates: names,
  };
}

/** Reads a covariate table's row i (a convenience for callers holding CovariateTable). */
export function covariateRow(table: CovariateTable | undefined, i: number): Float64Array {
  if (!table) return new Float64Array(0);
  const k = table.names.length;
  return table.values.slice(i * k, i * k + k);
}
