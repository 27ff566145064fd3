/** Churn-risk bands of P(alive), shared by the action columns, the Win-back sheet and the Segments sheet. */

/**
 * P(alive) below HIGH is a high churn risk, at or above LOW a low one (the pane and the Segments sheet say so).
 * Round thresholds a marketer can act on, not fitted values: a third of a chance still alive is "likely gone".
 */
export const CHURN_BANDS = { high: 0.3, low: 0.7 } as const;

/** The churn-risk band of a P(alive). */
export const churnBand = (alive: number): "high" | "medium" | "low" =>
  alive < CHURN_BANDS.high ? "high" : alive < CHURN_BANDS.low ? "medium" : "low";
