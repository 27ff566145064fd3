/** Messages of the residual-value functions: DERT, residual lifetime value, future P(alive), the log-likelihood. */
export const en = {
  "residual.badDiscount":
    "The discount rate must be above 0 for a discounted residual value (it is {found}): without discounting, the expected future purchases of a customer who may never leave can be infinite.",
  "residual.rateTooSmall":
    "The discount rate per period is {found}, below the {min} these discounted sums take in bounded time: use a higher discount_rate or a longer time_unit.",
  "residual.notAvailable":
    "{function} is not available for the {model} model: use a table of a model that defines it ({models}).",
  "residual.notWhole":
    "{arg} counts transaction opportunities for this model (BG/BB), so it must be a whole number 0 or more: found {found}.",
  "residual.trackingBadStep": "step (the length of one period of the table) must be a number above 0: found {found}.",
  "residual.trackingBadHorizon":
    "horizon (the end of the last period, counted from the earliest first purchase) must be at least one step ({step}): found {found}.",
  "residual.trackingTooManyPeriods":
    "The tracking table would have {found} periods, more than {max}: use a longer step or a shorter horizon.",
  "residual.trackingNotWholeStep": "For BG/BB, step counts opportunities, so it must be a whole number: found {found}.",
  "residual.trackingBadAge": "T must be a number 0 or more: row {row} has {found}.",
  "residual.trackingBadWeight": "weights count customers, so they must be 0 or more: row {row} has {found}.",
  "residual.trackingNotWholeAge":
    "For BG/BB, T counts opportunities, so it must be a whole number: row {row} has {found}.",
  "residual.trackingNoCustomers": "There are no customers to track: T is empty or every weight is 0.",
  "residual.trackingTooMuchWork":
    "{periods} periods × {distinct} different values of T is more than {max} evaluations: round T (e.g. to whole days or weeks) or use a longer step.",
  "residual.trackingActualLength":
    "actual has {found} rows but the table has {expected} periods: give one actual number of repeat purchases per period.",
  "residual.pnpurchasesTooMany":
    "With a {model} table each probability is an integral over the customer's lifetime, so one call computes at most {max} different ones (n, t): this one asks for {found}. Split n and t over several calls of at most {max} different pairs.",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "residual.badDiscount":
    "Le taux d'actualisation doit être supérieur à 0 pour une valeur résiduelle actualisée (il vaut {found}) : sans actualisation, les achats futurs attendus d'un client qui pourrait ne jamais partir peuvent être infinis.",
  "residual.rateTooSmall":
    "Le taux d'actualisation par période vaut {found}, sous le minimum de {min} que ces sommes actualisées acceptent en temps borné : utilisez un discount_rate plus élevé ou une time_unit plus longue.",
  "residual.notAvailable":
    "{function} n'est pas disponible pour le modèle {model} : utilisez la table d'un modèle qui la définit ({models}).",
  "residual.notWhole":
    "{arg} compte des occasions de transaction pour ce modèle (BG/BB) et doit donc être un nombre entier positif ou nul : {found} trouvé.",
  "residual.trackingBadStep":
    "step (la durée d'une période du tableau) doit être un nombre supérieur à 0 : {found} trouvé.",
  "residual.trackingBadHorizon":
    "horizon (la fin de la dernière période, comptée depuis le premier achat le plus ancien) doit valoir au moins un pas ({step}) : {found} trouvé.",
  "residual.trackingTooManyPeriods":
    "Le tableau de suivi aurait {found} périodes, plus que {max} : prenez un pas plus long ou un horizon plus court.",
  "residual.trackingNotWholeStep":
    "Pour BG/BB, step compte des occasions et doit donc être un nombre entier : {found} trouvé.",
  "residual.trackingBadAge": "T doit être un nombre positif ou nul : la ligne {row} contient {found}.",
  "residual.trackingBadWeight":
    "weights compte des clients et doit être positif ou nul : la ligne {row} contient {found}.",
  "residual.trackingNotWholeAge":
    "Pour BG/BB, T compte des occasions et doit donc être un nombre entier : la ligne {row} contient {found}.",
  "residual.trackingNoCustomers": "Aucun client à suivre : T est vide ou tous les poids valent 0.",
  "residual.trackingTooMuchWork":
    "{periods} périodes × {distinct} valeurs différentes de T dépassent {max} évaluations : arrondissez T (par ex. en jours ou semaines entiers) ou prenez un pas plus long.",
  "residual.trackingActualLength":
    "actual a {found} lignes mais le tableau a {expected} périodes : donnez un nombre réel de réachats par période.",
  "residual.pnpurchasesTooMany":
    "Avec une table {model}, chaque probabilité est une intégrale sur la durée de vie du client : un appel en calcule au plus {max} différentes (n, t), celui-ci en demande {found}. Répartissez n et t sur plusieurs appels d'au plus {max} couples différents.",
};
