/**
 * Custom functions for the textbook customer-value formulas. Each is a thin wrapper: read the Excel
 * arguments, call the engine, let runFunction turn failures into the Excel error the user sees.
 * Every number argument may be a cell or a range; ranges give a spilled range of results.
 */
import {
  customerEquity,
  CLV_METHODS,
  retentionLifetimeValue,
  simpleLifetimeValue,
} from "../engine/metrics/lifetime-value";
import { acquisitionCost, lifetimeValueToCost, paybackMonths } from "../engine/metrics/acquisition";
import { churnRate, expectedLifespan, retentionFromIds, retentionRate } from "../engine/metrics/retention";
import { averageCustomerProfit, visitorValue } from "../engine/metrics/profit";
import { naError, valueError } from "../engine/errors";
import { addressesOf } from "./cell-address";
import { namingCell } from "./cell-messages";
import {
  cellToNumber,
  describeCell,
  errorCellError,
  finite,
  frameNumber,
  isBlank,
  isErrorCell,
  isGiven,
  mapElementwise,
  readChoice,
  rowFrame,
  runFunction,
  toGrid,
} from "./args";

/** CLV's parameters, in order, to read the addresses Excel gives for them. */
const CLV_PARAMETERS = [
  "basket",
  "purchases_per_period",
  "periods",
  "margin",
  "retention",
  "discount_rate",
  "method",
] as const;

/**
 * Customer lifetime value (VVC). Simple: basket × purchases_per_period × periods × margin. With a retention rate r and discount d, from the margin per period m: kotler m·r/(1+d−r), blattberg m(1+d)/(1+d−r), ofek m/(1+d−r), or finite over periods.
 * @customfunction CLV
 * @helpurl https://localhost:3000/functions.html#CLV
 * @requiresParameterAddresses
 * @param basket Average basket (revenue per purchase), e.g. 5. A cell or a range.
 * @param purchases_per_period Purchases per period, e.g. 3 a week, or 156 a year.
 * @param [periods] Number of periods the customer stays (simple and finite methods), e.g. 52 × 8 weeks.
 * @param [margin] Gross margin as a percentage (40% or 0.4). Default 100%: the result is revenue.
 * @param [retention] Retention rate per period (80% or 0.8); blank or 0 means not given. When given, the default method is kotler.
 * @param [discount_rate] Discount rate for one period, the period of the retention rate and margin (annual when they are annual, the usual case: 10% or 0.1). Default 0.
 * @param [method] "simple", "kotler" (first margin not counted), "blattberg" (first margin today), "ofek" or "finite".
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns The lifetime value, one per input row when ranges are given.
 */
export function clv(
  basket: unknown[][],
  purchases_per_period: unknown[][],
  periods?: unknown[][],
  margin?: unknown[][],
  retention?: unknown[][],
  discount_rate?: unknown[][],
  method?: unknown,
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, CLV_PARAMETERS);
  return runFunction(() => {
    // A retention of 0 is read as blank: desktop Excel may pass a blank cell as 0, and 0% retention would make the
    // retention methods pointless. So a blank (or 0) retention never switches the method.
    const hasRetention =
      isGiven(retention) && toGrid(retention).some((row) => row.some((cell) => !isBlank(cell) && cell !== 0));
    const chosen = readChoice(method, "method", CLV_METHODS, hasRetention ? "kotler" : "simple");
    if ((chosen === "simple" || chosen === "finite") && !isGiven(periods)) {
      throw valueError("clv.periodsRequired", { method: chosen });
    }
    if (chosen !== "simple" && !hasRetention) throw valueError("clv.retentionRequired", { method: chosen });
    const usesRetention = chosen !== "simple";
    return mapElementwise(
      [
        { arg: "basket", value: basket },
        { arg: "purchases_per_period", value: purchases_per_period, rule: { nonNegative: true } },
        // The finite method sums whole periods: 2.5 periods is an error, not a silent 3.
        {
          arg: "periods",
          value: chosen === "simple" || chosen === "finite" ? periods : null,
          rule: { nonNegative: true, default: 0, integer: chosen === "finite" },
        },
        { arg: "margin", value: margin, rule: { rate: true, default: 1 } },
        {
          arg: "retention",
          value: usesRetention ? retention : null,
          rule: { rate: true, default: 0 },
          zeroIsBlank: true,
        },
        { arg: "discount_rate", value: discount_rate, rule: { nonNegative: true, default: 0 } },
      ],
      ([b, f, n, m, r, d]) =>
        chosen === "simple" ? simpleLifetimeValue(b, f, n, m) : retentionLifetimeValue(b * f * m, r, d, chosen, n),
      addresses,
    );
  }, addresses);
}

/**
 * Customer acquisition cost (CAC, coût d'acquisition client): (marketing spend + sales spend) ÷ new customers, over the same period.
 * @customfunction CAC
 * @helpurl https://localhost:3000/functions.html#CAC
 * @requiresParameterAddresses
 * @param marketing_spend Marketing spend over the period.
 * @param sales_spend Sales spend over the same period (0 if none).
 * @param new_customers Customers acquired over the period.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns The cost of acquiring one customer.
 */
export function cac(
  marketing_spend: unknown[][],
  sales_spend: unknown[][],
  new_customers: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, ["marketing_spend", "sales_spend", "new_customers"]);
  return runFunction(() =>
    mapElementwise(
      [
        { arg: "marketing_spend", value: marketing_spend, rule: { nonNegative: true } },
        { arg: "sales_spend", value: sales_spend, rule: { nonNegative: true, default: 0 } },
        { arg: "new_customers", value: new_customers, rule: { nonNegative: true } },
      ],
      ([marketing, sales, customers]) => acquisitionCost(marketing, sales, customers),
      addresses,
    ),
  );
}

/**
 * Retention rate (taux de rétention) from counts: (customers at end − acquired) ÷ customers at start. Cells or ranges of counts (one rate per row). For two lists of customer IDs, use CUST.RETENTIONIDS.
 * @customfunction RETENTION
 * @helpurl https://localhost:3000/functions.html#RETENTION
 * @requiresParameterAddresses
 * @param customers_start Number of customers at the start of the period (a cell, or a range: one period per row).
 * @param customers_end Number of customers at the end of the period.
 * @param [acquired] Customers acquired during the period. Default 0.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns The retention rate, between 0 and 1 (format the cell as a percentage), one per row.
 */
export function retention(
  customers_start: unknown[][],
  customers_end: unknown[][],
  acquired?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, ["customers_start", "customers_end", "acquired"]);
  return runFunction(() => {
    const counts = [
      { arg: "customers_start", value: customers_start },
      { arg: "customers_end", value: customers_end },
    ];
    const isText = (cell: unknown) =>
      typeof cell === "string" && cell.trim() !== "" && Number.isNaN(cellToNumber(cell));
    for (const { arg, value } of counts) {
      const grid = toGrid(value ?? null);
      const row = grid.findIndex((cells) => cells.some(isText));
      if (row < 0) continue;
      const column = grid[row].findIndex(isText);
      const found = describeCell(grid[row][column]);
      throw grid.length === 1 && grid[0].length === 1
        ? valueError("clv.countIsText", { arg, found })
        : valueError("clv.countIsTextAt", { arg, found, row: row + 1, column: column + 1 });
    }
    return mapElementwise(
      [
        { arg: "customers_start", value: customers_start, rule: { nonNegative: true } },
        { arg: "customers_end", value: customers_end, rule: { nonNegative: true } },
        { arg: "acquired", value: acquired, rule: { nonNegative: true, default: 0 } },
      ],
      ([start, end, added]) => retentionRate(start, end, added),
      addresses,
    );
  }, addresses);
}

/**
 * Retention from two lists of customer IDs: the share of the customers at the start still present at the end. Blank cells are skipped, an ID listed twice counts once.
 * @customfunction RETENTIONIDS
 * @helpurl https://localhost:3000/functions.html#RETENTIONIDS
 * @requiresParameterAddresses
 * @param ids_start The customer IDs at the start of the period (a range).
 * @param ids_end The customer IDs at the end of the period (a range).
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns The retention rate, between 0 and 1 (a single cell: a function that asks for its arguments' addresses returns a range, here of one cell).
 */
export function retentionids(
  ids_start: unknown[][],
  ids_end: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, ["ids_start", "ids_end"]);
  return runFunction(() => {
    const start = readIds(ids_start, "ids_start");
    if (start.length === 0) throw naError("clv.noStartIds", { arg: "ids_start" });
    return [[retentionFromIds(start, readIds(ids_end, "ids_end"))]];
  }, addresses);
}

/** Every non-blank cell of a range, row by row, as an ID; an error cell names its row. */
function readIds(value: unknown, arg: string): string[] {
  const grid = toGrid(value ?? null);
  const ids: string[] = [];
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (isBlank(cell)) return;
      if (isErrorCell(cell)) throw errorCellError(arg, cell, r + 1, c + 1);
      ids.push(String(cell).trim());
    }),
  );
  return ids;
}

/**
 * Churn rate (attrition): customers lost during the period ÷ customers at its start.
 * @customfunction CHURN
 * @helpurl https://localhost:3000/functions.html#CHURN
 * @requiresParameterAddresses
 * @param customers_lost Customers lost during the period.
 * @param customers_start Customers at the start of the period.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns The churn rate, between 0 and 1.
 */
export function churn(
  customers_lost: unknown[][],
  customers_start: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, ["customers_lost", "customers_start"]);
  return runFunction(() =>
    mapElementwise(
      [
        { arg: "customers_lost", value: customers_lost, rule: { nonNegative: true } },
        { arg: "customers_start", value: customers_start, rule: { nonNegative: true } },
      ],
      ([lost, start]) => churnRate(lost, start),
      addresses,
    ),
  );
}

/**
 * Expected customer lifespan in periods (durée de vie): 1 ÷ churn rate. Retention 75% means churn 25% and a lifespan of 4 periods.
 * @customfunction LIFESPAN
 * @helpurl https://localhost:3000/functions.html#LIFESPAN
 * @requiresParameterAddresses
 * @param churn_rate Churn rate per period (25% or 0.25), i.e. 1 − retention.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns The expected number of periods a customer stays.
 */
export function lifespan(churn_rate: unknown[][], invocation?: CustomFunctions.Invocation): unknown[][] {
  const addresses = addressesOf(invocation, ["churn_rate"]);
  return runFunction(() =>
    mapElementwise(
      [{ arg: "churn_rate", value: churn_rate, rule: { rate: true } }],
      ([rate]) => expectedLifespan(rate),
      addresses,
    ),
  );
}

/**
 * LTV:CAC ratio: lifetime value ÷ acquisition cost. 3 or more is the usual rule of thumb.
 * @customfunction LTVCAC
 * @helpurl https://localhost:3000/functions.html#LTVCAC
 * @requiresParameterAddresses
 * @param ltv Customer lifetime value.
 * @param cac Customer acquisition cost.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns How many times the customer pays back what it cost to acquire.
 */
export function ltvcac(ltv: unknown[][], cac: unknown[][], invocation?: CustomFunctions.Invocation): unknown[][] {
  const addresses = addressesOf(invocation, ["ltv", "cac"]);
  return runFunction(() =>
    mapElementwise(
      [
        { arg: "ltv", value: ltv },
        { arg: "cac", value: cac, rule: { nonNegative: true } },
      ],
      ([value, cost]) => lifetimeValueToCost(value, cost),
      addresses,
    ),
  );
}

/**
 * CAC payback in months: CAC ÷ (monthly revenue per customer × gross margin). Under 12 months is the usual target.
 * @customfunction PAYBACK
 * @helpurl https://localhost:3000/functions.html#PAYBACK
 * @requiresParameterAddresses
 * @param cac Customer acquisition cost.
 * @param monthly_revenue Average monthly revenue per customer.
 * @param [gross_margin] Gross margin (60% or 0.6). Default 100%.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns Months needed to earn back the acquisition cost.
 */
export function payback(
  cac: unknown[][],
  monthly_revenue: unknown[][],
  gross_margin?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, ["cac", "monthly_revenue", "gross_margin"]);
  return runFunction(() =>
    mapElementwise(
      [
        { arg: "cac", value: cac, rule: { nonNegative: true } },
        { arg: "monthly_revenue", value: monthly_revenue, rule: { nonNegative: true } },
        { arg: "gross_margin", value: gross_margin, rule: { rate: true, default: 1 } },
      ],
      ([cost, revenue, marginRate]) => paybackMonths(cost, revenue, marginRate),
      addresses,
    ),
  );
}

/**
 * Average customer profit over N years (profit moyen client, PMC): purchases a year × profit per purchase + profit per purchase × retention × (N − 1). 2 × 400 + 400 × (75% × 2) = 1,400.
 * @customfunction PMC
 * @helpurl https://localhost:3000/functions.html#PMC
 * @requiresParameterAddresses
 * @param purchases_per_year Purchases a customer makes in a year.
 * @param profit_per_purchase Profit on each purchase.
 * @param retention Yearly retention rate (75% or 0.75).
 * @param years Number of years N.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns The average profit of a customer over the N years.
 */
export function pmc(
  purchases_per_year: unknown[][],
  profit_per_purchase: unknown[][],
  retention: unknown[][],
  years: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, ["purchases_per_year", "profit_per_purchase", "retention", "years"]);
  return runFunction(() =>
    mapElementwise(
      [
        { arg: "purchases_per_year", value: purchases_per_year, rule: { nonNegative: true } },
        { arg: "profit_per_purchase", value: profit_per_purchase },
        { arg: "retention", value: retention, rule: { rate: true } },
        { arg: "years", value: years, rule: { min: 1 } },
      ],
      ([purchases, profit, rate, n]) => averageCustomerProfit(purchases, profit, rate, n),
      addresses,
    ),
  );
}

/**
 * Value of a visitor, the most to pay per click: customer profit × conversion rate. 1,400 × 1.2% = 16.80.
 * @customfunction VISITORVALUE
 * @helpurl https://localhost:3000/functions.html#VISITORVALUE
 * @requiresParameterAddresses
 * @param customer_profit Profit from a customer (for example CUST.PMC or CUST.CLV).
 * @param conversion_rate Share of visitors who become customers (1.2% or 0.012).
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns The value of one visitor, i.e. the maximum cost per click.
 */
export function visitorvalue(
  customer_profit: unknown[][],
  conversion_rate: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, ["customer_profit", "conversion_rate"]);
  return runFunction(() =>
    mapElementwise(
      [
        { arg: "customer_profit", value: customer_profit },
        { arg: "conversion_rate", value: conversion_rate, rule: { rate: true } },
      ],
      ([profit, rate]) => visitorValue(profit, rate),
      addresses,
    ),
  );
}

/**
 * Customer equity: the sum of customers' lifetime values, i.e. the value of the customer file. Blank cells are skipped.
 * @customfunction EQUITY
 * @helpurl https://localhost:3000/functions.html#EQUITY
 * @requiresParameterAddresses
 * @param lifetime_values A column of customer lifetime values (or of segment CLVs).
 * @param [customers] Optional column with the number of customers at each value (for a segment table).
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns The total value of the customer base (a single cell: a function that asks for its arguments' addresses returns a range, here of one cell).
 */
export function equity(
  lifetime_values: unknown[][],
  customers?: unknown[][],
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, ["lifetime_values", "customers"]);
  return runFunction(() => {
    const inputs = [
      { arg: "lifetime_values", value: lifetime_values },
      { arg: "customers", value: isGiven(customers) ? customers : null, rule: { nonNegative: true, default: 1 } },
    ];
    const frame = rowFrame(inputs);
    const values: number[] = [];
    const counts: number[] = [];
    for (let r = 0; r < frame.rows; r++) {
      for (let c = 0; c < frame.cols; c++) {
        // A row blank in every range is skipped; a blank in one of them is an error naming the row.
        if (!frame.single && frame.rowIsBlank(r, c)) continue;
        try {
          values.push(frameNumber(frame, inputs[0], 0, r, c));
          counts.push(frameNumber(frame, inputs[1], 1, r, c));
        } catch (error) {
          throw namingCell(error, addresses, c);
        }
      }
    }
    if (values.length === 0) throw naError("args.allBlank", { args: "lifetime_values" });
    return [[finite(customerEquity(values, counts))]];
  }, addresses);
}
