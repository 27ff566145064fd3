/**
 * The staged fit on a large base: the sample's fit first (with innerStage, itself from a quarter of the sample), then
 * the full data's Newton polish from there. Checked on a likelihood with a closed-form optimum (Poisson purchases at
 * rate λ over each customer's age: λ̂ = Σx / ΣT), counting which sizes of data are evaluated.
 */
import { CompressedHistories } from "../../../src/engine/models/compress";
import { MID_ROWS, stagedFit } from "../../../src/engine/models/staged-fit";
import { LogParameterFitSpec } from "../../../src/engine/optim/fit";

/** 300,000 distinct histories (more than 4 × MID_ROWS), frequencies 0-49 over ages 1-300. */
function base(): CompressedHistories {
  const size = 300_000;
  const frequency = new Float64Array(size);
  const age = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    frequency[i] = (i * 7919) % 50;
    age[i] = 1 + ((i * 104729) % 300);
  }
  return { frequency, recency: age.slice(), age, weight: new Float64Array(size).fill(1), size, total: size };
}

/** The Poisson fit of some histories; `sizes` records the number of rows of every evaluation. */
function poissonSpec(data: CompressedHistories, sizes: number[]): LogParameterFitSpec {
  let purchases = 0;
  let exposure = 0;
  for (let i = 0; i < data.size; i++) {
    purchases += data.weight[i] * data.frequency[i];
    exposure += data.weight[i] * data.age[i];
  }
  // −log L = λ ΣT − Σx log λ (the terms without λ left out), with its derivatives.
  const value = (p: Float64Array) => {
    sizes.push(data.size);
    return p[0] * exposure - purchases * Math.log(p[0]);
  };
  return {
    names: ["rate"],
    negLogLikelihood: value,
    negLogLikelihoodWithGradient: (p, g) => {
      g[0] = exposure - purchases / p[0];
      return value(p);
    },
    negLogLikelihoodWithHessian: (p, g, h) => {
      g[0] = exposure - purchases / p[0];
      h[0] = purchases / (p[0] * p[0]);
      return value(p);
    },
    exactValueAlone: true,
    starts: [[1]],
    n: data.total,
  };
}

describe("stagedFit", () => {
  const data = base();
  let x = 0;
  let T = 0;
  for (let i = 0; i < data.size; i++) {
    x += data.frequency[i];
    T += data.age[i];
  }
  test.each([false, true])("ends at the full data's optimum (innerStage %s)", (innerStage) => {
    const sizes: number[] = [];
    const fit = stagedFit(data, (histories) => poissonSpec(histories, sizes), { innerStage });
    expect(fit.n).toBe(data.size);
    expect(fit.params.rate).toBeCloseTo(x / T, 10);
    const evaluated = new Set(sizes);
    expect(evaluated.has(data.size)).toBe(true);
    expect([...evaluated].some((size) => size > MID_ROWS / 2 && size <= MID_ROWS)).toBe(true);
    // With innerStage the sample's fit starts from a quarter of it.
    expect([...evaluated].some((size) => size > MID_ROWS / 8 && size <= MID_ROWS / 4)).toBe(innerStage);
  });
});
