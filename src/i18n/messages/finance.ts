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
  "finance.forecast.badNewCustomers": "new_customers row {row} must be a number of customers, 0 or more.",
  "finance.forecast.badCac": "cac row {row} must be an acquisition cost per customer, 0 or more.",
  "finance.forecast.tooManyCohorts":
    "{arg} has {found} rows but the schedule has {months} months: give at most one value per month.",
  "finance.forecast.cacWithoutCustomers":
    "cac is given without new_customers: give the customers acquired each month too.",
  "finance.forecast.noCustomers": "No customer could be read: give at least one row of frequency, recency and T.",
  "finance.forecast.header.month": "month",
  "finance.forecast.header.newCustomers": "new customers",
  "finance.forecast.header.purchases": "purchases",
  "finance.forecast.header.revenue": "revenue",
  "finance.forecast.header.margin": "margin",
  "finance.forecast.header.acquisitionCost": "acquisition cost",
  "finance.forecast.header.net": "net margin",
  "finance.forecast.header.discounted": "discounted margin",
  "finance.forecast.header.discountedNet": "discounted net margin",
  "finance.forecast.header.total": "total",
  "finance.forecast.functionName": "CUST.FORECAST",
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
  "finance.forecast.badNewCustomers": "La ligne {row} de new_customers doit être un nombre de clients, 0 ou plus.",
  "finance.forecast.badCac": "La ligne {row} de cac doit être un coût d'acquisition par client, 0 ou plus.",
  "finance.forecast.tooManyCohorts":
    "{arg} a {found} lignes mais la prévision compte {months} mois : donnez au plus une valeur par mois.",
  "finance.forecast.cacWithoutCustomers":
    "cac est donné sans new_customers : donnez aussi les clients acquis chaque mois.",
  "finance.forecast.noCustomers": "Aucun client n'a pu être lu : donnez au moins une ligne de frequency, recency et T.",
  "finance.forecast.header.month": "mois",
  "finance.forecast.header.newCustomers": "nouveaux clients",
  "finance.forecast.header.purchases": "achats",
  "finance.forecast.header.revenue": "chiffre d'affaires",
  "finance.forecast.header.margin": "marge",
  "finance.forecast.header.acquisitionCost": "coût d'acquisition",
  "finance.forecast.header.net": "marge nette",
  "finance.forecast.header.discounted": "marge actualisée",
  "finance.forecast.header.discountedNet": "marge nette actualisée",
  "finance.forecast.header.total": "total",
  "finance.forecast.functionName": "CUST.PREVISION",
};
