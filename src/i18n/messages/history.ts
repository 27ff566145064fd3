/**
 * Messages about a customer's purchase history (frequency, recency, T) given to the prediction functions.
 * Keys start with "history.". French must have exactly the same keys.
 */
export const en = {
  "history.recencyAfterAge":
    "recency cannot exceed T (the customer's age): recency is {recency} and T is {age}. Check that both use the same time unit.",
  "history.recencyAfterAgeAt":
    "recency cannot exceed T (the customer's age): row {row} has recency {recency} and T {age}. Check that both use the same time unit.",
  "history.recencyWithoutPurchase":
    "recency must be 0 when frequency is 0 (no repeat purchase, so no time between first and last), but it is {found}.",
  "history.recencyWithoutPurchaseAt":
    "recency must be 0 when frequency is 0 (no repeat purchase, so no time between first and last), but row {row} holds {found}.",
  "history.incomplete":
    "{missing} is left out while {given} is given: give frequency, recency and T together, or none of them for a customer just acquired.",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "history.recencyAfterAge":
    "recency ne peut pas dépasser T (l'ancienneté du client) : recency vaut {recency} et T {age}. Vérifiez que les deux sont dans la même unité de temps.",
  "history.recencyAfterAgeAt":
    "recency ne peut pas dépasser T (l'ancienneté du client) : la ligne {row} a recency {recency} et T {age}. Vérifiez que les deux sont dans la même unité de temps.",
  "history.recencyWithoutPurchase":
    "recency doit valoir 0 quand frequency vaut 0 (aucun réachat, donc aucun temps entre le premier et le dernier achat), mais vaut {found}.",
  "history.recencyWithoutPurchaseAt":
    "recency doit valoir 0 quand frequency vaut 0 (aucun réachat, donc aucun temps entre le premier et le dernier achat), mais la ligne {row} contient {found}.",
  "history.incomplete":
    "{missing} est omis alors que {given} est donné : donnez frequency, recency et T ensemble, ou aucun des trois pour un client qui vient d'être acquis.",
};
