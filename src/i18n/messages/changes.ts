/** Messages of the Changes sheet a refresh writes. Keys start with "changes.". French must have exactly the same keys. */
export const en = {
  "changes.sheetName": "Changes",
  "changes.title": "What changed at the last refresh",
  "changes.since": "Compared with the run of",
  "changes.movedSummary": "{moved} customers changed segment, {added} are new, {lost} are no longer in the table.",
  "changes.customersMatrix": "Customers: previous segment (rows) → segment now (columns)",
  "changes.valueMatrix": "Value now of those customers ({measure}): previous segment (rows) → segment now (columns)",
  "changes.fromTo": "From \\ to",
  "changes.new": "New customers",
  "changes.lost": "No longer in the table",
  "changes.perSegment": "Each segment before and after",
  "changes.segment": "Segment",
  "changes.customersBefore": "Customers before",
  "changes.customersAfter": "Customers after",
  "changes.valueBefore": "{measure} before",
  "changes.valueAfter": "{measure} after",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "changes.sheetName": "Évolution",
  "changes.title": "Ce qui a changé à la dernière actualisation",
  "changes.since": "Par rapport à l'exécution du",
  "changes.movedSummary":
    "{moved} clients ont changé de segment, {added} sont nouveaux, {lost} ne sont plus dans le tableau.",
  "changes.customersMatrix": "Clients : segment précédent (lignes) → segment actuel (colonnes)",
  "changes.valueMatrix":
    "Valeur actuelle de ces clients ({measure}) : segment précédent (lignes) → segment actuel (colonnes)",
  "changes.fromTo": "De \\ vers",
  "changes.new": "Nouveaux clients",
  "changes.lost": "Plus dans le tableau",
  "changes.perSegment": "Chaque segment avant et après",
  "changes.segment": "Segment",
  "changes.customersBefore": "Clients avant",
  "changes.customersAfter": "Clients après",
  "changes.valueBefore": "{measure} avant",
  "changes.valueAfter": "{measure} après",
};
