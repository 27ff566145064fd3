/** Messages of the rfm area (CUST.RFM and the RFM scoring engine). French must have exactly the same keys. */
export const en = {
  "rfm.binsRange": "bins must be a whole number from 2 to 10 (it is {found}).",
  "rfm.breaksShape":
    "breaks must have 3 columns (recency, frequency, monetary) and one row per cut point, i.e. bins − 1 rows; it has {rows} rows and {cols} columns.",
  "rfm.breaksBinsConflict":
    "bins is {bins} but breaks has {rows} rows: give bins − 1 rows of cut points, or leave bins blank.",
  "rfm.breaksNotAscending":
    "The {measure} breaks must rise from one row to the next, but row {row} ({found}) is not above the row before it.",
  "rfm.breaksPartlyBlank":
    "The {measure} breaks column is partly blank (row {row}): fill every row, or leave the whole column blank to use the computed cut points.",
  "rfm.noValues": "recency, frequency and monetary hold no values: give the columns of your customer table.",
  "rfm.header.cutPoint": "cut point",
  "rfm.header.recency": "recency",
  "rfm.header.frequency": "frequency",
  "rfm.header.monetary": "monetary",
  "rfm.header.distinctScores": "distinct scores",
} as const;

export const fr: { readonly [K in keyof typeof en]: string } = {
  "rfm.binsRange": "bins doit être un nombre entier de 2 à 10 (il vaut {found}).",
  "rfm.breaksShape":
    "breaks doit avoir 3 colonnes (récence, fréquence, montant) et une ligne par seuil, soit bins − 1 lignes ; il a {rows} lignes et {cols} colonnes.",
  "rfm.breaksBinsConflict":
    "bins vaut {bins} mais breaks a {rows} lignes : donnez bins − 1 lignes de seuils, ou laissez bins vide.",
  "rfm.breaksNotAscending":
    "Les seuils de {measure} doivent croître d'une ligne à l'autre, mais la ligne {row} ({found}) n'est pas au-dessus de la précédente.",
  "rfm.breaksPartlyBlank":
    "La colonne de seuils de {measure} est en partie vide (ligne {row}) : remplissez chaque ligne, ou laissez toute la colonne vide pour utiliser les seuils calculés.",
  "rfm.noValues":
    "recency, frequency et monetary ne contiennent aucune valeur : donnez les colonnes de votre table clients.",
  "rfm.header.cutPoint": "seuil",
  "rfm.header.recency": "récence",
  "rfm.header.frequency": "fréquence",
  "rfm.header.monetary": "montant",
  "rfm.header.distinctScores": "scores distincts",
};
