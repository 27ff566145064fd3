/**
 * Messages of the spend, retention and predictive-CLV models (Gamma-Gamma, BG/BB, sBG, PCLV).
 * Keys start with "valuemodels.". French must have exactly the same keys.
 */
export const en = {
  "valuemodels.gg.nonPositiveSpend":
    "Customers with repeat purchases but a zero or negative average spend: {count} (first: row {row}). The Gamma-Gamma model needs positive spends: leave refunds and free orders out of the averages, or leave those customers out of the fit.",
  "valuemodels.gg.noRepeatCustomers":
    "No customer has a repeat purchase (frequency > 0): the Gamma-Gamma model learns spend from repeat customers only.",
  "valuemodels.gg.meanUndefined":
    "The Gamma-Gamma q is {q}, at most 1: the population's average spend is then infinite, so a customer without repeat purchases has no expected spend. A few extreme spends usually cause this: check them, or fit on more customers.",
  "valuemodels.gg.conditionalUndefined":
    "The Gamma-Gamma q is {q}: with so few repeat purchases the expected spend is infinite. Check the extreme spends, or fit on more customers.",
  "valuemodels.gg.spendNotPositive":
    "The average spend of a customer with repeat purchases must be greater than zero, but it is {found}; net refunds into the purchases before averaging.",
  "valuemodels.gg.spendNotPositiveAt":
    "monetary must be greater than zero for a customer with repeat purchases, but row {row} holds {found}; net refunds into the purchases before averaging.",
  "valuemodels.bgbb.notCount": "{arg} must be a whole number of opportunities, 0 or more, but row {row} holds {found}.",
  "valuemodels.badWeight": "weights must be counts of customers, 0 or more, but row {row} holds {found}.",
  "valuemodels.blankAt": "{arg} is blank in row {row}: fill it in, or remove the row.",
  "valuemodels.bgbb.noCustomers": "There are no customers to fit: every weight is zero.",
  "valuemodels.bgbb.recencyAfterPeriods":
    "recency cannot be after the last opportunity: row {row} has recency {recency} but T {periods}.",
  "valuemodels.bgbb.frequencyAboveRecency":
    "frequency cannot exceed recency (one transaction per opportunity at most): row {row} has frequency {frequency} and recency {recency}.",
  "valuemodels.bgbb.recencyWithoutPurchase":
    "recency must be 0 for a customer without repeat transactions, but row {row} has frequency 0 and recency {recency}.",
  "valuemodels.bgbb.opportunitiesNotCount":
    "{arg} counts opportunities, so it must be a whole number, 0 or more (it is {found}).",
  "valuemodels.bgbb.tooManyOpportunities":
    "BG/BB counts at most {max} opportunities, but {arg} is {found}: use a coarser opportunity (a year rather than a week).",
  "valuemodels.bgbb.tooManyOpportunitiesAt":
    "BG/BB counts at most {max} opportunities, but {arg} is {found} in row {row}: use a coarser opportunity (a year rather than a week).",
  "valuemodels.bgbb.fitTooLarge":
    "These histories are too many for a BG/BB fit to finish in seconds ({histories} different histories, up to {opportunities} opportunities): fit on a sample of the customers, or count coarser opportunities (months rather than weeks).",
  "valuemodels.sbg.tooShort":
    "survivors needs the cohort at the start and at least one later period, but it has {found} value(s).",
  "valuemodels.sbg.startNotPositive":
    "The first survivors value is the cohort at the start, so it must be greater than zero (it is {found}).",
  "valuemodels.sbg.negative": "survivors cannot be negative, but row {row} holds {found}.",
  "valuemodels.sbg.increasing":
    "survivors can only go down over time, but row {row} holds {found}, more than the {previous} before it. Give one cohort, oldest period first.",
  "valuemodels.sbg.noChurn":
    "Nobody in the cohort has left yet, so there is nothing to learn churn from: add later periods.",
  "valuemodels.sbg.lifetimeInfinite":
    "With alpha = {alpha} (at most 1) the expected lifetime is infinite: some customers almost never leave. Give a discount rate above 0, or look at the survival over a horizon.",
  "valuemodels.sbg.badDiscount": "The discount rate must be 0 or more (it is {found}).",
  "valuemodels.sbg.badRenewals": "renewals must be a whole number, 0 or more (it is {found}).",
  "valuemodels.clv.badMonths": "months must be a whole number of months, at least 1 (it is {found}).",
  "valuemodels.clv.tooManyMonths": "months can be at most {max} (it is {found}); use a shorter horizon.",
  "valuemodels.clv.horizonBelowOpportunity":
    "A horizon of {found} months holds no whole opportunity of this BG/BB table (one opportunity per time_unit): give months of at least {min}.",
  "valuemodels.clv.badDiscount": "discount_rate is an annual rate: 0 or more, typed as 10% or 0.1 (it is {found}).",
  "valuemodels.clv.badMargin": "margin must be 0 or more, typed as 30% or 0.3 (it is {found}).",
  "valuemodels.clv.badPeriodsPerMonth": "The number of periods per month must be greater than zero (it is {found}).",
  "valuemodels.clv.spendMissing": "Row {row} has no spend per purchase: fill it in, or leave the whole row blank.",
  "valuemodels.clv.negativeSpend":
    "The spend per purchase cannot be negative, but row {row} holds {found}. Net refunds into the purchases, and value loss-making customers separately.",
  "valuemodels.spendRequired":
    "monetary is blank for a customer with repeat purchases: give the average spend of their repeat purchases.",
  "valuemodels.recencyAfterAge":
    "recency cannot exceed T: row {row} has recency {recency} but T {age}. Check that the columns are not swapped.",
  "valuemodels.clv.timeUnitRequired":
    'time_unit is required: say whether recency and age are in "days", "weeks" or "months", the unit the purchase model was fitted in.',
  "valuemodels.clv.modelUnavailable": "This version cannot predict with the {model} model yet.",
  "valuemodels.clv.monetaryRequired":
    "spend is a Gamma-Gamma table, so monetary is needed: give each customer's average spend of repeat purchases.",
  "valuemodels.clv.monetaryUnused":
    "monetary is only used when spend is a Gamma-Gamma table; spend already holds the spend per purchase, so leave monetary out.",
  "valuemodels.sbg.notConverged":
    "The sBG fit to these survivors did not converge ({detail}), so no projection is given. Check that the column holds one cohort, oldest period first.",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "valuemodels.gg.nonPositiveSpend":
    "Clients ayant racheté mais avec un panier moyen nul ou négatif : {count} (premier : ligne {row}). Le modèle Gamma-Gamma exige des montants positifs : retirez les remboursements et commandes gratuites des moyennes, ou écartez ces clients de l'ajustement.",
  "valuemodels.gg.noRepeatCustomers":
    "Aucun client n'a racheté (fréquence > 0) : le modèle Gamma-Gamma apprend le panier à partir des seuls clients qui rachètent.",
  "valuemodels.gg.meanUndefined":
    "Le q du Gamma-Gamma vaut {q}, au plus 1 : le panier moyen de la population est alors infini, et un client sans rachat n'a pas de panier attendu. Quelques montants extrêmes en sont souvent la cause : vérifiez-les, ou ajustez sur plus de clients.",
  "valuemodels.gg.conditionalUndefined":
    "Le q du Gamma-Gamma vaut {q} : avec si peu de rachats, le panier attendu est infini. Vérifiez les montants extrêmes, ou ajustez sur plus de clients.",
  "valuemodels.gg.spendNotPositive":
    "Le panier moyen d'un client qui a racheté doit être strictement positif, mais il vaut {found} ; déduisez les remboursements des achats avant la moyenne.",
  "valuemodels.gg.spendNotPositiveAt":
    "monetary doit être strictement positif pour un client qui a racheté, mais la ligne {row} contient {found} ; déduisez les remboursements des achats avant la moyenne.",
  "valuemodels.bgbb.notCount":
    "{arg} doit être un nombre entier d'occasions, 0 ou plus, mais la ligne {row} contient {found}.",
  "valuemodels.badWeight":
    "weights doit contenir des nombres de clients, 0 ou plus, mais la ligne {row} contient {found}.",
  "valuemodels.blankAt": "{arg} est vide à la ligne {row} : remplissez-la, ou supprimez la ligne.",
  "valuemodels.bgbb.noCustomers": "Il n'y a aucun client à ajuster : tous les poids sont nuls.",
  "valuemodels.bgbb.recencyAfterPeriods":
    "recency ne peut pas dépasser la dernière occasion : la ligne {row} a recency {recency} mais T vaut {periods}.",
  "valuemodels.bgbb.frequencyAboveRecency":
    "frequency ne peut pas dépasser recency (une transaction par occasion au plus) : la ligne {row} a frequency {frequency} et recency {recency}.",
  "valuemodels.bgbb.recencyWithoutPurchase":
    "recency doit valoir 0 pour un client sans transaction répétée, mais la ligne {row} a frequency 0 et recency {recency}.",
  "valuemodels.bgbb.opportunitiesNotCount":
    "{arg} compte des occasions : ce doit être un nombre entier, 0 ou plus (il vaut {found}).",
  "valuemodels.bgbb.tooManyOpportunities":
    "BG/BB compte au plus {max} occasions, mais {arg} vaut {found} : choisissez une occasion plus large (l'année plutôt que la semaine).",
  "valuemodels.bgbb.tooManyOpportunitiesAt":
    "BG/BB compte au plus {max} occasions, mais {arg} vaut {found} à la ligne {row} : choisissez une occasion plus large (l'année plutôt que la semaine).",
  "valuemodels.bgbb.fitTooLarge":
    "Ces historiques sont trop nombreux pour qu'une estimation BG/BB se termine en quelques secondes ({histories} historiques différents, jusqu'à {opportunities} occasions) : estimez sur un échantillon des clients, ou comptez des occasions plus larges (le mois plutôt que la semaine).",
  "valuemodels.sbg.tooShort":
    "survivors doit contenir la cohorte au départ et au moins une période ultérieure, mais ne contient que {found} valeur(s).",
  "valuemodels.sbg.startNotPositive":
    "La première valeur de survivors est la cohorte au départ : elle doit être strictement positive (elle vaut {found}).",
  "valuemodels.sbg.negative": "survivors ne peut pas être négatif, mais la ligne {row} contient {found}.",
  "valuemodels.sbg.increasing":
    "survivors ne peut que diminuer avec le temps, mais la ligne {row} contient {found}, plus que les {previous} d'avant. Donnez une seule cohorte, la période la plus ancienne en premier.",
  "valuemodels.sbg.noChurn":
    "Personne n'a encore quitté la cohorte : impossible d'estimer l'attrition. Ajoutez des périodes ultérieures.",
  "valuemodels.sbg.lifetimeInfinite":
    "Avec alpha = {alpha} (au plus 1), la durée de vie attendue est infinie : certains clients ne partent presque jamais. Donnez un taux d'actualisation supérieur à 0, ou regardez la survie sur un horizon.",
  "valuemodels.sbg.badDiscount": "Le taux d'actualisation doit être positif ou nul (il vaut {found}).",
  "valuemodels.sbg.badRenewals": "renewals doit être un nombre entier, 0 ou plus (il vaut {found}).",
  "valuemodels.clv.badMonths": "months doit être un nombre entier de mois, au moins 1 (il vaut {found}).",
  "valuemodels.clv.tooManyMonths": "months vaut au plus {max} (il vaut {found}) ; choisissez un horizon plus court.",
  "valuemodels.clv.horizonBelowOpportunity":
    "Un horizon de {found} mois ne contient aucune occasion entière de cette table BG/BB (une occasion par time_unit) : donnez à months au moins {min}.",
  "valuemodels.clv.badDiscount":
    "discount_rate est un taux annuel : positif ou nul, saisi comme 10 % ou 0,1 (il vaut {found}).",
  "valuemodels.clv.badMargin": "margin doit être positive ou nulle, saisie comme 30 % ou 0,3 (elle vaut {found}).",
  "valuemodels.clv.badPeriodsPerMonth":
    "Le nombre de périodes par mois doit être strictement positif (il vaut {found}).",
  "valuemodels.clv.spendMissing":
    "La ligne {row} n'a pas de panier par achat : remplissez-le, ou laissez toute la ligne vide.",
  "valuemodels.clv.negativeSpend":
    "Le panier par achat ne peut pas être négatif, mais la ligne {row} contient {found}. Déduisez les remboursements des achats, et valorisez à part les clients déficitaires.",
  "valuemodels.spendRequired":
    "monetary est vide pour un client qui a racheté : donnez le panier moyen de ses rachats.",
  "valuemodels.recencyAfterAge":
    "recency ne peut pas dépasser T : la ligne {row} a recency {recency} mais T {age}. Vérifiez que les colonnes ne sont pas inversées.",
  "valuemodels.clv.timeUnitRequired":
    "time_unit est obligatoire : indiquez si recency et age sont en « days », « weeks » ou « months » (jours, semaines ou mois), l'unité dans laquelle le modèle d'achat a été ajusté.",
  "valuemodels.clv.modelUnavailable": "Cette version ne sait pas encore prédire avec le modèle {model}.",
  "valuemodels.clv.monetaryRequired":
    "spend est une table Gamma-Gamma : monetary est donc nécessaire. Donnez le panier moyen des rachats de chaque client.",
  "valuemodels.clv.monetaryUnused":
    "monetary ne sert que si spend est une table Gamma-Gamma ; spend contient déjà le panier par achat, retirez donc monetary.",
  "valuemodels.sbg.notConverged":
    "L'ajustement sBG sur ces survivants n'a pas convergé ({detail}) : aucune projection n'est donnée. Vérifiez que la colonne contient une seule cohorte, la période la plus ancienne en premier.",
};
