/**
 * Worked examples of grids in one formula: per-row arguments combine as Excel's own array arithmetic does
 * (=A2:A5*B1:F1), so a column of frequencies and a row of recencies give a P(alive) or expected-purchases heatmap,
 * and a column of horizons gives a curve. Kept apart from examples.ts so the areas do not edit one list;
 * FUNCTION_EXAMPLES includes them.
 */
import type { FunctionExample } from "./examples";

const BGNBD_TABLE = [
  ["model", "bgnbd"],
  ["r", 0.25],
  ["alpha", 4],
  ["a", 0.8],
  ["b", 2.5],
];
const BGBB_TABLE = [
  ["model", "bgbb"],
  ["alpha", 1.2],
  ["beta", 0.75],
  ["gamma", 0.66],
  ["delta", 2.78],
];
const FREQUENCIES = [[1], [2], [5], [10]];
const RECENCIES = [[10, 20, 30, 40, 50]];
const HEATMAP_NOTE = {
  en: "A2:B6 holds a BG/NBD table (as CUST.FIT spills it) for weekly data; C2:C5 holds the repeat purchases 1, 2, 5 and 10 down a column, D1:H1 the weeks of the last purchase 10 to 50 across a row, and every customer is 52 weeks old. The column and the row combine into a 4 × 5 table, as =C2:C5*D1:H1 would in Excel: one value per frequency and recency, to colour as a heatmap (Conditional Formatting > Color Scales).",
  fr: "A2:B6 contient une table BG/NBD (comme la renvoie CUST.FIT) pour des données hebdomadaires ; C2:C5 contient les réachats 1, 2, 5 et 10 en colonne, D1:H1 les semaines du dernier achat, de 10 à 50, en ligne, et chaque client a 52 semaines d'ancienneté. La colonne et la ligne se combinent en un tableau 4 × 5, comme =C2:C5*D1:H1 dans Excel : une valeur par fréquence et récence, à colorer en carte de chaleur (Mise en forme conditionnelle > Nuances de couleurs).",
};

export const GRID_EXAMPLES: readonly FunctionExample[] = [
  {
    id: "palive-heatmap",
    formula: "=CUST.PALIVE(A2:B6, C2:C5, D1:H1, 52)",
    args: [BGNBD_TABLE, FREQUENCIES, RECENCIES, [[52]]],
    expected: [
      [0.3558, 0.5201, 0.6261, 0.698, 0.7491],
      [0.162, 0.394, 0.5874, 0.7177, 0.8012],
      [0.0056, 0.0868, 0.3717, 0.6961, 0.8703],
      [0.0, 0.0024, 0.0795, 0.5482, 0.9083],
    ],
    precision: 4,
    note: {
      en: `${HEATMAP_NOTE.en} A frequent buyer silent for long is the likeliest to be gone (10 purchases, the last in week 10: under 0.0001).`,
      fr: `${HEATMAP_NOTE.fr} Un client fréquent silencieux depuis longtemps est le plus probablement parti (10 achats, le dernier en semaine 10 : moins de 0,0001).`,
    },
  },
  {
    id: "purchases-heatmap",
    formula: "=CUST.PURCHASES(A2:B6, 52, C2:C5, D1:H1, 52)",
    args: [BGNBD_TABLE, 52, FREQUENCIES, RECENCIES, [[52]]],
    expected: [
      [0.3521, 0.5146, 0.6196, 0.6907, 0.7413],
      [0.2814, 0.6844, 1.0203, 1.2468, 1.3918],
      [0.0218, 0.3391, 1.4521, 2.7192, 3.3998],
      [0.0001, 0.0181, 0.5925, 4.0861, 6.7694],
    ],
    precision: 4,
    note: {
      en: `${HEATMAP_NOTE.en} Expected purchases in the next 52 weeks.`,
      fr: `${HEATMAP_NOTE.fr} Achats attendus dans les 52 semaines suivantes.`,
    },
  },
  {
    id: "purchases-curve",
    formula: "=CUST.PURCHASES(A2:B6, C2:C5, 2, 30, 39)",
    args: [BGNBD_TABLE, [[13], [26], [39], [52]], [[2]], [[30]], [[39]]],
    expected: [[0.4577], [0.8625], [1.227], [1.5598]],
    precision: 4,
    note: {
      en: "A2:B6 holds a BG/NBD table for weekly data; C2:C5 holds the horizons 13, 26, 39 and 52 weeks: one customer's expected purchases over each, a curve to chart (2 repeat purchases, the last in week 30 of 39).",
      fr: "A2:B6 contient une table BG/NBD pour des données hebdomadaires ; C2:C5 contient les horizons 13, 26, 39 et 52 semaines : les achats attendus d'un client sur chacun, une courbe à tracer (2 réachats, le dernier à la semaine 30 sur 39).",
    },
  },
  {
    id: "palive-heatmap-bgbb",
    formula: "=CUST.PALIVE(A2:B6, C2:C4, D1:G1, 6)",
    args: [BGBB_TABLE, [[1], [2], [3]], [[3, 4, 5, 6]], [[6]]],
    expected: [
      [0.4801, 0.6792, 0.8274, 0.9301],
      [0.2979, 0.5884, 0.8037, 0.9301],
      [0.0946, 0.4383, 0.7659, 0.9301],
    ],
    precision: 4,
    note: {
      en: "A2:B6 holds a BG/BB table close to the donations fit of Fader, Hardie & Shang (2010), one opportunity a year; C2:C4 holds donors' repeat donations 1 to 3, D1:G1 the year of their last donation 3 to 6, out of 6: P(alive) in year 7 for each pair.",
      fr: "A2:B6 contient une table BG/BB proche de l'ajustement des dons de Fader, Hardie et Shang (2010), une occasion par an ; C2:C4 contient les dons répétés 1 à 3, D1:G1 l'année du dernier don, de 3 à 6, sur 6 : P(alive) l'année 7 pour chaque couple.",
    },
  },
  {
    id: "palive-error-shapes",
    formula: "=CUST.PALIVE(A2:B6, C1:E1, F1:G2, 52)",
    args: [
      BGNBD_TABLE,
      [[1, 2, 5]],
      [
        [10, 20],
        [30, 40],
      ],
      [[52]],
    ],
    expected: { error: "#VALUE!" },
    note: {
      en: "A row of 3 frequencies with 2 columns of recencies: the widths do not combine (Excel's =C1:E1*F1:G2 would give #N/A in the third column). The message says which shapes do.",
      fr: "Une ligne de 3 fréquences avec 2 colonnes de récences : les largeurs ne se combinent pas (=C1:E1*F1:G2 donnerait #N/A dans la troisième colonne d'Excel). Le message dit quelles formes conviennent.",
    },
  },
];
