/**
 * Worked examples of the finance functions (CUST.COHORT, CUST.FORECAST, CUST.PCLVRANGE), kept apart from
 * examples.ts so the areas do not edit one list; FUNCTION_EXAMPLES includes them.
 */
import type { FunctionExample } from "./examples";

const LOG_IDS = [["A"], ["A"], ["B"], ["C"], ["C"]];
const LOG_DATES = [[45296], [45332], [45311], [45325], [45366]];
const LOG_AMOUNTS = [[20], [30], [15], [25], [10]];
const LOG_NOTE = {
  en: "Five orders (ids in A, Excel dates in B, amounts in C): A buys on 5 January 2024 (20) and 10 February (30), B on 20 January (15), C on 3 February (25) and 15 March (10).",
  fr: "Cinq commandes (identifiants en A, dates Excel en B, montants en C) : A achète le 5 janvier 2024 (20) et le 10 février (30), B le 20 janvier (15), C le 3 février (25) et le 15 mars (10).",
};

export const FINANCE_EXAMPLES: readonly FunctionExample[] = [
  {
    id: "cohort-active",
    formula: "=CUST.COHORT(A2:A6, B2:B6, C2:C6)",
    args: [LOG_IDS, LOG_DATES, LOG_AMOUNTS],
    expected: [
      ["cohort", "customers acquired", "periods observed", 0, 1, 2],
      ["2024-01", 2, 3, 2, 1, 0],
      ["2024-02", 1, 2, 1, 1, ""],
    ],
    expectedFr: [
      ["cohorte", "clients acquis", "périodes observées", 0, 1, 2],
      ["2024-01", 2, 3, 2, 1, 0],
      ["2024-02", 1, 2, 1, 1, ""],
    ],
    note: {
      en: `${LOG_NOTE.en} January's cohort (A, B) has 2 active customers in its first month, 1 (A) in February and none in March; February's cohort (C) is active in both its months.`,
      fr: `${LOG_NOTE.fr} La cohorte de janvier (A, B) a 2 clients actifs son premier mois, 1 (A) en février et aucun en mars ; celle de février (C) est active ses deux mois.`,
    },
  },
  {
    id: "cohort-cumulative",
    formula: '=CUST.COHORT(A2:A6, B2:B6, C2:C6, "month", "cumulative")',
    args: [LOG_IDS, LOG_DATES, LOG_AMOUNTS, "month", "cumulative"],
    expected: [
      ["cohort", "customers acquired", "periods observed", 0, 1, 2],
      ["2024-01", 2, 3, 17.5, 32.5, 32.5],
      ["2024-02", 1, 2, 25, 35, ""],
    ],
    expectedFr: [
      ["cohorte", "clients acquis", "périodes observées", 0, 1, 2],
      ["2024-01", 2, 3, 17.5, 32.5, 32.5],
      ["2024-02", 1, 2, 25, 35, ""],
    ],
    note: {
      en: "The same log: cumulative revenue per acquired customer. January's cohort spent 20 + 15 in its first month (17.5 per customer), then 30 more (65 ÷ 2 = 32.5).",
      fr: "Le même journal : chiffre d'affaires cumulé par client acquis. La cohorte de janvier a dépensé 20 + 15 le premier mois (17,5 par client), puis 30 de plus (65 ÷ 2 = 32,5).",
    },
  },
  {
    id: "cohort-error-period",
    formula: '=CUST.COHORT(A2:A6, B2:B6, C2:C6, "week")',
    args: [LOG_IDS, LOG_DATES, LOG_AMOUNTS, "week"],
    expected: { error: "#VALUE!" },
    note: {
      en: 'Cohorts are by "month", "quarter" or "year".',
      fr: 'Les cohortes sont par mois ("month"), trimestre ("quarter") ou année ("year").',
    },
  },
];
