/**
 * Per-row messages that name the cell ("Sheet1!D7") instead of the row within the range, for the functions Excel
 * gives their arguments' addresses (@requiresParameterAddresses, CustomFunctionsRuntime 1.5). Each mirrors a
 * per-row message of another area (CELL_VARIANTS in src/functions/cell-messages.ts says which), with {cell} in place of
 * the row. French must have exactly the same keys.
 */
export const en = {
  "cells.notNumber": "{arg} must hold numbers, but {cell} holds {found}.",
  "cells.error": "{arg} holds the error {code} in {cell}; fix that cell first.",
  "cells.blank": "{arg} is blank in {cell}, where other arguments have values: fill that cell, or clear the row.",
  "cells.notInteger": "{arg} must hold whole numbers, but {cell} holds {found}.",
  "cells.negative": "{arg} cannot be negative, but {cell} holds {found}.",
  "cells.notPositive": "{arg} must be greater than zero, but {cell} holds {found}.",
  "cells.notFinite": "{arg} must hold finite numbers ({cell}).",
  "cells.tooLarge": "{arg} must be at most {max}, but {cell} holds {found}.",
  "cells.tooSmall": "{arg} must be at least {min}, but {cell} holds {found}.",
  "cells.rateOver100":
    "{arg} is a rate: type it as a percentage or a fraction (75% or 0.75), at most 100%. {cell} holds {found}.",
  "cells.recencyAfterAge":
    "recency cannot exceed T (the customer's age): {cell} has recency {recency} and T {age}. Check that both use the same time unit.",
  "cells.recencyWithoutPurchase":
    "recency must be 0 when frequency is 0 (no repeat purchase, so no time between first and last), but {cell} holds {found}.",
  "cells.covariateNotNumber":
    "{arg} must hold numbers (code categories as 0/1 columns, e.g. Channel = 1 for offline): {cell} (column {name}) holds {found}.",
  "cells.frequencyNotInteger": "frequency counts repeat purchases, so it must be a whole number: {cell} holds {found}.",
  "cells.frequencyNegative": "frequency cannot be negative: {cell} holds {found}.",
  "cells.recencyNegative": "recency cannot be negative: {cell} holds {found}.",
  "cells.recencyGreaterThanAge":
    "recency cannot be greater than T (the customer's age): {cell} has recency {found} and T {age}.",
  "cells.recencyWithoutRepeat":
    "A customer with no repeat purchase has recency 0: {cell} holds recency {found} where frequency is 0.",
  "cells.ageNegative": "T (time since the first purchase) cannot be negative: {cell} holds {found}.",
  "cells.weightNegative": "weights count customers, so they cannot be negative: {cell} holds {found}.",
  "cells.holdoutNegative": "Holdout purchases cannot be negative: {cell} holds {found}.",
  "cells.trackingBadAge": "T must be a number 0 or more: {cell} holds {found}.",
  "cells.trackingBadWeight": "weights count customers, so they must be 0 or more: {cell} holds {found}.",
  "cells.trackingNotWholeAge": "For BG/BB, T counts opportunities, so it must be a whole number: {cell} holds {found}.",
  "cells.breaksNotAscending":
    "The {measure} breaks must rise from one row to the next, but {cell} ({found}) is not above the cell before it.",
  "cells.breaksPartlyBlank":
    "The {measure} breaks column is partly blank ({cell}): fill every row, or leave the whole column blank to use the computed cut points.",
  "cells.scoreOutOfRange":
    "{arg} holds {found} in {cell}, but the segment map needs whole scores from 1 to 5: score with CUST.RFM and 5 bins (quintiles).",
  "cells.blankId": "customer_ids is blank in {cell}: every transaction needs a customer id.",
  "cells.blankDate": "dates is blank in {cell}: every transaction needs a date.",
  "cells.dateText":
    'dates holds the text "{found}" in {cell}: dates must be Excel dates (serial numbers); convert the column with DATEVALUE or Data > Text to Columns.',
  "cells.dateOutOfRange":
    "dates holds {found} in {cell}, which is not an Excel date (1 to 2,958,465, up to 31/12/9999); a number such as 20240105 must be converted with DATE().",
  "cells.blankAmount": "amounts is blank in {cell}: type 0 for a purchase with no amount.",
  "cells.notFiniteAmount": "amounts is not a finite number in {cell}.",
  "cells.ggNonPositiveSpend":
    "Customers with repeat purchases but a zero or negative average spend: {count} (first: {cell}). The Gamma-Gamma model needs positive spends: leave refunds and free orders out of the averages, or leave those customers out of the fit.",
  "cells.ggSpendNotPositive":
    "monetary must be greater than zero for a customer with repeat purchases, but {cell} holds {found}; net refunds into the purchases before averaging.",
  "cells.notCount": "{arg} must be a whole number of opportunities, 0 or more, but {cell} holds {found}.",
  "cells.badWeight": "weights must be counts of customers, 0 or more, but {cell} holds {found}.",
  "cells.blankValue": "{arg} is blank in {cell}: fill it in, or remove the row.",
  "cells.recencyAfterPeriods":
    "recency cannot be after the last opportunity: {cell} holds recency {recency} but T is {periods}.",
  "cells.frequencyAboveRecency":
    "frequency cannot exceed recency (one transaction per opportunity at most): {cell} holds frequency {frequency} and recency is {recency}.",
  "cells.recencyWithoutTransaction":
    "recency must be 0 for a customer without repeat transactions, but {cell} holds recency {recency} where frequency is 0.",
  "cells.survivorsNegative": "survivors cannot be negative, but {cell} holds {found}.",
  "cells.survivorsIncreasing":
    "survivors can only go down over time, but {cell} holds {found}, more than the {previous} before it. Give one cohort, oldest period first.",
  "cells.spendMissing": "{cell} has no spend per purchase: fill it in, or leave the whole row blank.",
  "cells.negativeSpend":
    "The spend per purchase cannot be negative, but {cell} holds {found}. Net refunds into the purchases, and value loss-making customers separately.",
  "cells.recencyExceedsAge":
    "recency cannot exceed T: {cell} holds recency {recency} but T is {age}. Check that the columns are not swapped.",
  "cells.badNewCustomers": "new_customers must be a number of customers, 0 or more, in {cell}.",
  "cells.tooManyOpportunities":
    "BG/BB counts at most {max} opportunities, but {arg} is {found} in {cell}: use a coarser opportunity (a year rather than a week).",
  "cells.hugeFrequency":
    "{cell} has a frequency of {found} repeat purchases: at that size the likelihood cannot be computed finely enough to confirm the best parameters, so the search stopped short of proving them. Check that row (a data error, or an account that is not one customer), or fit without it.",
  "cells.countIsText":
    "{arg} must hold numbers of customers, but {cell} holds {found}. To compare two lists of customer IDs, use CUST.RETENTIONIDS.",
  "cells.badCac": "cac must be an acquisition cost per customer, 0 or more, in {cell}.",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "cells.notNumber": "{arg} doit contenir des nombres, mais la cellule {cell} contient {found}.",
  "cells.error": "{arg} contient l'erreur {code} en {cell} : corrigez d'abord cette cellule.",
  "cells.blank":
    "{arg} est vide en {cell}, où d'autres arguments ont des valeurs : remplissez cette cellule, ou videz la ligne.",
  "cells.notInteger": "{arg} doit contenir des nombres entiers, mais la cellule {cell} contient {found}.",
  "cells.negative": "{arg} ne peut pas être négatif, mais la cellule {cell} contient {found}.",
  "cells.notPositive": "{arg} doit être strictement positif, mais la cellule {cell} contient {found}.",
  "cells.notFinite": "{arg} doit contenir des nombres finis (cellule {cell}).",
  "cells.tooLarge": "{arg} doit valoir au plus {max}, mais la cellule {cell} contient {found}.",
  "cells.tooSmall": "{arg} doit valoir au moins {min}, mais la cellule {cell} contient {found}.",
  "cells.rateOver100":
    "{arg} est un taux : saisissez-le en pourcentage ou en fraction (75 % ou 0,75), au plus 100 %. La cellule {cell} contient {found}.",
  "cells.recencyAfterAge":
    "recency ne peut pas dépasser T (l'ancienneté du client) : la cellule {cell} a recency {recency} et T {age}. Vérifiez que les deux sont dans la même unité de temps.",
  "cells.recencyWithoutPurchase":
    "recency doit valoir 0 quand frequency vaut 0 (aucun réachat, donc aucun temps entre le premier et le dernier achat), mais la cellule {cell} contient {found}.",
  "cells.covariateNotNumber":
    "{arg} doit contenir des nombres (codez les catégories en colonnes 0/1, p. ex. Canal = 1 pour magasin) : la cellule {cell} (colonne {name}) contient {found}.",
  "cells.frequencyNotInteger":
    "frequency compte les achats répétés et doit donc être un nombre entier : la cellule {cell} contient {found}.",
  "cells.frequencyNegative": "frequency ne peut pas être négatif : la cellule {cell} contient {found}.",
  "cells.recencyNegative": "recency ne peut pas être négatif : la cellule {cell} contient {found}.",
  "cells.recencyGreaterThanAge":
    "recency ne peut pas dépasser T (l'ancienneté du client) : la cellule {cell} a recency {found} et T vaut {age}.",
  "cells.recencyWithoutRepeat":
    "Un client sans achat répété a une recency de 0 : la cellule {cell} contient recency {found} alors que frequency vaut 0.",
  "cells.ageNegative":
    "T (temps depuis le premier achat) ne peut pas être négatif : la cellule {cell} contient {found}.",
  "cells.weightNegative":
    "weights compte des clients et ne peut pas être négatif : la cellule {cell} contient {found}.",
  "cells.holdoutNegative":
    "Les achats de la période de contrôle ne peuvent pas être négatifs : la cellule {cell} contient {found}.",
  "cells.trackingBadAge": "T doit être un nombre positif ou nul : la cellule {cell} contient {found}.",
  "cells.trackingBadWeight":
    "weights compte des clients et doit être positif ou nul : la cellule {cell} contient {found}.",
  "cells.trackingNotWholeAge":
    "Pour BG/BB, T compte des occasions et doit donc être un nombre entier : la cellule {cell} contient {found}.",
  "cells.breaksNotAscending":
    "Les seuils de {measure} doivent croître d'une ligne à l'autre, mais la cellule {cell} ({found}) n'est pas au-dessus de la précédente.",
  "cells.breaksPartlyBlank":
    "La colonne de seuils de {measure} est en partie vide (cellule {cell}) : remplissez chaque ligne, ou laissez toute la colonne vide pour utiliser les seuils calculés.",
  "cells.scoreOutOfRange":
    "{arg} contient {found} en {cell}, mais la carte des segments demande des scores entiers de 1 à 5 : calculez-les avec CUST.RFM et 5 classes (quintiles).",
  "cells.blankId": "customer_ids est vide en {cell} : chaque transaction doit avoir un identifiant client.",
  "cells.blankDate": "dates est vide en {cell} : chaque transaction doit avoir une date.",
  "cells.dateText":
    "dates contient le texte « {found} » en {cell} : les dates doivent être des dates Excel (numéros de série) ; convertissez la colonne avec DATEVAL ou Données > Convertir.",
  "cells.dateOutOfRange":
    "dates contient {found} en {cell}, qui n'est pas une date Excel (1 à 2 958 465, jusqu'au 31/12/9999) ; un nombre comme 20240105 doit être converti avec DATE().",
  "cells.blankAmount": "amounts est vide en {cell} : saisissez 0 pour un achat sans montant.",
  "cells.notFiniteAmount": "amounts n'est pas un nombre fini en {cell}.",
  "cells.ggNonPositiveSpend":
    "Clients ayant racheté mais avec un panier moyen nul ou négatif : {count} (premier : cellule {cell}). Le modèle Gamma-Gamma exige des montants positifs : retirez les remboursements et commandes gratuites des moyennes, ou écartez ces clients de l'ajustement.",
  "cells.ggSpendNotPositive":
    "monetary doit être strictement positif pour un client qui a racheté, mais la cellule {cell} contient {found} ; déduisez les remboursements des achats avant la moyenne.",
  "cells.notCount": "{arg} doit être un nombre entier d'occasions, 0 ou plus, mais la cellule {cell} contient {found}.",
  "cells.badWeight":
    "weights doit contenir des nombres de clients, 0 ou plus, mais la cellule {cell} contient {found}.",
  "cells.blankValue": "{arg} est vide en {cell} : remplissez-la, ou supprimez la ligne.",
  "cells.recencyAfterPeriods":
    "recency ne peut pas dépasser la dernière occasion : la cellule {cell} contient recency {recency} mais T vaut {periods}.",
  "cells.frequencyAboveRecency":
    "frequency ne peut pas dépasser recency (une transaction par occasion au plus) : la cellule {cell} contient frequency {frequency} et recency vaut {recency}.",
  "cells.recencyWithoutTransaction":
    "recency doit valoir 0 pour un client sans transaction répétée, mais la cellule {cell} contient recency {recency} alors que frequency vaut 0.",
  "cells.survivorsNegative": "survivors ne peut pas être négatif, mais la cellule {cell} contient {found}.",
  "cells.survivorsIncreasing":
    "survivors ne peut que diminuer avec le temps, mais la cellule {cell} contient {found}, plus que les {previous} d'avant. Donnez une seule cohorte, la période la plus ancienne en premier.",
  "cells.spendMissing":
    "La cellule {cell} n'a pas de panier par achat : remplissez-la, ou laissez toute la ligne vide.",
  "cells.negativeSpend":
    "Le panier par achat ne peut pas être négatif, mais la cellule {cell} contient {found}. Déduisez les remboursements des achats, et valorisez à part les clients déficitaires.",
  "cells.recencyExceedsAge":
    "recency ne peut pas dépasser T : la cellule {cell} contient recency {recency} mais T vaut {age}. Vérifiez que les colonnes ne sont pas inversées.",
  "cells.badNewCustomers": "new_customers doit être un nombre de clients, 0 ou plus, en {cell}.",
  "cells.tooManyOpportunities":
    "BG/BB compte au plus {max} occasions, mais {arg} vaut {found} en {cell} : choisissez une occasion plus large (l'année plutôt que la semaine).",
  "cells.hugeFrequency":
    "La cellule {cell} compte {found} réachats : à cette taille, la vraisemblance ne peut pas être calculée assez finement pour confirmer les meilleurs paramètres, et la recherche s'est arrêtée avant de les établir. Vérifiez cette ligne (erreur de saisie, ou compte qui n'est pas un seul client), ou estimez sans elle.",
  "cells.countIsText":
    "{arg} doit contenir des nombres de clients, mais la cellule {cell} contient {found}. Pour comparer deux listes d'identifiants clients, utilisez CUST.RETENTIONIDS.",
  "cells.badCac": "cac doit être un coût d'acquisition par client, 0 ou plus, en {cell}.",
};
