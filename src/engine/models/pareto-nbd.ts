/**
 * Pareto/NBD (Schmittlein, Morrison & Colombo 1987): while alive a customer buys at a Poisson rate
 * λ ~ Gamma(r, α) and leaves after an exponential lifetime with rate μ ~ Gamma(s, β).
 */
import gammaln from "@stdlib/math-base-special-gammaln";
import { LogParameterFitSpec } from "../optim/fit";
import { integrate } from "../optim/quadrature";
import { logAddExp } from "./bgnbd";
import { CompressedHistories, everyKth, fitColumnsHistories } from "./compress";
import { paretoNbdAliveColumn } from "./pareto-nbd-columns";
import { paretoNbdPreparedNegLogLikelihood, prepareParetoNbdData } from "./pareto-nbd-likelihood";
import { logDeathTerm } from "./pareto-nbd-tail";
import { forceOfInterest } from "./residual";
import { stagedFit } from "./staged-fit";
import { CustomerHistory, FitColumns, FitOptions, FittedModel, Parameters, PurchasePredictor } from "./types";

export interface ParetoNbdParameters {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/** log of the "alive at T" term −(r+x)log(α+T) − s log(β+T), and of the "died in (t_x, T]" term. */
function logTerms(p: ParetoNbdParameters, x: number, recency: number, age: number): { alive: number; died: number } {
  const { r, alpha, s, beta } = p;
  const alive = -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
  const died = Math.log(s) + logDeathTerm(r, alpha, s, beta, x, recency, age);
  return { alive, died };
}

/** One customer's log-likelihood, in the log-sum-exp form of Fader & Hardie note 008. */
export function paretoNbdLogLikelihood(
  p: ParetoNbdParameters,
  { frequency: x, recency, age }: CustomerHistory,
): number {
  const { r, alpha, s, beta } = p;
  const { alive, died } = logTerms(p, x, recency, age);
  return gammaln(r + x) - gammaln(r) + r * Math.log(alpha) + s * Math.log(beta) + logAddExp(alive, died);
}

export function paretoNbdNegLogLikelihood(data: CompressedHistories, params: ArrayLike<number>): number {
  const p = { r: params[0], alpha: params[1], s: params[2], beta: params[3] };
  let total = 0;
  for (let i = 0; i < data.size; i++) {
    total +=
      data.weight[i] *
      paretoNbdLogLikelihood(p, { frequency: data.frequency[i], recency: data.recency[i], age: data.age[i] });
  }
  return -total;
}

/** Above this many distinct histories, the starts run on a subsample first (see fitLogParameters). */
const SUBSAMPLE_ROWS = 4000;

/**
 * What fitParetoNbd hands the optimiser: the likelihood on every distinct history (with its gradient and Hessian),
 * on a subsample for the starts, the starts and the tolerances. Exported so that tests can count its evaluations.
 */
export function paretoNbdFitSpec(columns: FitColumns, options: FitOptions = {}): LogParameterFitSpec {
  return paretoNbdHistoriesFitSpec(fitColumnsHistories(columns), options);
}

function paretoNbdHistoriesFitSpec(data: CompressedHistories, options: FitOptions): LogParameterFitSpec {
  let meanAge = 0;
  for (let i = 0; i < data.size; i++) meanAge += (data.weight[i] * data.age[i]) / data.total;
  const unit = Math.max(meanAge / 40, 1e-6);
  const full = prepareParetoNbdData(data);
  const small = data.size > SUBSAMPLE_ROWS ? everyKth(data, SUBSAMPLE_ROWS) : null;
  const sub = small ? prepareParetoNbdData(small) : null;
  return {
    names: ["r", "alpha", "s", "beta"],
    negLogLikelihood: (p) => paretoNbdPreparedNegLogLikelihood(full, p),
    negLogLikelihoodWithGradient: (p, g) => paretoNbdPreparedNegLogLikelihood(full, p, g),
    // With the Hessian, the full-data polish after the subsample's starts is Newton's method: about four passes
    // from the subsample's optimum on 100,000 continuous-time customers, against 7 BFGS passes and 8 more for a
    // finite-difference Hessian before (issue 17).
    negLogLikelihoodWithHessian: (p, g, h) => paretoNbdPreparedNegLogLikelihood(full, p, g, h),
    // One code path for the value with or without derivatives.
    exactValueAlone: true,
    subsample:
      small && sub
        ? {
            negLogLikelihoodWithGradient: (p, g) => paretoNbdPreparedNegLogLikelihood(sub, p, g),
            negLogLikelihoodWithHessian: (p, g, h) => paretoNbdPreparedNegLogLikelihood(sub, p, g, h),
            n: small.total,
          }
        : undefined,
    starts: [
      [1, unit, 1, unit],
      [0.5, 10 * unit, 0.5, 10 * unit],
    ],
    penalty: options.penalty,
    n: data.total,
    maxIterations: options.maxIterations,
    // β is often poorly determined (a flat ridge): a tighter tolerance moves the estimate by far less than its
    // standard error at the cost of dozens of full-data evaluations.
    gradientTolerance: 1e-7,
    // The Newton polish also stops once its next step would move no parameter by more than 1e-8 of itself.
    stepTolerance: 1e-8,
  };
}

export function fitParetoNbd(columns: FitColumns, options: FitOptions = {}): FittedModel {
  // On a large base, a sample's fit first (staged-fit.ts), so that the full data takes only the last Newton steps.
  return {
    model: "pnbd",
    ...stagedFit(fitColumnsHistories(columns), (data) => paretoNbdHistoriesFitSpec(data, options)),
  };
}

/** Above this shape of the purchase rate (r + x), P(no purchase) takes its death term by the series. */
const LARGE_RATE_SHAPE = 1000;

/** P(no purchase in the next t) for a customer alive now with rates Gamma(r, α) and Gamma(s, β). */
function probabilityNoPurchase(r: number, alpha: number, s: number, beta: number, t: number): number {
  // Survives t without buying, or dies at τ < t before buying: ∫ sβ^s/(β+τ)^(s+1) (α/(α+τ))^r dτ.
  // log1p: with α or β large, ln(β/(β+t)) computed as a ratio loses the digits that s·ln(…) then magnifies.
  const survive = Math.exp(-r * Math.log1p(t / alpha) - s * Math.log1p(t / beta));
  if (r > LARGE_RATE_SHAPE) {
    // At frequencies in the thousands and more, (α/(α+τ))^r is a spike of width α/r at 0 that adaptive quadrature
    // over [0, t] misses (P(buy) exactly 1 at x = 5e8, 1 − 5.8e-10 in truth): the death term of the likelihood,
    // s β^s α^r ∫_0^t (α+τ)^−r (β+τ)^−(s+1) dτ, by the transformed series of pareto-nbd-tail.ts.
    const logDie = Math.log(s) + s * Math.log(beta) + r * Math.log(alpha) + logDeathTerm(r, alpha, s, beta, 0, 0, t);
    return survive + Math.exp(logDie);
  }
  const die = integrate(
    (tau) => (s / beta) * Math.exp(-(s + 1) * Math.log1p(tau / beta) - r * Math.log1p(tau / alpha)),
    0,
    t,
  );
  return survive + die;
}

export function paretoNbdPredictor(params: Parameters): PurchasePredictor {
  const { r, alpha, s, beta } = params;
  const p = { r, alpha, s, beta };
  // Fader & Hardie note 008, eq. 11: 1 / (1 + (s/(r+s+x)) (α+T)^(r+x) (β+T)^s A0)
  const probabilityAlive = ({ frequency: x, recency, age }: CustomerHistory) => {
    const { alive, died } = logTerms(p, x, recency, age);
    return 1 / (1 + Math.exp(died - alive));
  };
  const growth = (b: number, t: number) =>
    s === 1 ? Math.log1p(t / b) : -Math.expm1(-(s - 1) * Math.log1p(t / b)) / (s - 1);
  /**
   * E[Y(t) | x, T, alive] = (r+x)(β+T)/(α+T) · growth (Schmittlein et al. 1987: given alive at T, λ ~ Gamma(r+x, α+T)
   * and μ ~ Gamma(s, β+T)); expectedPurchases keeps its own copy, so that the CLV column is checked against it.
   */
  const ifAlive = (x: number, age: number, t: number) =>
    (((r + x) * (beta + age)) / (alpha + age)) * growth(beta + age, t);
  return {
    probabilityAlive,
    probabilityAliveColumn: (x, tx, T, groups) =>
      paretoNbdAliveColumn(
        p,
        x,
        tx,
        T,
        (frequency, recency, age) => probabilityAlive({ frequency, recency, age }),
        groups,
      ),
    smoothInAge: true,
    /** P(alive at T + t) = P(alive at T)·((β+T)/(β+T+t))^s: given alive at T, μ ~ Gamma(s, β+T) (note 009). */
    probabilityAliveAt(customer, t) {
      return probabilityAlive(customer) * Math.exp(-s * Math.log1p(t / (beta + customer.age)));
    },
    /**
     * DERT (Fader, Hardie & Lee 2005, "RFM and CLV", eq. 2): given alive at T, λ ~ Gamma(r+x, α+T) and
     * μ ~ Gamma(s, β+T) independently, so DERT = P(alive)·(r+x)/(α+T)·E[1/(δ+μ)], and
     * E[1/(δ+μ)] = ∫₀^∞ e^(−δt) ((β+T)/(β+T+t))^s dt = (β+T)·U(1, 2−s, δ(β+T)), Tricomi's function of eq. 2,
     * here by quadrature of ∫₀^60 e^(−u) (1 + u/(δ(β+T)))^(−s) du / δ.
     */
    discountedResidualPurchases(customer, periodRate) {
      const { frequency: x, age } = customer;
      const delta = forceOfInterest(periodRate);
      const scale = delta * (beta + age);
      const lifetime = integrate((u) => Math.exp(-u - s * Math.log1p(u / scale)), 0, 60, 1e-12) / delta;
      return probabilityAlive(customer) * ((r + x) / (alpha + age)) * lifetime;
    },
    logLikelihood: (customer) => paretoNbdLogLikelihood(p, customer),
    // Schmittlein et al. 1987; Fader, Hardie & Lee 2005 ("RFM and CLV") eq. 2
    expectedPurchases(customer, t) {
      const { frequency: x, age } = customer;
      return (((r + x) * (beta + age)) / (alpha + age)) * growth(beta + age, t) * probabilityAlive(customer);
    },
    expectedPurchasesIfAlive: ifAlive,
    expectedPurchasesNewCustomer(t) {
      return ((r * beta) / alpha) * growth(beta, t);
    },
    /**
     * P(X(t) = n): alive at t with n purchases, or died at τ < t with n purchases by then
     * (∫ over τ by adaptive Gauss–Kronrod, relative tolerance 1e-12).
     */
    // An integral over the lifetime (up to ~10 ms a value): CUST.PNPURCHASES bounds how many it computes.
    costlyProbabilityOfPurchases: true,
    probabilityOfPurchases(n, t) {
      // Taken out of the integrand (the same operations in the same order: the same numbers, three lnΓ fewer a node).
      const logCount = gammaln(r + n) - gammaln(r) - gammaln(n + 1);
      const nbd = (tau: number) =>
        Math.exp(logCount - r * Math.log1p(tau / alpha) + (n === 0 ? 0 : n * Math.log(tau / (alpha + tau))));
      const survive = nbd(t) * Math.exp(-s * Math.log1p(t / beta));
      const die = integrate((tau) => (s / beta) * Math.exp(-(s + 1) * Math.log1p(tau / beta)) * nbd(tau), 0, t);
      return survive + die;
    },
    probabilityOfAnyPurchase(customer, t) {
      const { frequency: x, age } = customer;
      return probabilityAlive(customer) * (1 - probabilityNoPurchase(r + x, alpha + age, s, beta + age, t));
    },
  };
}
