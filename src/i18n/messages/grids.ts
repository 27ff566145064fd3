/**
 * Messages about arguments that combine into a grid, as Excel's own array arithmetic does (a column of frequencies
 * with a row of recencies gives a frequency × recency table). Keys start with "grids.". French must have exactly the
 * same keys.
 */
export const en = {
  "grids.rowColumn": "{row}, column {column}",
  "grids.tooLarge":
    "{args} combine into {rows} rows × {cols} columns ({cells} cells), more than the {max} cells a result may have: give fewer rows or fewer columns.",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "grids.rowColumn": "{row}, colonne {column}",
  "grids.tooLarge":
    "{args} se combinent en {rows} lignes × {cols} colonnes ({cells} cellules), plus que les {max} cellules permises pour un résultat : donnez moins de lignes ou moins de colonnes.",
};
