/**
 * Beta-geometric/beta-Bernoulli model for discrete transaction opportunities (Fader, Hardie & Shang 2010,
 * "Customer-base analysis in a discrete-time noncontractual setting"): while alive, a customer transacts at
 * each opportunity with probability p ~ Beta(α, β), and dies before each opportunity with probability
 * θ ~ Beta(γ, δ). A customer's history is (x transactions, t_x the opportunity of the last one, n opportunities).
 */
import betaln from "@stdlib/math-base-special-betaln";
import digamma from "@stdlib/math-base-special-digamma";
import gammaln from "@stdlib/math-base-special-gammaln";
import { valueError } from "../errors";
import { MAX_EVALUATIONS, fitLogParameters } from "../optim/fit";
import { HypergeometricLadder, requireSummableRate } from "../optim/hypergeometric";
import { trigamma } from "../optim/trigamma";
import { bgbbLogLikelihoodWithGradient } from "./bgbb-gradient";
import { BgbbLikelihoodTables, bgbbUsesTables, evaluationCost, logAddExp } from "./bgbb-likelihood";
import { CustomerHistory, FitColumns, FitOptions, FittedModel, Parameters, PurchasePredictor } from "./types";

/**
 * BG/BB's likelihood (FHS 2010 eq. 5) and P(a transaction within n* opportunities) sum over opportunities one by
 * one, so their cost grows with the count: histories (n) and PBUY's horizon are bounded (opportunities are years or
 * yearly events, where 1,000 is far beyond real use).
 */
export const MAX_OPPORTUNITIES = 1_000;

/**
 * The longest horizon of the closed forms (expected transactions, P(alive) later, the discounted value): their cost
 * does not depend on it; the bound keeps the differences of log-gamma functions they take exact to about 1e-9.
 */
export const MAX_HORIZON_OPPORTUNITIES = 1_000_000;

export interface BgbbParameters {
  alpha: number;
  beta: number;
  gamma: number;
  delta: number;
}

export const BGBB_PARAMETER_NAMES = ["alpha", "beta", "gamma", "delta"] as const;

/** Histories in compressed form: one row per distinct (x, t_x, n) with the number of customers who share it. */
export interface BgbbData {
  frequency: Float64Array;
  recency: Float64Array;
  opportunities: Float64Array;
  weights: Float64Array;
  /** Σ weights: the number of customers. */
  n: number;
}

/**
 * Checks the histories (whole numbers, 0 ≤ x ≤ t_x ≤ n, t_x = 0 when x = 0) and compresses identical rows.
 * Rows are 1-based in messages. Weights default to 1 per row.
 */
export function prepareBgbbData(
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  opportunities: ArrayLike<number>,
  weights?: ArrayLike<number>,
): BgbbData {
  const groups = new Map<string, [number, number, number, number]>();
  for (let i = 0; i < frequency.length; i++) {
    const row = i + 1;
    const x = frequency[i];
    const tx = recency[i];
    const n = opportunities[i];
    const w = weights ? weights[i] : 1;
    checkBgbbHistory(x, tx, n, row);
    if (!(w >= 0) || !Number.isFinite(w)) throw valueError("valuemodels.badWeight", { row, found: w });
    if (w === 0) continue;
    const key = `${x}|${tx}|${n}`;
    const group = groups.get(key);
    if (group) group[3] += w;
    else groups.set(key, [x, tx, n, w]);
  }
  const rows = [...groups.values()];
  if (rows.length === 0) throw valueError("valuemodels.bgbb.noCustomers");
  return {
    frequency: Float64Array.from(rows, (r) => r[0]),
    recency: Float64Array.from(rows, (r) => r[1]),
    opportunities: Float64Array.from(rows, (r) => r[2]),
    weights: Float64Array.from(rows, (r) => r[3]),
    n: rows.reduce((sum, r) => sum + r[3], 0),
  };
}

/** Throws a message naming the row when (x, t_x, n) is not a possible discrete-opportunity history. */
export function checkBgbbHistory(x: number, tx: number, n: number, row: number): void {
  // The usual case first, without building the list below (a million rows are checked once per prediction).
  if (
    Number.isInteger(x) &&
    Number.isInteger(tx) &&
    Number.isInteger(n) &&
    x >= 0 &&
    x <= tx &&
    tx <= n &&
    n <= MAX_OPPORTUNITIES &&
    (x > 0 || tx === 0)
  )
    return;
  for (const [arg, value] of [
    ["frequency", x],
    ["recency", tx],
    // The functions take the opportunities as T (CUST.FIT, PALIVE, HOLDOUTCHECK…): the messages name that argument.
    ["T", n],
  ] as const) {
    if (Number.isNaN(value)) throw valueError("valuemodels.blankAt", { arg, row });
    if (!Number.isInteger(value) || value < 0) {
      throw valueError("valuemodels.bgbb.notCount", { arg, row, found: value });
    }
  }
  if (n > MAX_OPPORTUNITIES)
    throw valueError("valuemodels.bgbb.tooManyOpportunitiesAt", { arg: "T", row, max: MAX_OPPORTUNITIES, found: n });
  if (tx > n) throw valueError("valuemodels.bgbb.recencyAfterPeriods", { row, recency: tx, periods: n });
  if (x > tx) throw valueError("valuemodels.bgbb.frequencyAboveRecency", { row, frequency: x, recency: tx });
  if (x === 0 && tx !== 0) throw valueError("valuemodels.bgbb.recencyWithoutPurchase", { row, recency: tx });
}

/**
 * ln L(α, β, γ, δ | x, t_x, n), Fader, Hardie & Shang (2010) eq. 5: alive through n, plus death after each opportunity
 * j = t_x..n−1. The death terms B(α+x, β+j−x)·B(γ+1, δ+j) decrease in j, each the previous one times
 * (β+j−x)/(α+β+j)·(δ+j)/(γ+1+δ+j): two log-beta functions for the first and one multiplication a term after it.
 */
export function bgbbIndividualLogLikelihood(params: BgbbParameters, x: number, tx: number, n: number): number {
  const { alpha, beta, gamma, delta } = params;
  const base = betaln(alpha, beta) + betaln(gamma, delta);
  const alive = betaln(alpha + x, beta + n - x) + betaln(gamma, delta + n) - base;
  if (n <= tx) return alive;
  const first = betaln(alpha + x, beta + tx - x) + betaln(gamma + 1, delta + tx) - base;
  let term = 1;
  let sum = 1;
  for (let j = tx; j < n - 1; j++) {
    term *= ((beta + j - x) / (alpha + beta + j)) * ((delta + j) / (gamma + 1 + delta + j));
    sum += term;
  }
  return logAddExp(alive, first + Math.log(sum));
}

export { BgbbLikelihoodTables } from "./bgbb-likelihood";

/**
 * The work of one likelihood evaluation, in units of about 5 ns here (measured on 3,000–1,000,000 customers with 52
 * to 1,000 opportunities: ~150 ns a distinct history, whichever way the terms are summed, plus ~5 ns a term).
 */
export function bgbbEvaluationWork(data: BgbbData): number {
  const { direct, tables } = evaluationCost(data);
  return 30 * data.frequency.length + Math.min(direct, tables);
}

/**
 * The likelihood work a BG/BB fit may spend (6–8 s of evaluations here): the evaluation budget is what it affords, at most the
 * optimiser's own; a fit that cannot afford MIN_BGBB_EVALUATIONS is refused, saying what to change.
 */
export const BGBB_FIT_WORK = 1.2e9;
const MIN_BGBB_EVALUATIONS = 100;
/**
 * What an evaluation with the exact gradient costs, in evaluations of the likelihood alone (1.3–2.5 measured on
 * 4,982–36,128 distinct histories of 52 to 1,000 opportunities): the fit's budget counts gradient evaluations at
 * this price, so its work (and the histories it refuses) are those of the likelihood-only budget before.
 */
export const BGBB_GRADIENT_COST = 3;

/** Σ weight × ln L over the compressed histories: one customer at a time, or from BgbbLikelihoodTables when cheaper. */
export function bgbbLogLikelihood(params: BgbbParameters, data: BgbbData): number {
  if (!bgbbUsesTables(data)) {
    let sum = 0;
    for (let i = 0; i < data.frequency.length; i++) {
      sum +=
        data.weights[i] *
        bgbbIndividualLogLikelihood(params, data.frequency[i], data.recency[i], data.opportunities[i]);
    }
    return sum;
  }
  const tables = new BgbbLikelihoodTables(params, evaluationCost(data).most);
  let ll = 0;
  for (let i = 0; i < data.frequency.length; i++) {
    ll += data.weights[i] * tables.logLikelihood(data.frequency[i], data.recency[i], data.opportunities[i]);
  }
  return ll;
}

/** Maximum-likelihood fit of (α, β, γ, δ) on compressed histories, from several fixed starts. */
export function fitBgbb(data: BgbbData, options: FitOptions = {}): FittedModel {
  const affordable = Math.floor(BGBB_FIT_WORK / bgbbEvaluationWork(data));
  if (affordable < MIN_BGBB_EVALUATIONS) {
    let most = 0;
    for (let i = 0; i < data.opportunities.length; i++) most = Math.max(most, data.opportunities[i]);
    throw valueError("valuemodels.bgbb.fitTooLarge", { histories: data.frequency.length, opportunities: most });
  }
  const fit = fitLogParameters({
    maxEvaluations: Math.min(MAX_EVALUATIONS, Math.floor(affordable / BGBB_GRADIENT_COST)),
    names: BGBB_PARAMETER_NAMES,
    negLogLikelihood: (x) => -bgbbLogLikelihood({ alpha: x[0], beta: x[1], gamma: x[2], delta: x[3] }, data),
    // The exact gradient (bgbb-gradient.ts): one pass instead of eight evaluations for a differenced one.
    negLogLikelihoodWithGradient: (x, g) => {
      const ll = bgbbLogLikelihoodWithGradient({ alpha: x[0], beta: x[1], gamma: x[2], delta: x[3] }, data, g);
      for (let i = 0; i < 4; i++) g[i] = -g[i];
      return -ll;
    },
    starts: [
      [1, 1, 1, 1],
      [0.5, 0.5, 0.5, 2],
      [2, 1, 1, 5],
    ],
    penalty: options.penalty,
    maxIterations: options.maxIterations,
    n: data.n,
  });
  return {
    model: "bgbb",
    params: fit.params,
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    n: data.n,
    standardErrors: fit.standardErrors,
    message: fit.message,
  };
}

/** CUST.FIT's entry point: frequency, recency, the opportunities in the age column, optional weights. */
export function fitBgbbColumns(columns: FitColumns, options: FitOptions = {}): FittedModel {
  const blank = new Float64Array(columns.frequency.length).fill(NaN);
  return fitBgbb(
    prepareBgbbData(columns.frequency, columns.recency ?? blank, columns.age ?? blank, columns.weights),
    options,
  );
}

/** The BG/BB predictions from a CUST.FIT table's parameters. */
export function bgbbPredictorFromParameters(params: Parameters): PurchasePredictor {
  return bgbbPredictor({ alpha: params.alpha, beta: params.beta, gamma: params.gamma, delta: params.delta });
}

/** Σ_{i=1..k} B(γ, d + i) / B(γ, d) is summed term by term up to this k (exact, and cheaper than the closed form). */
const DIRECT_SURVIVAL_TERMS = 64;

/**
 * Σ_{i=1..k} B(γ, d + i) / B(γ, d): expected opportunities survived. Up to DIRECT_SURVIVAL_TERMS by
 * B(γ, d + 1) = B(γ, d)·d/(γ + d); beyond, in closed form (the telescoping sum behind FHS 2010 eq. 13):
 * d·(1 − e^g)/(γ − 1) with g = ln[Γ(d+k+1)Γ(γ+d) / (Γ(γ+d+k)Γ(d+1))], and its limit d·(ψ(d+k+1) − ψ(d+1)) at γ = 1.
 * The cost does not depend on k.
 */
export function survivalSum(gamma: number, d: number, k: number): number {
  if (k <= DIRECT_SURVIVAL_TERMS) {
    let ratio = 1;
    let sum = 0;
    for (let i = 1; i <= k; i++) {
      const di = d + i - 1;
      ratio *= di / (gamma + di);
      sum += ratio;
    }
    return sum;
  }
  const epsilon = gamma - 1;
  if (epsilon === 0) return d * (digamma(d + k + 1) - digamma(d + 1));
  // Near the pole the two log-gamma differences nearly cancel: g by its Taylor series in ε instead,
  // ln Γ(z+1) − ln Γ(z+1+ε) = −(ε ψ(z+1) + ε² ψ′(z+1)/2 + ε³ ψ″(z+1)/6 + O(ε⁴)).
  const g =
    Math.abs(epsilon) < 1e-3
      ? -epsilon * (digamma(d + k + 1) - digamma(d + 1)) -
        ((epsilon * epsilon) / 2) * (trigamma(d + k + 1) - trigamma(d + 1)) -
        ((epsilon * epsilon * epsilon) / 6) * (tetragamma(d + k + 1) - tetragamma(d + 1))
      : logGammaDifference(d + k, 1, gamma) - logGammaDifference(d, 1, gamma);
  return (-d * Math.expm1(g)) / epsilon;
}

/** ψ″(z) for z ≥ 1 by a central difference of ψ′ (ample for the ε³ term it feeds). */
const tetragamma = (z: number) => {
  const h = 1e-4 * z;
  return (trigamma(z + h) - trigamma(z - h)) / (2 * h);
};

/**
 * ln Γ(z + a) − ln Γ(z + b) for z ≥ 0 and small a, b: directly for moderate z; for large z by the difference of
 * Stirling's series (Abramowitz & Stegun 6.1.41), written so that no two large logarithms cancel.
 */
export function logGammaDifference(z: number, a: number, b: number): number {
  if (z < 1e5) return gammaln(z + a) - gammaln(z + b);
  const za = z + a;
  const zb = z + b;
  return (
    (a - b) * Math.log(z) +
    (za - 0.5) * Math.log1p(a / z) -
    (zb - 0.5) * Math.log1p(b / z) -
    (a - b) +
    (1 / za - 1 / zb) / 12 -
    (1 / (za * za * za) - 1 / (zb * zb * zb)) / 360
  );
}

/** A count of opportunities; `max` is the bound of the computation it feeds (MAX_OPPORTUNITIES for the sums). */
function requireOpportunities(value: number, arg: string, max = MAX_OPPORTUNITIES): void {
  if (!Number.isInteger(value) || value < 0)
    throw valueError("valuemodels.bgbb.opportunitiesNotCount", { arg, found: value });
  if (value > max) throw valueError("valuemodels.bgbb.tooManyOpportunities", { arg, max, found: value });
}

/** Predictions of a fitted BG/BB model; time is counted in opportunities (whole numbers). */
export function bgbbPredictor(params: BgbbParameters): PurchasePredictor & {
  expectedCustomersWithPurchases(purchases: number, opportunities: number, customers: number): number;
} {
  const { alpha, beta, gamma, delta } = params;
  const baseP = betaln(alpha, beta);
  const baseTheta = betaln(gamma, delta);

  const check = (customer: CustomerHistory) => checkBgbbHistory(customer.frequency, customer.recency, customer.age, 1);
  // Built on first use: each customer's likelihood, and the weight of "alive through n", then cost a table look-up
  // whatever n − t_x (up to MAX_OPPORTUNITIES), instead of log-beta functions.
  let tables: BgbbLikelihoodTables | null = null;
  const tablesOf = () => (tables ??= new BgbbLikelihoodTables(params, MAX_OPPORTUNITIES));
  const likelihood = (x: number, tx: number, n: number) => tablesOf().logLikelihood(x, tx, n);

  /** ln of the weight of "alive through n" in the likelihood, minus ln L: ln P(alive through n | history). */
  const logAliveThroughN = ({ frequency: x, recency: tx, age: n }: CustomerHistory) => {
    const t = tablesOf();
    return t.logAliveThrough(x, n) - t.logLikelihood(x, tx, n);
  };
  /** ln B(γ, δ+n+1)/B(γ, δ+n) = ln E[1 − θ] given alive through n: surviving one more opportunity. */
  const logNextSurvival = (n: number) => Math.log((delta + n) / (gamma + delta + n));

  // What depends on the opportunities n and the horizon only (not on x or t_x), computed once per (horizon, n): a
  // million customers share at most MAX_OPPORTUNITIES + 1 values of n.
  const byOpportunities = new Map<string, Float64Array>();
  const perOpportunities = (key: string, n: number, compute: (n: number) => number): number => {
    let values = byOpportunities.get(key);
    if (!values) byOpportunities.set(key, (values = new Float64Array(MAX_OPPORTUNITIES + 1).fill(NaN)));
    let value = values[n];
    if (Number.isNaN(value)) value = values[n] = compute(n);
    return value;
  };

  /**
   * For PBUY over n* opportunities, per n (θ ~ Beta(γ, δ+n)): E[θ(1−θ)^j] for j < n*, E[(1−θ)^j] for j ≤ n* and
   * 1/(α+β+n+j); a customer's P(no transaction) is then one pass of multiplications (probabilityOfAnyPurchase).
   */
  const noPurchaseTerms = new Map<number, { death: Float64Array; alive: Float64Array; inverse: Float64Array }[]>();
  const noPurchaseTermsAt = (n: number, horizon: number) => {
    let byN = noPurchaseTerms.get(horizon);
    if (!byN) noPurchaseTerms.set(horizon, (byN = new Array(MAX_OPPORTUNITIES + 1)));
    let terms = byN[n];
    if (!terms) {
      const death = new Float64Array(horizon);
      const alive = new Float64Array(horizon + 1);
      const inverse = new Float64Array(horizon);
      alive[0] = 1;
      for (let j = 0; j < horizon; j++) {
        death[j] = (alive[j] * gamma) / (gamma + delta + n + j);
        alive[j + 1] = (alive[j] * (delta + n + j)) / (gamma + delta + n + j);
        inverse[j] = 1 / (alpha + beta + n + j);
      }
      byN[n] = terms = { death, alive, inverse };
    }
    return terms;
  };

  /**
   * ₂F₁(1, δ+m+1; γ+δ+m+1; 1/(1+d)) for m = 0..MAX_OPPORTUNITIES + MAX_HORIZON_OPPORTUNITIES, one ladder per period
   * rate (HypergeometricLadder: consecutive m share one series).
   */
  const ladders = new Map<number, HypergeometricLadder>();
  const survivalSeries = (periodRate: number, m: number): number => {
    let ladder = ladders.get(periodRate);
    if (!ladder) {
      requireSummableRate(periodRate);
      ladder = new HypergeometricLadder(
        delta + 1,
        gamma + delta + 1,
        1 / (1 + periodRate),
        MAX_OPPORTUNITIES + MAX_HORIZON_OPPORTUNITIES,
      );
      ladders.set(periodRate, ladder);
    }
    return ladder.at(m);
  };

  const probabilityOfPurchases = (x: number, n: number): number => {
    requireOpportunities(x, "purchases");
    requireOpportunities(n, "opportunities");
    if (x > n) return 0;
    const logChoose = (a: number, b: number) => gammaln(a + 1) - gammaln(b + 1) - gammaln(a - b + 1);
    let probability = Math.exp(
      logChoose(n, x) + betaln(alpha + x, beta + n - x) - baseP + betaln(gamma, delta + n) - baseTheta,
    );
    for (let i = x; i < n; i++) {
      probability += Math.exp(
        logChoose(i, x) + betaln(alpha + x, beta + i - x) - baseP + betaln(gamma + 1, delta + i) - baseTheta,
      );
    }
    return probability;
  };

  return {
    discrete: true,
    checkCustomer: (customer, row) => checkBgbbHistory(customer.frequency, customer.recency, customer.age, row),
    /**
     * P(alive at opportunity n + t + 1 | x, t_x, n): alive through n, then t + 1 more survivals, with θ ~ Beta(γ, δ+n)
     * given alive through n (FHS 2010 eq. 11 is t = 0).
     */
    probabilityAliveAt(customer, t) {
      check(customer);
      requireOpportunities(t, "t", MAX_HORIZON_OPPORTUNITIES);
      const later = perOpportunities(
        `alive ${t}`,
        customer.age,
        (n) => betaln(gamma, delta + n + t + 1) - betaln(gamma, delta + n),
      );
      return Math.exp(logAliveThroughN(customer) + later);
    },
    /**
     * P(at least one transaction in opportunities n+1..n+n*): 1 − P(none). Alive through n (posterior p ~
     * Beta(α+x, β+n−x), θ ~ Beta(γ, δ+n)), none happens if the customer dies before opportunity n+j+1 having not
     * transacted at the j opportunities lived, or lives through all n* without transacting:
     * Σ_{j<n*} E[θ(1−θ)^j]·E[(1−p)^j] + E[(1−θ)^n*]·E[(1−p)^n*] (from FHS 2010's individual-level model).
     */
    probabilityOfAnyPurchase(customer, t) {
      check(customer);
      requireOpportunities(t, "opportunities");
      const { frequency: x, age: n } = customer;
      // E[(1−θ)^j]·E[(1−p)^j] = Π_{i<j} (δ+n+i)/(γ+δ+n+i)·(β+n−x+i)/(α+β+n+i), and E[θ(1−θ)^j] is that times
      // γ/(γ+δ+n+j): the θ part is tabulated per n, so a term is two multiplications. The terms left after j add up
      // to at most E[(1−θ)^j(1−p)^j] (the probability of no transaction from j on is at most 1): the sum stops when
      // that is below the last digit of what it has.
      const { death, alive, inverse } = noPurchaseTermsAt(n, t);
      const failures = beta + n - x;
      let noTransaction = 1; // E[(1−p)^j]
      let none = 0;
      let j = 0;
      for (; j < t; j++) {
        none += death[j] * noTransaction;
        noTransaction *= (failures + j) * inverse[j];
        if ((j & 15) === 15 && alive[j + 1] * noTransaction < 1e-17 * none) break;
      }
      if (j >= t) none += alive[t] * noTransaction;
      return Math.exp(logAliveThroughN(customer)) * Math.max(0, 1 - none);
    },
    /**
     * DERT (FHS 2010 eq. 14): Σ_{t≥1} P(transaction at n + t | history)/(1 + d)^t
     * = B(α+x+1, β+n−x)/B(α, β) · B(γ, δ+n+1)/(B(γ, δ)(1+d)) · 2F1(1, δ+n+1; γ+δ+n+1; 1/(1+d)) / L.
     */
    discountedResidualPurchases(customer, periodRate) {
      check(customer);
      if (!(periodRate > 0) || !Number.isFinite(periodRate)) {
        throw valueError("residual.badDiscount", { found: periodRate });
      }
      const { frequency: x, age: n } = customer;
      // B(α+x+1, β+n−x)·B(γ, δ+n+1) = B(α+x, β+n−x)·B(γ, δ+n)·(α+x)/(α+β+n)·(δ+n)/(γ+δ+n); the ₂F₁ depends on n only.
      const logTerm =
        logAliveThroughN(customer) +
        Math.log((alpha + x) / (alpha + beta + n)) +
        logNextSurvival(n) -
        Math.log1p(periodRate);
      return Math.exp(logTerm) * survivalSeries(periodRate, n);
    },
    /**
     * Σ_{t=1..N} P(transaction at n + t | history)/(1 + d)^t, the finite-horizon DERT: with D = δ + n, z = 1/(1 + d)
     * and F(E) = 2F1(1, E+1; γ+E+1; z), Σ_{t≥1} B(γ, E+t) z^t = B(γ, E+1)·z·F(E) (the series of FHS 2010 eq. 14),
     * so the sum to N is that series at E = D minus z^N times it at E = D + N. Up to DIRECT_SURVIVAL_TERMS terms (or
     * without discounting, survivalSum) directly.
     */
    discountedPurchasesWithin(customer, periodRate, periods) {
      check(customer);
      requireOpportunities(periods, "opportunities", MAX_HORIZON_OPPORTUNITIES);
      if (!(periodRate >= 0) || !Number.isFinite(periodRate)) {
        throw valueError("residual.badDiscount", { found: periodRate });
      }
      const { frequency: x, age: n } = customer;
      const lead = Math.exp(logAliveThroughN(customer)) * ((alpha + x) / (alpha + beta + n));
      /** Σ_{t=1..N} E[(1−θ)^t]/(1+d)^t given alive through m (θ ~ Beta(γ, δ+m)): the same for every x and t_x. */
      const discountedSurvival = (m: number): number => {
        const D = delta + m;
        if (periodRate === 0) return survivalSum(gamma, D, periods);
        const z = 1 / (1 + periodRate);
        if (periods <= DIRECT_SURVIVAL_TERMS) {
          let ratio = 1;
          let power = 1;
          let sum = 0;
          for (let t = 1; t <= periods; t++) {
            const d = D + t - 1;
            ratio *= d / (gamma + d);
            power *= z;
            sum += ratio * power;
          }
          return sum;
        }
        // E = D + k: B(γ, E+1)/B(γ, D)·z·₂F₁(1, E+1; γ+E+1; z), the ₂F₁ from the ladder at m + k.
        const series = (k: number) =>
          Math.exp(betaln(gamma, D + k + 1) - betaln(gamma, D)) * z * survivalSeries(periodRate, m + k);
        const tailWeight = Math.exp(periods * Math.log(z));
        return series(0) - (tailWeight > 0 ? tailWeight * series(periods) : 0);
      };
      return lead * perOpportunities(`within ${periodRate} ${periods}`, n, discountedSurvival);
    },
    logLikelihood: (customer) => {
      check(customer);
      return likelihood(customer.frequency, customer.recency, customer.age);
    },
    /** P(alive at opportunity n + 1 | x, t_x, n) (FHS 2010 eq. 11). */
    probabilityAlive(customer) {
      check(customer);
      return Math.exp(logAliveThroughN(customer) + logNextSurvival(customer.age));
    },
    /** E[X(n, n + n*) | x, t_x, n] (FHS 2010 eq. 13), its cost independent of n* (survivalSum). */
    expectedPurchases(customer, t) {
      check(customer);
      requireOpportunities(t, "opportunities", MAX_HORIZON_OPPORTUNITIES);
      const { frequency: x, age: n } = customer;
      const meanP = (alpha + x) / (alpha + beta + n);
      const survived = perOpportunities(`survived ${t}`, n, (m) => survivalSum(gamma, delta + m, t));
      return Math.exp(logAliveThroughN(customer)) * meanP * survived;
    },
    /** E[X(n)] for a customer just acquired (FHS 2010 eq. 8). */
    expectedPurchasesNewCustomer(t) {
      requireOpportunities(t, "opportunities", MAX_HORIZON_OPPORTUNITIES);
      return (alpha / (alpha + beta)) * survivalSum(gamma, delta, t);
    },
    /** P(X(n) = x) for a customer just acquired (FHS 2010 eq. 7). */
    probabilityOfPurchases,
    /** Expected number of customers, out of `customers`, with x transactions in n opportunities (in-sample fit). */
    expectedCustomersWithPurchases(purchases, opportunities, customers) {
      return customers * probabilityOfPurchases(purchases, opportunities);
    },
  };
}
