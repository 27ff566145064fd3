/** Messages of the residual-value functions: DERT, residual lifetime value, future P(alive), the log-likelihood. */
export const en = {
  "residual.badDiscount":
    "The discount rate must be above 0 for a discounted residual value (it is {found}): without discounting, the expected future purchases of a customer who may never leave can be infinite.",
  "residual.notAvailable":
    "{function} is not available for the {model} model: use a table of a model that defines it ({models}).",
  "residual.notWhole":
    "{arg} counts transaction opportunities for this model (BG/BB), so it must be a whole number 0 or more: found {found}.",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "residual.badDiscount":
    "Le taux d'actualisation doit être supérieur à 0 pour une valeur résiduelle actualisée (il vaut {found}) : sans actualisation, les achats futurs attendus d'un client qui pourrait ne jamais partir peuvent être infinis.",
  "residual.notAvailable":
    "{function} n'est pas disponible pour le modèle {model} : utilisez la table d'un modèle qui la définit ({models}).",
  "residual.notWhole":
    "{arg} compte des occasions de transaction pour ce modèle (BG/BB) et doit donc être un nombre entier positif ou nul : {found} trouvé.",
};
