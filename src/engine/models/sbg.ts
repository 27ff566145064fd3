/**
 * Shifted-beta-geometric model of contractual retention (Fader & Hardie 2007, "How to project customer
 * retention"): each customer churns at the end of every period with a constant probability θ, and θ varies
 * across the cohort as Beta(α, β). Because the customers most likely to leave go first, the cohort's
 * retention rate rises with tenure instead of staying flat.
 */
import betaln from "@stdlib/math-base-special-betaln";
import { naError, numError, valueError } from "../errors";
import { fitLogParameters } from "../optim/fit";
import { HypergeometricLadder, hyp2f1One, requireSummableRate } from "../optim/hypergeometric";
import { SbgLikelihood } from "./sbg-likelihood";
import { FitColumns, FitOptions, FittedModel } from "./types";

export interface SbgParameters {
  alpha: number;
  beta: number;
}

export const SBG_PARAMETER_NAMES = ["alpha", "beta"] as const;

/** A cohort's survivors at the start (period 0) and at the end of periods 1..T. */
export interface SbgData {
  survivors: Float64Array;
  /** Cohort size at period 0 (the n of the fit). */
  n: number;
}

/**
 * Checks a survivors column: counts or shares alive at period 0, 1, 2, … (for example 1,000, 631, 468 or
 * 100%, 63.1%, 46.8%). It must start above zero, never increase and never go below zero.
 */
export function prepareSbgData(survivors: ArrayLike<number>): SbgData {
  if (survivors.length < 2) throw valueError("valuemodels.sbg.tooShort", { found: survivors.length });
  const values = Float64Array.from(survivors);
  if (Number.isNaN(values[0])) throw valueError("valuemodels.blankAt", { arg: "survivors", row: 1 });
  if (!(values[0] > 0)) throw valueError("valuemodels.sbg.startNotPositive", { found: values[0] });
  for (let t = 1; t < values.length; t++) {
    if (Number.isNaN(values[t])) throw valueError("valuemodels.blankAt", { arg: "survivors", row: t + 1 });
    if (!(values[t] >= 0)) throw valueError("valuemodels.sbg.negative", { row: t + 1, found: values[t] });
    if (values[t] > values[t - 1]) {
      throw valueError("valuemodels.sbg.increasing", { row: t + 1, found: values[t], previous: values[t - 1] });
    }
  }
  if (values[values.length - 1] === values[0]) throw valueError("valuemodels.sbg.noChurn");
  return { survivors: values, n: values[0] };
}

/** S(t) = B(α, β + t) / B(α, β): the share of the cohort still active after t periods (F&H 2007 eq. 7). */
export function survival({ alpha, beta }: SbgParameters, t: number): number {
  if (t === 0) return 1;
  return Math.exp(betaln(alpha, beta + t) - betaln(alpha, beta));
}

/** r(t) = (β + t − 1)/(α + β + t − 1): the share of those active in period t − 1 who renew in period t (F&H 2007 eq. 8). */
export function retentionRate({ alpha, beta }: SbgParameters, t: number): number {
  return (beta + t - 1) / (alpha + beta + t - 1);
}

/** S(1), …, S(h) by the recurrence S(t) = S(t − 1)·r(t), cheaper than h beta functions. */
export function survivalCurve(params: SbgParameters, horizon: number): Float64Array {
  const curve = new Float64Array(horizon);
  let s = 1;
  for (let t = 1; t <= horizon; t++) {
    s *= retentionRate(params, t);
    curve[t - 1] = s;
  }
  return curve;
}

/** Each survivors column's likelihood, built on first use (SbgLikelihood: its cost then does not grow with T). */
const likelihoods = new WeakMap<SbgData, SbgLikelihood>();
const likelihoodOf = (data: SbgData): SbgLikelihood => {
  let likelihood = likelihoods.get(data);
  if (!likelihood) likelihoods.set(data, (likelihood = new SbgLikelihood(data.survivors)));
  return likelihood;
};

/**
 * Log-likelihood of a cohort's survivors (F&H 2007 eq. 9): those lost in period t contribute
 * ln P(T = t) = ln[S(t − 1) − S(t)], those still active at the end ln S(T). Summed as SbgLikelihood does, at a cost
 * that does not grow with the number of periods.
 */
export function sbgLogLikelihood(params: SbgParameters, data: SbgData): number {
  return likelihoodOf(data).logLikelihood(params.alpha, params.beta);
}

/**
 * Maximum-likelihood fit of (α, β) to a cohort's survivors, from several fixed starts, with the likelihood's exact
 * gradient and Hessian: a 1,048,576-period column took 46 s by finite differences (each evaluation a pass over the
 * periods); now the column is read once and each evaluation costs the same whatever its length.
 */
export function fitSbg(survivors: ArrayLike<number>, options: FitOptions = {}): FittedModel {
  const data = prepareSbgData(survivors);
  const likelihood = likelihoodOf(data);
  const natural = new Float64Array(2);
  const fit = fitLogParameters({
    names: SBG_PARAMETER_NAMES,
    negLogLikelihood: (x) => -likelihood.logLikelihood(x[0], x[1]),
    negLogLikelihoodWithGradient: (x, gradient) => {
      const ll = likelihood.logLikelihood(x[0], x[1], natural);
      gradient[0] = -natural[0];
      gradient[1] = -natural[1];
      return -ll;
    },
    negLogLikelihoodWithHessian: (x, gradient, hessian) => {
      const ll = likelihood.logLikelihood(x[0], x[1], natural, hessian);
      gradient[0] = -natural[0];
      gradient[1] = -natural[1];
      for (let i = 0; i < 4; i++) hessian[i] = -hessian[i];
      return -ll;
    },
    starts: [
      [1, 1],
      [0.5, 2],
      [3, 10],
    ],
    penalty: options.penalty,
    maxIterations: options.maxIterations,
    n: data.n,
  });
  return {
    model: "sbg",
    params: fit.params,
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    n: data.n,
    standardErrors: fit.standardErrors,
    message: fit.message,
  };
}

/** CUST.FIT's entry point: the frequency column holds the survivors at the start of each period. */
export function fitSbgColumns(columns: FitColumns, options: FitOptions = {}): FittedModel {
  return fitSbg(columns.frequency, options);
}

/**
 * Expected lifetime in periods of a new customer, Σ_{t≥0} S(t) = (α + β − 1)/(α − 1) (F&H 2007). It is
 * infinite when α ≤ 1: a few customers almost never leave, so a discount rate or a horizon is needed.
 */
export function expectedLifetime({ alpha, beta }: SbgParameters): number {
  if (!(alpha > 1)) throw naError("valuemodels.sbg.lifetimeInfinite", { alpha: Number(alpha.toPrecision(4)) });
  return (alpha + beta - 1) / (alpha - 1);
}

/**
 * Discounted expected lifetime of a new customer, Σ_{t≥0} S(t)/(1 + d)^t = ₂F₁(1, β; α + β; 1/(1 + d))
 * (Fader & Hardie 2010, "Customer-base valuation in a contractual setting", DEL): the first period counts in
 * full. Multiply by the margin per period for the expected discounted lifetime value.
 */
export function discountedExpectedLifetime({ alpha, beta }: SbgParameters, discountRate: number): number {
  checkDiscount(discountRate);
  // At d = 0, Gauss's theorem gives ₂F₁(1, b; c; 1) = (c − 1)/(c − 1 − b): finite only when α > 1.
  if (discountRate === 0) return expectedLifetime({ alpha, beta });
  requireSummableRate(discountRate);
  return hyp2f1One(beta, alpha + beta, 1 / (1 + discountRate));
}

/** The largest number of renewals DERL takes (CUST.DERL documents it). */
export const MAX_RENEWALS = 1_000_000;

/**
 * DERT of a customer at the end of a period after `renewals` renewals: the discounted expected number of
 * further periods, the next one undiscounted, Σ_{t>k} S(t)/S(k)/(1 + d)^(t − k − 1)
 * = (β + k)/(α + β + k)·₂F₁(1, β + k + 1; α + β + k + 1; 1/(1 + d)) with k = renewals (Fader & Hardie 2010, eq. 6).
 */
export function discountedExpectedResidualLifetime(
  params: SbgParameters,
  discountRate: number,
  renewals: number,
): number {
  return residualLifetimes(params, discountRate)(renewals);
}

/**
 * DERL (discountedExpectedResidualLifetime) for many renewal counts at one rate: the ₂F₁ of consecutive counts are
 * linked by F(k) = 1 + z·(β+k+1)/(α+β+k+1)·F(k+1) (HypergeometricLadder), so a range of a million counts costs one
 * series and a multiplication a count, not a series each (23 s of CPU for 1,048,576 cells before).
 */
export function residualLifetimes({ alpha, beta }: SbgParameters, discountRate: number): (renewals: number) => number {
  checkDiscount(discountRate);
  if (discountRate > 0) requireSummableRate(discountRate);
  const ladder =
    discountRate > 0
      ? new HypergeometricLadder(beta + 1, alpha + beta + 1, 1 / (1 + discountRate), MAX_RENEWALS)
      : null;
  return (renewals) => {
    if (!Number.isInteger(renewals) || renewals < 0)
      throw valueError("valuemodels.sbg.badRenewals", { found: renewals });
    if (renewals > MAX_RENEWALS)
      throw valueError("args.tooLarge", { arg: "renewals", max: MAX_RENEWALS, found: renewals });
    const b = beta + renewals;
    if (!ladder) {
      if (!(alpha > 1)) throw naError("valuemodels.sbg.lifetimeInfinite", { alpha: Number(alpha.toPrecision(4)) });
      return b / (alpha - 1);
    }
    return (b / (alpha + b)) * ladder.at(renewals);
  };
}

function checkDiscount(discountRate: number): void {
  if (!(discountRate >= 0) || !Number.isFinite(discountRate)) {
    throw numError("valuemodels.sbg.badDiscount", { found: discountRate });
  }
}
