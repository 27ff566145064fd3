import { describeDiagnosis, diagnoseFit, informationCriteria } from "../../../src/engine/models/diagnosis";
import { fitModel, modelDefinition, MODEL_DEFINITIONS } from "../../../src/engine/models/registry";
import { FitColumns, FittedModel, MODEL_PARAMETERS } from "../../../src/engine/models/types";

const definition = (name: Parameters<typeof modelDefinition>[0]) => {
  const found = modelDefinition(name);
  if (!found) throw new Error(`${name} is not registered`);
  return found;
};
const columns = (frequency: number[], recency?: number[], age?: number[]): FitColumns => ({
  frequency: Float64Array.from(frequency),
  recency: recency ? Float64Array.from(recency) : undefined,
  age: age ? Float64Array.from(age) : undefined,
});
const raw = (overrides: Partial<FittedModel>): FittedModel => ({
  model: "bgnbd",
  params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  logLikelihood: -9582.43,
  converged: true,
  n: 2357,
  message: "line search failed",
  ...overrides,
});

describe("fit status", () => {
  test("an interior optimum is converged, in plain words (no optimiser note next to TRUE)", () => {
    const fit = diagnoseFit(raw({}), definition("bgnbd").boundary);
    expect(fit.status).toBe("converged");
    expect(fit.converged).toBe(true);
    expect(describeDiagnosis(fit.diagnosis, "en")).not.toMatch(/line search/);
  });

  test("a search stopped by its evaluation budget is not converged and says so in plain words, in both languages", () => {
    const fit = diagnoseFit(
      raw({ converged: false, message: "evaluation budget reached" }),
      definition("bgnbd").boundary,
    );
    expect(fit.status).toBe("not converged");
    expect(fit.converged).toBe(false);
    expect(describeDiagnosis(fit.diagnosis, "en")).toMatch(/limit of work/);
    expect(describeDiagnosis(fit.diagnosis, "fr")).toMatch(/limite de travail/);
  });

  test("a search that cannot settle because one frequency is in the millions names that row instead of generic advice", () => {
    const fit = diagnoseFit(
      raw({ model: "pnbd", params: { r: 0.0585, alpha: 1.05e-5, s: 0.0576, beta: 0.0206 }, converged: false }),
      definition("pnbd").boundary,
      columns([0, 1, 2, 3, 0, 1e6], [0, 5, 10, 20, 0, 30], [30, 30, 30, 30, 30, 30.5]),
    );
    expect(fit.status).toBe("not converged");
    const text = describeDiagnosis(fit.diagnosis, "en");
    expect(text).toMatch(/Row 6 has a frequency of 1E6 repeat purchases/);
    expect(text).not.toMatch(/max_iterations/);
    expect(describeDiagnosis(fit.diagnosis, "fr")).toMatch(/La ligne 6 compte/);
  });

  test("Gamma-Gamma's p is at its low edge by p × the median repeat frequency, not by p alone", () => {
    const gg = (p: number, frequency: number[]) =>
      diagnoseFit(
        raw({ model: "gg", params: { p, q: 2.7, gamma: 2.7e7 }, n: frequency.length }),
        definition("gg").boundary,
        { frequency: Float64Array.from(frequency), monetary: new Float64Array(frequency.length).fill(20) },
      );
    // p·x from 1 to 1,000 at frequencies in the millions: an ordinary estimate.
    expect(gg(1e-6, [0, 1e6, 3e7, 1e9]).status).toBe("converged");
    // The same p where customers buy a few times: almost every customer's spend is at zero.
    const ordinary = gg(1e-6, [0, 1, 3, 7]);
    expect(ordinary.status).toBe("boundary");
    expect(describeDiagnosis(ordinary.diagnosis, "en")).toMatch(/^p ran to the edge/);
  });

  test("a and b running very large (the apparel case, a ≈ 9e8, b ≈ 6e9) is a boundary fit that says what it means", () => {
    const fit = diagnoseFit(raw({ params: { r: 0.6, alpha: 3, a: 9e8, b: 6e9 } }), definition("bgnbd").boundary);
    expect(fit.status).toBe("boundary");
    expect(fit.converged).toBe(false);
    const en = describeDiagnosis(fit.diagnosis, "en");
    expect(en).toMatch(
      /^a and b ran very large \(9E8 and 6E9\): almost no customer-to-customer difference in drop-out/,
    );
    expect(en).toMatch(/a\/\(a \+ b\) = 0\.1304/);
    expect(describeDiagnosis(fit.diagnosis, "fr")).toMatch(/presque aucune différence d'attrition/);
  });

  test("a parameter at the edge that no mixing rule explains is named with its value", () => {
    const fit = diagnoseFit(raw({ params: { r: 2e-7, alpha: 4, a: 0.8, b: 2.4 } }), definition("bgnbd").boundary);
    expect(fit.status).toBe("boundary");
    expect(describeDiagnosis(fit.diagnosis, "en")).toMatch(/^r ran to the edge .*\(r = 2E-7\)/);
  });

  test("a time-scale parameter is not at the edge merely because the data are in days", () => {
    const fit = diagnoseFit(
      raw({ params: { r: 0.24, alpha: 4.4 * 7 * 24 * 60, a: 0.8, b: 2.4 } }),
      definition("bgnbd").boundary,
    );
    expect(fit.status).toBe("converged");
  });

  test("an optimiser that stopped early is not converged; no finite likelihood says so", () => {
    expect(diagnoseFit(raw({ converged: false }), definition("bgnbd").boundary).status).toBe("not converged");
    const none = diagnoseFit(
      raw({
        converged: false,
        params: { r: NaN, alpha: NaN, a: NaN, b: NaN },
        logLikelihood: NaN,
        message: "no finite likelihood",
      }),
      definition("bgnbd").boundary,
    );
    expect(none.status).toBe("not converged");
    expect(describeDiagnosis(none.diagnosis, "en")).toMatch(/could not be computed/);
  });

  test("real fits at the edge: one customer, nobody came back, a cohort with constant retention", () => {
    const one = fitModel(definition("bgnbd"), columns([3], [20], [40]));
    expect(one.status).toBe("boundary");
    expect(describeDiagnosis(one.diagnosis, "en")).toMatch(/Only one customer/);
    const nobody = fitModel(definition("pnbd"), columns([0, 0, 0, 0], [0, 0, 0, 0], [10, 20, 30, 40]));
    expect(nobody.status).toBe("boundary");
    expect(describeDiagnosis(nobody.diagnosis, "fr")).toMatch(/Aucun client n'a racheté/);
    const constant = fitModel(definition("sbg"), columns([1000, 900, 810, 729, 656]));
    expect(constant.status).toBe("boundary");
    expect(describeDiagnosis(constant.diagnosis, "en")).toMatch(
      /one churn probability per period for everyone, alpha\/\(alpha \+ beta\) = 0\.1 \(a constant retention rate of 0\.9\)/,
    );
    // A cohort whose retention rises with tenure has an interior optimum.
    const regular = fitModel(definition("sbg"), columns([1000, 631, 468, 382, 326, 289, 262, 241]));
    expect(regular.status).toBe("converged");
  });

  test("a penalised fit says its estimates are not the plain maximum-likelihood ones", () => {
    const regular = columns([1000, 631, 468, 382, 326, 289, 262, 241]);
    const fit = fitModel(definition("sbg"), regular, { penalty: 0.01 });
    expect(fit.status).toBe("converged");
    expect(describeDiagnosis(fit.diagnosis, "en")).toMatch(/penalty=0\.01.*not the plain maximum-likelihood/);
    expect(describeDiagnosis(fitModel(definition("sbg"), regular).diagnosis, "en")).toMatch(/^Converged: these are/);
  });

  test("every registered model has a boundary profile whose rules name its own parameters", () => {
    for (const model of MODEL_DEFINITIONS) {
      for (const rule of model.boundary.rules) {
        for (const name of rule.names) expect(MODEL_PARAMETERS[model.name]).toContain(name);
      }
    }
  });

  test("AIC = 2k − 2 ln L and BIC = k ln n − 2 ln L", () => {
    const { aic, bic } = informationCriteria(raw({}));
    expect(aic).toBeCloseTo(8 + 2 * 9582.43, 9);
    expect(bic).toBeCloseTo(4 * Math.log(2357) + 2 * 9582.43, 9);
    expect(Number.isNaN(informationCriteria(raw({ logLikelihood: NaN })).aic)).toBe(true);
  });
});
