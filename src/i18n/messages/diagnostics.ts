/**
 * Messages of the model diagnostics: the status of a CUST.FIT table in plain words (converged, at the edge of
 * the parameter space, not converged), the tracking table and the holdout accuracy summary.
 */
export const en = {
  "diagnostics.converged": "Converged: these are the maximum-likelihood estimates for these data.",
  "diagnostics.convergedPenalised":
    "Converged: with the option penalty={penalty}, these parameters maximise the likelihood minus the penalty, so they are pulled towards 0 and are not the plain maximum-likelihood estimates.",
  "diagnostics.notConverged":
    'The fit did not settle on the best parameters (the search stopped before it could show they are the best): do not rely on these numbers. Try the option "max_iterations=1000" or "penalty=0.01", or look for unusual rows in the data.',
  "diagnostics.hugeFrequency":
    "Row {row} has a frequency of {found} repeat purchases: at that size the likelihood cannot be computed finely enough to confirm the best parameters, so the search stopped short of proving them. Check that row (a data error, or an account that is not one customer), or fit without it.",
  "diagnostics.budgetReached":
    'The search for the best parameters stopped at its limit of work (a fixed number of evaluations of the likelihood) before it settled: do not rely on these numbers. Try the option "penalty=0.01", a simpler model, or look for unusual rows in the data.',
  "diagnostics.sameGompertzLifetime":
    "{shape} and {scale} ran very large ({shapeValue} and {scaleValue}): almost no customer-to-customer difference in how long customers stay; the model reduces to one Gompertz lifetime for everyone (η = {shape}/{scale} = {mean}), whose risk of leaving grows with age at the rate b.",
  "diagnostics.noFiniteLikelihood":
    "The model could not be computed on these data from any starting point: check the columns for extreme or inconsistent values.",
  "diagnostics.singleCustomer":
    "Only one customer: a model of a customer base needs many customers to learn how they differ, so its parameters ran to the edge of what can be estimated. Fit it on the whole customer table.",
  "diagnostics.nobodyReturned":
    "No customer made a repeat purchase (every frequency is 0): the data cannot tell how often customers buy or when they leave, so the parameters ran to the edge of what can be estimated. Lengthen the calibration period, or check that frequency counts repeat purchases.",
  "diagnostics.samePurchaseRate":
    "{shape} and {scale} ran very large ({shapeValue} and {scaleValue}): almost no customer-to-customer difference in how often customers buy; the model reduces to one purchase rate for everyone, {shape}/{scale} = {mean} per period.",
  "diagnostics.sameLifetime":
    "{shape} and {scale} ran very large ({shapeValue} and {scaleValue}): almost no customer-to-customer difference in how long customers stay; the model reduces to one drop-out rate for everyone, {shape}/{scale} = {mean} per period (an average lifetime of {lifetime} periods).",
  "diagnostics.sameDropout":
    "{first} and {second} ran very large ({firstValue} and {secondValue}): almost no customer-to-customer difference in drop-out; the model reduces to one probability of leaving after each repeat purchase, {first}/({first} + {second}) = {mean}, for everyone.",
  "diagnostics.sameTransaction":
    "{first} and {second} ran very large ({firstValue} and {secondValue}): almost no customer-to-customer difference in how often customers transact; the model reduces to one probability of a transaction at each opportunity, {first}/({first} + {second}) = {mean}, for everyone.",
  "diagnostics.sameOpportunityDropout":
    "{first} and {second} ran very large ({firstValue} and {secondValue}): almost no customer-to-customer difference in drop-out; the model reduces to one probability of leaving before each opportunity, {first}/({first} + {second}) = {mean}, for everyone.",
  "diagnostics.sameChurn":
    "{first} and {second} ran very large ({firstValue} and {secondValue}): almost no customer-to-customer difference in churn; the model reduces to one churn probability per period for everyone, {first}/({first} + {second}) = {mean} (a constant retention rate of {retention}).",
  "diagnostics.sameAverageSpend":
    "{shape} and {scale} ran very large ({shapeValue} and {scaleValue}): almost no customer-to-customer difference in average spend; the model reduces to one average spend for everyone, {mean}.",
  "diagnostics.steadySpend":
    "{shape} ran very large ({shapeValue}): each customer's spend hardly varies from one purchase to the next.",
  "diagnostics.edge":
    '{names} ran to the edge of what these data can estimate ({values}): the data hold too little information to pin them down. Use more customers or a longer period, or the option "penalty=0.01".',
  "diagnostics.boundaryAdvice":
    "The predictions are those of that simpler model and can be used; with more customers or a longer period the fit may tell customers apart.",
  "diagnostics.trackingHeaderPeriod": "period",
  "diagnostics.trackingHeaderIncremental": "expected repeat purchases",
  "diagnostics.trackingHeaderCumulative": "expected cumulative repeat purchases",
  "diagnostics.trackingHeaderActual": "actual repeat purchases",
  "diagnostics.trackingHeaderActualCumulative": "actual cumulative repeat purchases",
  "diagnostics.accuracyPredictedTotal": "predicted holdout purchases",
  "diagnostics.accuracyActualTotal": "actual holdout purchases",
  "diagnostics.accuracyError": "error (predicted vs actual)",
  "diagnostics.accuracyMae": "mean absolute error per customer",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "diagnostics.converged": "Convergé : ce sont les estimations du maximum de vraisemblance pour ces données.",
  "diagnostics.convergedPenalised":
    "Convergé : avec l'option penalty={penalty}, ces paramètres maximisent la vraisemblance moins la pénalité ; ils sont donc tirés vers 0 et ne sont pas les estimations du maximum de vraisemblance.",
  "diagnostics.notConverged":
    "L'estimation ne s'est pas fixée sur les meilleurs paramètres (la recherche s'est arrêtée avant de pouvoir montrer qu'ils sont les meilleurs) : ne vous fiez pas à ces nombres. Essayez l'option \"max_iterations=1000\" ou \"penalty=0.01\", ou cherchez des lignes inhabituelles dans les données.",
  "diagnostics.hugeFrequency":
    "La ligne {row} compte {found} réachats : à cette taille, la vraisemblance ne peut pas être calculée assez finement pour confirmer les meilleurs paramètres, et la recherche s'est arrêtée avant de les établir. Vérifiez cette ligne (erreur de saisie, ou compte qui n'est pas un seul client), ou estimez sans elle.",
  "diagnostics.budgetReached":
    "La recherche des meilleurs paramètres s'est arrêtée à sa limite de travail (un nombre fixe d'évaluations de la vraisemblance) avant de se fixer : ne vous fiez pas à ces nombres. Essayez l'option \"penalty=0.01\", un modèle plus simple, ou cherchez des lignes inhabituelles dans les données.",
  "diagnostics.sameGompertzLifetime":
    "{shape} et {scale} sont devenus très grands ({shapeValue} et {scaleValue}) : presque aucune différence entre clients dans la durée de leur relation ; le modèle se réduit à une seule durée de vie de Gompertz pour tous (η = {shape}/{scale} = {mean}), dont le risque de départ croît avec l'ancienneté au rythme b.",
  "diagnostics.noFiniteLikelihood":
    "Le modèle n'a pu être calculé sur ces données à partir d'aucun point de départ : vérifiez que les colonnes ne contiennent pas de valeurs extrêmes ou incohérentes.",
  "diagnostics.singleCustomer":
    "Un seul client : un modèle de base clients a besoin de nombreux clients pour apprendre en quoi ils diffèrent, ses paramètres sont donc partis à la limite de ce qui peut être estimé. Estimez-le sur toute la table des clients.",
  "diagnostics.nobodyReturned":
    "Aucun client n'a racheté (toutes les fréquences valent 0) : les données ne disent ni à quel rythme les clients achètent ni quand ils partent, les paramètres sont donc partis à la limite de ce qui peut être estimé. Allongez la période de calibration, ou vérifiez que frequency compte les achats répétés.",
  "diagnostics.samePurchaseRate":
    "{shape} et {scale} sont devenus très grands ({shapeValue} et {scaleValue}) : presque aucune différence entre clients dans leur rythme d'achat ; le modèle se réduit à un seul taux d'achat pour tous, {shape}/{scale} = {mean} par période.",
  "diagnostics.sameLifetime":
    "{shape} et {scale} sont devenus très grands ({shapeValue} et {scaleValue}) : presque aucune différence entre clients dans la durée de leur relation ; le modèle se réduit à un seul taux d'attrition pour tous, {shape}/{scale} = {mean} par période (une durée de vie moyenne de {lifetime} périodes).",
  "diagnostics.sameDropout":
    "{first} et {second} sont devenus très grands ({firstValue} et {secondValue}) : presque aucune différence d'attrition entre clients ; le modèle se réduit à une seule probabilité de partir après chaque réachat, {first}/({first} + {second}) = {mean}, pour tous.",
  "diagnostics.sameTransaction":
    "{first} et {second} sont devenus très grands ({firstValue} et {secondValue}) : presque aucune différence entre clients dans leur fréquence de transaction ; le modèle se réduit à une seule probabilité de transaction à chaque occasion, {first}/({first} + {second}) = {mean}, pour tous.",
  "diagnostics.sameOpportunityDropout":
    "{first} et {second} sont devenus très grands ({firstValue} et {secondValue}) : presque aucune différence d'attrition entre clients ; le modèle se réduit à une seule probabilité de partir avant chaque occasion, {first}/({first} + {second}) = {mean}, pour tous.",
  "diagnostics.sameChurn":
    "{first} et {second} sont devenus très grands ({firstValue} et {secondValue}) : presque aucune différence d'attrition entre clients ; le modèle se réduit à une seule probabilité de départ par période pour tous, {first}/({first} + {second}) = {mean} (un taux de rétention constant de {retention}).",
  "diagnostics.sameAverageSpend":
    "{shape} et {scale} sont devenus très grands ({shapeValue} et {scaleValue}) : presque aucune différence de panier moyen entre clients ; le modèle se réduit à un seul panier moyen pour tous, {mean}.",
  "diagnostics.steadySpend":
    "{shape} est devenu très grand ({shapeValue}) : le panier de chaque client ne varie presque pas d'un achat à l'autre.",
  "diagnostics.edge":
    "{names} sont partis à la limite de ce que ces données permettent d'estimer ({values}) : les données ne contiennent pas assez d'information pour les fixer. Utilisez plus de clients ou une période plus longue, ou l'option \"penalty=0.01\".",
  "diagnostics.boundaryAdvice":
    "Les prévisions sont celles de ce modèle plus simple et restent utilisables ; avec plus de clients ou une période plus longue, l'estimation pourra distinguer les clients.",
  "diagnostics.trackingHeaderPeriod": "période",
  "diagnostics.trackingHeaderIncremental": "réachats attendus",
  "diagnostics.trackingHeaderCumulative": "réachats attendus cumulés",
  "diagnostics.trackingHeaderActual": "réachats réels",
  "diagnostics.trackingHeaderActualCumulative": "réachats réels cumulés",
  "diagnostics.accuracyPredictedTotal": "achats prévus sur la période de contrôle",
  "diagnostics.accuracyActualTotal": "achats réels sur la période de contrôle",
  "diagnostics.accuracyError": "écart (prévu par rapport au réel)",
  "diagnostics.accuracyMae": "erreur absolue moyenne par client",
};
