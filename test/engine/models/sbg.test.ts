import betaln from "@stdlib/math-base-special-betaln";
import fc from "fast-check";
import {
  discountedExpectedLifetime,
  discountedExpectedResidualLifetime,
  expectedLifetime,
  fitSbg,
  MAX_RENEWALS,
  prepareSbgData,
  residualLifetimes,
  retentionRate,
  sbgLogLikelihood,
  survival,
  survivalCurve,
} from "../../../src/engine/models/sbg";
import { SbgLikelihood } from "../../../src/engine/models/sbg-likelihood";
import { beta as betaDraw, seededRandom } from "../../../src/engine/random";
import { inputError } from "../../support/thrown";

const positive = fc.double({ min: 0.05, max: 20, noNaN: true });

describe("survival and retention", () => {
  test("S(0) = 1 and S decreases with tenure", () => {
    fc.assert(
      fc.property(positive, positive, (alpha, beta) => {
        expect(survival({ alpha, beta }, 0)).toBe(1);
        const curve = survivalCurve({ alpha, beta }, 30);
        let previous = 1;
        for (const s of curve) {
          expect(s).toBeLessThan(previous);
          expect(s).toBeGreaterThan(0);
          previous = s;
        }
      }),
    );
  });

  test("the recurrence matches S(t) = B(α, β + t)/B(α, β)", () => {
    const params = { alpha: 0.704, beta: 1.182 };
    const curve = survivalCurve(params, 12);
    for (let t = 1; t <= 12; t++) {
      expect(curve[t - 1]).toBeCloseTo(Math.exp(betaln(0.704, 1.182 + t) - betaln(0.704, 1.182)), 12);
      expect(survival(params, t)).toBeCloseTo(curve[t - 1], 12);
    }
  });

  test("retention rises with tenure (the sorting effect) and r(t) = S(t)/S(t − 1)", () => {
    const params = { alpha: 0.704, beta: 1.182 };
    for (let t = 2; t <= 10; t++) {
      expect(retentionRate(params, t)).toBeGreaterThan(retentionRate(params, t - 1));
      expect(retentionRate(params, t)).toBeCloseTo(survival(params, t) / survival(params, t - 1), 12);
    }
  });
});

describe("sBG fit", () => {
  /** A cohort whose members churn each period with θ ~ Beta(α, β); survivors at periods 0..periods. */
  function simulateCohort(alpha: number, beta: number, size: number, periods: number, seed: number): number[] {
    const random = seededRandom(seed);
    const uniform = () => random.next();
    const survivors = new Array<number>(periods + 1).fill(0);
    for (let i = 0; i < size; i++) {
      const theta = betaDraw(random, alpha, beta);
      let t = 0;
      survivors[0]++;
      while (t < periods && uniform() >= theta) {
        t++;
        survivors[t]++;
      }
    }
    return survivors;
  }

  test("recovers simulated parameters within 3 standard errors", () => {
    const truth = { alpha: 0.7, beta: 1.2 };
    const fit = fitSbg(simulateCohort(truth.alpha, truth.beta, 5000, 10, 7));
    expect(fit.converged).toBe(true);
    expect(fit.n).toBe(5000);
    for (const name of ["alpha", "beta"] as const) {
      const error = fit.standardErrors?.[name] ?? NaN;
      expect(error).toBeGreaterThan(0);
      expect(Math.abs(fit.params[name] - truth[name])).toBeLessThan(3 * error);
    }
  });

  test("shares alive and counts give the same parameters", () => {
    const counts = [1000, 631, 468, 382, 326, 289, 262];
    const fromCounts = fitSbg(counts);
    const fromShares = fitSbg(counts.map((c) => c / 1000));
    expect(fromShares.params.alpha).toBeCloseTo(fromCounts.params.alpha, 4);
    expect(fromShares.params.beta).toBeCloseTo(fromCounts.params.beta, 4);
  });

  test("the log-likelihood is F&H 2007 eq. 9 written out", () => {
    const params = { alpha: 1.3, beta: 2.1 };
    const survivors = [100, 60, 45, 40];
    const b = (a: number, c: number) => Math.exp(betaln(a, c) - betaln(1.3, 2.1));
    const churnAt = (t: number) => b(1.3 + 1, 2.1 + t - 1);
    const expected =
      40 * Math.log(churnAt(1)) + 15 * Math.log(churnAt(2)) + 5 * Math.log(churnAt(3)) + 40 * Math.log(b(1.3, 2.1 + 3));
    expect(sbgLogLikelihood(params, prepareSbgData(survivors))).toBeCloseTo(expected, 10);
  });
});

describe("the likelihood's cost does not grow with the periods (SbgLikelihood)", () => {
  /** F&H 2007 eq. 9 term by term in log-beta functions: the reference (no product of retention rates to underflow). */
  const written = (alpha: number, beta: number, s: ArrayLike<number>) => {
    const base = betaln(alpha, beta);
    const T = s.length - 1;
    let ll = s[T] > 0 ? s[T] * (betaln(alpha, beta + T) - base) : 0;
    for (let t = 1; t <= T; t++) {
      const lost = s[t - 1] - s[t];
      if (lost > 0) ll += lost * (betaln(alpha + 1, beta + t - 1) - base);
    }
    return ll;
  };
  const cohort = (T: number, decay: number, shares: boolean) =>
    Float64Array.from({ length: T + 1 }, (_, i) => {
      const alive = 1e4 * (1 + i) ** -decay;
      return shares ? alive / 1e4 : Math.round(alive);
    });

  test("equals eq. 9 written in beta functions, over the blocks' series too (fast-check, T up to 600)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 4, noNaN: true }),
        fc.double({ min: -3, max: 4, noNaN: true }),
        fc.boolean(),
        (T, decay, logAlpha, logBeta, shares) => {
          const s = cohort(T, decay, shares);
          const alpha = 10 ** logAlpha;
          const beta = 10 ** logBeta;
          const expected = written(alpha, beta, s);
          const actual = new SbgLikelihood(s).logLikelihood(alpha, beta);
          expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-10 * Math.abs(expected) + 1e-9);
        },
      ),
      { numRuns: 60 },
    );
  });

  test("its gradient and Hessian are those of the value (central differences)", () => {
    const s = cohort(700, 0.6, false);
    const likelihood = new SbgLikelihood(s);
    for (const [alpha, beta] of [
      [0.7, 1.2],
      [0.05, 30],
      [40, 2000],
      [3, 0.02],
    ]) {
      const gradient = new Float64Array(2);
      const hessian = new Float64Array(4);
      likelihood.logLikelihood(alpha, beta, gradient, hessian);
      const h = 1e-5;
      const at = (a: number, b: number) => likelihood.logLikelihood(a, b);
      const dA = (at(alpha * (1 + h), beta) - at(alpha * (1 - h), beta)) / (2 * alpha * h);
      const dB = (at(alpha, beta * (1 + h)) - at(alpha, beta * (1 - h))) / (2 * beta * h);
      expect(Math.abs(gradient[0] - dA)).toBeLessThanOrEqual((1e-5 * Math.abs(at(alpha, beta))) / alpha);
      expect(Math.abs(gradient[1] - dB)).toBeLessThanOrEqual((1e-5 * Math.abs(at(alpha, beta))) / beta);
      const up = new Float64Array(2);
      const down = new Float64Array(2);
      likelihood.logLikelihood(alpha, beta * (1 + h), up);
      likelihood.logLikelihood(alpha, beta * (1 - h), down);
      for (const [k, exact] of [
        [0, hessian[1]],
        [1, hessian[3]],
      ] as const) {
        const numeric = (up[k] - down[k]) / (2 * beta * h);
        expect(Math.abs(exact - numeric)).toBeLessThanOrEqual(1e-5 * Math.abs(numeric) + 1e-8);
      }
      expect(hessian[1]).toBe(hessian[2]);
    }
  });

  test("a long cohort whose S(T) underflows still has a finite likelihood (α = 200, 2,000 periods)", () => {
    const s = cohort(2000, 0.3, false);
    const value = new SbgLikelihood(s).logLikelihood(200, 5);
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeCloseTo(written(200, 5, s), 4);
  });
});

describe("lifetime and DERT", () => {
  const brute = (alpha: number, beta: number, d: number, from: number) => {
    const curve = survivalCurve({ alpha, beta }, 200000);
    const atFrom = from === 0 ? 1 : curve[from - 1];
    let sum = 0;
    for (let t = from + 1; t <= curve.length; t++) sum += curve[t - 1] / atFrom / (1 + d) ** (t - from - 1);
    return sum;
  };

  test("expected lifetime (α + β − 1)/(α − 1) when α > 1, and 1/θ without heterogeneity", () => {
    expect(expectedLifetime({ alpha: 3, beta: 4 })).toBe(3);
    // α, β large with α/(α+β) = 0.25: nearly everyone churns with θ = 25%, lifetime ≈ 4 periods.
    expect(expectedLifetime({ alpha: 25000, beta: 75000 })).toBeCloseTo(4, 3);
  });

  test("α ≤ 1: the expected lifetime is infinite, and #N/A says to use a discount rate", () => {
    const error = inputError(() => expectedLifetime({ alpha: 0.704, beta: 1.182 }));
    expect(error.kind).toBe("na");
    expect(error.message).toMatch(/alpha = 0\.704.*infinite/);
    expect(inputError(() => discountedExpectedLifetime({ alpha: 0.704, beta: 1.182 }, 0)).kind).toBe("na");
  });

  test("discounted expected lifetime equals Σ S(t)/(1 + d)^t", () => {
    for (const [alpha, beta, d] of [
      [0.704, 1.182, 0.1],
      [3, 8, 0.05],
      [1.5, 0.4, 0.2],
    ]) {
      expect(discountedExpectedLifetime({ alpha, beta }, d)).toBeCloseTo(1 + brute(alpha, beta, d, 0) / (1 + d), 6);
    }
    expect(discountedExpectedLifetime({ alpha: 3, beta: 4 }, 0)).toBe(3);
  });

  test("DERT after k renewals equals Σ_{t>k} S(t)/S(k)/(1 + d)^(t − k − 1), and grows with tenure", () => {
    const params = { alpha: 0.704, beta: 1.182 };
    for (const k of [0, 1, 4]) {
      expect(discountedExpectedResidualLifetime(params, 0.1, k)).toBeCloseTo(brute(0.704, 1.182, 0.1, k), 6);
    }
    expect(discountedExpectedResidualLifetime(params, 0.1, 4)).toBeGreaterThan(
      discountedExpectedResidualLifetime(params, 0.1, 1),
    );
    expect(discountedExpectedResidualLifetime({ alpha: 3, beta: 4 }, 0, 2)).toBeCloseTo(brute(3, 4, 0, 2), 3);
  });

  test("DERL over many renewal counts shares one series: equal to each count's own sum, in any order, up to 1,000,000", () => {
    // The one-count sum written out: Σ_{t>k} S(t)/S(k)·z^(t−k−1) by the retention rates, to below the last digit.
    const own = (alpha: number, beta: number, d: number, k: number) => {
      let sum = 0;
      let ratio = 1;
      for (let t = k + 1; ; t++) {
        ratio *= retentionRate({ alpha, beta }, t) / (t > k + 1 ? 1 + d : 1);
        sum += ratio;
        if (ratio < 1e-17 * sum) return sum;
      }
    };
    for (const [alpha, beta, d] of [
      [0.704, 1.182, 0.1],
      [3, 8, 0.008],
      [40, 0.3, 0.02],
    ]) {
      const lifetime = residualLifetimes({ alpha, beta }, d);
      for (const k of [500, 3, 0, 999_999, 12, MAX_RENEWALS, 70_000]) {
        const expected = own(alpha, beta, d, k);
        expect(Math.abs(lifetime(k) - expected)).toBeLessThanOrEqual(1e-10 * expected);
        const single = discountedExpectedResidualLifetime({ alpha, beta }, d, k);
        expect(Math.abs(lifetime(k) - single)).toBeLessThanOrEqual(1e-10 * single);
      }
    }
    expect(inputError(() => residualLifetimes({ alpha: 2, beta: 2 }, 0.1)(MAX_RENEWALS + 1)).key).toBe("args.tooLarge");
    // Without discounting the per-count closed form; α ≤ 1 is #N/A for that count only.
    expect(residualLifetimes({ alpha: 3, beta: 4 }, 0)(2)).toBeCloseTo(3, 12);
    expect(inputError(() => residualLifetimes({ alpha: 0.7, beta: 4 }, 0)(2)).kind).toBe("na");
    // A rate per period too small for the series in bounded time is refused, whatever the counts.
    expect(inputError(() => residualLifetimes({ alpha: 0.7, beta: 4 }, 1e-9)).key).toBe("residual.rateTooSmall");
  });

  test("bad discount rate or renewals", () => {
    expect(inputError(() => discountedExpectedLifetime({ alpha: 2, beta: 2 }, -0.1)).kind).toBe("num");
    expect(inputError(() => discountedExpectedResidualLifetime({ alpha: 2, beta: 2 }, 0.1, 1.5)).kind).toBe("value");
  });
});

describe("survivors checks", () => {
  test("survivors that increase: names the row", () => {
    const error = inputError(() => prepareSbgData([100, 80, 85, 60]));
    expect(error.message).toMatch(/row 3 holds 85, more than the 80 before it/);
  });
  test("a single value, a zero start, negative values, or nobody leaving", () => {
    expect(inputError(() => prepareSbgData([100])).key).toBe("valuemodels.sbg.tooShort");
    expect(inputError(() => prepareSbgData([0, 0])).key).toBe("valuemodels.sbg.startNotPositive");
    expect(inputError(() => prepareSbgData([10, -1])).key).toBe("valuemodels.sbg.negative");
    expect(inputError(() => prepareSbgData([10, 10, 10])).key).toBe("valuemodels.sbg.noChurn");
  });
});
