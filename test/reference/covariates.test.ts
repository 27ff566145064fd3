/**
 * Static covariates against CLVTools' published Pareto/NBD fit on its apparel data (Meierer et al., CLVTools JSS
 * paper §6.4.1: Gender and Channel in both processes, estimation split at 104 weeks).
 */
import { individualParameters } from "../../src/engine/models/covariates";
import { paretoNbdLogLikelihood, paretoNbdPredictor, ParetoNbdParameters } from "../../src/engine/models/pareto-nbd";
import { fitModel, modelDefinition } from "../../src/engine/models/registry";
import { FittedModel } from "../../src/engine/models/types";
import { apparel } from "./apparel";
import { expectPrinted, publishedValue } from "./published";

interface Published {
  params: Record<string, number>;
  purchase: Record<string, number>;
  dropout: Record<string, number>;
  standard_errors: Record<string, number>;
  loglik: number;
}
const published = () => publishedValue<Published>("pnbd.apparel.staticcov");
const names = { purchase: ["Gender", "Channel"], dropout: ["Gender", "Channel"] };
const publishedParams = () => {
  const p = published();
  return {
    ...p.params,
    ...Object.fromEntries(Object.entries(p.purchase).map(([k, v]) => [`purchase.${k}`, v])),
    ...Object.fromEntries(Object.entries(p.dropout).map(([k, v]) => [`dropout.${k}`, v])),
  };
};

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("the apparel data", () => {
  test("Pareto/NBD without covariates gives the paper's §6.2.1 estimates (β on its flat ridge)", () => {
    const fit = fitModel(modelDefinition("pnbd")!, apparel(false));
    const paper = publishedValue<Record<string, number>>("pnbd.apparel.nocov");
    expectPrinted(fit.params.r, paper.r, 3);
    expectPrinted(fit.params.alpha, paper.alpha, 2);
    expectPrinted(fit.params.s, paper.s, 3);
    expect(relative(fit.params.beta, paper.beta)).toBeLessThan(1e-3);
  });
});

describe("Pareto/NBD with static covariates on apparel (CLVTools)", () => {
  let fit: FittedModel;
  beforeAll(() => {
    fit = fitModel(modelDefinition("pnbd")!, apparel(true));
  });
  test("each customer's α_i, β_i, log-likelihood and P(alive) at the published estimates are CLVTools'", () => {
    const data = apparel(true);
    const customers = publishedValue<
      Record<string, { alpha_i: number; beta_i: number; loglik: number; palive: number }>
    >("pnbd.apparel.staticcov.customers");
    const capability = modelDefinition("pnbd")!.covariates!;
    for (const [id, expected] of Object.entries(customers)) {
      const i = data.ids.indexOf(Number(id));
      const row = data.purchaseCovariates!.values.subarray(2 * i, 2 * i + 2);
      const own = individualParameters(
        publishedParams(),
        capability,
        names,
        row,
        row,
      ) as unknown as ParetoNbdParameters;
      const customer = { frequency: data.frequency[i], recency: data.recency![i], age: data.age![i] };
      expect(relative(own.alpha, expected.alpha_i)).toBeLessThan(1e-9);
      expect(relative(own.beta, expected.beta_i)).toBeLessThan(1e-9);
      expect(relative(paretoNbdLogLikelihood(own, customer), expected.loglik)).toBeLessThan(1e-9);
      expect(paretoNbdPredictor({ ...own }).probabilityAlive(customer)).toBeCloseTo(expected.palive, 6);
    }
  });
  test("coefficients within a tenth of a standard error of CLVTools', standard errors within 2 %", () => {
    expect(fit.status).toBe("converged");
    const paper = published();
    for (const process of ["purchase", "dropout"] as const) {
      for (const [name, value] of Object.entries(paper[process])) {
        const key = `${process}.${name}`;
        expect(Math.abs(fit.params[key] - value)).toBeLessThan(0.1 * paper.standard_errors[key]);
        expect(relative(fit.standardErrors![key], paper.standard_errors[key])).toBeLessThan(0.02);
      }
    }
    for (const name of ["r", "alpha", "s"]) {
      expect(Math.abs(fit.params[name] - paper.params[name])).toBeLessThan(0.1 * paper.standard_errors[name]);
    }
  });
  test("the maximum is at least as high as the likelihood at the published estimates, and within 0.4 of the printed LL", () => {
    const data = apparel(true);
    const capability = modelDefinition("pnbd")!.covariates!;
    let atPublished = 0;
    for (let i = 0; i < data.ids.length; i++) {
      const row = data.purchaseCovariates!.values.subarray(2 * i, 2 * i + 2);
      const own = individualParameters(
        publishedParams(),
        capability,
        names,
        row,
        row,
      ) as unknown as ParetoNbdParameters;
      atPublished += paretoNbdLogLikelihood(own, { frequency: data.frequency[i], recency: data.recency![i], age: 104 });
    }
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(atPublished - 1e-9);
    expect(fit.logLikelihood - atPublished).toBeLessThan(0.01);
    // Known gap (see published-models.json): CLVTools prints −5821.0627, 0.356 below the sum of its own
    // individual log-likelihoods at the printed estimates. The fit is held to that gap so any change shows.
    expect(Math.abs(fit.logLikelihood - published().loglik)).toBeLessThan(0.4);
    expectPrinted(atPublished, -5820.7065, 4);
  });
});

describe("BG/NBD with static covariates on apparel (CLVTools' own fit)", () => {
  interface Clvtools {
    params: Record<string, number>;
    purchase: Record<string, number>;
    dropout: Record<string, number>;
    loglik: number;
  }
  const clvtools = () => publishedValue<Clvtools>("bgnbd.apparel.staticcov.clvtools");
  const capability = () => modelDefinition("bgnbd")!.covariates!;
  const withCoefficients = (p: Clvtools) => ({
    ...p.params,
    ...Object.fromEntries(Object.entries(p.purchase).map(([k, v]) => [`purchase.${k}`, v])),
    ...Object.fromEntries(Object.entries(p.dropout).map(([k, v]) => [`dropout.${k}`, v])),
  });
  let fit: FittedModel;
  beforeAll(() => {
    fit = fitModel(modelDefinition("bgnbd")!, apparel(true));
  });
  test("the online customers' drop-out runs along the a, b → ∞ ridge: at least CLVTools' likelihood, said as boundary", () => {
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(clvtools().loglik - 1e-6);
    expect(fit.logLikelihood - clvtools().loglik).toBeLessThan(0.5);
    expect(fit.status).toBe("boundary");
  });
  test("what the data identify matches CLVTools: r, α, a/(a+b) and the shop customers' a_i, b_i to 2 %, the purchase coefficients within 0.15 standard error", () => {
    const theirs = clvtools();
    for (const name of ["r", "alpha"]) expect(relative(fit.params[name], theirs.params[name])).toBeLessThan(0.02);
    for (const [name, value] of Object.entries(theirs.purchase)) {
      const key = `purchase.${name}`;
      expect(Math.abs(fit.params[key] - value)).toBeLessThan(0.15 * fit.standardErrors![key]);
    }
    const mean = (p: Record<string, number>) => p.a / (p.a + p.b);
    expect(relative(mean(fit.params), mean(theirs.params))).toBeLessThan(0.02);
    for (const gender of [0, 1]) {
      const row = [gender, 1];
      const ours = individualParameters(fit.params, capability(), names, row, row);
      const reference = individualParameters(withCoefficients(theirs), capability(), names, row, row);
      expect(relative(ours.a, reference.a)).toBeLessThan(0.02);
      expect(relative(ours.b, reference.b)).toBeLessThan(0.02);
    }
  });
});
