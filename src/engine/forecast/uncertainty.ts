/**
 * How uncertain a fitted model's parameters are, and draws from that uncertainty, for low / likely / high ranges.
 *
 * The CUST.FIT table stores each parameter's standard error but not their covariance, and the covariance matters:
 * BG/NBD's r and α, for one, move together. So the correlations are recomputed from the customers the value
 * function receives: the Hessian of the model's −log L in log-parameters at the table's parameters (the observed
 * information: the model's exact Hessian where it has one, else central differences), inverted. The spreads are the table's standard errors where it has them
 * (they belong to the fit, which may have used more customers than a segment being valued), the Hessian's otherwise.
 *
 * Draws are normal in log-parameters (so every drawn parameter stays positive), log θ ~ N(log θ̂, Σ), with
 * Σ = D R D: R the correlations, D the standard errors of log θ (se(θ)/θ by the delta method). The seed is fixed,
 * so every colleague gets the same numbers.
 */
import { naError } from "../errors";
import { hessianFromGradient, invertMatrix, numericalHessian } from "../optim/hessian";
import { logScaleDerivatives } from "../optim/log-scale";
import { coefficientKey, covariateNegLogLikelihood } from "../models/covariates";
import { modelDefinition } from "../models/registry";
import { CovariateNames, FitColumns, MODEL_PARAMETERS, ModelName, Parameters } from "../models/types";
import { RandomSource, standardNormal } from "../random";

export interface ParameterUncertainty {
  model: ModelName;
  names: readonly string[];
  /** log θ̂. */
  center: Float64Array;
  /** Lower Cholesky factor of Σ (row-major), so log θ = center + L z with z standard normal. */
  cholesky: Float64Array;
  /** Entries drawn as they are rather than in logs (covariate coefficients, of either sign); absent: none. */
  natural?: readonly boolean[];
}

/** Σ = L Lᵀ; null when Σ is not positive definite. */
export function choleskyFactor(matrix: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j];
      }
    }
  }
  return l;
}

/**
 * The uncertainty of a fit's parameters, from the customers it describes (`columns`, as CUST.FIT reads them) and the
 * standard errors of its CUST.FIT table. #N/A when the information matrix cannot be inverted.
 */
export function parameterUncertainty(
  model: ModelName,
  params: Parameters,
  standardErrors: Parameters | undefined,
  columns: FitColumns,
): ParameterUncertainty {
  const names = MODEL_PARAMETERS[model];
  const definition = modelDefinition(model);
  const makeLikelihood = definition?.negLogLikelihood;
  if (!makeLikelihood) throw naError("finance.range.noCovariance", { model });
  const negLogLikelihood = makeLikelihood(columns);
  const n = names.length;
  const center = Float64Array.from(names, (name) => Math.log(params[name]));
  const natural = new Float64Array(n);
  const hessian = definition.exactHessian
    ? logParameterHessian(
        negLogLikelihood,
        Float64Array.from(names, (name) => params[name]),
      )
    : numericalHessian((theta) => {
        for (let i = 0; i < n; i++) natural[i] = Math.exp(theta[i]);
        const value = negLogLikelihood(natural);
        return Number.isFinite(value) ? value : NaN;
      }, center);
  const inverse = hessian.every((row) => row.every(Number.isFinite)) ? invertMatrix(hessian) : null;
  if (!inverse || inverse.some((row, i) => !(row[i] > 0) || !row.every(Number.isFinite))) {
    throw naError("finance.range.noCovariance", { model });
  }
  const spread = Float64Array.from(names, (name, i) => {
    const se = standardErrors?.[name];
    return se !== undefined && se > 0 && Number.isFinite(se) ? se / params[name] : Math.sqrt(inverse[i][i]);
  });
  const covariance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const correlation = i === j ? 1 : inverse[i][j] / Math.sqrt(inverse[i][i] * inverse[j][j]);
      covariance[i * n + j] = spread[i] * spread[j] * correlation;
    }
  }
  const cholesky = choleskyFactor(covariance, n);
  if (!cholesky) throw naError("finance.range.noCovariance", { model });
  return { model, names, center, cholesky };
}

/**
 * The Hessian of f(e^θ) at θ = log p from f's exact gradient and Hessian at p (logScaleDerivatives); NaN entries
 * when f is not finite there.
 */
export function logParameterHessian(
  f: (params: ArrayLike<number>, gradient: Float64Array, hessian: Float64Array) => number,
  p: Float64Array,
): number[][] {
  const n = p.length;
  const gradient = new Float64Array(n);
  const hessian = new Float64Array(n * n);
  const finite = Number.isFinite(f(p, gradient, hessian));
  const inLogs = new Float64Array(n * n);
  logScaleDerivatives(p, gradient, hessian, new Float64Array(n), inLogs);
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (finite ? inLogs[i * n + j] : NaN)));
}

/**
 * The uncertainty of a fit with static covariates (CUST.FIT's purchase.… and dropout.… rows): the base parameters
 * in logs as above, the coefficients γ as they are (they may be of either sign), their correlations from the
 * Hessian of the covariate likelihood on these customers and their covariate rows (the fit's own, by the chain
 * rule from the model's analytic gradient), the spreads from the table's standard errors where it has them.
 */
export function covariateParameterUncertainty(
  model: ModelName,
  params: Parameters,
  standardErrors: Parameters | undefined,
  columns: FitColumns,
  covariates: CovariateNames,
): ParameterUncertainty {
  const capability = modelDefinition(model)?.covariates;
  if (!capability) throw naError("finance.range.noCovariance", { model });
  const base = MODEL_PARAMETERS[model];
  const coefficients = [
    ...covariates.purchase.map((name) => coefficientKey("purchase", name)),
    ...covariates.dropout.map((name) => coefficientKey("dropout", name)),
  ];
  const names = [...base, ...coefficients];
  const natural = names.map((_, i) => i >= base.length);
  const center = Float64Array.from(names, (name, i) => (natural[i] ? params[name] : Math.log(params[name])));
  const negLogLikelihood = covariateNegLogLikelihood(model, capability, columns);
  const hessian = hessianFromGradient((theta, out) => {
    const value = negLogLikelihood(theta, out);
    if (!Number.isFinite(value)) out.fill(NaN);
  }, center);
  const inverse = hessian.every((row) => row.every(Number.isFinite)) ? invertMatrix(hessian) : null;
  if (!inverse || inverse.some((row, i) => !(row[i] > 0) || !row.every(Number.isFinite))) {
    throw naError("finance.range.noCovarianceCovariates", { model });
  }
  const spread = Float64Array.from(names, (name, i) => {
    const se = standardErrors?.[name];
    if (!(se !== undefined && se > 0 && Number.isFinite(se))) return Math.sqrt(inverse[i][i]);
    return natural[i] ? se : se / params[name];
  });
  return { model, names, center, cholesky: correlatedFactor(inverse, spread, model), natural };
}

/** Σ = D R D from the inverse Hessian's correlations R and the spreads D, as its Cholesky factor. */
function correlatedFactor(inverse: number[][], spread: Float64Array, model: ModelName): Float64Array {
  const n = spread.length;
  const covariance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const correlation = i === j ? 1 : inverse[i][j] / Math.sqrt(inverse[i][i] * inverse[j][j]);
      covariance[i * n + j] = spread[i] * spread[j] * correlation;
    }
  }
  const cholesky = choleskyFactor(covariance, n);
  if (!cholesky) throw naError("finance.range.noCovariance", { model });
  return cholesky;
}

/** One draw of the parameters. */
export function drawParameters(uncertainty: ParameterUncertainty, random: RandomSource): Record<string, number> {
  const { names, center, cholesky } = uncertainty;
  const n = names.length;
  const z = Array.from({ length: n }, () => standardNormal(random));
  const out: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    let theta = center[i];
    for (let k = 0; k <= i; k++) theta += cholesky[i * n + k] * z[k];
    out[names[i]] = uncertainty.natural?.[i] ? theta : Math.exp(theta);
  }
  return out;
}

/** The p-th percentile of sorted values with linear interpolation between order statistics (Excel's PERCENTILE.INC). */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/**
 * percentileOfSorted of the values once sorted, found by selection instead (Hoare's FIND: a few passes over the
 * values, not a sort); the values are reordered in place. The two order statistics it interpolates between are the
 * sorted ones, so the result is the same number.
 */
export function percentileOf(values: Float32Array | Float64Array, p: number): number {
  const last = values.length - 1;
  const position = p * last;
  const below = Math.floor(position);
  selectInPlace(values, below);
  let next = values[below];
  if (below < last) {
    // values[below + 1 ..] are all ≥ values[below]: the next order statistic is their smallest.
    next = values[below + 1];
    for (let i = below + 2; i <= last; i++) if (values[i] < next) next = values[i];
  }
  return values[below] + (position - below) * (next - values[below]);
}

/** Reorders values so that values[k] is the k-th smallest, those before it no larger and those after no smaller. */
function selectInPlace(values: Float32Array | Float64Array, k: number): void {
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    const pivot = values[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}
