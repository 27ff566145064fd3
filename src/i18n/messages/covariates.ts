/** Messages of the static covariates (CUST.FIT's purchase_covariates and dropout_covariates, and the predictions). */
export const en = {
  "covariates.badCoefficient":
    "The covariate coefficient {name} in the table must be a number (found {found}): re-run CUST.FIT.",
  "covariates.notSupported": "The {model} model does not take covariates: use pnbd or bgnbd, or leave {arg} empty.",
  "covariates.noHeader":
    "{arg} needs a header row with a name for each covariate (e.g. Channel, Gender), then one row per customer.",
  "covariates.duplicateName": "{arg} names the covariate {name} twice: give each column its own header.",
  "covariates.rowCount":
    "{arg} has {found} customer rows but frequency has {expected}: give one row of covariates per customer, in the same order.",
  "covariates.notNumber":
    "{arg} must hold numbers (code categories as 0/1 columns, e.g. Channel = 1 for offline): row {row}, column {name} has {found}.",
  "covariates.constant":
    "The covariate {name} in {arg} has the same value for every customer: it cannot explain any difference; remove that column.",
  "covariates.required":
    "This model was fitted with {process} covariates ({names}): give {arg} with the customers' values (the same columns).",
  "covariates.unexpected": "This model was fitted without {process} covariates: leave {arg} empty.",
  "covariates.columnMissing":
    "{arg} has no column {name}, which the model was fitted with: give the columns {names} (with their header), or in that order without header.",
  "covariates.columnCount": "{arg} has {found} columns but the model was fitted with {expected} ({names}).",
  "covariates.processPurchase": "purchase",
  "covariates.processDropout": "drop-out",
  "covariates.noRows":
    "{arg} has a header row but no customer rows below it: give each customer's values under the header.",
  "covariates.predictRowCount":
    "{arg} has {found} rows of covariates but there are {expected} customers: give one row per customer, in the same order, or a single row for all.",
  "covariates.tooManyColumns":
    "{arg} has {found} covariates; at most {max} per process can be fitted: keep the ones that matter (each one adds a coefficient to estimate).",
  "covariates.tooManyRows":
    "The covariates have more than {max} different rows (combinations of values): group a numeric covariate into bands (age in decades, basket in ranges) or use fewer columns, so the fit stays quick.",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "covariates.badCoefficient":
    "Le coefficient de covariable {name} de la table doit être un nombre (trouvé {found}) : relancez CUST.FIT.",
  "covariates.notSupported":
    "Le modèle {model} ne prend pas de covariables : utilisez pnbd ou bgnbd, ou laissez {arg} vide.",
  "covariates.noHeader":
    "{arg} doit avoir une ligne d'en-tête avec un nom par covariable (p. ex. Canal, Genre), puis une ligne par client.",
  "covariates.duplicateName":
    "{arg} nomme deux fois la covariable {name} : donnez à chaque colonne son propre en-tête.",
  "covariates.rowCount":
    "{arg} a {found} lignes de clients mais frequency en a {expected} : donnez une ligne de covariables par client, dans le même ordre.",
  "covariates.notNumber":
    "{arg} doit contenir des nombres (codez les catégories en colonnes 0/1, p. ex. Canal = 1 pour magasin) : ligne {row}, colonne {name} contient {found}.",
  "covariates.constant":
    "La covariable {name} de {arg} a la même valeur pour tous les clients : elle ne peut expliquer aucune différence ; retirez cette colonne.",
  "covariates.required":
    "Ce modèle a été estimé avec des covariables d'{process} ({names}) : donnez {arg} avec les valeurs des clients (les mêmes colonnes).",
  "covariates.unexpected": "Ce modèle a été estimé sans covariables d'{process} : laissez {arg} vide.",
  "covariates.columnMissing":
    "{arg} n'a pas de colonne {name}, avec laquelle le modèle a été estimé : donnez les colonnes {names} (avec leur en-tête), ou dans cet ordre sans en-tête.",
  "covariates.columnCount": "{arg} a {found} colonnes mais le modèle a été estimé avec {expected} ({names}).",
  "covariates.processPurchase": "achat",
  "covariates.processDropout": "attrition",
  "covariates.noRows":
    "{arg} a une ligne d'en-tête mais aucune ligne de client en dessous : donnez les valeurs de chaque client sous l'en-tête.",
  "covariates.predictRowCount":
    "{arg} a {found} lignes de covariables mais il y a {expected} clients : donnez une ligne par client, dans le même ordre, ou une seule ligne pour tous.",
  "covariates.tooManyColumns":
    "{arg} a {found} covariables ; on peut en estimer au plus {max} par processus : gardez celles qui comptent (chacune ajoute un coefficient à estimer).",
  "covariates.tooManyRows":
    "Les covariables ont plus de {max} lignes différentes (combinaisons de valeurs) : regroupez une covariable numérique en tranches (l'âge par décennie, le panier par fourchette) ou utilisez moins de colonnes, pour que l'estimation reste rapide.",
};
