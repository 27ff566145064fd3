/**
 * Re-segmenting a table that already has a segmentation (replace it or add one beside it), and the segmentations
 * list's per-item details. Keys start with "resegment.". French must have exactly the same keys.
 */
export const en = {
  "resegment.legend": "This table already has a segmentation. Apply will:",
  "resegment.replace": "Replace {method} (its columns {columns} and its sheets)",
  "resegment.add": "Add this one beside it, with its own columns and sheets",
  "resegment.sheets": "Sheets: {sheets}.",
  "resegment.item": "Segmentation of {table}: {method}",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "resegment.legend": "Ce tableau a déjà une segmentation. Appliquer va :",
  "resegment.replace": "Remplacer {method} (ses colonnes {columns} et ses feuilles)",
  "resegment.add": "Ajouter celle-ci à côté, avec ses propres colonnes et feuilles",
  "resegment.sheets": "Feuilles : {sheets}.",
  "resegment.item": "Segmentation de {table} : {method}",
};
