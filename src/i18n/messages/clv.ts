/**
 * Messages of the textbook customer-value formulas (CLV, CAC, retention, churn, lifespan, payback).
 * Keys start with "clv.". French must have exactly the same keys.
 */
export const en = {
  "clv.retentionAboveDiscount":
    "Retention {retention} is not below 1 + discount rate {discount}: the customer would never leave and the value would be infinite. Lower the retention or use the finite method.",
  "clv.noNewCustomers":
    "new_customers is zero, so the acquisition cost would divide by zero. Count at least one acquired customer.",
  "clv.noMonthlyProfit":
    "monthly_revenue × gross_margin is zero, so the payback would never happen (division by zero).",
  "clv.noStartCustomers": "There are no customers at the start of the period (zero), so the rate would divide by zero.",
  "clv.acquiredExceedsEnd": "{acquired} customers acquired is more than the {end} customers at the end of the period.",
  "clv.retainedExceedsStart":
    "{retained} customers retained (end − acquired) is more than the {start} at the start: check the acquired count.",
  "clv.lostExceedsStart": "{lost} customers lost is more than the {start} at the start of the period.",
  "clv.zeroChurn":
    "churn_rate is zero: no customer ever leaves, so the lifespan is infinite. Give a churn rate above 0%.",
  "clv.periodsRequired": "The {method} method needs periods (the horizon in periods).",
  "clv.retentionRequired":
    "The {method} method needs a retention rate above 0 (a blank or 0 retention counts as not given).",
  "clv.countIsText":
    "{arg} must be a number of customers, but it holds {found}. To compare two lists of customer IDs, use CUST.RETENTIONIDS.",
  "clv.countIsTextAt":
    "{arg} must hold numbers of customers, but row {row} holds {found}. To compare two lists of customer IDs, use CUST.RETENTIONIDS.",
  "clv.noStartIds": "{arg} holds no customer ID: there is no one whose retention to measure.",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "clv.retentionAboveDiscount":
    "La rétention {retention} n'est pas inférieure à 1 + le taux d'actualisation {discount} : le client ne partirait jamais et la valeur serait infinie. Baissez la rétention ou utilisez la méthode finite.",
  "clv.noNewCustomers":
    "new_customers vaut zéro : le coût d'acquisition diviserait par zéro. Comptez au moins un client acquis.",
  "clv.noMonthlyProfit":
    "monthly_revenue × gross_margin vaut zéro : le coût ne serait jamais amorti (division par zéro).",
  "clv.noStartCustomers": "Il n'y a aucun client au début de la période (zéro) : le taux diviserait par zéro.",
  "clv.acquiredExceedsEnd": "{acquired} clients acquis, c'est plus que les {end} clients en fin de période.",
  "clv.retainedExceedsStart":
    "{retained} clients conservés (fin − acquis), c'est plus que les {start} du début : vérifiez le nombre de clients acquis.",
  "clv.lostExceedsStart": "{lost} clients perdus, c'est plus que les {start} du début de la période.",
  "clv.zeroChurn":
    "churn_rate vaut zéro : aucun client ne part, la durée de vie serait infinie. Donnez un taux d'attrition supérieur à 0 %.",
  "clv.periodsRequired": "La méthode {method} a besoin de periods (l'horizon en périodes).",
  "clv.retentionRequired":
    "La méthode {method} a besoin d'un taux de rétention supérieur à 0 (une rétention vide ou nulle compte comme non donnée).",
  "clv.countIsText":
    "{arg} doit être un nombre de clients, mais contient {found}. Pour comparer deux listes d'identifiants clients, utilisez CUST.RETENTIONIDS.",
  "clv.countIsTextAt":
    "{arg} doit contenir des nombres de clients, mais la ligne {row} contient {found}. Pour comparer deux listes d'identifiants clients, utilisez CUST.RETENTIONIDS.",
  "clv.noStartIds": "{arg} ne contient aucun identifiant client : il n'y a personne dont mesurer la rétention.",
};
