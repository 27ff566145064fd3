/**
 * Static covariates against CLVTools' published Pareto/NBD fit on its apparel data (Meierer et al., CLVTools JSS
 * paper §6.4.1: Gender and Channel in both processes, estimation split at 104 weeks).
 */
import { createHash } from "crypto";
import { readFileSync } from "fs";
import { join } from "path";
import { individualParameters } from "../../src/engine/models/covariates";
import { paretoNbdLogLikelihood, paretoNbdPredictor, ParetoNbdParameters } from "../../src/engine/models/pareto-nbd";
import { fitModel, modelDefinition } from "../../src/engine/models/registry";
import { FittedModel } from "../../src/engine/models/types";
import { apparel } from "./apparel";
import { expectPrinted, FIXTURES_DIR, publishedValue } from "./published";

interface Published {
  params: Record<string, number>;
  purchase: Record<string, number>;
  dropout: Record<string, number>;
  standard_errors: Record<string, number>;
  loglik: number;
  aic: number;
  bic: number;
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
  interface Clvtools {
    mle: ParetoNbdParameters & {
      purchase: Record<string, number>;
      dropout: Record<string, number>;
      loglik: number;
      aic: number;
      bic: number;
      nobs: number;
    };
    loglik_sum: Record<
      string,
      {
        params: Record<string, number>;
        purchase: Record<string, number>;
        dropout: Record<string, number>;
        loglik: number;
      }
    >;
    customer600: { x: number; t_x_days: number; Gender: number; Channel: number; loglik_at_mle: number };
  }
  const clvtools = () => publishedValue<Clvtools>("pnbd.apparel.staticcov.clvtools");
  /** CLVTools' full-precision estimate in this project's parameter names. */
  const clvtoolsParams = (): Record<string, number> => {
    const { r, alpha, s, beta, purchase, dropout } = clvtools().mle;
    return withCoefficients({ params: { r, alpha, s, beta }, purchase, dropout });
  };
  const withCoefficients = (p: Pick<Published, "purchase" | "dropout"> & { params: Record<string, number> }) => ({
    ...p.params,
    ...Object.fromEntries(Object.entries(p.purchase).map(([k, v]) => [`purchase.${k}`, v])),
    ...Object.fromEntries(Object.entries(p.dropout).map(([k, v]) => [`dropout.${k}`, v])),
  });
  /** Σ of the individual log-likelihoods (the objective CLVTools maximises, nothing added or dropped). */
  const sumAt = (params: Record<string, number>) => {
    const data = apparel(true);
    const capability = modelDefinition("pnbd")!.covariates!;
    let sum = 0;
    for (let i = 0; i < data.ids.length; i++) {
      const row = data.purchaseCovariates!.values.subarray(2 * i, 2 * i + 2);
      const own = individualParameters(params, capability, names, row, row) as unknown as ParetoNbdParameters;
      sum += paretoNbdLogLikelihood(own, { frequency: data.frequency[i], recency: data.recency![i], age: 104 });
    }
    return sum;
  };

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
  test("the data are CLVTools': the files' sha256 are those recorded, customer 600 is Gender 0 (296 women)", () => {
    const sha = (file: string) =>
      createHash("sha256")
        .update(readFileSync(join(FIXTURES_DIR, "apparel", file)))
        .digest("hex");
    expect(sha("apparelStaticCov.csv")).toBe("78446107016931027ff98e224db1854df79e2d760d3eff67c12453ed10ea1814");
    expect(sha("apparel-cbs-104w.csv")).toBe("9fba8fbe89eca01557d43e08551829b484a76775cdf5f54d8eef0c4cb5937540");
    const data = apparel(true);
    const i = data.ids.indexOf(600);
    const c = clvtools().customer600;
    expect([data.frequency[i], data.recency![i] * 7]).toEqual([c.x, c.t_x_days]);
    expect(Array.from(data.purchaseCovariates!.values.subarray(2 * i, 2 * i + 2))).toEqual([c.Gender, c.Channel]);
    let women = 0;
    for (let k = 0; k < data.ids.length; k++) women += data.purchaseCovariates!.values[2 * k];
    expect(women).toBe(296);
  });
  test("the log-likelihood CLVTools prints is the plain sum of the individual log-likelihoods: its LL_sum at two parameter vectors and customer 600's LL to 1e-12", () => {
    for (const point of Object.values(clvtools().loglik_sum)) {
      expect(relative(sumAt(withCoefficients(point)), point.loglik)).toBeLessThan(1e-12);
    }
    const capability = modelDefinition("pnbd")!.covariates!;
    const c = clvtools().customer600;
    const row = [c.Gender, c.Channel];
    const own = individualParameters(clvtoolsParams(), capability, names, row, row);
    const value = paretoNbdLogLikelihood(own as unknown as ParetoNbdParameters, {
      frequency: c.x,
      recency: c.t_x_days / 7,
      age: 104,
    });
    expect(relative(value, c.loglik_at_mle)).toBeLessThan(1e-12);
    // At the printed (rounded) estimates the sum is the printed LL at its 4 decimals.
    expectPrinted(sumAt(publishedParams()), published().loglik, 4);
  });
  test("the fit's maximum is the printed LL at 4 decimals, at least CLVTools' own, and gives the printed AIC and BIC", () => {
    expect(fit.status).toBe("converged");
    expectPrinted(fit.logLikelihood, published().loglik, 4);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(clvtools().mle.loglik - 1e-9);
    const k = 8;
    expectPrinted(2 * k - 2 * fit.logLikelihood, published().aic, 4);
    expectPrinted(k * Math.log(clvtools().mle.nobs) - 2 * fit.logLikelihood, published().bic, 4);
  });
  test("every estimate within SE·√(2·gap) of CLVTools' stopping point (gap: how far its likelihood is below the maximum)", () => {
    // On a quadratic likelihood, L(θ̂) − L(θ) = ½ Δᵀ H Δ ≥ ½ Δ_k² / (H⁻¹)_kk, so a point `gap` below the maximum is no
    // further than SE_k·√(2·gap) from it in any coordinate. CLVTools' L-BFGS-B stops ~1e-5 short of the maximum.
    const gap = fit.logLikelihood - clvtools().mle.loglik;
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(1e-4);
    const paper = published();
    const theirs: Record<string, number> = clvtoolsParams();
    for (const key of Object.keys(publishedParams())) {
      const bound = fit.standardErrors![key] * Math.sqrt(2 * gap) * 1.1;
      expect(Math.abs(fit.params[key] - theirs[key])).toBeLessThan(bound);
      // The printed, rounded values: the same bound plus half a unit of their fourth decimal.
      expect(Math.abs(fit.params[key] - publishedParams()[key])).toBeLessThan(bound + 5e-5);
    }
    for (const process of ["purchase", "dropout"] as const) {
      for (const name of Object.keys(paper[process])) {
        const key = `${process}.${name}`;
        expectPrinted(fit.standardErrors![key], paper.standard_errors[key], 4);
      }
    }
    for (const name of ["r", "alpha", "s", "beta"]) {
      expect(relative(fit.standardErrors![name], paper.standard_errors[name])).toBeLessThan(1e-2);
    }
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
  test("the online customers' drop-out runs along the a, b → ∞ ridge: CLVTools' likelihood (at least, within 1e-3), said as boundary", () => {
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(clvtools().loglik - 1e-6);
    expect(fit.logLikelihood - clvtools().loglik).toBeLessThan(1e-3);
    expect(fit.status).toBe("boundary");
  });
  test("what the data identify matches CLVTools: r, α and a/(a+b) to 1e-3, the shop customers' a_i, b_i to 1 %, the purchase coefficients within 0.01 standard error", () => {
    const theirs = clvtools();
    for (const name of ["r", "alpha"]) expect(relative(fit.params[name], theirs.params[name])).toBeLessThan(1e-3);
    for (const [name, value] of Object.entries(theirs.purchase)) {
      const key = `purchase.${name}`;
      expect(Math.abs(fit.params[key] - value)).toBeLessThan(0.01 * fit.standardErrors![key]);
    }
    const mean = (p: Record<string, number>) => p.a / (p.a + p.b);
    expect(relative(mean(fit.params), mean(theirs.params))).toBeLessThan(1e-3);
    for (const gender of [0, 1]) {
      const row = [gender, 1];
      const ours = individualParameters(fit.params, capability(), names, row, row);
      const reference = individualParameters(withCoefficients(theirs), capability(), names, row, row);
      expect(relative(ours.a, reference.a)).toBeLessThan(0.01);
      expect(relative(ours.b, reference.b)).toBeLessThan(0.01);
    }
  });
});
