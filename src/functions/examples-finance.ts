/**
 * Worked examples of the finance functions (CUST.COHORT, CUST.FORECAST, CUST.PCLVRANGE), kept apart from
 * examples.ts so the areas do not edit one list; FUNCTION_EXAMPLES includes them.
 */
import type { FunctionExample } from "./examples";

const LOG_IDS = [["A"], ["A"], ["B"], ["C"], ["C"]];
const LOG_DATES = [[45296], [45332], [45311], [45325], [45366]];
const LOG_AMOUNTS = [[20], [30], [15], [25], [10]];
const LOG_NOTE = {
  en: "Five orders (ids in A, Excel dates in B, amounts in C): A buys on 5 January 2024 (20) and 10 February (30), B on 20 January (15), C on 3 February (25) and 15 March (10).",
  fr: "Cinq commandes (identifiants en A, dates Excel en B, montants en C) : A achète le 5 janvier 2024 (20) et le 10 février (30), B le 20 janvier (15), C le 3 février (25) et le 15 mars (10).",
};

/** A BG/NBD parameter table typed by hand, in the shape CUST.FIT spills (label | value), for weekly data. */
const BGNBD_TABLE = [
  ["model", "bgnbd"],
  ["r", 0.25],
  ["alpha", 4],
  ["a", 0.8],
  ["b", 2.5],
];
const BASE_NOTE = {
  en: "A2:B6 holds a BG/NBD parameter table for weekly data; two customers spend 30 per purchase: one made 2 repeat purchases, the last in week 30 of their 39 weeks (C2:E2), the other none in 39 weeks (C3:E3).",
  fr: "A2:B6 contient une table de paramètres BG/NBD pour des données hebdomadaires ; deux clients dépensent 30 par achat : l'un a fait 2 réachats, le dernier à la semaine 30 de ses 39 semaines (C2:E2), l'autre aucun en 39 semaines (C3:E3).",
};

/** What CUST.FIT("bgnbd", …) spills for SMALL_BASE (parameters to 4 digits, standard errors to 3). */
const SMALL_FIT = [
  ["model", "bgnbd"],
  ["r", 0.6138],
  ["alpha", 5.212],
  ["a", 0.3956],
  ["b", 0.4792],
  ["se_r", 0.381],
  ["se_alpha", 5.62],
  ["se_a", 0.571],
  ["se_b", 0.773],
];
const column = (values: readonly number[]) => values.map((value) => [value]);
/** Twenty customers observed in weeks. */
const SMALL_BASE = {
  frequency: column([0, 0, 5, 1, 0, 6, 1, 1, 2, 2, 3, 1, 2, 0, 1, 2, 1, 0, 0, 1]),
  recency: column([0, 0, 37, 13, 0, 33, 2, 8, 19, 44, 32, 1, 3, 0, 0, 30, 3, 0, 0, 1]),
  age: column([44, 26, 38, 35, 45, 44, 35, 29, 30, 46, 32, 33, 39, 29, 45, 35, 41, 41, 36, 47]),
};

/** CUST.FIT("bgnbd", …, purchase_covariates = SMALL_STORE) on SMALL_BASE (4 significant digits). */
const SMALL_COVARIATE_FIT = [
  ["model", "bgnbd"],
  ["r", 1.557],
  ["alpha", 14.52],
  ["a", 0.398],
  ["b", 0.6052],
  ["purchase.Store", -1.372],
  ["se_r", 1.693],
  ["se_alpha", 20.95],
  ["se_a", 0.6325],
  ["se_b", 1.087],
  ["se_purchase.Store", 0.7454],
];

/** The acquisition channel of each of SMALL_BASE's customers. */
const SMALL_CHANNELS = ["Web", "Store", "Web", "Web", "Store", "Web", "Store", "Web", "Web", "Store"]
  .concat(["Web", "Store", "Web", "Store", "Web", "Web", "Store", "Web", "Store", "Web"])
  .map((channel) => [channel]);

/** SMALL_CHANNELS as a covariate with its header: 1 for a store customer, 0 for a web one. */
const SMALL_STORE = [["Store"], ...SMALL_CHANNELS.map(([channel]) => [channel === "Store" ? 1 : 0])];

export const FINANCE_EXAMPLES: readonly FunctionExample[] = [
  {
    id: "cohort-active",
    formula: "=CUST.COHORT(A2:A6, B2:B6, C2:C6)",
    args: [LOG_IDS, LOG_DATES, LOG_AMOUNTS],
    expected: [
      ["cohort", "customers acquired", "periods observed", 0, 1, 2],
      ["2024-01", 2, 3, 2, 1, 0],
      ["2024-02", 1, 2, 1, 1, ""],
    ],
    expectedFr: [
      ["cohorte", "clients acquis", "périodes observées", 0, 1, 2],
      ["2024-01", 2, 3, 2, 1, 0],
      ["2024-02", 1, 2, 1, 1, ""],
    ],
    note: {
      en: `${LOG_NOTE.en} January's cohort (A, B) has 2 active customers in its first month, 1 (A) in February and none in March; February's cohort (C) is active in both its months.`,
      fr: `${LOG_NOTE.fr} La cohorte de janvier (A, B) a 2 clients actifs son premier mois, 1 (A) en février et aucun en mars ; celle de février (C) est active ses deux mois.`,
    },
  },
  {
    id: "cohort-cumulative",
    formula: '=CUST.COHORT(A2:A6, B2:B6, C2:C6, "month", "cumulative")',
    args: [LOG_IDS, LOG_DATES, LOG_AMOUNTS, "month", "cumulative"],
    expected: [
      ["cohort", "customers acquired", "periods observed", 0, 1, 2],
      ["2024-01", 2, 3, 17.5, 32.5, 32.5],
      ["2024-02", 1, 2, 25, 35, ""],
    ],
    expectedFr: [
      ["cohorte", "clients acquis", "périodes observées", 0, 1, 2],
      ["2024-01", 2, 3, 17.5, 32.5, 32.5],
      ["2024-02", 1, 2, 25, 35, ""],
    ],
    note: {
      en: "The same log: cumulative revenue per acquired customer. January's cohort spent 20 + 15 in its first month (17.5 per customer), then 30 more (65 ÷ 2 = 32.5).",
      fr: "Le même journal : chiffre d'affaires cumulé par client acquis. La cohorte de janvier a dépensé 20 + 15 le premier mois (17,5 par client), puis 30 de plus (65 ÷ 2 = 32,5).",
    },
  },
  {
    id: "cohort-error-period",
    formula: '=CUST.COHORT(A2:A6, B2:B6, C2:C6, "week")',
    args: [LOG_IDS, LOG_DATES, LOG_AMOUNTS, "week"],
    expected: { error: "#VALUE!" },
    note: {
      en: 'Cohorts are by "month", "quarter" or "year".',
      fr: 'Les cohortes sont par mois ("month"), trimestre ("quarter") ou année ("year").',
    },
  },
  {
    id: "forecast-base",
    formula: '=CUST.FORECAST(A2:B6, 30, C2:C3, D2:D3, E2:E3, "weeks", , 3, 10%, 30%)',
    args: [BGNBD_TABLE, [[30]], [[2], [0]], [[30], [0]], [[39], [39]], "weeks", null, 3, 0.1, 0.3],
    expected: [
      ["month", "purchases", "revenue", "margin", "discounted margin"],
      [1, 0.185, 5.5486, 1.6646, 1.6514],
      [2, 0.177, 5.3102, 1.593, 1.5679],
      [3, 0.1699, 5.0961, 1.5288, 1.4928],
      ["total", 0.5318, 15.9548, 4.7864, 4.7122],
    ],
    expectedFr: [
      ["mois", "achats", "chiffre d'affaires", "marge", "marge actualisée"],
      [1, 0.185, 5.5486, 1.6646, 1.6514],
      [2, 0.177, 5.3102, 1.593, 1.5679],
      [3, 0.1699, 5.0961, 1.5288, 1.4928],
      ["total", 0.5318, 15.9548, 4.7864, 4.7122],
    ],
    precision: 4,
    note: {
      en: `${BASE_NOTE.en} Three months at a 10% annual discount rate and a 30% margin: the total discounted margin, 4.7122, is the sum of the two customers' CUST.PCLV over 3 months.`,
      fr: `${BASE_NOTE.fr} Trois mois, au taux d'actualisation annuel de 10 % et à 30 % de marge : la marge actualisée totale, 4,7122, est la somme des CUST.PCLV des deux clients sur 3 mois.`,
    },
  },
  {
    id: "forecast-cohorts",
    formula: '=CUST.FORECAST(A2:B6, 30, C2:C3, D2:D3, E2:E3, "weeks", , 3, 10%, 30%, 10, 25)',
    args: [BGNBD_TABLE, [[30]], [[2], [0]], [[30], [0]], [[39], [39]], "weeks", null, 3, 0.1, 0.3, 10, 25],
    expected: [
      [
        "month",
        "new customers",
        "purchases",
        "revenue",
        "margin",
        "acquisition cost",
        "net margin",
        "discounted net margin",
      ],
      [1, 10, 12.5612, 376.8367, 113.051, 250, -136.949, -135.8656],
      [2, 10, 14.4845, 434.536, 130.3608, 250, -119.6392, -117.7538],
      [3, 10, 16.1398, 484.1951, 145.2585, 250, -104.7415, -102.2752],
      ["total", 30, 43.1856, 1295.5677, 388.6703, 750, -361.3297, -355.8946],
    ],
    expectedFr: [
      [
        "mois",
        "nouveaux clients",
        "achats",
        "chiffre d'affaires",
        "marge",
        "coût d'acquisition",
        "marge nette",
        "marge nette actualisée",
      ],
      [1, 10, 12.5612, 376.8367, 113.051, 250, -136.949, -135.8656],
      [2, 10, 14.4845, 434.536, 130.3608, 250, -119.6392, -117.7538],
      [3, 10, 16.1398, 484.1951, 145.2585, 250, -104.7415, -102.2752],
      ["total", 30, 43.1856, 1295.5677, 388.6703, 750, -361.3297, -355.8946],
    ],
    precision: 4,
    note: {
      en: "The same base plus 10 new customers a month at a CAC of 25: each makes a first purchase in the month acquired and then buys as the model's new customer. Over 3 months the acquisitions do not pay back yet: the NPV (last cell) is −355.89.",
      fr: "La même base plus 10 nouveaux clients par mois à un coût d'acquisition de 25 : chacun fait un premier achat le mois de son acquisition, puis achète comme le nouveau client du modèle. Sur 3 mois, les acquisitions ne sont pas encore rentables : la VAN (dernière cellule) vaut −355,89.",
    },
  },
  {
    id: "forecast-error-months",
    formula: '=CUST.FORECAST(A2:B6, 30, C2:C3, D2:D3, E2:E3, "weeks", , 1000)',
    args: [BGNBD_TABLE, [[30]], [[2], [0]], [[30], [0]], [[39], [39]], "weeks", null, 1000],
    expected: { error: "#VALUE!" },
    note: {
      en: "The schedule has one row per month, at most 600 (50 years).",
      fr: "La prévision a une ligne par mois, 600 au plus (50 ans).",
    },
  },
  {
    id: "pclvrange-base",
    formula: '=CUST.PCLVRANGE(A2:B10, 20, C2:C21, D2:D21, E2:E21, "weeks", , 12, 10%, 30%, , TRUE)',
    args: [
      SMALL_FIT,
      [[20]],
      SMALL_BASE.frequency,
      SMALL_BASE.recency,
      SMALL_BASE.age,
      "weeks",
      null,
      12,
      0.1,
      0.3,
      null,
      true,
    ],
    expected: [
      ["low (10%)", "likely", "high (90%)"],
      [77.36, 132.14, 178.36],
    ],
    expectedFr: [
      ["bas (10 %)", "probable", "haut (90 %)"],
      [77.36, 132.14, 178.36],
    ],
    precision: 2,
    note: {
      en: "A2:B10 holds the BG/NBD table CUST.FIT spilled for 20 customers observed in weeks (C: frequency, D: recency, E: T), with its standard errors; each spends 20 per purchase. Their 12-month value at 30% margin and 10% a year is likely 132.14, and 80% likely between 77.36 and 178.36: twenty customers say little about the parameters.",
      fr: "A2:B10 contient la table BG/NBD renvoyée par CUST.FIT pour 20 clients observés en semaines (C : fréquence, D : récence, E : T), avec ses erreurs types ; chacun dépense 20 par achat. Leur valeur à 12 mois, à 30 % de marge et 10 % par an, vaut probablement 132,14, et à 80 % entre 77,36 et 178,36 : vingt clients renseignent peu sur les paramètres.",
    },
  },
  {
    id: "pclvrange-groups",
    formula: '=CUST.PCLVRANGE(A2:B10, 20, C2:C21, D2:D21, E2:E21, "weeks", , 12, 10%, 30%, , TRUE, F2:F21)',
    args: [
      SMALL_FIT,
      [[20]],
      SMALL_BASE.frequency,
      SMALL_BASE.recency,
      SMALL_BASE.age,
      "weeks",
      null,
      12,
      0.1,
      0.3,
      null,
      true,
      SMALL_CHANNELS,
    ],
    expected: [
      ["group", "low (10%)", "likely", "high (90%)"],
      ["Web", 56.61, 106.61, 148.42],
      ["Store", 16.3, 25.54, 35.99],
    ],
    expectedFr: [
      ["groupe", "bas (10 %)", "probable", "haut (90 %)"],
      ["Web", 56.61, 106.61, 148.42],
      ["Store", 16.3, 25.54, 35.99],
    ],
    precision: 2,
    note: {
      en: "The same 20 customers with their acquisition channel in F (Web or Store): one range per channel, every channel on the same 200 draws of the parameters, as the pane's Channels sheet gives them. The likely values add up to the base's 132.14; the lows and highs do not add up (each is a percentile of its own total).",
      fr: "Les mêmes 20 clients avec leur canal d'acquisition en F (Web ou Store) : une fourchette par canal, chaque canal sur les mêmes 200 tirages des paramètres, comme la feuille Canaux du volet les donne. Les valeurs probables s'additionnent pour faire les 132,14 de la base ; les basses et les hautes non (chacune est un centile de son propre total).",
    },
  },
  {
    id: "pclvrange-covariates",
    formula: '=CUST.PCLVRANGE(A2:B12, 20, C2:C21, D2:D21, E2:E21, "weeks", , 12, 10%, 30%, , TRUE, , G1:G21)',
    args: [
      SMALL_COVARIATE_FIT,
      [[20]],
      SMALL_BASE.frequency,
      SMALL_BASE.recency,
      SMALL_BASE.age,
      "weeks",
      null,
      12,
      0.1,
      0.3,
      null,
      true,
      null,
      SMALL_STORE,
    ],
    expected: [
      ["low (10%)", "likely", "high (90%)"],
      [87.3, 147.16, 200.97],
    ],
    expectedFr: [
      ["bas (10 %)", "probable", "haut (90 %)"],
      [87.3, 147.16, 200.97],
    ],
    precision: 2,
    note: {
      en: "A2:B12 holds the BG/NBD table CUST.FIT spilled for the same 20 customers with a purchase covariate, Store (G1:G21, with its header: 1 for the customers acquired in a store, 0 on the web): purchase.Store = −1.37, so store customers buy e^−1.37 = 0.25× as often. Likely is Σ CUST.PCLV with the same covariates; the 200 draws include the coefficient, with its standard error (0.75).",
      fr: "A2:B12 contient la table BG/NBD renvoyée par CUST.FIT pour les mêmes 20 clients avec une covariable d'achat, Store (G1:G21, avec son en-tête : 1 pour les clients acquis en magasin, 0 sur le web) : purchase.Store = −1,37, donc les clients magasin achètent e^−1,37 = 0,25 fois autant. Probable est Σ CUST.PCLV avec les mêmes covariables ; les 200 tirages incluent le coefficient, avec son erreur type (0,75).",
    },
  },
  {
    id: "pclvrange-covariates-missing",
    formula: '=CUST.PCLVRANGE(A2:B12, 20, C2:C21, D2:D21, E2:E21, "weeks", , 12, 10%, 30%, , TRUE)',
    args: [
      SMALL_COVARIATE_FIT,
      [[20]],
      SMALL_BASE.frequency,
      SMALL_BASE.recency,
      SMALL_BASE.age,
      "weeks",
      null,
      12,
      0.1,
      0.3,
      null,
      true,
    ],
    expected: { error: "#VALUE!" },
    note: {
      en: "A table fitted with covariates values no customer without their covariates: the message asks for purchase_covariates (Store), rather than a range for covariates of 0.",
      fr: "Une table estimée avec covariables ne valorise aucun client sans ses covariables : le message demande purchase_covariates (Store), plutôt qu'une fourchette pour des covariables à 0.",
    },
  },
  {
    id: "pclvrange-error-percentiles",
    formula: '=CUST.PCLVRANGE(A2:B10, 20, C2:C21, D2:D21, E2:E21, "weeks", , 12, 10%, 30%, 150%)',
    args: [
      SMALL_FIT,
      [[20]],
      SMALL_BASE.frequency,
      SMALL_BASE.recency,
      SMALL_BASE.age,
      "weeks",
      null,
      12,
      0.1,
      0.3,
      1.5,
    ],
    expected: { error: "#VALUE!" },
    note: {
      en: "A percentile is between 0% and 100%: 10% means 10% and 90%.",
      fr: "Un centile est compris entre 0 % et 100 % : 10 % signifie 10 % et 90 %.",
    },
  },
];
