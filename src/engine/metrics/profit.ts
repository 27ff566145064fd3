/**
 * Average customer profit over N years (the brief's "PMC"): purchases a year × profit per purchase
 * + profit per purchase × retention × (N − 1). 2 × 400 + 400 × (75% × 2) = 1,400.
 */
export function averageCustomerProfit(
  purchasesPerYear: number,
  profitPerPurchase: number,
  retention: number,
  years: number,
): number {
  return purchasesPerYear * profitPerPurchase + profitPerPurchase * (retention * (years - 1));
}

/** Value of a visitor, i.e. the most one should pay per click: customer profit × conversion rate. */
export function visitorValue(customerProfit: number, conversionRate: number): number {
  return customerProfit * conversionRate;
}
