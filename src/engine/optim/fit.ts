/**
 * Maximum likelihood for models whose parameters are all positive: optimise over log-parameters from
 * several fixed starts (deterministic: every colleague gets the same numbers), with an optional L2
 * penalty, and standard errors from the Hessian in the natural parameters.
 */
import { hessianFromGradient, invertMatrix, numericalHessian, standardErrorsFromHessian } from "./hessian";
import { logScaleDerivatives } from "./log-scale";
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
  /**
   * negLogLikelihood returns bit for bit the value negLogLikelihoodWithHessian does (one code path, the derivatives
   * skipped): Newton's backtracking trials after the first are then decided on it, the Hessian evaluated only where a
   * trial is accepted. Default false.
   */
  exactValueAlone?: boolean;
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
  subsample?: {
    negLogLikelihoodWithGradient: (params: Float64Array, gradient: Float64Array) => number;
    /**
     * The subsample's Hessian too: a BFGS start that stops short of its tolerance (a ridge rising to infinity,
     * where each step gains less than the likelihood's rounding) is then finished by Newton's method, which
     * recognises the ridge in a few steps, before the simplex fallback is tried.
     */
    negLogLikelihoodWithHessian?: (params: Float64Array, gradient: Float64Array, hessian: Float64Array) => number;
    /** The subsample's −log L alone, bit for bit the value of negLogLikelihoodWithHessian: Newton backtracks on it. */
    negLogLikelihood?: (params: Float64Array) => number;
    n: number;
  };
  /** Gradient tolerance on the per-customer objective (−log L / n) in log-parameters. Default 1e-9. */
  gradientTolerance?: number;
  /**
   * The Newton polish (with negLogLikelihoodWithHessian) also stops when its next step changes no log-parameter by
   * more than this (a relative change of the parameters), the Hessian being positive definite. Default 0 (off).
   */
  stepTolerance?: number;
  /**
   * Newton's ridge rule (minimize.ts) counts an iteration only after a step that lowered the per-customer objective
   * by at most this. Default: any step (the rule as it was).
   */
  ridgeGain?: number;
  /**
   * The full-data Newton polish stops after two steps in a row whose predicted decrease is below the objective's
   * rounding (minimize.ts roundingStop), without the pass that would only confirm it. Default false.
   */
  polishStopsAtRounding?: boolean;
  /**
   * At most this many likelihood evaluations in the whole fit (every start, the fallback, the polish and the
   * standard errors aside). Default MAX_EVALUATIONS. With each evaluation's cost bounded by the model (one pass over
   * the distinct histories), the fit's work is bounded by construction whatever the data or max_iterations.
   */
  maxEvaluations?: number;
  /**
   * The starts are already an optimum of a sample of the same data (staged-fit.ts): the subsample search begins with
   * Newton's method on the subsample's Hessian, which confirms such a point in one evaluation, or stops within a few
   * where the sample's fit ended on a ridge towards the edge, where BFGS would crawl on to dozens of evaluations.
   */
  newtonFirst?: boolean;
  /**
   * How finely the likelihood is computed, relative to its size (minimize.ts's ROUNDING_FLOOR, the default): a search
   * that rounding stops counts as converged only where the per-customer gradient is below this × the objective.
   */
  roundingFloor?: number;
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

/** Values of one objective this close (relative) are the same to its rounding. */
const TIE = 1e-12;

/** Newton iterations that may finish a subsample start BFGS left short of its tolerance. */
const SUBSAMPLE_NEWTON_ITERATIONS = 30;

/** ln(10⁶): how far (in log-parameters) a subsample start may run before it counts as heading for the edge. */
const RUNAWAY_LOG = Math.log(1e6);

/**
 * Newton iterations a staged fit's second stage (newtonFirst) spends before its usual BFGS search: at most a fraction
 * of a full-data pass of extra work on the sample where the point is neither confirmed nor finished.
 */
const NEWTON_FIRST_ITERATIONS = 10;

/** Full-data polish iterations when the subsample fit found no optimum. */
const RIDGE_POLISH_ITERATIONS = 20;

/**
 * The default cap on likelihood evaluations per fit. A fit that converges uses far fewer (tens to a few hundred per
 * start); the cap only stops a search that keeps crawling (a ridge the optimiser cannot leave, or a large
 * max_iterations), which then reports "not converged" with the best point it found.
 */
export const MAX_EVALUATIONS = 3000;

/** The message of a fit stopped by its evaluation budget. */
export const BUDGET_MESSAGE = "evaluation budget reached";

/** Counts evaluations across every objective of one fit; throws BudgetExhausted past the limit. */
class EvaluationBudget {
  used = 0;
  private metered = true;
  constructor(readonly limit: number) {}
  spend(): void {
    if (this.metered && ++this.used > this.limit) throw new BudgetExhausted();
  }
  /** Work of a fixed size (a finite-difference Hessian: 2 × parameters gradients), outside the budget. */
  unmetered<T>(work: () => T): T {
    this.metered = false;
    try {
      return work();
    } finally {
      this.metered = true;
    }
  }
}

class BudgetExhausted extends Error {}

/** Runs one search; when the budget runs out inside it, undefined (the caller keeps the best point seen). */
function withinBudget<T>(search: () => T): T | undefined {
  try {
    return search();
  } catch (error) {
    if (error instanceof BudgetExhausted) return undefined;
    throw error;
  }
}

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
  const budget = new EvaluationBudget(spec.maxEvaluations ?? MAX_EVALUATIONS);
  const valueAlone = spec.exactValueAlone ? negLogLikelihood : undefined;
  const full = logObjective(dimension, negLogLikelihood, negLogLikelihoodWithGradient, scale, penalty, budget);
  const subsample = spec.subsample
    ? logObjective(
        dimension,
        negLogLikelihood,
        spec.subsample.negLogLikelihoodWithGradient,
        spec.subsample.n,
        penalty,
        budget,
      )
    : null;
  const { objective, gradient } = subsample ?? full;

  type Outcome = { x: Float64Array; value: number; converged: boolean; message: string; iterations: number };
  let best: Outcome | null = null;
  let iterations = 0;
  /**
   * A search the budget cut short: the best point its objective has seen (over every start so far), unless an
   * earlier search already settled on a point at least as good.
   */
  const cutShort = (
    seen: { best: { value: number; theta: Float64Array } },
    previous: Outcome | null,
  ): Outcome | null => {
    if (previous && previous.converged && previous.value <= seen.best.value) return previous;
    if (seen.best.value < Infinity) {
      return {
        x: Float64Array.from(seen.best.theta),
        value: seen.best.value,
        converged: false,
        message: BUDGET_MESSAGE,
        iterations,
      };
    }
    return previous && { ...previous, converged: false, message: BUDGET_MESSAGE };
  };
  let exhausted = false;
  let newtonObjective: ReturnType<typeof logNewtonObjective> | null = null;
  // The polish ended on a step it checked by value alone (minimize.ts errorScale): the Hessian is the point's before.
  let settled = false;
  // The starts' Newton finish: on the subsample, or on the data themselves when there is no subsample.
  const startsNewton = spec.subsample?.negLogLikelihoodWithHessian
    ? logNewtonObjective(
        dimension,
        spec.subsample.negLogLikelihoodWithHessian,
        spec.subsample.n,
        penalty,
        budget,
        spec.subsample.negLogLikelihood,
      )
    : !spec.subsample && spec.negLogLikelihoodWithHessian
      ? logNewtonObjective(dimension, spec.negLogLikelihoodWithHessian, scale, penalty, budget, valueAlone)
      : null;
  const roundingFloor = spec.roundingFloor;
  const search = (theta0: number[]) => {
    const options = {
      gradient,
      maxIterations: spec.maxIterations ?? 200,
      gradientTolerance: spec.gradientTolerance ?? 1e-9,
      roundingFloor,
    };
    if (!startsNewton) return minimize(objective, theta0, options);
    if (spec.newtonFirst) {
      const direct = newton(startsNewton.objective, theta0, {
        value: startsNewton.value,
        maxIterations: NEWTON_FIRST_ITERATIONS,
        tolerance: options.gradientTolerance,
        stepTolerance: spec.stepTolerance,
        ridgeGain: spec.ridgeGain,
        roundingFloor,
      });
      if (!direct.failed && direct.converged) return direct;
    }
    const first = minimize(objective, theta0, { ...options, fallback: false });
    if (first.converged) return first;
    const from = Number.isFinite(first.value) ? first.x : Float64Array.from(theta0);
    const finished = newton(startsNewton.objective, from, {
      value: startsNewton.value,
      maxIterations: SUBSAMPLE_NEWTON_ITERATIONS,
      tolerance: options.gradientTolerance,
      stepTolerance: spec.stepTolerance,
      ridgeGain: spec.ridgeGain,
      roundingFloor,
    });
    // Newton's converged point may be above BFGS's by the objective's rounding (both at the same optimum, Newton's
    // with the smaller gradient): only a real loss rejects it.
    const rounding = TIE * Math.max(1, Math.abs(first.value));
    if (!finished.failed && finished.converged && !(finished.value > first.value + rounding)) return finished;
    // Both stopped where a parameter has run a millionfold or more from its start: a ridge towards the edge of the
    // parameter space, where the likelihood's rounding hides what is left to gain and the simplex would only crawl
    // on to the evaluation budget (seconds on a 4,000-row subsample). The full-data polish and the diagnosis take
    // it from here (the fit then reports the boundary it ran to).
    let runaway = 0;
    for (let i = 0; i < dimension; i++) runaway = Math.max(runaway, Math.abs(first.x[i] - theta0[i]));
    if (Number.isFinite(first.value) && runaway > RUNAWAY_LOG) return first;
    return minimize(objective, finished.value < first.value ? finished.x : from, options);
  };
  for (const start of spec.starts) {
    const theta0 = start.map((v) => Math.log(v));
    const result = withinBudget(() => search(theta0));
    if (result === undefined) {
      best = cutShort(subsample ?? full, best);
      exhausted = true;
      break;
    }
    iterations += result.iterations;
    if (!Number.isFinite(result.value)) continue;
    const better =
      best === null ||
      result.value < best.value - 1e-9 * Math.abs(best.value) ||
      (result.converged && !best.converged && result.value <= best.value + 1e-9 * Math.abs(best.value));
    if (better) best = result;
  }
  if (best !== null && subsample && !exhausted) {
    // When the subsample has no optimum the likelihood's supremum is at infinity (e.g. Gamma-Gamma's q → ∞ when
    // spend does not vary between customers): a short polish reports that instead of crawling along the ridge.
    const polishIterations = best.converged ? (spec.maxIterations ?? 200) : RIDGE_POLISH_ITERATIONS;
    const from = best.x;
    const withHessian = spec.negLogLikelihoodWithHessian
      ? logNewtonObjective(dimension, spec.negLogLikelihoodWithHessian, scale, penalty, budget, valueAlone)
      : null;
    newtonObjective = withHessian;
    const newtonPolished = withHessian
      ? withinBudget(() =>
          newton(withHessian.objective, from, {
            value: withHessian.value,
            maxIterations: polishIterations,
            tolerance: spec.gradientTolerance ?? 1e-9,
            stepTolerance: spec.stepTolerance,
            ridgeGain: spec.ridgeGain,
            roundingStop: spec.polishStopsAtRounding,
            errorScale: 1 / Math.sqrt(scale),
            roundingFloor,
          }),
        )
      : null;
    if (withHessian && newtonPolished === undefined) {
      best = cutShort(withHessian, null) ?? { ...best, converged: false, message: BUDGET_MESSAGE };
    } else if (newtonPolished && !newtonPolished.failed) {
      iterations += newtonPolished.iterations;
      best = newtonPolished;
      settled = newtonPolished.settled === true;
    } else if (withHessian && newtonPolished && !best.converged && withHessian.best.value < Infinity) {
      // No optimum on the subsample and none within Newton's reach on the full data (a ridge to the edge): a BFGS
      // polish would crawl on along it. The best full-data point seen is reported, not converged.
      iterations += newtonPolished.iterations;
      best = {
        x: Float64Array.from(withHessian.best.theta),
        value: withHessian.best.value,
        converged: false,
        message: newtonPolished.message,
        iterations,
      };
    } else {
      // Polish on the full data, starting from the subsample's optimum and curvature (both per customer).
      const curvature = budget.unmetered(() => invertMatrix(hessianFromGradient(subsample.gradient!, from)));
      const warm = curvature ? Float64Array.from(curvature.flat()) : undefined;
      const polished = withinBudget(() =>
        minimize(full.objective, from, {
          gradient: full.gradient,
          maxIterations: polishIterations,
          gradientTolerance: spec.gradientTolerance ?? 1e-9,
          initialInverseHessian: warm,
          fallback: false,
          roundingFloor,
        }),
      );
      if (polished === undefined) {
        best = cutShort(full, null) ?? { ...best, converged: false, message: BUDGET_MESSAGE };
      } else {
        iterations += polished.iterations;
        best = polished;
      }
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
  // The Newton polish's last evaluation is usually at the estimate: its Hessian and value are reused.
  const last = newtonObjective?.last;
  const atLast = last !== undefined && last.theta.length === dimension && last.theta.every((v, i) => v === best.x[i]);
  // After a settled step, the last Hessian is that of the point a hundredth of a standard error before, carried to
  // the estimate in log-parameters (where it hardly changes over such a step; in the natural ones it scales as 1/p²,
  // which moved a poorly determined s's error by 0.1 % on 12,000 customers).
  const errors = budget.unmetered(() =>
    standardErrorsFromHessian(
      atLast && (last.hasHessian || settled)
        ? penalisedHessian(
            last.hasHessian ? last.hessian : carriedHessian(last.hessian, last.hessianTheta, best.x),
            dimension,
            scale * penalty,
          )
        : spec.negLogLikelihoodWithHessian
          ? analyticHessian(spec.negLogLikelihoodWithHessian, estimate, scale * penalty)
          : full.gradient
            ? naturalHessian(full.gradient, best.x, scale)
            : numericalHessian(penalised, estimate),
    ),
  );
  const logLikelihood = atLast ? -last.negLogLikelihood : -negLogLikelihood(Float64Array.from(estimate));
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
  /** The lowest finite value evaluated so far and where. */
  best: { value: number; theta: Float64Array };
}

/** The per-customer penalised objective on θ = log p, sharing one pass for value and gradient when it can. */
function logObjective(
  dimension: number,
  negLogLikelihood: (params: Float64Array) => number,
  withGradient: ((params: Float64Array, gradient: Float64Array) => number) | undefined,
  scale: number,
  penalty: number,
  budget: EvaluationBudget,
): LogObjective {
  const best = { value: Infinity, theta: new Float64Array(dimension) };
  const record = (theta: Float64Array, value: number) => {
    if (Number.isFinite(value) && value < best.value) {
      best.value = value;
      best.theta.set(theta);
    }
  };
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
        budget.spend();
        const p = toParams(theta);
        const value = negLogLikelihood(p) / scale + penaltyOf(p);
        record(theta, value);
        return Number.isFinite(value) ? value : Infinity;
      },
      best,
    };
  }
  const cachedTheta = new Float64Array(dimension).fill(NaN);
  const cachedGradient = new Float64Array(dimension);
  let cachedValue = NaN;
  const evaluate = (theta: Float64Array) => {
    if (theta.every((v, i) => v === cachedTheta[i])) return cachedValue;
    budget.spend();
    const p = toParams(theta);
    const nll = withGradient(p, naturalGradient);
    // Chain rule for θ = log p: ∂/∂θ = p ∂/∂p; the penalty c Σ p² adds 2c p².
    for (let i = 0; i < dimension; i++) cachedGradient[i] = p[i] * (naturalGradient[i] / scale + 2 * penalty * p[i]);
    cachedTheta.set(theta);
    cachedValue = nll / scale + penaltyOf(p);
    record(theta, cachedValue);
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
    best,
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
  return penalisedHessian(hessian, n, scaledPenalty);
}

/**
 * A Hessian in the natural parameters at e^from, moved to e^to with its log-parameter form kept: ∂²/∂θ_i∂θ_j =
 * p_i p_j ∂²/∂p_i∂p_j (the gradient's term, zero at an optimum, left out).
 */
function carriedHessian(hessian: Float64Array, from: Float64Array, to: Float64Array): Float64Array {
  const n = from.length;
  const carried = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) carried[i * n + j] = hessian[i * n + j] * Math.exp(from[i] + from[j] - to[i] - to[j]);
  }
  return carried;
}

/** A row-major Hessian of −log L in the natural parameters, plus the penalty's 2·n·c on the diagonal. */
function penalisedHessian(hessian: Float64Array, n: number, scaledPenalty: number): number[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => hessian[i * n + j] + (i === j ? 2 * scaledPenalty : 0)),
  );
}

type NewtonObjective = (theta: Float64Array, gradient: Float64Array, hessian: Float64Array) => number;

/**
 * The per-customer penalised objective on θ = log p with its gradient and Hessian (log-scale.ts), and, given the
 * likelihood alone (`valueOnly`, the same value bit for bit), the objective's value alone for Newton's backtracking
 * trials. A full evaluation right after a value at the same point (the trial accepted) is not counted twice.
 */
function logNewtonObjective(
  dimension: number,
  withHessian: (params: Float64Array, gradient: Float64Array, hessian: Float64Array) => number,
  scale: number,
  penalty: number,
  budget: EvaluationBudget,
  valueOnly?: (params: Float64Array) => number,
): {
  objective: NewtonObjective;
  value?: (theta: Float64Array) => number;
  best: { value: number; theta: Float64Array };
  /**
   * The last evaluation: where, −log L there (no penalty) and its Hessian in the natural parameters (hasHessian false
   * after a value alone).
   */
  last: {
    theta: Float64Array;
    negLogLikelihood: number;
    hessian: Float64Array;
    /** Where `hessian` was evaluated (the point before `theta` after a value alone). */
    hessianTheta: Float64Array;
    hasHessian: boolean;
  };
} {
  const best = { value: Infinity, theta: new Float64Array(dimension) };
  const last = {
    theta: new Float64Array(0),
    negLogLikelihood: NaN,
    hessian: new Float64Array(dimension * dimension),
    hessianTheta: new Float64Array(0),
    hasHessian: false,
  };
  const params = new Float64Array(dimension);
  const naturalGradient = new Float64Array(dimension);
  const naturalHessianValues = new Float64Array(dimension * dimension);
  const slope = new Float64Array(dimension);
  const curvature = new Float64Array(dimension * dimension);
  // Where the last value alone was evaluated (already counted against the budget).
  const valued = new Float64Array(dimension).fill(NaN);
  /** Sets params = e^θ; returns the penalty c Σ p². */
  const toParams = (theta: Float64Array) => {
    let penaltyValue = 0;
    for (let i = 0; i < dimension; i++) {
      params[i] = Math.exp(theta[i]);
      penaltyValue += penalty * params[i] * params[i];
    }
    return penaltyValue;
  };
  const finish = (theta: Float64Array, value: number) => {
    if (Number.isFinite(value) && value < best.value) {
      best.value = value;
      best.theta.set(theta);
    }
    return Number.isFinite(value) ? value : Infinity;
  };
  const objective: NewtonObjective = (theta, gradient, hessian) => {
    if (theta.every((v, i) => v === valued[i])) valued.fill(NaN);
    else budget.spend();
    const penaltyValue = toParams(theta);
    const nll = withHessian(params, naturalGradient, naturalHessianValues);
    last.theta = Float64Array.from(theta);
    last.negLogLikelihood = nll;
    last.hessian.set(naturalHessianValues);
    last.hessianTheta = last.theta;
    last.hasHessian = true;
    // Per customer, with the penalty c Σ p² (gradient 2c p, Hessian 2c on the diagonal), then in θ = log p.
    for (let i = 0; i < dimension; i++) {
      slope[i] = naturalGradient[i] / scale + 2 * penalty * params[i];
      for (let j = 0; j < dimension; j++) {
        curvature[i * dimension + j] = naturalHessianValues[i * dimension + j] / scale + (i === j ? 2 * penalty : 0);
      }
    }
    logScaleDerivatives(params, slope, curvature, gradient, hessian);
    return finish(theta, nll / scale + penaltyValue);
  };
  const value = valueOnly
    ? (theta: Float64Array) => {
        budget.spend();
        valued.set(theta);
        const penaltyValue = toParams(theta);
        const nll = valueOnly(params);
        last.theta = Float64Array.from(theta);
        last.negLogLikelihood = nll;
        last.hasHessian = false;
        return finish(theta, nll / scale + penaltyValue);
      }
    : undefined;
  return { objective, value, best, last };
}
