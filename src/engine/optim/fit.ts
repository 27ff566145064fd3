/**
 * Maximum likelihood for models whose parameters are all positive: optimise over log-parameters from
 * several fixed starts (deterministic: every colleague gets the same numbers), with an optional L2
 * penalty, and standard errors from the Hessian in the natural parameters.
 */
import { hessianFromGradient, invertMatrix, numericalHessian, standardErrorsFromHessian } from "./hessian";
import { minimize, newton } from "./minimize";

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
  /**
   * Optional −log L, its gradient and its Hessian (row-major) in the natural parameters in one pass. With it,
   * the full-data polish after a subsample fit is Newton's method (a few evaluations instead of dozens), and
   * the standard errors come from the exact Hessian.
   */
  negLogLikelihoodWithHessian?: (params: Float64Array, gradient: Float64Array, hessian: Float64Array) => number;
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
  /**
   * A smaller, representative version of the same likelihood (e.g. every k-th distinct history, weights
   * kept). When given, the starts are run on it and only the best optimum is polished on the full data,
   * warm-started with the subsample's curvature: same optimum, far fewer full-data evaluations.
   */
  subsample?: { negLogLikelihoodWithGradient: (params: Float64Array, gradient: Float64Array) => number; n: number };
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

/** Full-data polish iterations when the subsample fit found no optimum. */
const RIDGE_POLISH_ITERATIONS = 20;

export function fitLogParameters(spec: LogParameterFitSpec): LogParameterFit {
  const { names, negLogLikelihood, negLogLikelihoodWithGradient } = spec;
  const dimension = names.length;
  const penalty = spec.penalty ?? 0;
  const scale = spec.n && spec.n > 0 ? spec.n : 1;
  const penaltyOf = (p: Float64Array) => {
    let sum = 0;
    for (let i = 0; i < dimension; i++) sum += p[i] * p[i];
    return penalty * sum;
  };
  const full = logObjective(dimension, negLogLikelihood, negLogLikelihoodWithGradient, scale, penalty);
  const subsample = spec.subsample
    ? logObjective(dimension, negLogLikelihood, spec.subsample.negLogLikelihoodWithGradient, spec.subsample.n, penalty)
    : null;
  const { objective, gradient } = subsample ?? full;

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
  if (best !== null && subsample) {
    // When the subsample has no optimum the likelihood's supremum is at infinity (e.g. Gamma-Gamma's q → ∞ when
    // spend does not vary between customers): a short polish reports that instead of crawling along the ridge.
    const polishIterations = best.converged ? (spec.maxIterations ?? 200) : RIDGE_POLISH_ITERATIONS;
    const newtonPolished = spec.negLogLikelihoodWithHessian
      ? newton(logNewtonObjective(dimension, spec.negLogLikelihoodWithHessian, scale, penalty), best.x, {
          maxIterations: polishIterations,
          tolerance: spec.gradientTolerance ?? 1e-9,
        })
      : null;
    if (newtonPolished && !newtonPolished.failed) {
      iterations += newtonPolished.iterations;
      best = newtonPolished;
    } else {
      // Polish on the full data, starting from the subsample's optimum and curvature (both per customer).
      const curvature = invertMatrix(hessianFromGradient(subsample.gradient!, best.x));
      const warm = curvature ? Float64Array.from(curvature.flat()) : undefined;
      const polished = minimize(full.objective, best.x, {
        gradient: full.gradient,
        maxIterations: polishIterations,
        gradientTolerance: spec.gradientTolerance ?? 1e-9,
        initialInverseHessian: warm,
        fallback: false,
      });
      iterations += polished.iterations;
      best = polished;
    }
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
  const errors = standardErrorsFromHessian(
    spec.negLogLikelihoodWithHessian
      ? analyticHessian(spec.negLogLikelihoodWithHessian, estimate, scale * penalty)
      : full.gradient
        ? naturalHessian(full.gradient, best.x, scale)
        : numericalHessian(penalised, estimate),
  );
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

interface LogObjective {
  objective: (theta: Float64Array) => number;
  gradient?: (theta: Float64Array, out: Float64Array) => void;
}

/** The per-customer penalised objective on θ = log p, sharing one pass for value and gradient when it can. */
function logObjective(
  dimension: number,
  negLogLikelihood: (params: Float64Array) => number,
  withGradient: ((params: Float64Array, gradient: Float64Array) => number) | undefined,
  scale: number,
  penalty: number,
): LogObjective {
  const penaltyOf = (p: Float64Array) => {
    let sum = 0;
    for (let i = 0; i < dimension; i++) sum += p[i] * p[i];
    return penalty * sum;
  };
  const params = new Float64Array(dimension);
  const naturalGradient = new Float64Array(dimension);
  const toParams = (theta: Float64Array) => {
    for (let i = 0; i < dimension; i++) params[i] = Math.exp(theta[i]);
    return params;
  };
  if (!withGradient) {
    return {
      objective: (theta) => {
        const p = toParams(theta);
        const value = negLogLikelihood(p) / scale + penaltyOf(p);
        return Number.isFinite(value) ? value : Infinity;
      },
    };
  }
  const cachedTheta = new Float64Array(dimension).fill(NaN);
  const cachedGradient = new Float64Array(dimension);
  let cachedValue = NaN;
  const evaluate = (theta: Float64Array) => {
    if (theta.every((v, i) => v === cachedTheta[i])) return cachedValue;
    const p = toParams(theta);
    const nll = withGradient(p, naturalGradient);
    // Chain rule for θ = log p: ∂/∂θ = p ∂/∂p; the penalty c Σ p² adds 2c p².
    for (let i = 0; i < dimension; i++) cachedGradient[i] = p[i] * (naturalGradient[i] / scale + 2 * penalty * p[i]);
    cachedTheta.set(theta);
    cachedValue = nll / scale + penaltyOf(p);
    return cachedValue;
  };
  return {
    objective: (theta) => {
      const value = evaluate(theta);
      return Number.isFinite(value) ? value : Infinity;
    },
    gradient: (theta, out) => {
      evaluate(theta);
      out.set(cachedGradient);
    },
  };
}

/**
 * The Hessian of −log L (+ penalty) in the natural parameters p = e^θ, from the per-customer gradient in θ:
 * ∂²/∂p_i∂p_j = (∂²/∂θ_i∂θ_j − δ_ij ∂/∂θ_i) / (p_i p_j), times n.
 */
function naturalHessian(
  gradient: (theta: Float64Array, out: Float64Array) => void,
  theta: Float64Array,
  scale: number,
): number[][] {
  const inTheta = hessianFromGradient(gradient, theta);
  const slope = new Float64Array(theta.length);
  gradient(Float64Array.from(theta), slope);
  const p = Array.from(theta, Math.exp);
  return inTheta.map((row, i) => row.map((v, j) => (scale * (v - (i === j ? slope[i] : 0))) / (p[i] * p[j])));
}

/** The Hessian of −log L + n·c·Σ p² in the natural parameters, from the model's own second derivatives. */
function analyticHessian(
  withHessian: (params: Float64Array, gradient: Float64Array, hessian: Float64Array) => number,
  estimate: Float64Array,
  scaledPenalty: number,
): number[][] {
  const n = estimate.length;
  const hessian = new Float64Array(n * n);
  withHessian(Float64Array.from(estimate), new Float64Array(n), hessian);
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => hessian[i * n + j] + (i === j ? 2 * scaledPenalty : 0)),
  );
}

type NewtonObjective = (theta: Float64Array, gradient: Float64Array, hessian: Float64Array) => number;

/**
 * The per-customer penalised objective on θ = log p with its gradient and Hessian: for f(e^θ),
 * ∂²f/∂θ_i∂θ_j = p_i p_j ∂²f/∂p_i∂p_j + δ_ij p_i ∂f/∂p_i.
 */
function logNewtonObjective(
  dimension: number,
  withHessian: (params: Float64Array, gradient: Float64Array, hessian: Float64Array) => number,
  scale: number,
  penalty: number,
): NewtonObjective {
  const params = new Float64Array(dimension);
  const naturalGradient = new Float64Array(dimension);
  const naturalHessianValues = new Float64Array(dimension * dimension);
  return (theta, gradient, hessian) => {
    let penaltyValue = 0;
    for (let i = 0; i < dimension; i++) {
      params[i] = Math.exp(theta[i]);
      penaltyValue += penalty * params[i] * params[i];
    }
    const nll = withHessian(params, naturalGradient, naturalHessianValues);
    for (let i = 0; i < dimension; i++) {
      const slope = naturalGradient[i] / scale + 2 * penalty * params[i];
      gradient[i] = params[i] * slope;
      for (let j = 0; j < dimension; j++) {
        const curvature = naturalHessianValues[i * dimension + j] / scale + (i === j ? 2 * penalty : 0);
        hessian[i * dimension + j] = params[i] * params[j] * curvature + (i === j ? params[i] * slope : 0);
      }
    }
    const value = nll / scale + penaltyValue;
    return Number.isFinite(value) ? value : Infinity;
  };
}
