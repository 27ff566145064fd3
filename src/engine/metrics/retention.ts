import { numError, valueError } from "../errors";

/**
 * Retention rate over a period: (customers at the end − customers acquired during it) ÷ customers at the start.
 * New customers are excluded, as the brief and the textbooks define it.
 */
export function retentionRate(customersAtStart: number, customersAtEnd: number, acquired = 0): number {
  if (customersAtStart === 0) throw valueError("clv.noStartCustomers");
  const retained = customersAtEnd - acquired;
  if (retained < 0) throw numError("clv.acquiredExceedsEnd", { acquired, end: customersAtEnd });
  if (retained > customersAtStart) throw numError("clv.retainedExceedsStart", { retained, start: customersAtStart });
  return retained / customersAtStart;
}

/** Retention from two lists of customer IDs: the share of the start list still present in the end list. */
export function retentionFromIds(startIds: Iterable<string>, endIds: Iterable<string>): number {
  const start = new Set(startIds);
  if (start.size === 0) throw valueError("clv.noStartCustomers");
  const end = new Set(endIds);
  let kept = 0;
  for (const id of start) if (end.has(id)) kept++;
  return kept / start.size;
}

/** Churn (attrition) rate: customers lost during the period ÷ customers at its start. */
export function churnRate(customersLost: number, customersAtStart: number): number {
  if (customersAtStart === 0) throw valueError("clv.noStartCustomers");
  if (customersLost > customersAtStart)
    throw numError("clv.lostExceedsStart", { lost: customersLost, start: customersAtStart });
  return customersLost / customersAtStart;
}

/** Expected customer lifetime in periods: 1 ÷ churn (retention 75% → churn 25% → 4 periods). */
export function expectedLifespan(churn: number): number {
  if (churn === 0) throw valueError("clv.zeroChurn");
  return 1 / churn;
}
