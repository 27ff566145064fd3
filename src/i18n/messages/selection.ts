/** Messages of the purchase-model choice ("best on holdout", src/engine/models/selection.ts) and its comparison. */
export const en = {
  "selection.holdoutTooShort":
    "the log leaves only {days} days for a holdout after the calibration period (at least {min} are needed).",
  "selection.tooFewCustomers":
    "the calibration period has {customers} customers, {repeat} of them repeat buyers (at least {min} customers and one repeat buyer are needed).",
  "selection.noLog": "a customer table gives no purchase dates to hold out.",
  "selection.noHoldoutPurchases": "no calibration customer bought again in the holdout period.",
  "selection.noModelFitted": "none of the models could be fitted on the calibration period.",
  "selection.fallback":
    "Best on holdout could not compare the purchase models: {reason} MBG/NBD is used, which lets one-time buyers drop out (choose another model in Method to change it).",
  "selection.bgnbdOneTimeBuyers":
    "BG/NBD counts every customer who bought only once ({customers} here) as still active (P(alive) = 100 %), however long ago they bought: their CLV rests on their purchase rate alone. MBG/NBD or Pareto/NBD let them drop out.",
  "selection.model.purchases": "purchase model ({model})",
  "selection.model.spend": "spend model (Gamma-Gamma)",
  "selection.fitBoundary":
    "The {model} ended at a boundary: {detail} The tiers are usable; read the CLV figures with this in mind.",
  "selection.sheet.label": "How the purchase model was chosen",
  "selection.sheet.holdout":
    "Best on holdout: {model} predicted the purchases of {holdoutStart} – {asOf} best (mean absolute error per customer: {errors}), then was refitted on the whole window",
  "selection.sheet.fallback": "Best on holdout could not compare the models: {reason} MBG/NBD was used",
  "selection.choice": "Purchase model",
  "selection.choice.best": "Best on holdout",
  "selection.choice.hint":
    "Best on holdout fits BG/NBD, MBG/NBD and Pareto/NBD on the first two thirds of the log, checks which predicted the last third best, and uses it.",
  "selection.comparison": "Model comparison on the holdout",
  "selection.window":
    "Calibration {first} – {calibrationEnd}, holdout {holdoutStart} – {asOf}: {customers} customers judged.",
  "selection.chosen":
    "{model} chosen: it predicted the holdout purchases best per customer (mean absolute error {mae}; total predicted {predicted}, actual {actual}, {error}).",
  "selection.models": "Models behind the CLV",
  "selection.used": "Purchases: {model}, {status}.",
  "selection.usedSpend": "Spend per purchase: {model}, {status}.",
  "selection.chosenMark": "{model} (chosen)",
  "selection.fallbackShort": "No holdout comparison: {reason}",
  "selection.header.model": "Model",
  "selection.header.logLikelihood": "Log-likelihood",
  "selection.header.aic": "AIC",
  "selection.header.bic": "BIC",
  "selection.header.predicted": "Holdout predicted",
  "selection.header.actual": "Holdout actual",
  "selection.header.error": "Error",
  "selection.header.mae": "MAE per customer",
  "selection.header.status": "Fit",
  "selection.status.converged": "converged",
  "selection.status.boundary": "at a boundary: a parameter ran to its limit, the model reduces to a simpler one",
  "selection.status.notConverged": "did not converge: read its figures with care",
  "selection.role.firstPurchase": "first purchase date",
  "selection.role.lastPurchase": "last purchase date",
  "selection.field.firstPurchase": "First purchase date (for CLV tiers)",
  "selection.field.lastPurchase": "Last purchase date (for CLV tiers)",
  "selection.method.needsHistory":
    "Predicted CLV needs each customer's purchase history: a transaction log, or a customer table with the first and last purchase dates, the number of purchases and the average spend (step Columns).",
  "selection.issue.clvNeedsHistory":
    "CLV tiers on a customer table need the first and last purchase dates of each customer: choose those columns (step Columns), or use a transaction log.",
  "selection.issue.ordersNotWhole":
    '"{column}" must hold the number of purchases, a whole number from 1, for CLV tiers: {count} cell(s), first at {first}.',
  "selection.issue.lastBeforeFirst":
    '"{column}" has last purchases before the first purchase: {count}, first at {first}. Check the two dates of those customers.',
  "selection.issue.oneOrderTwoDates":
    'Customers with one purchase but two different dates in "{column}": {count}, first at {first}. They are read as one purchase on the first date.',
  "selection.issue.afterAsOf":
    '"{column}" has purchases after the as-of date {asOf}: {count}, first at {first}. Check those dates.',
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "selection.holdoutTooShort":
    "le journal ne laisse que {days} jours de période de validation après la période de calibration (il en faut au moins {min}).",
  "selection.tooFewCustomers":
    "la période de calibration compte {customers} clients, dont {repeat} ont racheté (il faut au moins {min} clients et un client qui rachète).",
  "selection.noLog": "une table clients ne donne pas de dates d'achat à mettre de côté pour la validation.",
  "selection.noHoldoutPurchases": "aucun client de la calibration n'a racheté pendant la période de validation.",
  "selection.noModelFitted": "aucun des modèles n'a pu être ajusté sur la période de calibration.",
  "selection.fallback":
    "Le meilleur sur validation n'a pas pu comparer les modèles d'achat : {reason} MBG/NBD est utilisé, qui laisse les clients d'un seul achat partir (choisissez un autre modèle dans Méthode pour changer).",
  "selection.bgnbdOneTimeBuyers":
    "BG/NBD compte tout client qui n'a acheté qu'une fois ({customers} ici) comme encore actif (P(actif) = 100 %), quelle que soit l'ancienneté de son achat : sa VVC ne repose que sur son rythme d'achat. MBG/NBD ou Pareto/NBD le laissent partir.",
  "selection.model.purchases": "modèle d'achats ({model})",
  "selection.model.spend": "modèle de dépense (Gamma-Gamma)",
  "selection.fitBoundary":
    "Le {model} s'est arrêté en bordure : {detail} Les paliers sont utilisables ; lisez les montants de VVC en le sachant.",
  "selection.sheet.label": "Choix du modèle d'achat",
  "selection.sheet.holdout":
    "Meilleur sur validation : {model} a le mieux prédit les achats du {holdoutStart} au {asOf} (erreur absolue moyenne par client : {errors}), puis a été réajusté sur toute la fenêtre",
  "selection.sheet.fallback":
    "Le meilleur sur validation n'a pas pu comparer les modèles : {reason} MBG/NBD a été utilisé",
  "selection.choice": "Modèle d'achat",
  "selection.choice.best": "Meilleur sur validation",
  "selection.choice.hint":
    "Meilleur sur validation ajuste BG/NBD, MBG/NBD et Pareto/NBD sur les deux premiers tiers du journal, regarde lequel a le mieux prédit le dernier tiers et l'utilise.",
  "selection.comparison": "Comparaison des modèles sur la période de validation",
  "selection.window":
    "Calibration {first} – {calibrationEnd}, validation {holdoutStart} – {asOf} : {customers} clients évalués.",
  "selection.chosen":
    "{model} retenu : il a le mieux prédit les achats de la période de validation client par client (erreur absolue moyenne {mae} ; total prévu {predicted}, réel {actual}, {error}).",
  "selection.models": "Modèles derrière la VVC",
  "selection.used": "Achats : {model}, {status}.",
  "selection.usedSpend": "Dépense par achat : {model}, {status}.",
  "selection.chosenMark": "{model} (retenu)",
  "selection.fallbackShort": "Pas de comparaison sur validation : {reason}",
  "selection.header.model": "Modèle",
  "selection.header.logLikelihood": "Log-vraisemblance",
  "selection.header.aic": "AIC",
  "selection.header.bic": "BIC",
  "selection.header.predicted": "Validation prévue",
  "selection.header.actual": "Validation réelle",
  "selection.header.error": "Écart",
  "selection.header.mae": "EAM par client",
  "selection.header.status": "Ajustement",
  "selection.status.converged": "convergé",
  "selection.status.boundary":
    "en bordure : un paramètre a atteint sa limite, le modèle se réduit à un modèle plus simple",
  "selection.status.notConverged": "n'a pas convergé : lisez ses chiffres avec prudence",
  "selection.role.firstPurchase": "date du premier achat",
  "selection.role.lastPurchase": "date du dernier achat",
  "selection.field.firstPurchase": "Date du premier achat (pour les paliers de VVC)",
  "selection.field.lastPurchase": "Date du dernier achat (pour les paliers de VVC)",
  "selection.method.needsHistory":
    "La VVC prédite demande l'historique d'achat de chaque client : un journal de transactions, ou une table clients avec les dates du premier et du dernier achat, le nombre d'achats et le panier moyen (étape Colonnes).",
  "selection.issue.clvNeedsHistory":
    "Les paliers de VVC sur une table clients demandent les dates du premier et du dernier achat de chaque client : choisissez ces colonnes (étape Colonnes), ou utilisez un journal de transactions.",
  "selection.issue.ordersNotWhole":
    "« {column} » doit contenir le nombre d'achats, un nombre entier à partir de 1, pour les paliers de VVC : {count} cellule(s), la première en {first}.",
  "selection.issue.lastBeforeFirst":
    "« {column} » a des derniers achats antérieurs au premier achat : {count}, le premier en {first}. Vérifiez les deux dates de ces clients.",
  "selection.issue.oneOrderTwoDates":
    "Clients avec un seul achat mais deux dates différentes dans « {column} » : {count}, le premier en {first}. Ils sont lus comme un achat à la première date.",
  "selection.issue.afterAsOf":
    "« {column} » a des achats postérieurs à la date d'arrêté {asOf} : {count}, le premier en {first}. Vérifiez ces dates.",
} as const;
