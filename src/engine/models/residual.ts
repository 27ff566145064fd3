/**
 * Discounted expected residual transactions (DERT) for the continuous-time purchase models, from the model's
 * own conditional expectation: DERT = ∫₀^∞ e^(−δt) dE[Y(t) | x, t_x, T] (Fader, Hardie & Lee 2005, "RFM and CLV",
 * eq. 1), which integration by parts turns into δ ∫₀^∞ e^(−δt) E[Y(t)] dt = ∫₀^∞ e^(−u) E[Y(u/δ)] du.
 */
import { valueError } from "../errors";
import { integrate } from "../optim/quadrature";

/** Beyond u = 60 the weight e^(−u) is below 1e-26 of the whole: the tail cannot change a result to 1e-12. */
const LAST_U = 60;

/** δ, the force of interest per period, for a discount rate of `periodRate` per period: e^(−δ) = 1/(1 + rate). */
export function forceOfInterest(periodRate: number): number {
  if (!(periodRate > 0) || !Number.isFinite(periodRate)) {
    throw valueError("residual.badDiscount", { found: periodRate });
  }
  return Math.log1p(periodRate);
}

/**
 * DERT by adaptive Gauss–Kronrod on ∫₀^60 e^(−u) E[Y(u/δ)] du. The integrand is smooth and bounded by
 * e^(−u)·E[Y(u/δ)], so the cost per customer is bounded (the integrator stops at 2,000 subintervals).
 */
export function dertByIntegration(expectedPurchases: (t: number) => number, periodRate: number): number {
  const delta = forceOfInterest(periodRate);
  return integrate((u) => Math.exp(-u) * expectedPurchases(u / delta), 0, LAST_U, 1e-10);
}
