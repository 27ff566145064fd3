/**
 * MBG/NBD (Batislam, Denizel & Filiztekin 2007): BG/NBD in which a customer may also leave right after the
 * first purchase, so one-time buyers are not all assumed alive.
 */
import betaln from "@stdlib/math-base-special-betaln";
import gammaln from "@stdlib/math-base-special-gammaln";
import { alivePurchases } from "./alive-purchases";
import { BgnbdParameters, fitBgnbd, logAddExp, probabilityOfPurchaseWhileAlive, shrunkHypergeometric } from "./bgnbd";
import { nbdLogPmf } from "./nbd";
import { nbdTail } from "./nbd-tail";
import { dertByIntegration } from "./residual";
import { CustomerHistory, FitColumns, FitOptions, FittedModel, Parameters, PurchasePredictor } from "./types";

/** One customer's log-likelihood (Batislam et al. 2007, eq. 4). */
export function mbgnbdLogLikelihood(
  { r, alpha, a, b }: BgnbdParameters,
  { frequency: x, recency, age }: CustomerHistory,
): number {
  const a1 = gammaln(r + x) - gammaln(r) + r * Math.log(alpha);
  const a2 = betaln(a, b + x + 1) - betaln(a, b);
  const a3 = -(r + x) * Math.log(alpha + age);
  const a4 = Math.log(a) - Math.log(b + x) - (r + x) * Math.log(alpha + recency);
  return a1 + a2 + logAddExp(a3, a4);
}

export function fitMbgnbd(columns: FitColumns, options: FitOptions = {}): FittedModel {
  return fitBgnbd(columns, options, true);
}

export function mbgnbdPredictor(params: Parameters): PurchasePredictor {
  const { r, alpha, a, b } = params;
  const probabilityAlive = ({ frequency: x, recency, age }: CustomerHistory) => {
    const logRatio = (r + x) * (Math.log(alpha + age) - Math.log(alpha + recency));
    return 1 / (1 + Math.exp(Math.log(a) - Math.log(b + x) + logRatio));
  };
  const predictor: PurchasePredictor = {
    probabilityAlive,
    smoothInAge: true,
    probabilityOfAnyPurchase: (customer, t) =>
      probabilityAlive(customer) * probabilityOfPurchaseWhileAlive(r, alpha, customer, t),
    /** As BG/NBD's, with p ~ Beta(a, b+x+1) given alive at T (the customer also survived the drop at time 0). */
    probabilityAliveAt(customer, t) {
      const { frequency: x, age } = customer;
      const now = probabilityAlive(customer);
      return t === 0 ? now : now * shrunkHypergeometric(r + x, b + x + 1, a + b + x + 1, alpha + age, t);
    },
    /** DERT = ∫ e^(−δt) dE[Y(t) | x, t_x, T] (FHL 2005 "RFM and CLV" eq. 1), by quadrature of eq. 6. */
    discountedResidualPurchases: (customer, periodRate) =>
      dertByIntegration((t) => predictor.expectedPurchases(customer, t), periodRate),
    logLikelihood: (customer) => mbgnbdLogLikelihood({ r, alpha, a, b }, customer),
    // Batislam et al. 2007, eq. 6
    expectedPurchases(customer, t) {
      if (t === 0) return 0;
      const { frequency: x, age } = customer;
      return alivePurchases(r + x, a, b + x + 1, t / (alpha + age)) * probabilityAlive(customer);
    },
    /**
     * E[Y(t) | x, T, alive] (eq. 6 without P(alive)): for the CLV column, where P(alive) of the representative history
     * underflows (x = 0 with r in the thousands and α tiny: each customer was valued alone, 120 months each).
     */
    expectedPurchasesIfAlive: (x, age, t) => (t === 0 ? 0 : alivePurchases(r + x, a, b + x + 1, t / (alpha + age))),
    /**
     * E[(1−p)/p (1 − e^(−λpt))] over the mixing laws: the customer first survives the drop at time 0 (probability
     * b/(a+b), after which p ~ Beta(a, b+1)). Batislam et al. (2007) and lifetimes print (b+1)/(a−1) in front of
     * the 2F1 bracket; b/(a−1) (= b/(a+b) × (a+b)/(a−1), the closed form of alivePurchases) is what agrees with this
     * model's own likelihood, its pmf (Σ n P(X(t)=n)) and simulation (see mbgnbd.test.ts).
     */
    expectedPurchasesNewCustomer(t) {
      if (t === 0) return 0;
      return (b / (a + b)) * alivePurchases(r, a, b + 1, t / alpha);
    },
    /**
     * Mixing the individual pmf (1−p)^(n+1) Pois(n) + (1−p)^n p P(N ≥ n) [+ p when n = 0] over
     * p ~ Beta(a, b) and λ ~ Gamma(r, α), as FHL 2005 eq. 8 does for BG/NBD.
     */
    probabilityOfPurchases(n, t) {
      const lbeta = betaln(a, b);
      const stay = Math.exp(betaln(a, b + n + 1) - lbeta + nbdLogPmf(n, r, alpha, t));
      if (n === 0) return stay + a / (a + b);
      // P(N(t) ≥ n) by the incomplete beta function (nbd-tail.ts): its cost does not grow with n.
      return stay + Math.exp(betaln(a + 1, b + n) - lbeta) * nbdTail(n, r, alpha, t);
    },
  };
  return predictor;
}
