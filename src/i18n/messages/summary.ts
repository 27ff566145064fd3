/** Messages of the summary area (CUST.SUMMARY and the transaction engine). French must have exactly the same keys. */
export const en = {
  "summary.empty": "The transaction log is empty: give customer_ids, dates and amounts with at least one row.",
  "summary.lengthMismatch":
    "{arg} has {found} rows but {other} has {expected}: {arg} is missing row {row} onwards; give columns of the same length.",
  "summary.blankId": "customer_ids row {row} is blank: every transaction needs a customer id.",
  "summary.blankDate": "dates row {row} is blank: every transaction needs a date.",
  "summary.dateText":
    'dates row {row} holds the text "{found}": dates must be Excel dates (serial numbers); convert the column with DATEVALUE or Data > Text to Columns.',
  "summary.dateOutOfRange":
    "dates row {row} holds {found}, which is not an Excel date (1 to 2,958,465, up to 31/12/9999); a number such as 20240105 must be converted with DATE().",
  "summary.notDate": "{arg} must be an Excel date (a serial number such as 45658 for 2025-01-01); it is {found}.",
  "summary.blankAmount": "amounts row {row} is blank: type 0 for a purchase with no amount.",
  "summary.notFiniteAmount": "amounts row {row} is not a finite number.",
  "summary.noTransactionsBefore":
    "No transaction is dated on or before {date} (as_of or calibration_end): the period must end after the first purchase.",
  "summary.calibrationAfterAsOf": "calibration_end ({calibration}) must be on or before as_of ({asOf}).",
  "summary.badRecentPeriods": "recent_periods must be greater than zero (it is {found}).",
  "summary.unit.days": "days",
  "summary.unit.weeks": "weeks",
  "summary.unit.months": "months",
  "summary.header.customer": "customer id",
  "summary.header.firstPurchase": "first purchase",
  "summary.header.lastPurchase": "last purchase",
  "summary.header.orders": "orders",
  "summary.header.totalAmount": "total amount",
  "summary.header.averageBasket": "average basket",
  "summary.header.frequency": "frequency",
  "summary.header.recency": "recency",
  "summary.header.age": "T",
  "summary.header.monetary": "monetary",
  "summary.header.recentPurchases": "purchases in last {n} {unit}",
  "summary.header.meanGap": "mean gap ({unit})",
  "summary.header.holdoutPurchases": "holdout purchases",
  "summary.header.holdoutLength": "holdout length ({unit})",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "summary.empty":
    "Le journal des transactions est vide : donnez customer_ids, dates et amounts avec au moins une ligne.",
  "summary.lengthMismatch":
    "{arg} a {found} lignes mais {other} en a {expected} : il manque à {arg} la ligne {row} et les suivantes ; donnez des colonnes de même longueur.",
  "summary.blankId": "customer_ids est vide à la ligne {row} : chaque transaction doit avoir un identifiant client.",
  "summary.blankDate": "dates est vide à la ligne {row} : chaque transaction doit avoir une date.",
  "summary.dateText":
    "dates contient le texte « {found} » à la ligne {row} : les dates doivent être des dates Excel (numéros de série) ; convertissez la colonne avec DATEVAL ou Données > Convertir.",
  "summary.dateOutOfRange":
    "dates contient {found} à la ligne {row}, qui n'est pas une date Excel (1 à 2 958 465, jusqu'au 31/12/9999) ; un nombre comme 20240105 doit être converti avec DATE().",
  "summary.notDate":
    "{arg} doit être une date Excel (un numéro de série, par exemple 45658 pour le 01/01/2025) ; il vaut {found}.",
  "summary.blankAmount": "amounts est vide à la ligne {row} : saisissez 0 pour un achat sans montant.",
  "summary.notFiniteAmount": "amounts n'est pas un nombre fini à la ligne {row}.",
  "summary.noTransactionsBefore":
    "Aucune transaction n'est datée du {date} ou avant (as_of ou calibration_end) : la période doit se terminer après le premier achat.",
  "summary.calibrationAfterAsOf": "calibration_end ({calibration}) doit être au plus tard as_of ({asOf}).",
  "summary.badRecentPeriods": "recent_periods doit être strictement positif (il vaut {found}).",
  "summary.unit.days": "jours",
  "summary.unit.weeks": "semaines",
  "summary.unit.months": "mois",
  "summary.header.customer": "id client",
  "summary.header.firstPurchase": "premier achat",
  "summary.header.lastPurchase": "dernier achat",
  "summary.header.orders": "commandes",
  "summary.header.totalAmount": "montant total",
  "summary.header.averageBasket": "panier moyen",
  "summary.header.frequency": "fréquence",
  "summary.header.recency": "récence",
  "summary.header.age": "T",
  "summary.header.monetary": "montant moyen",
  "summary.header.recentPurchases": "achats sur {n} {unit}",
  "summary.header.meanGap": "écart moyen ({unit})",
  "summary.header.holdoutPurchases": "achats en validation",
  "summary.header.holdoutLength": "durée de validation ({unit})",
};
