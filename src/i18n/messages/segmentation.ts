/** Messages of the segmentation area. Keys start with "segmentation.". French must have exactly the same keys. */
export const en = {
  "segmentation.role.customerId": "customer id",
  "segmentation.role.date": "purchase date",
  "segmentation.role.amount": "amount",
  "segmentation.role.recency": "recency",
  "segmentation.role.frequency": "frequency",
  "segmentation.role.monetary": "monetary value",
  "segmentation.role.value": "value",

  "segmentation.issue.emptyTable": "The table has no data rows. Add customers (or transactions) below the header row.",
  "segmentation.issue.oneRow":
    "The table has only one data row: segments compare customers with each other, so at least two are needed.",
  "segmentation.issue.missingRole": "Choose the column that holds the {role} (step Columns).",
  "segmentation.issue.headerNotFound":
    'The column "{header}" chosen for the {role} is not in the table any more. Choose it again (step Columns).',
  "segmentation.issue.nonNumeric":
    '"{column}" has text where numbers are needed: {count} cell(s), first at {first}. Type each as a number (a text such as "12 €" is not one: type 12 and give the column a currency format).',
  "segmentation.issue.blank":
    '"{column}" has blank cells: {count}, first at {first}. Blanks are not allowed here: fill them in, or delete those rows.',
  "segmentation.issue.errorCells":
    '"{column}" has Excel errors (such as #N/A or #VALUE!): {count}, first at {first}. Correct the formulas that give them, or delete those rows.',
  "segmentation.issue.noTierColumn": "Choose the numeric column to cut into tiers (step Method).",
  "segmentation.issue.notNumericColumn":
    '"{column}" does not hold numbers only, so it cannot be cut into tiers: choose a numeric column (step Method).',
  "segmentation.issue.invalidDate":
    '"{column}" has cells that are not dates: {count}, first at {first}. Dates must be real Excel dates, not text.',
  "segmentation.issue.blankId":
    'Rows without a customer id in "{column}": {count}, first at {first}. Fill them in, or delete those rows.',
  "segmentation.issue.duplicateId":
    'Customer ids that appear more than once in "{column}": {count}, first "{id}" at {first}. A customer table needs one row per customer: remove the duplicates, or choose "transaction log".',
  "segmentation.issue.negativeAmount":
    'Negative amounts in "{column}": {count}, first at {first}. They are treated as refunds: subtracted from the customer\'s spend, not counted as purchases.',
  "segmentation.issue.negativeValue":
    'Negative values in "{column}": {count}, first at {first}. They are kept and rank lowest; check they are not refunds entered in a customer table.',
  "segmentation.issue.negativeCount":
    'Negative values in "{column}": {count}, first at {first}. A number of purchases or of days cannot be negative: fix them.',
  "segmentation.issue.fewDistinct":
    '"{column}" has only {distinct} distinct values, so its scores use {distinct} levels instead of {bins}.',
  "segmentation.issue.noRepeatBuyers":
    "No customer bought more than once, so the CLV model cannot be fitted. Use RFM or quantile tiers, or a longer history.",
  "segmentation.issue.fitNotConverged":
    "The {model} did not fully converge ({detail}); the tiers are usable but check the CLV figures.",
  "segmentation.issue.oneCustomer":
    "All the transactions belong to one customer: segments compare customers with each other, so at least two are needed.",
  "segmentation.issue.badMethod": "The segmentation settings are invalid: {detail}.",
  "segmentation.issue.rowRef": "row {row}",

  "segmentation.tier.top20": "Top 20 %",
  "segmentation.tier.next30": "Next 30 %",
  "segmentation.tier.rest": "Rest (50 %)",
  "segmentation.tier.decile": "Decile {n}",
  "segmentation.tier.tier": "Tier {n}",

  "segmentation.column.segment": "Segment",
  "segmentation.column.tier": "Tier",
  "segmentation.column.rScore": "R score",
  "segmentation.column.fScore": "F score",
  "segmentation.column.mScore": "M score",
  "segmentation.column.rfmCode": "RFM code",
  "segmentation.column.clv": "CLV",
  "segmentation.column.probabilityAlive": "P(alive)",
  "segmentation.column.expectedPurchases": "Expected purchases",

  "segmentation.column.churnRisk": "Churn risk",
  "segmentation.column.expectedSpend": "Expected spend",
  "segmentation.column.reason": "Why",
  "segmentation.churn.high": "high",
  "segmentation.churn.medium": "medium",
  "segmentation.churn.low": "low",
  "segmentation.reason.repeat": "{orders} purchases, usually every {gap} {gapUnit}, silent for {since} {sinceUnit}",
  "segmentation.reason.repeatEachPeriod": "{orders} purchases, usually every {gapUnit}, silent for {since} {sinceUnit}",
  "segmentation.reason.once": "{orders} purchase, silent for {since} {sinceUnit}",
  "segmentation.sheet.winBackName": "Win-back",
  "segmentation.threshold.recency": "Recency breaks",
  "segmentation.threshold.frequency": "Frequency breaks",
  "segmentation.threshold.monetary": "Monetary breaks",
  "segmentation.threshold.clv": "CLV breaks",
  "segmentation.threshold.column": '"{column}" breaks',

  "segmentation.value.revenue": "Revenue",
  "segmentation.value.clv": "CLV",
  "segmentation.value.column": "{column}",

  "segmentation.sheet.name": "Segments",
  "segmentation.sheet.segment": "Segment",
  "segmentation.sheet.customers": "Customers",
  "segmentation.sheet.customerShare": "Share of customers",
  "segmentation.sheet.revenue": "Revenue",
  "segmentation.sheet.valueShare": "Share of value",
  "segmentation.sheet.averageClv": "Average CLV",
  "segmentation.sheet.totalClv": "Total CLV",
  "segmentation.sheet.maxCac": "Suggested maximum CAC (CLV ÷ 3)",
  "segmentation.sheet.chartTitle": "Customers per segment",
  "segmentation.sheet.customerSummaryName": "Customer summary",

  "segmentation.customerSheet.customer": "Customer",
  "segmentation.customerSheet.firstPurchase": "First purchase",
  "segmentation.customerSheet.lastPurchase": "Last purchase",
  "segmentation.customerSheet.orders": "Orders",
  "segmentation.customerSheet.revenue": "Revenue (net of refunds)",
  "segmentation.customerSheet.frequency": "Repeat purchases (x)",
  "segmentation.customerSheet.recency": "First to last purchase, t_x ({unit})",
  "segmentation.customerSheet.age": "Customer age, T ({unit})",
  "segmentation.customerSheet.sinceLast": "Since last purchase ({unit})",
  "segmentation.customerSheet.monetary": "Average repeat spend",
  "segmentation.unit.days": "days",
  "segmentation.unit.weeks": "weeks",
  "segmentation.unit.months": "months",
  "segmentation.unit.day": "day",
  "segmentation.unit.week": "week",
  "segmentation.unit.month": "month",
  "segmentation.method.rfm": "RFM ({bins})",
  "segmentation.method.clvTiers": "CLV tiers ({split})",
  "segmentation.method.quantileTiers": '{tiers} tiers of "{column}"',
  "segmentation.bins.quintiles": "quintiles",
  "segmentation.bins.quartiles": "quartiles",
  "segmentation.bins.deciles": "deciles",
  "segmentation.bins.n": "{n} bins",
  "segmentation.split.20-30-50": "top 20 % / next 30 % / rest",
  "segmentation.split.deciles": "deciles",
  "segmentation.recipe.description": "Segmented on {date} by {method}",

  "segmentation.recipe.invalidJson":
    "The stored segmentation settings are damaged and cannot be read. Apply the segmentation again.",
  "segmentation.recipe.unsupportedVersion":
    "These segmentation settings were saved by a newer version (version {version}). Update the add-in to refresh them.",
  "segmentation.recipe.invalidField":
    'The stored segmentation settings have an invalid "{field}". Apply the segmentation again.',

  "segmentation.naming.renamed": 'A column named "{wanted}" already exists and is yours, so ours is named "{used}".',
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "segmentation.role.customerId": "identifiant client",
  "segmentation.role.date": "date d'achat",
  "segmentation.role.amount": "montant",
  "segmentation.role.recency": "récence",
  "segmentation.role.frequency": "fréquence",
  "segmentation.role.monetary": "montant moyen",
  "segmentation.role.value": "valeur",

  "segmentation.issue.emptyTable":
    "Le tableau n'a aucune ligne de données. Ajoutez les clients (ou les transactions) sous la ligne d'en-tête.",
  "segmentation.issue.oneRow":
    "Le tableau n'a qu'une ligne de données : les segments comparent les clients entre eux, il en faut au moins deux.",
  "segmentation.issue.missingRole": "Choisissez la colonne qui contient : {role} (étape Colonnes).",
  "segmentation.issue.headerNotFound":
    "La colonne « {header} » choisie pour : {role} n'est plus dans le tableau. Choisissez-la de nouveau (étape Colonnes).",
  "segmentation.issue.nonNumeric":
    "« {column} » contient du texte là où il faut des nombres : {count} cellule(s), la première en {first}. Saisissez chacune comme un nombre (un texte comme « 12 € » n'en est pas un : tapez 12 et donnez à la colonne un format monétaire).",
  "segmentation.issue.blank":
    "« {column} » contient des cellules vides : {count}, la première en {first}. Les cellules vides ne sont pas admises ici : remplissez-les ou supprimez ces lignes.",
  "segmentation.issue.errorCells":
    "« {column} » contient des erreurs Excel (comme #N/A ou #VALEUR!) : {count}, la première en {first}. Corrigez les formules qui les donnent, ou supprimez ces lignes.",
  "segmentation.issue.noTierColumn": "Choisissez la colonne numérique à découper en paliers (étape Méthode).",
  "segmentation.issue.notNumericColumn":
    "« {column} » ne contient pas que des nombres : elle ne peut pas être découpée en paliers. Choisissez une colonne numérique (étape Méthode).",
  "segmentation.issue.invalidDate":
    "« {column} » contient des cellules qui ne sont pas des dates : {count}, la première en {first}. Les dates doivent être de vraies dates Excel, pas du texte.",
  "segmentation.issue.blankId":
    "Lignes sans identifiant client dans « {column} » : {count}, la première en {first}. Remplissez-les ou supprimez ces lignes.",
  "segmentation.issue.duplicateId":
    "Identifiants clients présents plusieurs fois dans « {column} » : {count}, le premier « {id} » en {first}. Un tableau clients doit avoir une ligne par client : supprimez les doublons ou choisissez « journal de transactions ».",
  "segmentation.issue.negativeAmount":
    "Montants négatifs dans « {column} » : {count}, le premier en {first}. Ils sont traités comme des remboursements : déduits des dépenses du client, sans compter comme achats.",
  "segmentation.issue.negativeValue":
    "Valeurs négatives dans « {column} » : {count}, la première en {first}. Elles sont conservées et classées en dernier ; vérifiez qu'il ne s'agit pas de remboursements saisis dans un tableau clients.",
  "segmentation.issue.negativeCount":
    "Valeurs négatives dans « {column} » : {count}, la première en {first}. Un nombre d'achats ou de jours ne peut pas être négatif : corrigez-les.",
  "segmentation.issue.fewDistinct":
    "« {column} » n'a que {distinct} valeurs distinctes : ses scores utilisent {distinct} niveaux au lieu de {bins}.",
  "segmentation.issue.noRepeatBuyers":
    "Aucun client n'a acheté plus d'une fois : le modèle de VVC ne peut pas être ajusté. Utilisez le RFM ou des paliers par quantiles, ou un historique plus long.",
  "segmentation.issue.fitNotConverged":
    "Le {model} n'a pas complètement convergé ({detail}) ; les paliers sont utilisables mais vérifiez les montants de VVC.",
  "segmentation.issue.oneCustomer":
    "Toutes les transactions appartiennent au même client : les segments comparent les clients entre eux, il en faut au moins deux.",
  "segmentation.issue.badMethod": "Les réglages de segmentation ne sont pas valides : {detail}.",
  "segmentation.issue.rowRef": "ligne {row}",

  "segmentation.tier.top20": "Top 20 %",
  "segmentation.tier.next30": "30 % suivants",
  "segmentation.tier.rest": "Reste (50 %)",
  "segmentation.tier.decile": "Décile {n}",
  "segmentation.tier.tier": "Palier {n}",

  "segmentation.column.segment": "Segment",
  "segmentation.column.tier": "Palier",
  "segmentation.column.rScore": "Score R",
  "segmentation.column.fScore": "Score F",
  "segmentation.column.mScore": "Score M",
  "segmentation.column.rfmCode": "Code RFM",
  "segmentation.column.clv": "VVC",
  "segmentation.column.probabilityAlive": "P(actif)",
  "segmentation.column.expectedPurchases": "Achats attendus",

  "segmentation.column.churnRisk": "Risque d'attrition",
  "segmentation.column.expectedSpend": "Dépense attendue",
  "segmentation.column.reason": "Pourquoi",
  "segmentation.churn.high": "élevé",
  "segmentation.churn.medium": "moyen",
  "segmentation.churn.low": "faible",
  "segmentation.reason.repeat":
    "{orders} achats, en général tous les {gap} {gapUnit}, sans achat depuis {since} {sinceUnit}",
  "segmentation.reason.repeatEachPeriod":
    "{orders} achats, en général chaque {gapUnit}, sans achat depuis {since} {sinceUnit}",
  "segmentation.reason.once": "{orders} achat, sans achat depuis {since} {sinceUnit}",
  "segmentation.sheet.winBackName": "Reconquête",
  "segmentation.threshold.recency": "Seuils de récence",
  "segmentation.threshold.frequency": "Seuils de fréquence",
  "segmentation.threshold.monetary": "Seuils de montant",
  "segmentation.threshold.clv": "Seuils de VVC",
  "segmentation.threshold.column": "Seuils de « {column} »",

  "segmentation.value.revenue": "Chiffre d'affaires",
  "segmentation.value.clv": "VVC",
  "segmentation.value.column": "{column}",

  "segmentation.sheet.name": "Segments",
  "segmentation.sheet.segment": "Segment",
  "segmentation.sheet.customers": "Clients",
  "segmentation.sheet.customerShare": "Part des clients",
  "segmentation.sheet.revenue": "Chiffre d'affaires",
  "segmentation.sheet.valueShare": "Part de la valeur",
  "segmentation.sheet.averageClv": "VVC moyenne",
  "segmentation.sheet.totalClv": "VVC totale",
  "segmentation.sheet.maxCac": "Coût d'acquisition client maximal conseillé (VVC ÷ 3)",
  "segmentation.sheet.chartTitle": "Clients par segment",
  "segmentation.sheet.customerSummaryName": "Synthèse clients",

  "segmentation.customerSheet.customer": "Client",
  "segmentation.customerSheet.firstPurchase": "Premier achat",
  "segmentation.customerSheet.lastPurchase": "Dernier achat",
  "segmentation.customerSheet.orders": "Commandes",
  "segmentation.customerSheet.revenue": "Chiffre d'affaires (net des remboursements)",
  "segmentation.customerSheet.frequency": "Achats répétés (x)",
  "segmentation.customerSheet.recency": "Du premier au dernier achat, t_x ({unit})",
  "segmentation.customerSheet.age": "Ancienneté, T ({unit})",
  "segmentation.customerSheet.sinceLast": "Depuis le dernier achat ({unit})",
  "segmentation.customerSheet.monetary": "Montant moyen des achats répétés",
  "segmentation.unit.days": "jours",
  "segmentation.unit.weeks": "semaines",
  "segmentation.unit.months": "mois",
  "segmentation.unit.day": "jour",
  "segmentation.unit.week": "semaine",
  "segmentation.unit.month": "mois",
  "segmentation.method.rfm": "RFM ({bins})",
  "segmentation.method.clvTiers": "paliers de VVC ({split})",
  "segmentation.method.quantileTiers": "{tiers} paliers de « {column} »",
  "segmentation.bins.quintiles": "quintiles",
  "segmentation.bins.quartiles": "quartiles",
  "segmentation.bins.deciles": "déciles",
  "segmentation.bins.n": "{n} classes",
  "segmentation.split.20-30-50": "top 20 % / 30 % suivants / reste",
  "segmentation.split.deciles": "déciles",
  "segmentation.recipe.description": "Segmenté le {date} par {method}",

  "segmentation.recipe.invalidJson":
    "Les réglages de segmentation enregistrés sont endommagés et illisibles. Appliquez de nouveau la segmentation.",
  "segmentation.recipe.unsupportedVersion":
    "Ces réglages de segmentation ont été enregistrés par une version plus récente (version {version}). Mettez à jour le complément pour les actualiser.",
  "segmentation.recipe.invalidField":
    "Le champ « {field} » des réglages de segmentation enregistrés n'est pas valide. Appliquez de nouveau la segmentation.",

  "segmentation.naming.renamed":
    "Une colonne « {wanted} » existe déjà et vous appartient : la nôtre s'appelle « {used} ».",
};
