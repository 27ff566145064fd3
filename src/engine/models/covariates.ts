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
import { logScaleDerivatives } from "../optim/log-scale";
import { minimize, newton } from "../optim/minimize";
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
  covariateRowIds(columns);
}

/**
 * Each customer's covariate row as a number (0, 1, … in order of first appearance) and how many distinct rows there
 * are; throws past MAX_COVARIATE_ROWS. By open addressing on the rows' values (a table of MAX_COVARIATE_ROWS · 4
 * slots, each holding the first customer with that row): no text key per customer.
 */
function covariateRowIds(columns: FitColumns): { ids: Uint32Array; count: number } {
  const n = columns.frequency.length;
  const tables = [columns.purchaseCovariates, columns.dropoutCovariates].filter(
    (table): table is CovariateTable => table !== undefined && table.names.length > 0,
  );
  const ids = new Uint32Array(n);
  const slots = 4 * MAX_COVARIATE_ROWS;
  const first = new Int32Array(slots).fill(-1);
  const idOf = new Uint32Array(slots);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const same = (i: number, j: number) =>
    tables.every(({ names, values }) => {
      const k = names.length;
      for (let c = 0; c < k; c++) if (!Object.is(values[i * k + c] + 0, values[j * k + c] + 0)) return false;
      return true;
    });
  let count = 0;
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (const { names, values } of tables) {
      const k = names.length;
      for (let c = 0; c < k; c++) {
        bits[0] = values[i * k + c] + 0;
        h = Math.imul(h ^ words[0], 0x9e3779b1);
        h = Math.imul(h ^ words[1], 0x85ebca77);
        h ^= h >>> 15;
      }
    }
    for (let slot = h & (slots - 1); ; slot = (slot + 1) & (slots - 1)) {
      const at = first[slot];
      if (at < 0) {
        if (count === MAX_COVARIATE_ROWS) throw valueError("covariates.tooManyRows", { max: MAX_COVARIATE_ROWS });
        first[slot] = i;
        idOf[slot] = count;
        ids[i] = count++;
        break;
      }
      if (same(at, i)) {
        ids[i] = idOf[slot];
        break;
      }
    }
  }
  return { ids, count };
}

/** Individual parameters beyond these are refused during the search (the likelihood is then taken as 0). */
const PARAMETER_RANGE = { low: 1e-8, high: 1e8 } as const;

interface Group {
  purchase: Float64Array;
  dropout: Float64Array;
  /** Customers in the group (the sum of their weights). */
  total: number;
  evaluate: (params: ArrayLike<number>, gradient: Float64Array, hessian?: Float64Array) => number;
}

function groupsOf(columns: FitColumns, capability: CovariateCapability): Group[] {
  const n = columns.frequency.length;
  const purchase = columns.purchaseCovariates;
  const dropout = columns.dropoutCovariates;
  const kp = purchase?.names.length ?? 0;
  const kd = dropout?.names.length ?? 0;
  // The customers of each covariate row, in order of first appearance, by a counting sort of the row numbers.
  const { ids, count } = covariateRowIds(columns);
  const starts = new Uint32Array(count + 1);
  for (let i = 0; i < n; i++) starts[ids[i] + 1]++;
  for (let g = 0; g < count; g++) starts[g + 1] += starts[g];
  const order = new Uint32Array(n);
  const next = starts.slice(0, count);
  for (let i = 0; i < n; i++) order[next[ids[i]]++] = i;
  const groups: Group[] = [];
  for (let g = 0; g < count; g++) {
    const rows = order.subarray(starts[g], starts[g + 1]);
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
      total: data.total,
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
  return covariateObjective(model, capability, columns).negLogLikelihood;
}

/** −log L in θ with its gradient, and with its Hessian too when the model's group likelihood has one. */
export interface CovariateObjective {
  /** Customers the likelihood covers (the sum of their weights). */
  customers: number;
  negLogLikelihood: (theta: Float64Array, gradient?: Float64Array) => number;
  /** −log L, its gradient and its Hessian (row-major) in θ; absent without capability.exactHessian. */
  withHessian?: (theta: Float64Array, gradient: Float64Array, hessian: Float64Array) => number;
}

export function covariateObjective(
  model: FittedModel["model"],
  capability: CovariateCapability,
  columns: FitColumns,
): CovariateObjective {
  const baseNames = MODEL_PARAMETERS[model];
  const kb = baseNames.length;
  const kp = columns.purchaseCovariates?.names.length ?? 0;
  const kd = columns.dropoutCovariates?.names.length ?? 0;
  const dimension = kb + kp + kd;
  const groups = groupsOf(columns, capability);
  const index = new Map(baseNames.map((name, i) => [name, i]));
  const purchaseScaled = capability.purchase.map(({ parameter, sign }) => ({ at: index.get(parameter)!, sign }));
  const dropoutScaled = capability.dropout.map(({ parameter, sign }) => ({ at: index.get(parameter)!, sign }));

  const own = new Float64Array(kb);
  const groupGradient = new Float64Array(kb);
  /** A group's own parameters at θ; false when one leaves PARAMETER_RANGE. */
  const ownParameters = (theta: Float64Array, group: Group): boolean => {
    let purchaseScore = 0;
    let dropoutScore = 0;
    for (let k = 0; k < kp; k++) purchaseScore += theta[kb + k] * group.purchase[k];
    for (let k = 0; k < kd; k++) dropoutScore += theta[kb + kp + k] * group.dropout[k];
    for (let j = 0; j < kb; j++) own[j] = Math.exp(theta[j]);
    for (const { at, sign } of purchaseScaled) own[at] *= Math.exp(sign * purchaseScore);
    for (const { at, sign } of dropoutScaled) own[at] *= Math.exp(sign * dropoutScore);
    // A trial step far outside any plausible fit (a line search's first guess): not worth the model's integrals.
    for (let j = 0; j < kb; j++) if (!(own[j] > PARAMETER_RANGE.low && own[j] < PARAMETER_RANGE.high)) return false;
    return true;
  };
  const negLogLikelihood = (theta: Float64Array, gradient?: Float64Array) => {
    if (gradient) gradient.fill(0);
    let sum = 0;
    for (const group of groups) {
      if (!ownParameters(theta, group)) return Infinity;
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
  const customers = groups.reduce((sum, group) => sum + group.total, 0);
  if (!capability.exactHessian) return { customers, negLogLikelihood };

  // In u = log p (a group's own log-parameters), u = J θ with J (kb × dimension) fixed per group: the identity on the
  // base parameters and sign · z on the coefficients. ∇_u f and ∇²_u f by the chain rule (log-scale.ts); in θ,
  // Jᵀ∇_u f and Jᵀ ∇²_u f J.
  const jacobians = groups.map((group) => {
    const jacobian = new Float64Array(kb * dimension);
    for (let j = 0; j < kb; j++) jacobian[j * dimension + j] = 1;
    for (const { at, sign } of purchaseScaled) {
      for (let k = 0; k < kp; k++) jacobian[at * dimension + kb + k] += sign * group.purchase[k];
    }
    for (const { at, sign } of dropoutScaled) {
      for (let k = 0; k < kd; k++) jacobian[at * dimension + kb + kp + k] += sign * group.dropout[k];
    }
    return jacobian;
  });
  const groupHessian = new Float64Array(kb * kb);
  const slopeU = new Float64Array(kb);
  const curvatureU = new Float64Array(kb * kb);
  const withHessian = (theta: Float64Array, gradient: Float64Array, hessian: Float64Array) => {
    gradient.fill(0);
    hessian.fill(0);
    let sum = 0;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g];
      if (!ownParameters(theta, group)) return Infinity;
      const value = group.evaluate(own, groupGradient, groupHessian);
      if (!Number.isFinite(value)) return Infinity;
      sum += value;
      logScaleDerivatives(own, groupGradient, groupHessian, slopeU, curvatureU);
      const jacobian = jacobians[g];
      for (let l = 0; l < dimension; l++) {
        for (let j = 0; j < kb; j++) gradient[l] += jacobian[j * dimension + l] * slopeU[j];
        for (let m = l; m < dimension; m++) {
          let h = 0;
          for (let j = 0; j < kb; j++) {
            const left = jacobian[j * dimension + l];
            if (left === 0) continue;
            for (let k = 0; k < kb; k++) h += left * curvatureU[j * kb + k] * jacobian[k * dimension + m];
          }
          hessian[l * dimension + m] += h;
        }
      }
    }
    for (let l = 0; l < dimension; l++)
      for (let m = 0; m < l; m++) hessian[l * dimension + m] = hessian[m * dimension + l];
    return sum;
  };
  return { customers, negLogLikelihood, withHessian };
}

/** Customers on which the start of a fit with covariates (the fit without them) is made, when Newton's method ends it. */
const START_CUSTOMERS = 50_000;

/**
 * The columns the fit without covariates (the start of the fit with them) is made on: all of them, or every k-th
 * customer when the model's exact Hessian lets Newton's method take the fit from any nearby start. The start's
 * precision is then immaterial, and a million-customer base saves a full fit (seconds) before the fit that counts.
 */
export function covariateStartColumns(columns: FitColumns, capability: CovariateCapability): FitColumns {
  const n = columns.frequency.length;
  if (!capability.exactHessian || n <= 2 * START_CUSTOMERS) return columns;
  const step = Math.ceil(n / START_CUSTOMERS);
  const pick = (column: Float64Array | undefined) =>
    column && Float64Array.from({ length: Math.ceil(n / step) }, (_, i) => column[i * step]);
  return {
    frequency: pick(columns.frequency)!,
    recency: pick(columns.recency),
    age: pick(columns.age),
    monetary: pick(columns.monetary),
    weights: pick(columns.weights),
  };
}

/** Newton iterations of a fit with covariates (from the fit without them, it needs about ten). */
const NEWTON_ITERATIONS = 100;

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
  const penalty = options.penalty ?? 0;
  /** −log L (unscaled) and its gradient in θ = (log base, γ_purchase, γ_dropout), and its Hessian when exact. */
  const likelihood = covariateObjective(baseFit.model, capability, columns);
  // The customers of all the columns (the start may have been fitted on a sample of them).
  const customers = likelihood.customers;
  const total = customers > 0 ? customers : 1;
  const negLogLikelihood = likelihood.negLogLikelihood;
  // The per-customer penalised objective: −log L / n + c (Σ p² + Σ γ²).
  const scratch = new Float64Array(dimension);
  const objective = (theta: Float64Array, known?: number) => {
    const value = known ?? negLogLikelihood(theta);
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
  const maxIterations = options.maxIterations ?? 300;
  // With an exact Hessian, Newton's method from the fit without covariates; BFGS where it fails, from where it got.
  let newtonEnd: Float64Array | null = null;
  let result: { x: Float64Array; converged: boolean; message: string } | null = null;
  // The last exact evaluation, kept: Newton's method ends where it last evaluated, and the standard errors and the
  // log-likelihood are taken there, so they reuse its Hessian and value instead of two more passes over every group
  // (seconds on 1,048,576 customers).
  const last = { theta: new Float64Array(0), value: NaN, hessian: new Float64Array(0) };
  const exact = likelihood.withHessian;
  const withHessian =
    exact &&
    ((theta: Float64Array, gradient: Float64Array, hessian: Float64Array) => {
      const value = exact(theta, gradient, hessian);
      last.theta = Float64Array.from(theta);
      last.value = value;
      last.hessian = Float64Array.from(hessian);
      return value;
    });
  const atLast = (theta: Float64Array) =>
    last.theta.length === theta.length && last.theta.every((v, i) => v === theta[i]);
  if (withHessian) {
    const penalisedWithHessian = (theta: Float64Array, out: Float64Array, curvature: Float64Array) => {
      const value = withHessian(theta, out, curvature);
      if (!Number.isFinite(value)) return Infinity;
      let size = 0;
      for (let j = 0; j < dimension; j++) {
        const square = j < kb ? Math.exp(2 * theta[j]) : theta[j] * theta[j];
        size += square;
        out[j] = out[j] / total + 2 * penalty * (j < kb ? square : theta[j]);
        for (let m = 0; m < dimension; m++) curvature[j * dimension + m] /= total;
        curvature[j * dimension + j] += 2 * penalty * (j < kb ? 2 * square : 1);
      }
      return value / total + penalty * size;
    };
    // The value alone for Newton's last step, once it moves no coefficient by more than a hundredth of its standard
    // error (minimize.ts errorScale): checked there without the Hessian pass that would only confirm it.
    const valued = { theta: new Float64Array(0), value: NaN };
    const valueAlone = (theta: Float64Array) => {
      valued.theta = Float64Array.from(theta);
      valued.value = negLogLikelihood(theta);
      return objective(theta, valued.value);
    };
    const polished = newton(penalisedWithHessian, start, {
      maxIterations: Math.min(maxIterations, NEWTON_ITERATIONS),
      tolerance: 1e-8,
      value: valueAlone,
      errorScale: 1 / Math.sqrt(total),
    });
    // After a settled step, its value is the last evaluation's and the Hessian the point's before, a hundredth of an
    // error away: the same to the digits the errors are shown with.
    if (polished.settled) {
      last.theta = valued.theta;
      last.value = valued.value;
    }
    if (!polished.failed && polished.converged) result = polished;
    else if (Number.isFinite(polished.value)) newtonEnd = polished.x;
  }
  result ??= minimize(objective, newtonEnd ?? start, {
    gradient,
    maxIterations,
    gradientTolerance: 1e-8,
  });
  const theta = result.x;
  const params: Record<string, number> = {};
  baseNames.forEach((name, j) => (params[name] = Math.exp(theta[j])));
  names.purchase.forEach((name, k) => (params[coefficientKey("purchase", name)] = theta[kb + k]));
  names.dropout.forEach((name, k) => (params[coefficientKey("dropout", name)] = theta[kb + kp + k]));
  // Standard errors: the inverse Hessian of −log L in θ; a base parameter's is p · se(log p) (delta method).
  const hessian = withHessian
    ? exactHessianAt(withHessian, theta, atLast(theta) ? last : null)
    : hessianFromGradient((x, out) => {
        negLogLikelihood(Float64Array.from(x), out);
      }, theta);
  const inverse = hessian.every((row) => row.every(Number.isFinite)) ? invertMatrix(hessian) : null;
  const se = (j: number) => (inverse && inverse[j][j] > 0 ? Math.sqrt(inverse[j][j]) : NaN);
  const standardErrors: Record<string, number> = {};
  baseNames.forEach((name, j) => (standardErrors[name] = params[name] * se(j)));
  names.purchase.forEach((name, k) => (standardErrors[coefficientKey("purchase", name)] = se(kb + k)));
  names.dropout.forEach((name, k) => (standardErrors[coefficientKey("dropout", name)] = se(kb + kp + k)));
  const negLL = withHessian && atLast(theta) ? last.value : negLogLikelihood(theta);
  return {
    model: baseFit.model,
    n: customers,
    params,
    logLikelihood: Number.isFinite(negLL) ? -negLL : NaN,
    converged: result.converged,
    standardErrors,
    message: result.message,
    covariates: names,
  };
}

/** The Hessian at θ as rows (NaN where −log L is not finite there); `known` is an evaluation already made at θ. */
function exactHessianAt(
  withHessian: (theta: Float64Array, gradient: Float64Array, hessian: Float64Array) => number,
  theta: Float64Array,
  known: { value: number; hessian: Float64Array } | null = null,
): number[][] {
  const n = theta.length;
  const flat = known ? known.hessian : new Float64Array(n * n);
  const finite = Number.isFinite(
    known ? known.value : withHessian(Float64Array.from(theta), new Float64Array(n), flat),
  );
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (finite ? flat[i * n + j] : NaN)));
}

/** Reads a covariate table's row i (a convenience for callers holding CovariateTable). */
export function covariateRow(table: CovariateTable | undefined, i: number): Float64Array {
  if (!table) return new Float64Array(0);
  const k = table.names.length;
  return table.values.slice(i * k, i * k + k);
}
