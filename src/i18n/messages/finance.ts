/**
 * Messages of the finance area: CUST.COHORT (acquisition-cohort triangles), CUST.FORECAST (the monthly schedule of
 * the customer base) and the low / likely / high ranges. French must have exactly the same keys.
 */
export const en = {
  "finance.cohort.tooManyPeriods":
    "The log spans {found} {period}s, more than the {max} a cohort table may have: use a longer period (quarter or year).",
  "finance.cohort.badProjection": "projection_periods must be a whole number from 0 to {max} (it is {found}).",
  "finance.cohort.cannotProject":
    "No cohort has lost a customer over two observed periods yet, so there is no retention to project: leave projection_periods blank.",
  "finance.cohort.header.cohort": "cohort",
  "finance.cohort.header.customers": "customers acquired",
  "finance.cohort.header.observed": "periods observed",
  "finance.cohort.quarterLabel": "{year}-Q{quarter}",
  "finance.forecast.badNewCustomers": "new_customers row {row} must be a number of customers, 0 or more.",
  "finance.forecast.badCac": "cac row {row} must be an acquisition cost per customer, 0 or more.",
  "finance.forecast.tooManyCohorts":
    "{arg} has {found} rows but the schedule has {months} months: give at most one value per month.",
  "finance.forecast.cacWithoutCustomers":
    "cac is given without new_customers: give the customers acquired each month too.",
  "finance.forecast.noCustomers": "No customer could be read: give at least one row of frequency, recency and T.",
  "finance.forecast.tooMuchWork":
    "This forecast would take too long: {histories} different histories (frequency and T) over {months} months. Use at most {most} months, or T in whole days or weeks (customers with the same frequency and T are computed once).",
  "finance.forecast.header.month": "month",
  "finance.forecast.header.newCustomers": "new customers",
  "finance.forecast.header.purchases": "purchases",
  "finance.forecast.header.revenue": "revenue",
  "finance.forecast.header.margin": "margin",
  "finance.forecast.header.acquisitionCost": "acquisition cost",
  "finance.forecast.header.net": "net margin",
  "finance.forecast.header.discounted": "discounted margin",
  "finance.forecast.header.discountedNet": "discounted net margin",
  "finance.forecast.header.total": "total",
  "finance.forecast.functionName": "CUST.FORECAST",
  "finance.range.noCovariance":
    "The {model} parameters' uncertainty cannot be computed for these customers (their information matrix cannot be inverted): fit the model on more customers, or value them without a range.",
  "finance.range.noCovarianceCovariates":
    "The {model} parameters' uncertainty, covariate coefficients included, cannot be computed for these customers: their covariate values must differ (value the customers the model was fitted on, or a set with different values), or value them without a range.",
  "finance.range.unstable":
    "Too many draws of the {model} parameters fall where the models have no value (for example Gamma-Gamma's q at or below 1): the fit is too uncertain for a range; fit it on more customers.",
  "finance.range.badPercentiles":
    "{arg} must be a percentile such as 10% (then 10% and 90%), or two percentiles, low then high, between 0% and 100% (it is {found}).",
  "finance.range.tooMuchWork":
    "The low and high values would take too long over {months} months: {draws} draws × {histories} different histories in their sample × {months} months. Use at most {most} months for a range, or no range.",
  "finance.range.tooManyCustomers":
    "Ranges per customer are limited to {max} customers (there are {found}): set total to TRUE for the whole base's range, or split the table.",
  "finance.range.group": "group",
  "finance.range.groupsNeedTotal":
    "groups gives one range per group of customers: set total to TRUE with it (per-customer ranges have no groups).",
  "finance.range.groupsRows":
    "groups has {found} rows but there are {expected} customers: give each customer's group (a channel, a country…), in the same order.",
  "finance.range.tooManyGroups":
    "groups has more than {max} different values: give a column of channels, countries or campaigns, not of ids or dates.",
  "finance.range.low": "low ({p})",
  "finance.range.likely": "likely",
  "finance.range.high": "high ({p})",
  "finance.range.columnLow": "{column}, low ({p})",
  "finance.range.columnHigh": "{column}, high ({p})",
  "finance.docs.rangeTitle": "How the low and high values are computed",
  "finance.docs.rangeBody":
    "The fitted parameters are estimates: with other customers the fit would have found slightly different ones. The range shows what that uncertainty does to the value. The parameters are drawn 200 times at random around the fitted ones, as far and in the directions the data allow: each parameter's spread is its standard error from the CUST.FIT table, and how the parameters move together comes from the customers given (the curvature of the model's likelihood at the fitted parameters). The value is recomputed for each draw, and low and high are the 10th and 90th percentiles of the 200 values (or the percentiles you give); likely is the value at the fitted parameters, what CUST.PCLV and CUST.FORECAST give. A spend model from a Gamma-Gamma table is drawn the same way, independently. The draws use a fixed seed, so the same inputs give the same range on every computer. For a base's total, each draw is recomputed on a fixed sample of at most 5,000 of the customers with their ages rounded to 16 values, and the base's value is moved by the same proportion as the sample's. The range covers the uncertainty of the parameters only: not a change in customer behaviour, nor the chance in which customers happen to buy. Fitted on the same customers, an 80% range contains the value at the true parameters about 80% of the time (tested by simulation).",
  "finance.docs.cohortTitle": "Projected cells",
  "finance.docs.cohortBody":
    "With projection_periods, one shifted-beta-geometric (sBG) retention model is fitted to all cohorts at once: each cohort's active customers, made non-increasing (a customer who comes back after a quiet period counts as never having left), are its survivors. A cohort's cells after its periods observed are projected: its last observed survivors times the model's survival from that period on, and their revenue at the revenue per active customer seen at the same period since acquisition over all cohorts. The period that contains as_of is counted as observed, so a cohort's last observed cell may cover part of a period only.",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "finance.cohort.tooManyPeriods":
    "Le journal couvre {found} périodes ({period}), plus que les {max} qu'une table de cohortes peut avoir : prenez une période plus longue (quarter ou year).",
  "finance.cohort.badProjection": "projection_periods doit être un nombre entier de 0 à {max} (il vaut {found}).",
  "finance.cohort.cannotProject":
    "Aucune cohorte n'a encore perdu de client sur deux périodes observées : il n'y a pas de rétention à projeter ; laissez projection_periods vide.",
  "finance.cohort.header.cohort": "cohorte",
  "finance.cohort.header.customers": "clients acquis",
  "finance.cohort.header.observed": "périodes observées",
  "finance.cohort.quarterLabel": "{year}-T{quarter}",
  "finance.forecast.badNewCustomers": "La ligne {row} de new_customers doit être un nombre de clients, 0 ou plus.",
  "finance.forecast.badCac": "La ligne {row} de cac doit être un coût d'acquisition par client, 0 ou plus.",
  "finance.forecast.tooManyCohorts":
    "{arg} a {found} lignes mais la prévision compte {months} mois : donnez au plus une valeur par mois.",
  "finance.forecast.cacWithoutCustomers":
    "cac est donné sans new_customers : donnez aussi les clients acquis chaque mois.",
  "finance.forecast.noCustomers": "Aucun client n'a pu être lu : donnez au moins une ligne de frequency, recency et T.",
  "finance.forecast.tooMuchWork":
    "Cette prévision serait trop longue : {histories} historiques différents (frequency et T) sur {months} mois. Utilisez au plus {most} mois, ou T en jours ou semaines entiers (les clients de même frequency et T sont calculés une seule fois).",
  "finance.forecast.header.month": "mois",
  "finance.forecast.header.newCustomers": "nouveaux clients",
  "finance.forecast.header.purchases": "achats",
  "finance.forecast.header.revenue": "chiffre d'affaires",
  "finance.forecast.header.margin": "marge",
  "finance.forecast.header.acquisitionCost": "coût d'acquisition",
  "finance.forecast.header.net": "marge nette",
  "finance.forecast.header.discounted": "marge actualisée",
  "finance.forecast.header.discountedNet": "marge nette actualisée",
  "finance.forecast.header.total": "total",
  "finance.forecast.functionName": "CUST.PREVISION",
  "finance.range.noCovariance":
    "L'incertitude des paramètres {model} ne peut pas être calculée pour ces clients (leur matrice d'information n'est pas inversible) : ajustez le modèle sur plus de clients, ou valorisez-les sans fourchette.",
  "finance.range.noCovarianceCovariates":
    "L'incertitude des paramètres {model}, coefficients des covariables compris, ne peut pas être calculée pour ces clients : leurs valeurs de covariables doivent différer (valorisez les clients sur lesquels le modèle a été estimé, ou un ensemble aux valeurs différentes), ou valorisez-les sans fourchette.",
  "finance.range.unstable":
    "Trop de tirages des paramètres {model} tombent là où les modèles n'ont pas de valeur (par exemple q de Gamma-Gamma inférieur ou égal à 1) : l'ajustement est trop incertain pour une fourchette ; ajustez-le sur plus de clients.",
  "finance.range.badPercentiles":
    "{arg} doit être un centile comme 10 % (soit 10 % et 90 %), ou deux centiles, bas puis haut, entre 0 % et 100 % (il vaut {found}).",
  "finance.range.tooMuchWork":
    "Les valeurs basse et haute seraient trop longues à calculer sur {months} mois : {draws} tirages × {histories} historiques différents dans leur échantillon × {months} mois. Utilisez au plus {most} mois pour une fourchette, ou aucune fourchette.",
  "finance.range.tooManyCustomers":
    "Les fourchettes par client sont limitées à {max} clients (il y en a {found}) : mettez total à VRAI pour la fourchette de toute la base, ou scindez la table.",
  "finance.range.group": "groupe",
  "finance.range.groupsNeedTotal":
    "groups donne une fourchette par groupe de clients : mettez total à VRAI avec lui (les fourchettes par client n'ont pas de groupes).",
  "finance.range.groupsRows":
    "groups a {found} lignes mais il y a {expected} clients : donnez le groupe de chaque client (un canal, un pays…), dans le même ordre.",
  "finance.range.tooManyGroups":
    "groups a plus de {max} valeurs différentes : donnez une colonne de canaux, de pays ou de campagnes, pas d'identifiants ni de dates.",
  "finance.range.low": "bas ({p})",
  "finance.range.likely": "probable",
  "finance.range.high": "haut ({p})",
  "finance.range.columnLow": "{column}, bas ({p})",
  "finance.range.columnHigh": "{column}, haut ({p})",
  "finance.docs.rangeTitle": "Comment les valeurs basse et haute sont calculées",
  "finance.docs.rangeBody":
    "Les paramètres ajustés sont des estimations : avec d'autres clients, l'ajustement en aurait trouvé de légèrement différents. La fourchette montre ce que cette incertitude fait à la valeur. Les paramètres sont tirés 200 fois au hasard autour des paramètres ajustés, aussi loin et dans les directions que les données permettent : l'écart de chaque paramètre est son erreur type de la table CUST.FIT, et la façon dont les paramètres varient ensemble vient des clients donnés (la courbure de la vraisemblance du modèle aux paramètres ajustés). La valeur est recalculée pour chaque tirage ; bas et haut sont les 10e et 90e centiles des 200 valeurs (ou les centiles donnés) ; probable est la valeur aux paramètres ajustés, celle de CUST.PCLV et CUST.PREVISION. Un modèle de dépense donné par une table Gamma-Gamma est tiré de la même façon, indépendamment. Les tirages utilisent une graine fixe : les mêmes entrées donnent la même fourchette sur tous les ordinateurs. Pour le total d'une base, chaque tirage est recalculé sur un échantillon fixe d'au plus 5 000 clients dont l'ancienneté est arrondie à 16 valeurs, et la valeur de la base varie dans la même proportion que celle de l'échantillon. La fourchette ne couvre que l'incertitude des paramètres : ni un changement de comportement des clients, ni le hasard de ceux qui achètent. Ajustée sur les mêmes clients, une fourchette à 80 % contient la valeur aux vrais paramètres environ 80 % du temps (vérifié par simulation).",
  "finance.docs.cohortTitle": "Cellules projetées",
  "finance.docs.cohortBody":
    "Avec projection_periods, un seul modèle de rétention bêta-géométrique décalé (sBG) est ajusté sur toutes les cohortes à la fois : les clients actifs de chaque cohorte, rendus non croissants (un client qui revient après une période sans achat compte comme n'étant jamais parti), sont ses survivants. Les cellules d'une cohorte après ses périodes observées sont projetées : ses derniers survivants observés multipliés par la survie du modèle à partir de cette période, et leur chiffre d'affaires au chiffre d'affaires par client actif observé à la même période depuis l'acquisition sur toutes les cohortes. La période qui contient as_of compte comme observée : la dernière cellule observée d'une cohorte peut donc ne couvrir qu'une partie de la période.",
};
