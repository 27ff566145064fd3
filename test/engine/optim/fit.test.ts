import digamma from "@stdlib/math-base-special-digamma";
import { fitLogParameters } from "../../../src/engine/optim/fit";
import { trigamma } from "../../../src/engine/optim/trigamma";

// Gamma(shape k, rate λ) sample: the MLE has a closed-form check (λ = k / mean) and a known log-likelihood.
import gammaln from "@stdlib/math-base-special-gammaln";

const sample = [0.8, 2.1, 1.4, 3.3, 0.6, 1.9, 2.6, 1.1, 0.9, 1.7, 2.2, 1.3];
const n = sample.length;
const sum = sample.reduce((a, b) => a + b);
const sumLog = sample.reduce((a, b) => a + Math.log(b), 0);
const nll = (p: Float64Array) => {
  const [k, rate] = p;
  return -(n * k * Math.log(rate) - n * gammaln(k) + (k - 1) * sumLog - rate * sum);
};

describe("fitLogParameters", () => {
  test("gamma MLE: λ̂ = k̂ / mean and the score for k is zero", () => {
    const fit = fitLogParameters({ names: ["k", "rate"], negLogLikelihood: nll, starts: [[1, 1]], n });
    expect(fit.converged).toBe(true);
    const { k, rate } = fit.params;
    expect(rate).toBeCloseTo(k / (sum / n), 6);
    const h = 1e-6;
    const score = (nll(Float64Array.of(k + h, rate)) - nll(Float64Array.of(k - h, rate))) / (2 * h);
    expect(Math.abs(score)).toBeLessThan(1e-4);
    expect(fit.logLikelihood).toBeCloseTo(-nll(Float64Array.of(k, rate)), 10);
    expect(fit.standardErrors.k).toBeGreaterThan(0);
    expect(fit.standardErrors.rate).toBeGreaterThan(0);
  });

  test("an analytic gradient gives the same optimum", () => {
    const withGradient = (p: Float64Array, g: Float64Array) => {
      const [k, rate] = p;
      const h = 1e-7 * k;
      g[0] = (nll(Float64Array.of(k + h, rate)) - nll(Float64Array.of(k - h, rate))) / (2 * h);
      g[1] = -(n * k) / rate + sum;
      return nll(p);
    };
    const a = fitLogParameters({ names: ["k", "rate"], negLogLikelihood: nll, starts: [[1, 1]], n });
    const b = fitLogParameters({
      names: ["k", "rate"],
      negLogLikelihood: nll,
      negLogLikelihoodWithGradient: withGradient,
      starts: [[1, 1]],
      n,
    });
    expect(b.params.k).toBeCloseTo(a.params.k, 5);
    expect(b.params.rate).toBeCloseTo(a.params.rate, 5);
  });

  test("the best of several starts is kept, and the result does not depend on their order", () => {
    const starts = [
      [0.1, 10],
      [5, 0.2],
      [1, 1],
    ];
    const a = fitLogParameters({ names: ["k", "rate"], negLogLikelihood: nll, starts, n });
    const b = fitLogParameters({ names: ["k", "rate"], negLogLikelihood: nll, starts: [...starts].reverse(), n });
    expect(a.logLikelihood).toBeCloseTo(b.logLikelihood, 8);
  });

  test("an L2 penalty shrinks the parameters", () => {
    const free = fitLogParameters({ names: ["k", "rate"], negLogLikelihood: nll, starts: [[1, 1]], n });
    const penalised = fitLogParameters({
      names: ["k", "rate"],
      negLogLikelihood: nll,
      starts: [[1, 1]],
      n,
      penalty: 0.5,
    });
    expect(penalised.params.k).toBeLessThan(free.params.k);
    expect(penalised.logLikelihood).toBeLessThan(free.logLikelihood);
  });

  test("a likelihood that is never finite says it did not converge", () => {
    const fit = fitLogParameters({ names: ["a"], negLogLikelihood: () => NaN, starts: [[1]] });
    expect(fit.converged).toBe(false);
    expect(Number.isNaN(fit.params.a)).toBe(true);
  });
});

describe("fitLogParameters with a subsample warm start", () => {
  test("reaches the same optimum as the direct fit", () => {
    const half = sample.filter((_, i) => i % 2 === 0);
    const halfSum = half.reduce((a, b) => a + b);
    const halfLog = half.reduce((a, b) => a + Math.log(b), 0);
    const gradientOf = (m: number, s: number, sl: number) => (p: Float64Array, g: Float64Array) => {
      const [k, rate] = p;
      const h = 1e-7 * k;
      const value = (kk: number) => -(m * kk * Math.log(rate) - m * gammaln(kk) + (kk - 1) * sl - rate * s);
      g[0] = (value(k + h) - value(k - h)) / (2 * h);
      g[1] = -(m * k) / rate + s;
      return value(k);
    };
    const direct = fitLogParameters({ names: ["k", "rate"], negLogLikelihood: nll, starts: [[1, 1]], n });
    const warm = fitLogParameters({
      names: ["k", "rate"],
      negLogLikelihood: nll,
      negLogLikelihoodWithGradient: gradientOf(n, sum, sumLog),
      subsample: { negLogLikelihoodWithGradient: gradientOf(half.length, halfSum, halfLog), n: half.length },
      starts: [[1, 1]],
      n,
    });
    expect(warm.converged).toBe(true);
    expect(warm.params.k).toBeCloseTo(direct.params.k, 5);
    expect(warm.params.rate).toBeCloseTo(direct.params.rate, 5);
    expect(warm.standardErrors.k).toBeCloseTo(direct.standardErrors.k, 3);
  });
});

describe("fitLogParameters with an analytic Hessian", () => {
  // Gamma(k, rate) negative log-likelihood with its exact derivatives; ψ'(k) from the trigamma helper.
  const withHessian = (m: number, s: number, sl: number) => (p: Float64Array, g: Float64Array, h: Float64Array) => {
    const [k, rate] = p;
    g[0] = -(m * Math.log(rate) - m * digamma(k) + sl);
    g[1] = -(m * k) / rate + s;
    h.set([m * trigamma(k), -m / rate, -m / rate, (m * k) / (rate * rate)]);
    return -(m * k * Math.log(rate) - m * gammaln(k) + (k - 1) * sl - rate * s);
  };
  test("the Newton polish after a subsample reaches the direct fit's optimum and standard errors", () => {
    const half = sample.filter((_, i) => i % 2 === 0);
    const halfSum = half.reduce((a, b) => a + b);
    const halfLog = half.reduce((a, b) => a + Math.log(b), 0);
    const exact = withHessian(n, sum, sumLog);
    const direct = fitLogParameters({ names: ["k", "rate"], negLogLikelihood: nll, starts: [[1, 1]], n });
    const newton = fitLogParameters({
      names: ["k", "rate"],
      negLogLikelihood: nll,
      negLogLikelihoodWithGradient: (p, g) => exact(p, g, new Float64Array(4)),
      negLogLikelihoodWithHessian: exact,
      subsample: {
        negLogLikelihoodWithGradient: (p, g) => withHessian(half.length, halfSum, halfLog)(p, g, new Float64Array(4)),
        n: half.length,
      },
      starts: [[1, 1]],
      n,
    });
    expect(newton.converged).toBe(true);
    expect(newton.params.k).toBeCloseTo(direct.params.k, 6);
    expect(newton.params.rate).toBeCloseTo(direct.params.rate, 6);
    expect(newton.standardErrors.k).toBeCloseTo(direct.standardErrors.k, 4);
    expect(newton.standardErrors.rate).toBeCloseTo(direct.standardErrors.rate, 4);
  });
  test("a polish that ends on a step within a hundredth of the standard errors reports the optimum and its errors", () => {
    // The sample 1,000 times over (weights): errors a thirtieth of the sample's, as on the large bases the rule is for.
    const copies = 1000;
    const exact = withHessian(copies * n, copies * sum, copies * sumLog);
    const many = (p: Float64Array) => copies * nll(p);
    const direct = fitLogParameters({ names: ["k", "rate"], negLogLikelihood: many, starts: [[1, 1]], n: copies * n });
    const half = sample.filter((_, i) => i % 2 === 0);
    const settled = fitLogParameters({
      names: ["k", "rate"],
      negLogLikelihood: (p) => exact(p, new Float64Array(2), new Float64Array(4)),
      negLogLikelihoodWithGradient: (p, g) => exact(p, g, new Float64Array(4)),
      negLogLikelihoodWithHessian: exact,
      exactValueAlone: true,
      subsample: {
        negLogLikelihoodWithGradient: (p, g) =>
          withHessian(
            half.length,
            half.reduce((a, b) => a + b),
            half.reduce((a, b) => a + Math.log(b), 0),
          )(p, g, new Float64Array(4)),
        n: half.length,
      },
      starts: [[1, 1]],
      n: copies * n,
    });
    expect(settled.message).toBe("Newton step within a hundredth of the standard errors");
    expect(settled.params.k).toBeCloseTo(direct.params.k, 6);
    expect(settled.params.rate).toBeCloseTo(direct.params.rate, 6);
    // From the Hessian a hundredth of an error before the estimate: the same to 4 significant digits.
    expect(settled.standardErrors.k / direct.standardErrors.k).toBeCloseTo(1, 4);
    expect(settled.standardErrors.rate / direct.standardErrors.rate).toBeCloseTo(1, 4);
    expect(settled.logLikelihood).toBeCloseTo(-many(Float64Array.of(direct.params.k, direct.params.rate)), 6);
  });
});

describe("the evaluation budget bounds every fit", () => {
  // A likelihood whose search never settles: a noisy floor the line search cannot make progress on (as the
  // rounding of a likelihood on a ridge), so BFGS fails, Nelder–Mead runs its full course, and so on per start.
  const noisy = (p: Float64Array) => {
    const [u, v] = p;
    const wobble = 1e-3 * Math.sin(1e4 * (u + 3 * v));
    return (Math.log(u) - 1) ** 2 + (Math.log(v) + 1) ** 2 + wobble;
  };

  test("a search that cannot settle stops at the budget with the best point seen, not converged", () => {
    let evaluations = 0;
    const counted = (p: Float64Array) => {
      evaluations++;
      return noisy(p);
    };
    const fit = fitLogParameters({
      names: ["u", "v"],
      negLogLikelihood: counted,
      starts: [
        [1, 1],
        [5, 0.1],
      ],
      maxIterations: 100000,
      maxEvaluations: 300,
    });
    expect(fit.converged).toBe(false);
    expect(fit.message).toBe("evaluation budget reached");
    // The budget, plus the fixed cost of the finite-difference gradients and standard errors outside it.
    expect(evaluations).toBeLessThan(300 * 5 + 100);
    // The best point seen: at least as good as either start.
    const reached = noisy(Float64Array.of(fit.params.u, fit.params.v));
    expect(reached).toBeLessThan(Math.min(noisy(Float64Array.of(1, 1)), noisy(Float64Array.of(5, 0.1))));
  });

  test("a fit within its budget is unchanged by it", () => {
    const a = fitLogParameters({ names: ["k", "rate"], negLogLikelihood: nll, starts: [[1, 1]], n });
    const b = fitLogParameters({
      names: ["k", "rate"],
      negLogLikelihood: nll,
      starts: [[1, 1]],
      n,
      maxEvaluations: 1e6,
    });
    expect(b.params).toEqual(a.params);
    expect(a.converged).toBe(true);
  });
});
