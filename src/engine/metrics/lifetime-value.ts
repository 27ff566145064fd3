import { numError } from "../errors";

/** The textbook CLV forms a user can pick. */
export const CLV_METHODS = ["simple", "kotler", "blattberg", "ofek", "finite"] as const;
export type ClvMethod = (typeof CLV_METHODS)[number];

/**
 * Simple lifetime value (the brief's bakery example): average basket × purchases per period × periods,
 * times the gross margin when the value should be a profit. 5 × 3 × 52 × 8 = 6,240.
 */
export function simpleLifetimeValue(basket: number, purchasesPerPeriod: number, periods: number, margin = 1): number {
  return basket * purchasesPerPeriod * periods * margin;
}

/**
 * CLV of a margin m earned each period while the customer stays (retention r), discounted at d per period.
 * Fader & Hardie (2012), "Reconciling and clarifying CLV formulas" (note 024):
 * - kotler:    m·r ÷ (1 + d − r)      first margin not counted (Kotler & Keller)
 * - blattberg: m·(1 + d) ÷ (1 + d − r) first margin counted at t = 0 (Blattberg, Malthouse & Neslin)
 * - ofek:      m ÷ (1 + d − r)        (Ofek; Davis)
 * - finite:    Σ_{t=0..T−1} m·rᵗ ÷ (1 + d)ᵗ, i.e. `periods` margins, the first one today ("truncated CLV").
 */
export function retentionLifetimeValue(
  margin: number,
  retention: number,
  discountRate: number,
  method: Exclude<ClvMethod, "simple">,
  periods = 0,
): number {
  if (method === "finite") {
    // The geometric sum in closed form, so its cost does not grow with periods: m·(1 − qᵀ)/(1 − q), q = r/(1 + d).
    const ratio = retention / (1 + discountRate);
    if (periods === 0) return 0;
    if (ratio === 1) return margin * periods;
    return (margin * -Math.expm1(periods * Math.log(ratio))) / (1 - ratio);
  }
  const denominator = 1 + discountRate - retention;
  if (denominator <= 0) {
    throw numError("clv.retentionAboveDiscount", { retention, discount: discountRate });
  }
  switch (method) {
    case "kotler":
      return (margin * retention) / denominator;
    case "blattberg":
      return (margin * (1 + discountRate)) / denominator;
    case "ofek":
      return margin / denominator;
  }
}

/** Customer equity: the value of the customer file, Σ CLV (× number of customers at each value). */
export function customerEquity(lifetimeValues: ArrayLike<number>, customers?: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < lifetimeValues.length; i++) {
    const value = lifetimeValues[i];
    if (Number.isNaN(value)) continue;
    total += value * (customers ? customers[i] : 1);
  }
  return total;
}
