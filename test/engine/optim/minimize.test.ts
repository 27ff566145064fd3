import { centralDifferenceGradient, minimize, nelderMead, newton } from "../../../src/engine/optim/minimize";

const rosenbrock = (x: Float64Array) => 100 * (x[1] - x[0] * x[0]) ** 2 + (1 - x[0]) ** 2;
const rosenbrockGradient = (x: Float64Array, out: Float64Array) => {
  out[0] = -400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]);
  out[1] = 200 * (x[1] - x[0] * x[0]);
};

describe("minimize (BFGS + Wolfe line search)", () => {
  test("Rosenbrock from (−1.2, 1) with the analytic gradient reaches (1, 1)", () => {
    const result = minimize(rosenbrock, [-1.2, 1], { gradient: rosenbrockGradient });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
    expect(result.value).toBeLessThan(1e-12);
  });

  test("Rosenbrock with finite-difference gradients", () => {
    const result = minimize(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
  });

  test("an ill-conditioned 4-D quadratic is solved exactly", () => {
    const scales = [1, 10, 100, 1000];
    const centre = [3, -2, 0.5, 7];
    const f = (x: Float64Array) => scales.reduce((s, c, i) => s + c * (x[i] - centre[i]) ** 2, 0);
    const result = minimize(f, [0, 0, 0, 0]);
    expect(result.converged).toBe(true);
    centre.forEach((c, i) => expect(result.x[i]).toBeCloseTo(c, 5));
  });

  test("a region where the objective is not finite is stepped around, not into", () => {
    // log-barrier: infinite for x ≤ 0, minimum at x = 1
    const f = (x: Float64Array) => (x[0] > 0 ? x[0] - Math.log(x[0]) : Infinity);
    const result = minimize(f, [50]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
  });

  test("an objective that is not finite at the start is reported as not converged", () => {
    const result = minimize(() => NaN, [1, 2]);
    expect(result.converged).toBe(false);
    expect(result.message).not.toBe("");
  });

  test("an unbounded objective does not claim convergence", () => {
    const result = minimize((x) => -x[0], [0], { maxIterations: 20 });
    expect(result.converged).toBe(false);
  });

  test("deterministic: two runs give identical bits", () => {
    const a = minimize(rosenbrock, [-1.2, 1]);
    const b = minimize(rosenbrock, [-1.2, 1]);
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
  });
});

describe("nelderMead", () => {
  test("Rosenbrock without any gradient", () => {
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5000 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(1, 4);
  });
});

describe("centralDifferenceGradient", () => {
  test("matches the analytic gradient to ~1e-7", () => {
    const gradient = centralDifferenceGradient(rosenbrock);
    const out = new Float64Array(2);
    const exact = new Float64Array(2);
    const x = Float64Array.from([0.3, -0.7]);
    gradient(x, out);
    rosenbrockGradient(x, exact);
    expect(out[0]).toBeCloseTo(exact[0], 6);
    expect(out[1]).toBeCloseTo(exact[1], 6);
  });
});

describe("newton (exact Hessian, damped where it is not positive definite)", () => {
  // Rosenbrock's value, gradient and Hessian.
  const rosenbrock = (x: Float64Array, g: Float64Array, h: Float64Array) => {
    const [a, b] = x;
    g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
    g[1] = 200 * (b - a * a);
    h.set([2 - 400 * (b - a * a) + 800 * a * a, -400 * a, -400 * a, 200]);
    return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
  };
  test("from near the optimum it converges in a few steps", () => {
    const result = newton(rosenbrock, [1.1, 1.2], { tolerance: 1e-10 });
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeLessThan(10);
    expect(result.x[0]).toBeCloseTo(1, 8);
    expect(result.x[1]).toBeCloseTo(1, 8);
  });
  test("with a step tolerance it stops, without another evaluation, once the next step is that small", () => {
    // Σ cosh(x_i − c_i): its minimum c is not a float Newton lands on exactly.
    const centre = [0.3, -0.7, 1.1];
    let evaluations = 0;
    const evaluate = (x: Float64Array, g: Float64Array, h: Float64Array) => {
      evaluations++;
      h.fill(0);
      let value = 0;
      for (let i = 0; i < x.length; i++) {
        g[i] = Math.sinh(x[i] - centre[i]);
        h[i * x.length + i] = Math.cosh(x[i] - centre[i]);
        value += Math.cosh(x[i] - centre[i]);
      }
      return value;
    };
    const plain = newton(evaluate, [1.2, 0.4, 0.1], { tolerance: 1e-14 });
    const plainEvaluations = evaluations;
    evaluations = 0;
    const result = newton(evaluate, [1.2, 0.4, 0.1], { tolerance: 1e-14, stepTolerance: 1e-6 });
    expect(plain.converged).toBe(true);
    expect(result.converged).toBe(true);
    expect(result.message).toBe("Newton step below tolerance");
    expect(evaluations).toBeLessThan(plainEvaluations);
    result.x.forEach((v, i) => expect(Math.abs(v - centre[i])).toBeLessThan(1e-6));
  });
  test("with the standard errors' scale, a step within a hundredth of them is the last, checked by its value alone", () => {
    // A log-likelihood per customer of n exponential waits (rate e^θ, mean wait 2): −θ + 2e^θ, optimum θ = −ln 2,
    // standard error of θ 1/√n.
    const n = 1e6;
    let full = 0;
    let values = 0;
    const value = (x: Float64Array) => -x[0] + 2 * Math.exp(x[0]);
    const evaluate = (x: Float64Array, g: Float64Array, h: Float64Array) => {
      full++;
      g[0] = -1 + 2 * Math.exp(x[0]);
      h[0] = 2 * Math.exp(x[0]);
      return value(x);
    };
    const counted = (x: Float64Array) => {
      values++;
      return value(x);
    };
    const plain = newton(evaluate, [0], { tolerance: 1e-15, value: counted });
    const plainFull = full;
    full = 0;
    values = 0;
    const result = newton(evaluate, [0], { tolerance: 1e-15, value: counted, errorScale: 1 / Math.sqrt(n) });
    expect(result.message).toBe("Newton step within a hundredth of the standard errors");
    expect(result.settled).toBe(true);
    expect(result.converged).toBe(true);
    expect(full).toBeLessThan(plainFull);
    expect(values).toBe(1);
    // The step taken lands on the optimum to far better than a hundredth of the error (Newton's quadratic convergence).
    expect(Math.abs(result.x[0] - plain.x[0])).toBeLessThan(1e-4 / Math.sqrt(n));
    // Without the value alone the rule is not used: every step is evaluated in full.
    full = 0;
    const unchecked = newton(evaluate, [0], { tolerance: 1e-15, errorScale: 1 / Math.sqrt(n) });
    expect(unchecked.settled).toBeUndefined();
    expect(full).toBe(plainFull);
  });
  test("a settled step that raises the value is not taken", () => {
    // The quadratic model promises a step the objective (a cliff just beside the point) refuses.
    const evaluate = (x: Float64Array, g: Float64Array, h: Float64Array) => {
      g[0] = 1e-9;
      h[0] = 1;
      return x[0] * 1e-9;
    };
    const result = newton(evaluate, [0], { tolerance: 1e-12, value: (x) => (x[0] < 0 ? 1 : 0), errorScale: 1 });
    expect(result.settled).toBe(false);
    expect(result.x[0]).toBe(0);
  });
  test("with the value alone, backtracking trials skip the Hessian and the result is bit for bit the same", () => {
    let full = 0;
    let values = 0;
    const counted = (x: Float64Array, g: Float64Array, h: Float64Array) => {
      full++;
      return rosenbrock(x, g, h);
    };
    const value = (x: Float64Array) => {
      values++;
      return rosenbrock(x, new Float64Array(2), new Float64Array(4));
    };
    const options = { tolerance: 1e-10, maxIterations: 200 };
    const plain = newton(counted, [-1.2, 1], options);
    const plainFull = full;
    full = 0;
    const result = newton(counted, [-1.2, 1], { ...options, value });
    expect(values).toBeGreaterThan(0);
    expect(full).toBeLessThan(plainFull);
    expect(Array.from(result.x)).toEqual(Array.from(plain.x));
    expect(result.value).toBe(plain.value);
    expect(result.iterations).toBe(plain.iterations);
    expect(result.message).toBe(plain.message);
  });
  test("from a point where the Hessian is indefinite (b > a² + 1/200) it still descends to (1, 1)", () => {
    const result = newton(rosenbrock, [0, 1], { tolerance: 1e-10, maxIterations: 200 });
    expect(result.failed).toBe(false);
    expect(result.x[0]).toBeCloseTo(1, 6);
  });
});
