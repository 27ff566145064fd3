import { valueError } from "../errors";

/** Customer acquisition cost: (marketing spend + sales spend over a period) ÷ customers acquired in it. */
export function acquisitionCost(marketingSpend: number, salesSpend: number, newCustomers: number): number {
  if (newCustomers === 0) throw valueError("clv.noNewCustomers");
  return (marketingSpend + salesSpend) / newCustomers;
}

/** LTV:CAC ratio; 3 or more is the usual rule of thumb for a healthy acquisition channel. */
export function lifetimeValueToCost(lifetimeValue: number, acquisitionCostValue: number): number {
  if (acquisitionCostValue === 0) throw valueError("args.zero", { arg: "cac" });
  return lifetimeValue / acquisitionCostValue;
}

/** CAC payback in months: CAC ÷ (monthly revenue per customer × gross margin). Under 12 is the usual target. */
export function paybackMonths(acquisitionCostValue: number, monthlyRevenue: number, grossMargin = 1): number {
  const monthlyProfit = monthlyRevenue * grossMargin;
  if (monthlyProfit === 0) throw valueError("clv.noMonthlyProfit");
  return acquisitionCostValue / monthlyProfit;
}
