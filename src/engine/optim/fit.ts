/**
 * Maximum likelihood for models whose parameters are all positive: optimise over log-parameters from
 * several fixed starts (deterministic: every colleague gets the same numbers), with an optional L2
 * penalty, and standard errors from the Hessian in the natural parameters.
 */
import { numericalHessian, standardErrorsFromHessian } from "./hessian";
import { minimize } from "./minimize";

export interface LogParameterFitSpec {
  /** Parameter names, in the order of the params array. */
  names: readonly string[];
  /** −log L at the natural (positive) parameters; may return Infinity/NaN outside the model's domain. */
  negLogLikelihood: (params: Float64Array) => number;
  /**
   * Optional −log L and its gradient with respect to the natural parameters in one pass (faster than
   * finite differences); writes the gradient into `gradient` and returns −log L.
   */
  negLogLikelihoodWithGradient?: (params: Float64Array, gradient: Float64Array) => number;
  /** Starting points in natural parameters; each is tried and the best optimum kept. */
  starts: readonly (readonly number[])[];
  /**
   * L2 penalty coefficient c: minimises −log L / n + c·Σ params² (the penalizer_coef of lifetimes).
   * Default 0.
   */
  penalty?: number;
  /** Number of customers (sum of weights) n, used to scale the objective. Default 1. */
  n?: number;
  maxIterations?: number;
  /** Gradient tolerance on the per-customer objective (−log L / n) in log-parameters. Default 1e-9. */
  gradientTolerance?: number;
}

export interface LogParameterFit {
  params: Record<string, number>;
  /** Maximised log-likelihood (without the penalty). */
  logLikelihood: number;
  converged: boolean;
  standardErrors: Record<string, number>;
  message: string;
  iterations: number;
}

export function fitLogParameters(spec: LogParameterFitSpec): LogParameterFit {
  const { names, negLogLikelihood, negLogLikelihoodWithGradient } = spec;
  const dimension = names.length;
  const penalty = spec.penalty ?? 0;
  const scale = spec.n && spec.n > 0 ? spec.n : 1;
  const params = new Float64Array(dimension);
  const naturalGradient = new Float64Array(dimension);
  const toParams = (theta: Float64Array) => {
    for (let i = 0; i < dimension; i++) params[i] = Math.exp(theta[i]);
    return params;
  };
  const penaltyOf = (p: Float64Array) => {
    let sum = 0;
    for (let i = 0; i < dimension; i++) sum += p[i] * p[i];
    return penalty * sum;
  };
  // With a combined value-and-gradient, the line search's value and gradient at a point share one pass.
  const cachedTheta = new Float64Array(dimension).fill(NaN);
  const cachedGradient = new Float64Array(dimension);
  let cachedValue = NaN;
  const evaluateWithGradient = (theta: Float64Array) => {
    if (theta.every((v, i) => v === cachedTheta[i])) return cachedValue;
    const p = toParams(theta);
    const nll = negLogLikelihoodWithGradient!(p, naturalGradient);
    // Chain rule for θ = log p: ∂/∂θ = p ∂/∂p.
    for (let i = 0; i < dimension; i++) cachedGradient[i] = p[i] * (naturalGradient[i] / scale + 2 * penalty * p[i]);
    cachedTheta.set(theta);
    cachedValue = nll / scale + penaltyOf(p);
    return cachedValue;
  };
  const objective = negLogLikelihoodWithGradient
    ? (theta: Float64Array) => {
        const value = evaluateWithGradient(theta);
        return Number.isFinite(value) ? value : Infinity;
      }
    : (theta: Float64Array) => {
        const p = toParams(theta);
        const value = negLogLikelihood(p) / scale + penaltyOf(p);
        return Number.isFinite(value) ? value : Infinity;
      };
  const gradient = negLogLikelihoodWithGradient
    ? (theta: Float64Array, out: Float64Array) => {
        evaluateWithGradient(theta);
        out.set(cachedGradient);
      }
    : undefined;

  let best: { x: Float64Array; value: number; converged: boolean; message: string; iterations: number } | null = null;
  let iterations = 0;
  for (const start of spec.starts) {
    const theta0 = start.map((v) => Math.log(v));
    const result = minimize(objective, theta0, {
      gradient,
      maxIterations: spec.maxIterations ?? 200,
      gradientTolerance: spec.gradientTolerance ?? 1e-9,
    });
    iterations += result.iterations;
    if (!Number.isFinite(result.value)) continue;
    const better =
      best === null ||
      result.value < best.value - 1e-9 * Math.abs(best.value) ||
      (result.converged && !best.converged && result.value <= best.value + 1e-9 * Math.abs(best.value));
    if (better) best = result;
  }
  if (best === null) {
    const nan = Object.fromEntries(names.map((name) => [name, NaN]));
    return {
      params: nan,
      logLikelihood: NaN,
      converged: false,
      standardErrors: nan,
      message: "no finite likelihood",
      iterations,
    };
  }
  const estimate = Float64Array.from(best.x, Math.exp);
  const penalised = (p: Float64Array) => {
    if (p.some((v) => !(v > 0))) return NaN;
    return negLogLikelihood(p) + scale * penaltyOf(p);
  };
  const errors = standardErrorsFromHessian(numericalHessian(penalised, estimate));
  const logLikelihood = -negLogLikelihood(Float64Array.from(estimate));
  return {
    params: Object.fromEntries(names.map((name, i) => [name, estimate[i]])),
    logLikelihood,
    converged: best.converged,
    standardErrors: Object.fromEntries(names.map((name, i) => [name, errors[i]])),
    message: best.message,
    iterations,
  };
}
