import { paretoNbdFitSpec } from "../../../src/engine/models/pareto-nbd";
import { fitLogParameters, LogParameterFitSpec } from "../../../src/engine/optim/fit";
import { simulateParetoNbd } from "./simulate";

/** The spec with every full-data evaluation counted by kind. */
function counted(spec: LogParameterFitSpec) {
  const calls = { value: 0, gradient: 0, hessian: 0 };
  const withHessian = spec.negLogLikelihoodWithHessian;
  const withGradient = spec.negLogLikelihoodWithGradient;
  return {
    calls,
    spec: {
      ...spec,
      negLogLikelihood: (p: Float64Array) => {
        calls.value++;
        return spec.negLogLikelihood(p);
      },
      negLogLikelihoodWithGradient: withGradient
        ? (p: Float64Array, g: Float64Array) => {
            calls.gradient++;
            return withGradient(p, g);
          }
        : undefined,
      negLogLikelihoodWithHessian: withHessian
        ? (p: Float64Array, g: Float64Array, h: Float64Array) => {
            calls.hessian++;
            return withHessian(p, g, h);
          }
        : undefined,
    },
  };
}

describe("Pareto/NBD fit on continuous-time customers (issue 17)", () => {
  // Every history distinct (t_x and T with decimals), more than the 4,000 rows of the subsample.
  const columns = simulateParetoNbd({ r: 0.55, alpha: 10, s: 0.6, beta: 11.5 }, 12_000, 52, 21);

  test("the full-data polish is a few Newton passes: the estimate, its log-likelihood and standard errors reuse the last", () => {
    const { spec, calls } = counted(paretoNbdFitSpec(columns));
    const fit = fitLogParameters(spec);
    expect(fit.converged).toBe(true);
    // Before: 7 BFGS passes with the gradient, 8 more for a finite-difference Hessian and one for the value.
    expect(calls.hessian).toBeGreaterThan(0);
    expect(calls.hessian).toBeLessThanOrEqual(6);
    expect(calls.gradient).toBe(0);
    // One value alone: the check of the last step, within a hundredth of the errors (minimize.ts errorScale), which
    // takes the place of a Hessian pass; the log-likelihood and the errors reuse the evaluations made.
    expect(fit.message).toBe("Newton step within a hundredth of the standard errors");
    expect(calls.value).toBe(1);
  });

  test("reaches the optimum of the reference fit: BFGS on every history from the same starts, no subsample", () => {
    const spec = paretoNbdFitSpec(columns);
    const fast = fitLogParameters(spec);
    const reference = fitLogParameters({ ...spec, subsample: undefined, negLogLikelihoodWithHessian: undefined });
    expect(reference.converged).toBe(true);
    expect(fast.logLikelihood / reference.logLikelihood - 1).toBeCloseTo(0, 10);
    for (const name of ["r", "alpha", "s", "beta"]) {
      expect(Math.abs(fast.params[name] / reference.params[name] - 1)).toBeLessThan(1e-4);
      // The reference's errors come from finite differences of the gradient; these from the analytic Hessian.
      expect(Math.abs(fast.standardErrors[name] / reference.standardErrors[name] - 1)).toBeLessThan(1e-3);
    }
  });
});
