/**
 * Unconstrained minimisation of a smooth function of a few parameters: BFGS with a line search that
 * satisfies the strong Wolfe conditions (Nocedal & Wright, Numerical Optimization, 2nd ed., Alg. 6.1,
 * 3.5 and 3.6), falling back to Nelder–Mead (Lagarias et al. 1998) when BFGS cannot make progress.
 * Deterministic: no randomness anywhere.
 */

export interface MinimizeOptions {
  /** Writes the gradient at x into out. Without it, central finite differences are used. */
  gradient?: (x: Float64Array, out: Float64Array) => void;
  /** BFGS iterations (Nelder–Mead gets 200 × dimension more). Default 200. */
  maxIterations?: number;
  /** Converged when the largest gradient component is below this. Default 1e-6. */
  gradientTolerance?: number;
  /** A starting inverse-Hessian approximation (n×n, row-major), e.g. from a fit on a subsample. */
  initialInverseHessian?: Float64Array;
  /** Fall back to Nelder–Mead when BFGS fails. Default true. */
  fallback?: boolean;
  /** See ROUNDING_FLOOR. */
  roundingFloor?: number;
}

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  converged: boolean;
  iterations: number;
  message: string;
}

const EPSILON = 2.220446049250313e-16;
const C1 = 1e-4;
const C2 = 0.9;

/** Central differences with a step scaled to each coordinate (error O(h²), h ≈ ε^(1/3)). */
export function centralDifferenceGradient(
  objective: (x: Float64Array) => number,
): (x: Float64Array, out: Float64Array) => void {
  const step = Math.cbrt(EPSILON);
  return (x, out) => {
    const probe = Float64Array.from(x);
    for (let i = 0; i < x.length; i++) {
      const h = step * Math.max(1, Math.abs(x[i]));
      probe[i] = x[i] + h;
      const up = objective(probe);
      probe[i] = x[i] - h;
      const down = objective(probe);
      probe[i] = x[i];
      out[i] = (up - down) / (2 * h);
    }
  };
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

const maxAbs = (a: Float64Array) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
};

/**
 * When rounding stops all progress, the point still counts as a minimum if the gradient is below this fraction of
 * the objective's size (the tolerance itself cannot be met in floating point there). The default suits likelihoods
 * summing terms up to about 10⁶ times the total; an objective computed more finely passes a smaller floor, so that a
 * small but real slope (a far optimum along a flat ridge) is followed instead of taken for rounding.
 */
export const ROUNDING_FLOOR = 1e-6;

/**
 * With errorScale: a Newton step that would move no coordinate by more than this fraction of its standard error is the
 * last (the estimate after it is the optimum to far better than its uncertainty).
 */
const SETTLED_ERRORS = 0.01;

/**
 * With roundingStop too: the same for a step whose promised decrease the objective cannot see (the values of points
 * this close are equal to the objective's rounding, so no further pass could confirm the step).
 */
const ROUNDING_SETTLED_ERRORS = 0.25;

/** A Hessian shift (dampedNewtonDirection) at most this × its largest diagonal entry is only its rounding. */
const NEGLIGIBLE_SHIFT = 1e-9;

const largestDiagonal = (h: Float64Array, n: number) => {
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(h[i * n + i]));
  return largest;
};

const nearlyStationary = (grad: Float64Array, value: number, tolerance: number, floor: number) =>
  maxAbs(grad) <= Math.max(tolerance, floor * Math.max(1, Math.abs(value)));

const allFinite = (a: Float64Array) => a.every((v) => Number.isFinite(v));

interface LinePoint {
  alpha: number;
  value: number;
  slope: number;
}

/** Minimiser of the cubic interpolating two points with values and slopes, kept inside [lo, hi]. */
function cubicStep(a: LinePoint, b: LinePoint): number {
  const d1 = a.slope + b.slope - (3 * (a.value - b.value)) / (a.alpha - b.alpha);
  const radicand = d1 * d1 - a.slope * b.slope;
  const lo = Math.min(a.alpha, b.alpha);
  const hi = Math.max(a.alpha, b.alpha);
  const mid = (a.alpha + b.alpha) / 2;
  if (!(radicand >= 0)) return mid;
  const d2 = Math.sign(b.alpha - a.alpha) * Math.sqrt(radicand);
  const next = b.alpha - (b.alpha - a.alpha) * ((b.slope + d2 - d1) / (b.slope - a.slope + 2 * d2));
  const margin = 0.1 * (hi - lo);
  if (!Number.isFinite(next) || next < lo + margin || next > hi - margin) return mid;
  return next;
}

interface LineSearchResult {
  ok: boolean;
  alpha: number;
  value: number;
  x: Float64Array;
  gradient: Float64Array;
}

/** Strong Wolfe line search along `direction` from x (Nocedal & Wright Alg. 3.5 with zoom, Alg. 3.6). */
function wolfeLineSearch(
  objective: (x: Float64Array) => number,
  gradient: (x: Float64Array, out: Float64Array) => void,
  x: Float64Array,
  value: number,
  grad: Float64Array,
  direction: Float64Array,
  initialStep: number,
): LineSearchResult {
  const n = x.length;
  const slope0 = dot(grad, direction);
  const trial = new Float64Array(n);
  const trialGrad = new Float64Array(n);
  const evaluate = (alpha: number): LinePoint => {
    for (let i = 0; i < n; i++) trial[i] = x[i] + alpha * direction[i];
    const v = objective(trial);
    if (!Number.isFinite(v)) return { alpha, value: Infinity, slope: NaN };
    gradient(trial, trialGrad);
    if (!allFinite(trialGrad)) return { alpha, value: Infinity, slope: NaN };
    return { alpha, value: v, slope: dot(trialGrad, direction) };
  };
  const accept = (point: LinePoint): LineSearchResult => {
    evaluate(point.alpha);
    return {
      ok: true,
      alpha: point.alpha,
      value: point.value,
      x: Float64Array.from(trial),
      gradient: Float64Array.from(trialGrad),
    };
  };
  const fail: LineSearchResult = { ok: false, alpha: 0, value, x, gradient: grad };

  const zoom = (loIn: LinePoint, hiIn: LinePoint): LineSearchResult => {
    let lo = loIn;
    let hi = hiIn;
    for (let k = 0; k < 25; k++) {
      const alpha = Number.isFinite(hi.value) ? cubicStep(lo, hi) : (lo.alpha + hi.alpha) / 2;
      const point = evaluate(alpha);
      if (!Number.isFinite(point.value) || point.value > value + C1 * alpha * slope0 || point.value >= lo.value) {
        hi = point;
      } else {
        if (Math.abs(point.slope) <= -C2 * slope0) return accept(point);
        if (point.slope * (hi.alpha - lo.alpha) >= 0) hi = lo;
        lo = point;
      }
      if (Math.abs(hi.alpha - lo.alpha) < 1e-14 * Math.max(1, lo.alpha)) break;
    }
    // The interval collapsed: a point with sufficient decrease is still progress.
    return lo.alpha > 0 && lo.value < value ? accept(lo) : fail;
  };

  let previous: LinePoint = { alpha: 0, value, slope: slope0 };
  let alpha = initialStep;
  for (let k = 0; k < 40; k++) {
    const point = evaluate(alpha);
    if (!Number.isFinite(point.value)) {
      // Stepped outside the function's domain (overflow): come back towards the last good point.
      if (k > 0 && previous.alpha > 0) return zoom(previous, point);
      alpha = (previous.alpha + alpha) / 4;
      if (alpha < 1e-20) return fail;
      continue;
    }
    if (point.value > value + C1 * alpha * slope0 || (k > 0 && point.value >= previous.value)) {
      return zoom(previous, point);
    }
    if (Math.abs(point.slope) <= -C2 * slope0) return accept(point);
    if (point.slope >= 0) return zoom(point, previous);
    previous = point;
    alpha *= 2;
  }
  return previous.alpha > 0 ? accept(previous) : fail;
}

interface BfgsOutcome extends MinimizeResult {
  failed: boolean;
}

function bfgs(
  objective: (x: Float64Array) => number,
  gradient: (x: Float64Array, out: Float64Array) => void,
  x0: Float64Array,
  maxIterations: number,
  tolerance: number,
  initialInverseHessian?: Float64Array,
  floor = ROUNDING_FLOOR,
): BfgsOutcome {
  const n = x0.length;
  let x: Float64Array = Float64Array.from(x0);
  let value = objective(x);
  let grad: Float64Array = new Float64Array(n);
  if (!Number.isFinite(value)) {
    return { x, value, converged: false, iterations: 0, message: "objective not finite at the start", failed: true };
  }
  gradient(x, grad);
  if (!allFinite(grad)) {
    return { x, value, converged: false, iterations: 0, message: "gradient not finite at the start", failed: true };
  }
  // Inverse Hessian approximation, row-major.
  const h = new Float64Array(n * n);
  const resetH = () => {
    h.fill(0);
    for (let i = 0; i < n; i++) h[i * n + i] = 1;
  };
  resetH();
  if (initialInverseHessian && initialInverseHessian.length === n * n && allFinite(initialInverseHessian)) {
    h.set(initialInverseHessian);
  }
  const warm = h.some((v, i) => v !== (i % (n + 1) === 0 ? 1 : 0));
  const direction = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const hy = new Float64Array(n);
  let stalled = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (maxAbs(grad) <= tolerance) {
      return { x, value, converged: true, iterations: iteration, message: "gradient below tolerance", failed: false };
    }
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let j = 0; j < n; j++) d -= h[i * n + j] * grad[j];
      direction[i] = d;
    }
    if (!(dot(direction, grad) < 0)) {
      resetH();
      for (let i = 0; i < n; i++) direction[i] = -grad[i];
    }
    // First step (identity Hessian): no longer than 1 in the parameters' (log) scale.
    const norm = Math.sqrt(dot(direction, direction));
    const initial = (iteration === 0 && !warm) || norm > 10 ? Math.min(1, 1 / norm) : 1;
    let step = wolfeLineSearch(objective, gradient, x, value, grad, direction, initial);
    if (!step.ok && nearlyStationary(grad, value, tolerance, floor)) {
      // Rounding, not a bad direction: the point is a minimum to the precision the objective allows.
      return { x, value, converged: true, iterations: iteration, message: "line search failed", failed: false };
    }
    if (!step.ok) {
      resetH();
      for (let i = 0; i < n; i++) direction[i] = -grad[i];
      step = wolfeLineSearch(
        objective,
        gradient,
        x,
        value,
        grad,
        direction,
        Math.min(1, 1 / Math.sqrt(dot(grad, grad))),
      );
      if (!step.ok) {
        const converged = nearlyStationary(grad, value, tolerance, floor);
        return { x, value, converged, iterations: iteration, message: "line search failed", failed: !converged };
      }
    }
    for (let i = 0; i < n; i++) {
      s[i] = step.x[i] - x[i];
      y[i] = step.gradient[i] - grad[i];
    }
    const decrease = value - step.value;
    x = step.x;
    grad = step.gradient;
    value = step.value;
    if (decrease <= EPSILON * Math.max(1, Math.abs(value)) * 10) {
      stalled++;
      if (stalled >= 3) {
        const converged = nearlyStationary(grad, value, tolerance, floor);
        return { x, value, converged, iterations: iteration + 1, message: "no further decrease", failed: false };
      }
    } else stalled = 0;
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (iteration === 0 && !warm) {
        // Scale the first approximation (Nocedal & Wright eq. 6.20).
        const scale = sy / dot(y, y);
        for (let i = 0; i < n; i++) h[i * n + i] = scale;
      }
      const rho = 1 / sy;
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += h[i * n + j] * y[j];
        hy[i] = v;
      }
      const yhy = dot(y, hy);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          h[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
        }
      }
    }
  }
  const converged = maxAbs(grad) <= tolerance;
  return {
    x,
    value,
    converged,
    iterations: maxIterations,
    message: converged ? "gradient below tolerance" : "iteration limit reached",
    failed: false,
  };
}

/** Nelder–Mead with the dimension-adapted coefficients of Gao & Han (2012). */
export function nelderMead(
  objective: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  options: { maxIterations?: number; tolerance?: number } = {},
): MinimizeResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 200 * n;
  const tolerance = options.tolerance ?? 1e-10;
  const f = (x: Float64Array) => {
    const v = objective(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const reflect = 1;
  const expand = 1 + 2 / n;
  const contract = 0.75 - 1 / (2 * n);
  const shrink = 1 - 1 / n;
  const points: Float64Array[] = [Float64Array.from(x0)];
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(x0);
    p[i] = p[i] !== 0 ? p[i] * 1.05 + (p[i] > 0 ? 0.1 : -0.1) : 0.25;
    points.push(p);
  }
  let values = points.map(f);
  const centroid = new Float64Array(n);
  const along = (t: number) => {
    const p = new Float64Array(n);
    const worst = points[n];
    for (let i = 0; i < n; i++) p[i] = centroid[i] + t * (centroid[i] - worst[i]);
    return p;
  };
  let iteration = 0;
  for (; iteration < maxIterations; iteration++) {
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    const sortedPoints = order.map((i) => points[i]);
    values = order.map((i) => values[i]);
    sortedPoints.forEach((p, i) => (points[i] = p));
    const spread = values[n] - values[0];
    let size = 0;
    for (let k = 1; k <= n; k++)
      for (let i = 0; i < n; i++) size = Math.max(size, Math.abs(points[k][i] - points[0][i]));
    if (Number.isFinite(spread) && spread <= tolerance * Math.max(1, Math.abs(values[0])) && size <= 1e-8) break;
    centroid.fill(0);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] += points[k][i] / n;
    const r = along(reflect);
    const fr = f(r);
    if (fr < values[0]) {
      const e = along(expand);
      const fe = f(e);
      if (fe < fr) {
        points[n] = e;
        values[n] = fe;
      } else {
        points[n] = r;
        values[n] = fr;
      }
    } else if (fr < values[n - 1]) {
      points[n] = r;
      values[n] = fr;
    } else {
      const outside = fr < values[n];
      const c = along(outside ? contract : -contract);
      const fc = f(c);
      if (fc < (outside ? fr : values[n])) {
        points[n] = c;
        values[n] = fc;
      } else {
        for (let k = 1; k <= n; k++) {
          for (let i = 0; i < n; i++) points[k][i] = points[0][i] + shrink * (points[k][i] - points[0][i]);
          values[k] = f(points[k]);
        }
      }
    }
  }
  let best = 0;
  for (let k = 1; k <= n; k++) if (values[k] < values[best]) best = k;
  const converged = iteration < maxIterations && Number.isFinite(values[best]);
  return {
    x: Float64Array.from(points[best]),
    value: values[best],
    converged,
    iterations: iteration,
    message: converged ? "simplex collapsed" : "iteration limit reached",
  };
}

/**
 * Minimises a smooth objective from x0. BFGS first; if it fails (non-finite values, a line search that
 * cannot progress, or no convergence), Nelder–Mead from the best point found, then BFGS again to polish.
 */
export function minimize(
  objective: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  options: MinimizeOptions = {},
): MinimizeResult {
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.gradientTolerance ?? 1e-6;
  const gradient = options.gradient ?? centralDifferenceGradient(objective);
  const start = Float64Array.from(x0);
  const floor = options.roundingFloor ?? ROUNDING_FLOOR;
  const first = bfgs(objective, gradient, start, maxIterations, tolerance, options.initialInverseHessian, floor);
  if (first.converged || options.fallback === false) return stripFailed(first);

  const from = Number.isFinite(first.value) ? first.x : start;
  const simplex = nelderMead(objective, from, { maxIterations: 200 * start.length + maxIterations });
  const polish = bfgs(objective, gradient, simplex.x, maxIterations, tolerance, undefined, floor);
  const candidates = [first, { ...simplex, failed: false }, polish].filter((c) => Number.isFinite(c.value));
  if (candidates.length === 0) {
    return { x: start, value: NaN, converged: false, iterations: first.iterations, message: first.message };
  }
  const best = candidates.reduce((a, b) => (b.value < a.value ? b : a));
  const iterations = first.iterations + simplex.iterations + polish.iterations;
  const converged = polish.converged && best === polish;
  return {
    x: best.x,
    value: best.value,
    converged,
    iterations,
    message: converged
      ? `converged after Nelder–Mead fallback (BFGS: ${first.message})`
      : `${best.message} (BFGS: ${first.message})`,
  };
}

function stripFailed(outcome: BfgsOutcome): MinimizeResult {
  return {
    x: outcome.x,
    value: outcome.value,
    converged: outcome.converged,
    iterations: outcome.iterations,
    message: outcome.message,
  };
}

/**
 * Newton's method with an exact Hessian and a backtracking (Armijo) line search, for polishing a point already
 * near the optimum (Nocedal & Wright, Alg. 3.1 with Newton directions; where the Hessian is not positive definite,
 * as on the flat ridge of a likelihood whose supremum is at infinity, a multiple of the identity is added, their
 * Alg. 3.3). `failed` when no step decreases the objective away from a stationary point: the caller falls back.
 */
export function newton(
  evaluate: (x: Float64Array, gradient: Float64Array, hessian: Float64Array) => number,
  x0: ArrayLike<number>,
  options: {
    maxIterations?: number;
    tolerance?: number;
    stepTolerance?: number;
    roundingFloor?: number;
    ridgeGain?: number;
    roundingStop?: boolean;
    /**
     * The scale of the estimate's standard errors: each coordinate's is this × √(H⁻¹)ᵢᵢ (1/√n for an objective per
     * customer). With it and `value`, a Newton step that moves no coordinate by more than SETTLED_ERRORS of its standard
     * error is the last: taken where its value is no higher, and the result `settled` (its Hessian not evaluated);
     * with roundingStop too, a first step promising less than the objective's rounding that moves none by more than
     * ROUNDING_SETTLED_ERRORS ends the search at its point (the step not taken).
     */
    errorScale?: number;
    /**
     * The same objective's value alone (bit for bit what `evaluate` returns, at less cost): backtracking trials after
     * the first are decided on it, and only the point accepted is evaluated with its gradient and Hessian.
     */
    value?: (x: Float64Array) => number;
  } = {},
): MinimizeResult & { failed: boolean; settled?: boolean } {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-9;
  const stepTolerance = options.stepTolerance ?? 0;
  const floor = options.roundingFloor ?? ROUNDING_FLOOR;
  const ridgeGain = options.ridgeGain ?? Infinity;
  const valueOnly = options.value;
  const errorScale = options.errorScale;
  // Whether the last iteration's Newton step (positive definite Hessian) promised less than the objective's rounding.
  let belowRounding = false;
  let x = Float64Array.from(x0);
  let grad = new Float64Array(n);
  let hess = new Float64Array(n * n);
  let value = evaluate(x, grad, hess);
  const trial = new Float64Array(n);
  let trialGrad = new Float64Array(n);
  let trialHess = new Float64Array(n * n);
  const direction = new Float64Array(n);
  let ridge = 0;
  // What the last accepted step lowered the objective by (none yet: any start may be on the ridge).
  let gained = 0;
  const failed = (message: string, iterations: number) => ({
    x,
    value,
    converged: false,
    iterations,
    message,
    failed: true,
  });
  if (!Number.isFinite(value) || !allFinite(grad) || !allFinite(hess)) return failed("not finite at the start", 0);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (maxAbs(grad) <= tolerance) {
      return { x, value, converged: true, iterations: iteration, message: "gradient below tolerance", failed: false };
    }
    const shift = dampedNewtonDirection(hess, grad, direction, n);
    if (shift < 0) return failed("Hessian not positive definite", iteration);
    // Where the Hessian is positive definite, the next Newton step is the distance to the optimum to second order:
    // once it is below the step tolerance, or a small fraction of every standard error, the point is the optimum to
    // that precision, however large the gradient's rounding (terms of 10⁹ purchases) or the objective's scale.
    // stepErrors: the largest move of a coordinate the step makes, in standard errors (Infinity without errorScale).
    // A shift the Hessian needs only at its rounding (a flat direction, as b → 0 with β/b fixed in GGompertz/NBD)
    // leaves the other coordinates' errors as they are and makes the flat one's very large.
    const stepErrors =
      errorScale !== undefined && shift <= NEGLIGIBLE_SHIFT * largestDiagonal(hess, n)
        ? stepInErrors(hess, shift, direction, n) / errorScale
        : Infinity;
    if (stepErrors <= SETTLED_ERRORS && valueOnly) {
      // The step is taken and checked by its value alone: the Hessian there is the one here to that precision, so
      // the pass that would evaluate it is saved (`settled` tells the caller the Hessian is from the point before).
      for (let i = 0; i < n; i++) trial[i] = x[i] - direction[i];
      const settledValue = valueOnly(trial);
      const settled = settledValue <= value + EPSILON * Math.max(1, Math.abs(value)) * 10;
      return {
        x: settled ? Float64Array.from(trial) : x,
        value: settled ? settledValue : value,
        converged: true,
        iterations: iteration + 1,
        message: "Newton step within a hundredth of the standard errors",
        failed: false,
        settled,
      };
    }
    if (shift === 0 && maxAbs(direction) <= stepTolerance) {
      return {
        x,
        value,
        converged: true,
        iterations: iteration,
        message: "Newton step below tolerance",
        failed: false,
      };
    }
    if (options.roundingStop && shift === 0) {
      // With roundingStop: a second Newton step in a row whose predicted decrease ½ gᵀH⁻¹g is below the objective's
      // rounding is not taken. The step before it was the quadratic model's own minimum to that precision (the
      // parameters it left to move are those the objective cannot tell apart: with terms of 10⁹ purchases, a
      // ridge's rise of 1e-8 a customer against a rounding of 1e-6), and one more pass would only confirm it.
      const promised = EPSILON * Math.max(1, Math.abs(value)) * 10 >= 0.5 * dot(grad, direction);
      if (promised && (belowRounding || stepErrors <= ROUNDING_SETTLED_ERRORS)) {
        return {
          x,
          value,
          converged: true,
          iterations: iteration,
          message: "Newton step below the objective's rounding",
          failed: false,
        };
      }
      belowRounding = promised;
    } else belowRounding = false;
    // A nearly stationary point where the Hessian keeps needing a shift is a ridge whose top is at infinity
    // (e.g. customers who all buy at the same rate): each further step gains almost nothing. With ridgeGain, only
    // while the steps gain at most that: where the objective's size is constants (terms of 10⁹ purchases), "nearly
    // stationary" holds everywhere, also on the way to a ridge the steps still climb.
    ridge = shift > 0 && nearlyStationary(grad, value, tolerance, floor) && gained <= ridgeGain ? ridge + 1 : 0;
    if (ridge >= 3) {
      return {
        x,
        value,
        converged: true,
        iterations: iteration,
        message: "on a ridge rising to infinity",
        failed: false,
      };
    }
    for (let i = 0; i < n; i++) direction[i] = -direction[i];
    const slope = dot(grad, direction);
    let step = 1;
    let accepted = false;
    let trialValue = NaN;
    // A Newton step that must be cut more than 2^12 times is meeting the objective's rounding, not its shape.
    for (let k = 0; k < 12; k++) {
      for (let i = 0; i < n; i++) trial[i] = x[i] + step * direction[i];
      // The full step (usually accepted, and its rule below needs the gradient) is evaluated in full; a shorter one
      // first by its value, which alone decides it.
      const valueFirst = k > 0 && valueOnly !== undefined;
      trialValue = valueFirst ? valueOnly(trial) : evaluate(trial, trialGrad, trialHess);
      if (!Number.isFinite(trialValue) || (!valueFirst && !allFinite(trialGrad))) {
        step /= 2;
        continue;
      }
      // Sufficient decrease; or a full step whose change in value is below the objective's rounding but which
      // halves the gradient (the quadratic-convergence regime, where the decrease itself cannot be seen).
      const withinRounding = k === 0 && trialValue <= value + 1e-10 * Math.max(1, Math.abs(value));
      if (trialValue <= value + C1 * step * slope || (withinRounding && maxAbs(trialGrad) < 0.5 * maxAbs(grad))) {
        if (valueFirst) {
          trialValue = evaluate(trial, trialGrad, trialHess);
          if (!Number.isFinite(trialValue) || !allFinite(trialGrad)) {
            step /= 2;
            continue;
          }
        }
        accepted = true;
        break;
      }
      step /= 2;
    }
    if (!accepted) {
      if (nearlyStationary(grad, value, tolerance, floor)) {
        return { x, value, converged: true, iterations: iteration, message: "line search failed", failed: false };
      }
      return failed("line search failed", iteration);
    }
    const decrease = value - trialValue;
    gained = decrease;
    x = Float64Array.from(trial);
    [grad, trialGrad] = [trialGrad, grad];
    [hess, trialHess] = [trialHess, hess];
    value = trialValue;
    if (decrease <= EPSILON * Math.max(1, Math.abs(value)) * 10 && nearlyStationary(grad, value, tolerance, floor)) {
      // Rounding now dominates the decrease: the point is a minimum to the objective's precision.
      const converged = maxAbs(grad) <= tolerance || nearlyStationary(grad, value, tolerance, floor);
      return { x, value, converged, iterations: iteration + 1, message: "no further decrease", failed: false };
    }
  }
  const converged = maxAbs(grad) <= tolerance;
  return {
    x,
    value,
    converged,
    iterations: maxIterations,
    message: converged ? "gradient below tolerance" : "iteration limit reached",
    failed: !converged,
  };
}

/**
 * max over i of |dᵢ| / √(H + μI)⁻¹ᵢᵢ, for a positive-definite H + μI: how far a step moves each coordinate in its own
 * scale.
 */
function stepInErrors(h: Float64Array, shift: number, d: Float64Array, n: number): number {
  const shifted = new Float64Array(h);
  for (let i = 0; i < n; i++) shifted[i * n + i] += shift;
  const unit = new Float64Array(n);
  const column = new Float64Array(n);
  let largest = 0;
  for (let i = 0; i < n; i++) {
    unit.fill(0);
    unit[i] = 1;
    if (!choleskySolve(shifted, unit, column, n) || !(column[i] > 0)) return Infinity;
    largest = Math.max(largest, Math.abs(d[i]) / Math.sqrt(column[i]));
  }
  return largest;
}

/**
 * Solves (H + μI)·out = g with μ = 0 when H is positive definite, else the first of μ₀, 10μ₀, … that makes it so,
 * μ₀ = max(1e-10·max|H_ii|, 1e-3·max|H_ii| − min H_ii). Returns μ, or −1 when no shift works.
 */
function dampedNewtonDirection(h: Float64Array, g: Float64Array, out: Float64Array, n: number): number {
  if (choleskySolve(h, g, out, n)) return 0;
  let largest = 0;
  let smallest = Infinity;
  for (let i = 0; i < n; i++) {
    largest = Math.max(largest, Math.abs(h[i * n + i]));
    smallest = Math.min(smallest, h[i * n + i]);
  }
  if (!(largest > 0) || !Number.isFinite(largest)) return -1;
  const shifted = new Float64Array(h);
  // Nocedal & Wright Alg. 3.3: start from a shift that makes every diagonal entry positive.
  for (let mu = Math.max(1e-10 * largest, 1e-3 * largest - smallest); mu <= 1e10 * largest; mu *= 10) {
    for (let i = 0; i < n; i++) shifted[i * n + i] = h[i * n + i] + mu;
    if (choleskySolve(shifted, g, out, n)) return mu;
  }
  return -1;
}

/** Solves A·out = b for a symmetric positive-definite A (row-major n×n) by Cholesky; false when A is not. */
function choleskySolve(a: Float64Array, b: Float64Array, out: Float64Array, n: number): boolean {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(sum > 0)) return false;
        l[i * n + i] = Math.sqrt(sum);
      } else l[i * n + j] = sum / l[j * n + j];
    }
  }
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i * n + k] * out[k];
    out[i] = sum / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = out[i];
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * out[k];
    out[i] = sum / l[i * n + i];
  }
  return true;
}
