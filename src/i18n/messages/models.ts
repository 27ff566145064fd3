/** Messages of the models area (BG/NBD, MBG/NBD, Pareto/NBD fit and predictions, the CUST.FIT table). */
export const en = {
  "models.notParameterTable":
    "{arg} is not a parameter table from CUST.FIT: select the whole two-column table (label | value) that CUST.FIT spilled.",
  "models.wrongModel": "This parameter table is for {found}, but {function} needs {expected}.",
  "models.missingParameter": "The parameter table has no {name} row: select the whole table CUST.FIT spilled.",
  "models.badParameter":
    "The parameter {name} in the table must be a positive number (found {found}): re-run CUST.FIT.",
  "models.parameterIsText":
    'The parameter {name} in the table is the text "{found}", not a number: a table typed by hand must hold numbers (or re-run CUST.FIT).',
  "models.parameterMissingValue":
    "The parameter {name} in the table has no value (a blank cell or an error): re-run CUST.FIT or fill it in.",
  "models.unknownModel": "Unknown model {found}: use one of {choices}.",
  "models.notAvailable":
    "The {model} model cannot be fitted by this version of the add-in: update the add-in, or use one of bgnbd, mbgnbd, pnbd, ggomnbd, nbd, gg, bgbb, sbg.",
  "models.noCustomers": "There are no customers to fit: {arg} is empty.",
  "models.columnRequired": "The {model} model needs the {arg} column.",
  "models.frequencyNotInteger":
    "frequency counts repeat purchases, so it must be a whole number: row {row} has {found}.",
  "models.frequencyNegative": "frequency cannot be negative: row {row} has {found}.",
  "models.recencyNegative": "recency cannot be negative: row {row} has {found}.",
  "models.recencyAfterAge":
    "recency cannot be greater than T (the customer's age): row {row} has recency {found} and T {age}.",
  "models.recencyWithoutPurchase":
    "A customer with no repeat purchase has recency 0: row {row} has frequency 0 and recency {found}.",
  "models.ageNegative": "T (time since the first purchase) cannot be negative: row {row} has {found}.",
  "models.noTimeObserved":
    "Every customer was observed for no time (T = 0, or weight 0): there is nothing to fit. End the period after the first purchases.",
  "models.weightNegative": "weights count customers, so they cannot be negative: row {row} has {found}.",
  "models.optionsShape":
    'options must be text such as "penalty=0.01; max_iterations=300", or a range of two columns: name | value.',
  "models.optionUnknown": 'Unknown option {found}: use penalty or max_iterations (e.g. "penalty=0.01").',
  "models.optionBad": "The option {name} must be a number 0 or more (found {found}).",
  "models.optionTooLarge":
    "The option {name} can be at most {max} (found {found}): a fit that has not settled after that many steps will not settle with more; try penalty=0.01 or a simpler model.",
  "models.converged": "The fit converged: these are maximum-likelihood estimates.",
  "models.notConverged":
    'The fit did NOT converge ({detail}): do not use these parameters; try options "penalty=0.01" or check the data.',
  "models.timeNegative": "t (the prediction horizon) cannot be negative: found {found}.",
  "models.countNotInteger": "n (the number of purchases) must be a whole number 0 or more: found {found}.",
  "models.holdoutNegative": "Holdout purchases cannot be negative: row {row} has {found}.",
  "models.holdoutHeaderBucket": "repeat purchases in calibration",
  "models.holdoutHeaderCustomers": "customers",
  "models.holdoutHeaderActual": "actual purchases per customer (holdout)",
  "models.holdoutHeaderPredicted": "predicted purchases per customer (holdout)",
  "models.holdoutHeaderTotal": "all customers",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "models.notParameterTable":
    "{arg} n'est pas une table de paramètres de CUST.FIT : sélectionnez toute la table à deux colonnes (libellé | valeur) renvoyée par CUST.FIT.",
  "models.wrongModel": "Cette table de paramètres est celle du modèle {found}, mais {function} attend {expected}.",
  "models.missingParameter":
    "La table de paramètres n'a pas de ligne {name} : sélectionnez toute la table renvoyée par CUST.FIT.",
  "models.badParameter":
    "Le paramètre {name} de la table doit être un nombre positif ({found} trouvé) : relancez CUST.FIT.",
  "models.parameterIsText":
    "Le paramètre {name} de la table est le texte « {found} », pas un nombre : une table saisie à la main doit contenir des nombres (ou relancez CUST.FIT).",
  "models.parameterMissingValue":
    "Le paramètre {name} de la table n'a pas de valeur (cellule vide ou erreur) : relancez CUST.FIT ou remplissez-la.",
  "models.unknownModel": "Modèle {found} inconnu : utilisez l'un de {choices}.",
  "models.notAvailable":
    "Le modèle {model} ne peut pas être estimé par cette version du complément : mettez-le à jour, ou utilisez bgnbd, mbgnbd, pnbd, ggomnbd, nbd, gg, bgbb ou sbg.",
  "models.noCustomers": "Aucun client à estimer : {arg} est vide.",
  "models.columnRequired": "Le modèle {model} a besoin de la colonne {arg}.",
  "models.frequencyNotInteger":
    "frequency compte les achats répétés et doit donc être un nombre entier : la ligne {row} contient {found}.",
  "models.frequencyNegative": "frequency ne peut pas être négatif : la ligne {row} contient {found}.",
  "models.recencyNegative": "recency ne peut pas être négatif : la ligne {row} contient {found}.",
  "models.recencyAfterAge":
    "recency ne peut pas dépasser T (l'ancienneté du client) : la ligne {row} a recency {found} et T {age}.",
  "models.recencyWithoutPurchase":
    "Un client sans achat répété a une recency de 0 : la ligne {row} a frequency 0 et recency {found}.",
  "models.ageNegative": "T (temps depuis le premier achat) ne peut pas être négatif : la ligne {row} contient {found}.",
  "models.noTimeObserved":
    "Aucun client n'a été observé pendant une durée non nulle (T = 0, ou poids 0) : il n'y a rien à estimer. Terminez la période après les premiers achats.",
  "models.weightNegative": "weights compte des clients et ne peut pas être négatif : la ligne {row} contient {found}.",
  "models.optionsShape":
    "options doit être un texte comme « penalty=0,01; max_iterations=300 », ou une plage de deux colonnes : nom | valeur.",
  "models.optionUnknown": 'Option {found} inconnue : utilisez penalty ou max_iterations (par ex. "penalty=0.01").',
  "models.optionBad": "L'option {name} doit être un nombre positif ou nul ({found} trouvé).",
  "models.optionTooLarge":
    "L'option {name} vaut au plus {max} ({found} trouvé) : une estimation qui ne s'est pas fixée après autant d'étapes ne se fixera pas avec plus ; essayez penalty=0.01 ou un modèle plus simple.",
  "models.converged": "L'estimation a convergé : ce sont les estimations du maximum de vraisemblance.",
  "models.notConverged":
    "L'estimation n'a PAS convergé ({detail}) : n'utilisez pas ces paramètres ; essayez l'option \"penalty=0.01\" ou vérifiez les données.",
  "models.timeNegative": "t (l'horizon de prévision) ne peut pas être négatif : {found} trouvé.",
  "models.countNotInteger": "n (le nombre d'achats) doit être un nombre entier positif ou nul : {found} trouvé.",
  "models.holdoutNegative":
    "Les achats de la période de contrôle ne peuvent pas être négatifs : la ligne {row} contient {found}.",
  "models.holdoutHeaderBucket": "achats répétés en calibration",
  "models.holdoutHeaderCustomers": "clients",
  "models.holdoutHeaderActual": "achats réels par client (contrôle)",
  "models.holdoutHeaderPredicted": "achats prévus par client (contrôle)",
  "models.holdoutHeaderTotal": "tous les clients",
};
