/** Messages of the segments area: the R×F segment names and the RFMSEGMENT errors. French has the same keys. */
export const en = {
  "segments.champions": "Champions",
  "segments.loyalCustomers": "Loyal Customers",
  "segments.potentialLoyalists": "Potential Loyalists",
  "segments.newCustomers": "New Customers",
  "segments.promising": "Promising",
  "segments.needAttention": "Need Attention",
  "segments.aboutToSleep": "About to Sleep",
  "segments.atRisk": "At Risk",
  "segments.cantLoseThem": "Can't Lose Them",
  "segments.hibernating": "Hibernating",
  "segments.scoreOutOfRange":
    "{arg} row {row} holds {found}, but the segment map needs whole scores from 1 to 5: score with CUST.RFM and 5 bins (quintiles).",
  "segments.scoreOutOfRangeSingle":
    "{arg} is {found}, but the segment map needs whole scores from 1 to 5: score with CUST.RFM and 5 bins (quintiles).",
  "segments.language": 'language must be "en" (English) or "fr" (French); it is "{found}".',
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "segments.champions": "Champions",
  "segments.loyalCustomers": "Clients fidèles",
  "segments.potentialLoyalists": "Fidèles potentiels",
  "segments.newCustomers": "Nouveaux clients",
  "segments.promising": "Prometteurs",
  "segments.needAttention": "À surveiller",
  "segments.aboutToSleep": "En voie d'endormissement",
  "segments.atRisk": "À risque",
  "segments.cantLoseThem": "À ne pas perdre",
  "segments.hibernating": "En hibernation",
  "segments.scoreOutOfRange":
    "{arg} contient {found} à la ligne {row}, mais la carte des segments demande des scores entiers de 1 à 5 : calculez-les avec CUST.RFM et 5 classes (quintiles).",
  "segments.scoreOutOfRangeSingle":
    "{arg} vaut {found}, mais la carte des segments demande des scores entiers de 1 à 5 : calculez-les avec CUST.RFM et 5 classes (quintiles).",
  "segments.language": "language doit valoir « en » (anglais) ou « fr » (français) ; il vaut « {found} ».",
};
