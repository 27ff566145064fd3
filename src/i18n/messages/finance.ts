/**
 * Messages of the finance area: CUST.COHORT (acquisition-cohort triangles), CUST.FORECAST (the monthly schedule of
 * the customer base) and the low / likely / high ranges. French must have exactly the same keys.
 */
export const en = {
  "finance.cohort.tooManyPeriods":
    "The log spans {found} {period}s, more than the {max} a cohort table may have: use a longer period (quarter or year).",
  "finance.cohort.badProjection": "projection_periods must be a whole number from 0 to {max} (it is {found}).",
  "finance.cohort.cannotProject":
    "No cohort has lost a customer over two observed periods yet, so there is no retention to project: leave projection_periods blank.",
  "finance.cohort.header.cohort": "cohort",
  "finance.cohort.header.customers": "customers acquired",
  "finance.cohort.header.observed": "periods observed",
  "finance.cohort.quarterLabel": "{year}-Q{quarter}",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "finance.cohort.tooManyPeriods":
    "Le journal couvre {found} périodes ({period}), plus que les {max} qu'une table de cohortes peut avoir : prenez une période plus longue (quarter ou year).",
  "finance.cohort.badProjection": "projection_periods doit être un nombre entier de 0 à {max} (il vaut {found}).",
  "finance.cohort.cannotProject":
    "Aucune cohorte n'a encore perdu de client sur deux périodes observées : il n'y a pas de rétention à projeter ; laissez projection_periods vide.",
  "finance.cohort.header.cohort": "cohorte",
  "finance.cohort.header.customers": "clients acquis",
  "finance.cohort.header.observed": "périodes observées",
  "finance.cohort.quarterLabel": "{year}-T{quarter}",
};
