/**
 * Worked examples of every custom function, as data: the formula a user types, the arguments exactly as Excel
 * passes them, and the result. test/functions/examples.test.ts runs each one through the real function (in
 * English and in French), scripts/make-docs.ts prints them in the function reference, and the workbench
 * gallery can use them as sample arguments.
 */

import { COVARIATE_EXAMPLES } from "./examples-covariates";
import { FINANCE_EXAMPLES } from "./examples-finance";
import { GRID_EXAMPLES } from "./examples-grids";
import { RESIDUAL_EXAMPLES } from "./examples-residual";

/** An Excel error a formula shows. */
export interface ExpectedError {
  error: "#VALUE!" | "#N/A";
}

/** A single number or text, a spilled range, or an error. */
export type ExpectedResult = number | string | unknown[][] | ExpectedError;

export interface FunctionExample {
  /** Unique across all examples, e.g. "clv-bakery". */
  id: string;
  /** As typed in English Excel; ranges (A2:A6) stand for the matching argument in `args`. */
  formula: string;
  /**
   * One entry per argument written in the formula, as Excel passes it: a 2-D array for a range or for a single cell
   * given to a range parameter, a plain value for a scalar parameter, null for an argument left empty.
   */
  args: unknown[];
  expected: ExpectedResult;
  /** The result in French Excel, when it holds text that is translated (headers, segment names). */
  expectedFr?: ExpectedResult;
  /** Numbers are compared to this many decimals (and printed with them); exact to 1e-9 otherwise. */
  precision?: number;
  /** `expected` is only the top rows of the spilled result. */
  partial?: boolean;
  note: { en: string; fr: string };
}

export const isExpectedError = (value: unknown): value is ExpectedError =>
  typeof value === "object" && value !== null && !Array.isArray(value) && "error" in value;

/** The function an example calls: "CLV" for "=CUST.CLV(5, 3, 416)". */
export function exampleFunctionId(example: FunctionExample): string {
  const match = /^=CUST\.([A-Z][A-Z0-9._]*)\(/.exec(example.formula);
  if (!match) throw new Error(`Example ${example.id} does not start with =CUST.<ID>(: ${example.formula}`);
  return match[1];
}

/** A parameter table typed by hand, in the shape CUST.FIT spills (label | value). */
const BGNBD_TABLE = [
  ["model", "bgnbd"],
  ["r", 0.25],
  ["alpha", 4],
  ["a", 0.8],
  ["b", 2.5],
];
const GG_TABLE = [
  ["model", "gg"],
  ["p", 6],
  ["q", 4],
  ["gamma", 15],
];
const SBG_TABLE = [
  ["model", "sbg"],
  ["alpha", 1],
  ["beta", 2],
];

const BGNBD_NOTE = {
  en: "A2:B6 holds a BG/NBD parameter table (as CUST.FIT spills it) for weekly data; the customer made 2 repeat purchases, the last in week 30 of their 39 weeks.",
  fr: "A2:B6 contient une table de paramètres BG/NBD (comme la renvoie CUST.FIT) pour des données hebdomadaires ; le client a fait 2 réachats, le dernier à la semaine 30 de ses 39 semaines.",
};

export const FUNCTION_EXAMPLES: readonly FunctionExample[] = [
  {
    id: "clv-bakery",
    formula: "=CUST.CLV(5, 3, 416)",
    args: [[[5]], [[3]], [[416]]],
    expected: 6240,
    note: {
      en: "A bakery customer spends 5 € three times a week for 8 years (416 weeks): 5 × 3 × 416.",
      fr: "Un client de boulangerie dépense 5 € trois fois par semaine pendant 8 ans (416 semaines) : 5 × 3 × 416.",
    },
  },
  {
    id: "clv-margin",
    formula: "=CUST.CLV(5, 3, 416, 40%)",
    args: [[[5]], [[3]], [[416]], [[0.4]]],
    expected: 2496,
    note: {
      en: "The same customer at a 40% gross margin: the lifetime value in margin rather than revenue.",
      fr: "Le même client avec 40 % de marge brute : la valeur vie en marge plutôt qu'en chiffre d'affaires.",
    },
  },
  {
    id: "clv-retention",
    formula: '=CUST.CLV(100, 1, , , 80%, 10%, "kotler")',
    args: [[[100]], [[1]], null, null, [[0.8]], [[0.1]], "kotler"],
    expected: 266.666667,
    precision: 6,
    note: {
      en: "100 of margin a year, 80% retention, 10% discount rate, first margin not counted: 100 × 0.8 ÷ (1 + 0.1 − 0.8).",
      fr: "100 de marge par an, 80 % de rétention, 10 % d'actualisation, première marge non comptée : 100 × 0,8 ÷ (1 + 0,1 − 0,8).",
    },
  },
  {
    id: "clv-error-text",
    formula: '=CUST.CLV("five", 3, 416)',
    args: [[["five"]], [[3]], [[416]]],
    expected: { error: "#VALUE!" },
    note: { en: "The basket must be a number.", fr: "Le panier doit être un nombre." },
  },
  {
    id: "clv-error-periods",
    formula: "=CUST.CLV(5, 3)",
    args: [[[5]], [[3]]],
    expected: { error: "#VALUE!" },
    note: {
      en: "Without a retention rate the simple method needs the number of periods.",
      fr: "Sans taux de rétention, la méthode simple a besoin du nombre de périodes.",
    },
  },
  {
    id: "cac-basic",
    formula: "=CUST.CAC(30000, 20000, 250)",
    args: [[[30000]], [[20000]], [[250]]],
    expected: 200,
    note: {
      en: "30,000 of marketing and 20,000 of sales spend brought 250 new customers.",
      fr: "30 000 de marketing et 20 000 de dépenses commerciales ont apporté 250 nouveaux clients.",
    },
  },
  {
    id: "cac-error-negative",
    formula: "=CUST.CAC(-100, 0, 10)",
    args: [[[-100]], [[0]], [[10]]],
    expected: { error: "#VALUE!" },
    note: { en: "A spend cannot be negative.", fr: "Une dépense ne peut pas être négative." },
  },
  {
    id: "retention-counts",
    formula: "=CUST.RETENTION(200, 180, 30)",
    args: [[[200]], [[180]], [[30]]],
    expected: 0.75,
    note: {
      en: "200 customers at the start, 180 at the end of which 30 were acquired during the period: (180 − 30) ÷ 200.",
      fr: "200 clients au début, 180 à la fin dont 30 acquis pendant la période : (180 − 30) ÷ 200.",
    },
  },
  {
    id: "retention-by-period",
    formula: "=CUST.RETENTION(A2:A4, B2:B4, C2:C4)",
    args: [
      [[200], [210], [190]],
      [[210], [190], [205]],
      [[30], [20], [40]],
    ],
    expected: [[0.9], [170 / 210], [165 / 190]],
    note: {
      en: "One period per row: A holds the customers at the start, B at the end, C those acquired; one rate per row.",
      fr: "Une période par ligne : A contient les clients au début, B à la fin, C les clients acquis ; un taux par ligne.",
    },
  },
  {
    id: "retention-error-ids",
    formula: "=CUST.RETENTION(A2:A5, B2:B4)",
    args: [
      [["C1"], ["C2"], ["C3"], ["C4"]],
      [["C2"], ["C4"], ["C9"]],
    ],
    expected: { error: "#VALUE!" },
    note: {
      en: "Customer IDs are not counts: CUST.RETENTION says so and points to CUST.RETENTIONIDS.",
      fr: "Des identifiants clients ne sont pas des comptages : CUST.RETENTION le dit et renvoie vers CUST.RETENTIONIDS.",
    },
  },
  {
    id: "retentionids-lists",
    formula: "=CUST.RETENTIONIDS(A2:A5, B2:B4)",
    args: [
      [["C1"], ["C2"], ["C3"], ["C4"]],
      [["C2"], ["C4"], ["C9"]],
    ],
    expected: 0.5,
    note: {
      en: "A2:A5 lists the customers at the start (C1 to C4), B2:B4 those at the end (C2, C4, C9): 2 of the 4 stayed.",
      fr: "A2:A5 liste les clients du début (C1 à C4), B2:B4 ceux de la fin (C2, C4, C9) : 2 des 4 sont restés.",
    },
  },
  {
    id: "retentionids-error-empty",
    formula: "=CUST.RETENTIONIDS(A2:A3, B2:B4)",
    args: [
      [[null], [null]],
      [["C2"], ["C4"], ["C9"]],
    ],
    expected: { error: "#N/A" },
    note: {
      en: "No customer at the start: there is no one whose retention to measure.",
      fr: "Aucun client au début : il n'y a personne dont mesurer la rétention.",
    },
  },
  {
    id: "retention-error-negative",
    formula: "=CUST.RETENTION(200, 180, -5)",
    args: [[[200]], [[180]], [[-5]]],
    expected: { error: "#VALUE!" },
    note: {
      en: "The number of customers acquired cannot be negative.",
      fr: "Le nombre de clients acquis ne peut pas être négatif.",
    },
  },
  {
    id: "churn-basic",
    formula: "=CUST.CHURN(50, 200)",
    args: [[[50]], [[200]]],
    expected: 0.25,
    note: {
      en: "50 of 200 customers left during the period.",
      fr: "50 des 200 clients sont partis pendant la période.",
    },
  },
  {
    id: "churn-error-negative",
    formula: "=CUST.CHURN(50, -200)",
    args: [[[50]], [[-200]]],
    expected: { error: "#VALUE!" },
    note: { en: "A number of customers cannot be negative.", fr: "Un nombre de clients ne peut pas être négatif." },
  },
  {
    id: "lifespan-basic",
    formula: "=CUST.LIFESPAN(25%)",
    args: [[[0.25]]],
    expected: 4,
    note: {
      en: "A 25% churn rate a year means customers stay 4 years on average.",
      fr: "Une attrition de 25 % par an signifie que les clients restent 4 ans en moyenne.",
    },
  },
  {
    id: "lifespan-error-over",
    formula: "=CUST.LIFESPAN(150%)",
    args: [[[1.5]]],
    expected: { error: "#VALUE!" },
    note: { en: "A rate cannot exceed 100%.", fr: "Un taux ne peut pas dépasser 100 %." },
  },
  {
    id: "ltvcac-basic",
    formula: "=CUST.LTVCAC(600, 200)",
    args: [[[600]], [[200]]],
    expected: 3,
    note: {
      en: "A customer worth 600 who cost 200 to acquire pays back 3 times its cost.",
      fr: "Un client qui vaut 600 et a coûté 200 à acquérir rapporte 3 fois son coût.",
    },
  },
  {
    id: "ltvcac-error-negative",
    formula: "=CUST.LTVCAC(600, -5)",
    args: [[[600]], [[-5]]],
    expected: { error: "#VALUE!" },
    note: { en: "An acquisition cost cannot be negative.", fr: "Un coût d'acquisition ne peut pas être négatif." },
  },
  {
    id: "payback-basic",
    formula: "=CUST.PAYBACK(200, 50, 40%)",
    args: [[[200]], [[50]], [[0.4]]],
    expected: 10,
    note: {
      en: "A CAC of 200 and 50 a month of revenue at 40% margin (20 a month): 10 months.",
      fr: "Un CAC de 200 et 50 de chiffre d'affaires par mois à 40 % de marge (20 par mois) : 10 mois.",
    },
  },
  {
    id: "payback-error-margin",
    formula: "=CUST.PAYBACK(200, 50, 140%)",
    args: [[[200]], [[50]], [[1.4]]],
    expected: { error: "#VALUE!" },
    note: { en: "A margin cannot exceed 100%.", fr: "Une marge ne peut pas dépasser 100 %." },
  },
  {
    id: "pmc-basic",
    formula: "=CUST.PMC(2, 400, 75%, 3)",
    args: [[[2]], [[400]], [[0.75]], [[3]]],
    expected: 1400,
    note: {
      en: "2 purchases a year at 400 of profit, 75% yearly retention, over 3 years: 2 × 400 + 400 × 0.75 × 2.",
      fr: "2 achats par an à 400 de profit, 75 % de rétention annuelle, sur 3 ans : 2 × 400 + 400 × 0,75 × 2.",
    },
  },
  {
    id: "pmc-error-years",
    formula: "=CUST.PMC(2, 400, 75%, 0)",
    args: [[[2]], [[400]], [[0.75]], [[0]]],
    expected: { error: "#VALUE!" },
    note: { en: "The number of years is at least 1.", fr: "Le nombre d'années vaut au moins 1." },
  },
  {
    id: "visitorvalue-basic",
    formula: "=CUST.VISITORVALUE(1400, 1.2%)",
    args: [[[1400]], [[0.012]]],
    expected: 16.8,
    note: {
      en: "A customer brings 1,400 of profit and 1.2% of visitors become customers: pay at most 16.80 a click.",
      fr: "Un client rapporte 1 400 de profit et 1,2 % des visiteurs deviennent clients : payez au plus 16,80 par clic.",
    },
  },
  {
    id: "visitorvalue-error-text",
    formula: '=CUST.VISITORVALUE(1400, "n/a")',
    args: [[[1400]], [["n/a"]]],
    expected: { error: "#VALUE!" },
    note: { en: "The conversion rate must be a number.", fr: "Le taux de conversion doit être un nombre." },
  },
  {
    id: "equity-segments",
    formula: "=CUST.EQUITY(A2:A4, B2:B4)",
    args: [
      [[1000], [400], [50]],
      [[120], [800], [3000]],
    ],
    expected: 590000,
    note: {
      en: "Three segments worth 1,000, 400 and 50 a customer, with 120, 800 and 3,000 customers.",
      fr: "Trois segments valant 1 000, 400 et 50 par client, avec 120, 800 et 3 000 clients.",
    },
  },
  {
    id: "equity-error-length",
    formula: "=CUST.EQUITY(A2:A4, B2:B3)",
    args: [
      [[1000], [400], [50]],
      [[120], [800]],
    ],
    expected: { error: "#VALUE!" },
    note: {
      en: "The customers column must be as long as the values column.",
      fr: "La colonne des clients doit avoir la même longueur que celle des valeurs.",
    },
  },
  {
    id: "rfm-scores",
    formula: "=CUST.RFM(A2:A6, B2:B6, C2:C6, 3)",
    args: [[[5], [40], [12], [90], [3]], [[8], [1], [3], [1], [12]], [[120], [30], [60], [25], [300]], 3],
    expected: [
      [3, 3, 3, 333],
      [1, 1, 1, 111],
      [2, 2, 2, 222],
      [1, 1, 1, 111],
      [3, 3, 3, 333],
    ],
    note: {
      en: "Five customers: days since the last purchase (A), purchases (B) and spend (C), scored in 3 bins. Spills R, F, M and the code.",
      fr: "Cinq clients : jours depuis le dernier achat (A), achats (B) et dépense (C), notés en 3 classes. Renvoie R, F, M et le code.",
    },
  },
  {
    id: "rfm-thresholds",
    formula: '=CUST.RFM(A2:A6, B2:B6, C2:C6, 3, , "thresholds")',
    args: [
      [[5], [40], [12], [90], [3]],
      [[8], [1], [3], [1], [12]],
      [[120], [30], [60], [25], [300]],
      3,
      null,
      "thresholds",
    ],
    expected: [
      ["cut point", "recency", "frequency", "monetary"],
      [1, 7.3333, 1.6667, 40],
      [2, 30.6667, 6.3333, 100],
      ["distinct scores", 3, 3, 3],
    ],
    expectedFr: [
      ["seuil", "récence", "fréquence", "montant"],
      [1, 7.3333, 1.6667, 40],
      [2, 30.6667, 6.3333, 100],
      ["scores distincts", 3, 3, 3],
    ],
    precision: 4,
    note: {
      en: "The same customers: the cut points between the 3 scores of each measure.",
      fr: "Les mêmes clients : les seuils entre les 3 scores de chaque mesure.",
    },
  },
  {
    id: "rfm-error-bins",
    formula: "=CUST.RFM(A2:A6, B2:B6, C2:C6, 12)",
    args: [[[5], [40], [12], [90], [3]], [[8], [1], [3], [1], [12]], [[120], [30], [60], [25], [300]], 12],
    expected: { error: "#VALUE!" },
    note: { en: "Scores go from 2 to 10 bins.", fr: "Les scores vont de 2 à 10 classes." },
  },
  {
    id: "rfmsegment-column",
    formula: "=CUST.RFMSEGMENT(A2:A4, B2:B4)",
    args: [
      [[5], [1], [3]],
      [[5], [1], [2]],
    ],
    expected: [["Champions"], ["Hibernating"], ["About to Sleep"]],
    expectedFr: [["Champions"], ["En hibernation"], ["En voie d'endormissement"]],
    note: {
      en: "R scores in A2:A4 (5, 1, 3) and F scores in B2:B4 (5, 1, 2); names follow Excel's language.",
      fr: "Scores R en A2:A4 (5, 1, 3) et F en B2:B4 (5, 1, 2) ; les noms suivent la langue d'Excel.",
    },
  },
  {
    id: "rfmsegment-language",
    formula: '=CUST.RFMSEGMENT(4, 5, , "fr")',
    args: [[[4]], [[5]], null, "fr"],
    expected: [["Clients fidèles"]],
    note: {
      en: 'language "fr" gives the French name whatever Excel\'s language.',
      fr: "language « fr » donne le nom français quelle que soit la langue d'Excel.",
    },
  },
  {
    id: "rfmsegment-error-range",
    formula: "=CUST.RFMSEGMENT(6, 5)",
    args: [[[6]], [[5]]],
    expected: { error: "#VALUE!" },
    note: { en: "Scores must be whole numbers from 1 to 5.", fr: "Les scores doivent être des entiers de 1 à 5." },
  },
  {
    id: "summary-log",
    formula: '=CUST.SUMMARY(A2:A5, B2:B5, C2:C5, 45035, "weeks")',
    args: [
      [["A"], ["A"], ["B"], ["A"]],
      [[45000], [45014], [45007], [45028]],
      [[20], [30], [15], [25]],
      45035,
      "weeks",
    ],
    expected: [
      [
        "customer id",
        "first purchase",
        "last purchase",
        "orders",
        "total amount",
        "average basket",
        "frequency",
        "recency",
        "T",
        "monetary",
        "purchases in last 12 weeks",
        "mean gap (weeks)",
      ],
      ["A", 45000, 45028, 3, 75, 25, 2, 4, 5, 27.5, 3, 2],
      ["B", 45007, 45007, 1, 15, 15, 0, 0, 4, 0, 1, ""],
    ],
    expectedFr: [
      [
        "id client",
        "premier achat",
        "dernier achat",
        "commandes",
        "montant total",
        "panier moyen",
        "fréquence",
        "récence",
        "T",
        "montant moyen",
        "achats sur 12 semaines",
        "écart moyen (semaines)",
      ],
      ["A", 45000, 45028, 3, 75, 25, 2, 4, 5, 27.5, 3, 2],
      ["B", 45007, 45007, 1, 15, 15, 0, 0, 4, 0, 1, ""],
    ],
    note: {
      en: "Four orders by customers A and B (ids in A, Excel dates in B, amounts in C), observed until day 45035, in weeks.",
      fr: "Quatre commandes des clients A et B (identifiants en A, dates Excel en B, montants en C), observées jusqu'au jour 45035, en semaines.",
    },
  },
  {
    id: "summary-error-date",
    formula: "=CUST.SUMMARY(A2:A3, B2:B3, C2:C3)",
    args: [
      [["A"], ["B"]],
      [[45000], ["yesterday"]],
      [[20], [30]],
    ],
    expected: { error: "#VALUE!" },
    note: {
      en: 'B3 holds the text "yesterday" instead of a date.',
      fr: "B3 contient le texte « yesterday » au lieu d'une date.",
    },
  },
  {
    id: "spend-gg",
    formula: "=CUST.SPEND(A2:B5, 2, 35)",
    args: [GG_TABLE, [[2]], [[35]]],
    expected: [[34]],
    note: {
      en: "A2:B5 holds a Gamma-Gamma table (p 6, q 4, γ 15: a population mean of 30). Two repeat purchases averaging 35 give 34.",
      fr: "A2:B5 contient une table Gamma-Gamma (p 6, q 4, γ 15 : une moyenne de population de 30). Deux réachats de 35 en moyenne donnent 34.",
    },
  },
  {
    id: "spend-new",
    formula: "=CUST.SPEND(A2:B5, 0, )",
    args: [GG_TABLE, [[0]], null],
    expected: [[30]],
    note: {
      en: "Without repeat purchases the customer gets the population mean.",
      fr: "Sans réachat, le client reçoit la moyenne de la population.",
    },
  },
  {
    id: "spend-error-monetary",
    formula: "=CUST.SPEND(A2:B5, 2, )",
    args: [GG_TABLE, [[2]], null],
    expected: { error: "#VALUE!" },
    note: {
      en: "A customer with repeat purchases needs their average spend.",
      fr: "Un client qui a fait des réachats a besoin de son panier moyen.",
    },
  },
  {
    id: "pclv-year",
    formula: '=CUST.PCLV(A2:B6, 30, 2, 30, 39, "weeks")',
    args: [BGNBD_TABLE, [[30]], [[2]], [[30]], [[39]], "weeks"],
    expected: [[46.924143]],
    precision: 6,
    note: {
      en: "The next 12 months of the customer below at 30 a purchase, undiscounted revenue. " + BGNBD_NOTE.en,
      fr:
        "Les 12 prochains mois du client ci-dessous à 30 par achat, chiffre d'affaires non actualisé. " + BGNBD_NOTE.fr,
    },
  },
  {
    id: "pclv-margin",
    formula: '=CUST.PCLV(A2:B6, 30, 2, 30, 39, "weeks", , 12, 10%, 30%)',
    args: [BGNBD_TABLE, [[30]], [[2]], [[30]], [[39]], "weeks", null, 12, 0.1, 0.3],
    expected: [[13.41912]],
    precision: 5,
    note: {
      en: "The same customer at 30% margin, discounted at 10% a year (the rate is annual, as in the task pane; each month at 1.1^(1/12) − 1 = 0.797%).",
      fr: "Le même client à 30 % de marge, actualisé à 10 % par an (le taux est annuel, comme dans le volet ; chaque mois à 1,1^(1/12) − 1 = 0,797 %).",
    },
  },
  {
    id: "pclv-error-unit",
    formula: '=CUST.PCLV(A2:B6, 30, 2, 30, 39, "fortnights")',
    args: [BGNBD_TABLE, [[30]], [[2]], [[30]], [[39]], "fortnights"],
    expected: { error: "#VALUE!" },
    note: { en: "The time unit is days, weeks or months.", fr: "L'unité de temps est days, weeks ou months." },
  },
  {
    id: "retentioncurve-table",
    formula: "=CUST.RETENTIONCURVE(A2:B4, 3, TRUE)",
    args: [SBG_TABLE, 3, true],
    expected: [
      [0.666667, 0.666667],
      [0.5, 0.75],
      [0.4, 0.8],
    ],
    precision: 6,
    note: {
      en: "A2:B4 holds an sBG table (alpha 1, beta 2). Share of the cohort left after periods 1 to 3, and each period's retention.",
      fr: "A2:B4 contient une table sBG (alpha 1, beta 2). Part de la cohorte restante après les périodes 1 à 3, et rétention de chaque période.",
    },
  },
  {
    id: "retentioncurve-error-horizon",
    formula: "=CUST.RETENTIONCURVE(A2:B4, 0)",
    args: [SBG_TABLE, 0],
    expected: { error: "#VALUE!" },
    note: { en: "The horizon is at least 1 period.", fr: "L'horizon vaut au moins 1 période." },
  },
  {
    id: "fit-sbg",
    formula: '=CUST.FIT("sbg", A2:A6)',
    args: ["sbg", [[1000], [667], [500], [400], [333]]],
    expected: [
      ["model", "sbg"],
      ["alpha", 1.01],
      ["beta", 2.02],
    ],
    precision: 2,
    partial: true,
    note: {
      en: "A cohort of 1,000 customers with 667, 500, 400 and 333 left after each year (A2:A6). The table goes on with loglik, converged, status (converged, boundary or not converged), aic, bic, n, standard errors and a message in plain words.",
      fr: "Une cohorte de 1 000 clients dont il reste 667, 500, 400 et 333 après chaque année (A2:A6). La table continue avec loglik, converged, status (converged, boundary ou not converged), aic, bic, n, les erreurs types et un message en clair.",
    },
  },
  {
    id: "fit-error-model",
    formula: '=CUST.FIT("xyz", A2:A6)',
    args: ["xyz", [[1000], [667], [500], [400], [333]]],
    expected: { error: "#VALUE!" },
    note: {
      en: "The model is one of bgnbd, mbgnbd, pnbd, ggomnbd, nbd, gg, bgbb, sbg.",
      fr: "Le modèle est bgnbd, mbgnbd, pnbd, ggomnbd, nbd, gg, bgbb ou sbg.",
    },
  },
  {
    id: "fit-error-recency",
    formula: '=CUST.FIT("bgnbd", A2:A3)',
    args: ["bgnbd", [[1], [2]]],
    expected: { error: "#VALUE!" },
    note: { en: "BG/NBD needs the recency and T columns.", fr: "BG/NBD a besoin des colonnes recency et T." },
  },
  {
    id: "palive-customer",
    formula: "=CUST.PALIVE(A2:B6, 2, 30, 39)",
    args: [BGNBD_TABLE, [[2]], [[30]], [[39]]],
    expected: [[0.720616]],
    precision: 6,
    note: BGNBD_NOTE,
  },
  {
    id: "palive-error-recency",
    formula: "=CUST.PALIVE(A2:B6, 2, 40, 39)",
    args: [BGNBD_TABLE, [[2]], [[40]], [[39]]],
    expected: { error: "#VALUE!" },
    note: {
      en: "The last purchase cannot come after the end of the observation (recency ≤ T).",
      fr: "Le dernier achat ne peut pas suivre la fin de l'observation (recency ≤ T).",
    },
  },
  {
    id: "churnrisk-customer",
    formula: "=CUST.CHURNRISK(A2:B6, 2, 30, 39)",
    args: [BGNBD_TABLE, [[2]], [[30]], [[39]]],
    expected: [[0.279384]],
    precision: 6,
    note: BGNBD_NOTE,
  },
  {
    id: "churnrisk-error-model",
    formula: "=CUST.CHURNRISK(A2:B4, 2, 30, 39)",
    args: [SBG_TABLE, [[2]], [[30]], [[39]]],
    expected: { error: "#VALUE!" },
    note: {
      en: "A2:B4 holds an sBG table, which has no purchase history model.",
      fr: "A2:B4 contient une table sBG, qui n'est pas un modèle d'achats.",
    },
  },
  {
    id: "purchases-new",
    formula: "=CUST.PURCHASES(A2:B6, 52)",
    args: [BGNBD_TABLE, 52],
    expected: [[1.58794]],
    precision: 6,
    note: {
      en: "Purchases a newly acquired customer is expected to make in 52 weeks, with the BG/NBD table in A2:B6.",
      fr: "Achats attendus d'un client tout juste acquis sur 52 semaines, avec la table BG/NBD en A2:B6.",
    },
  },
  {
    id: "purchases-customer",
    formula: "=CUST.PURCHASES(A2:B6, 52, 2, 30, 39)",
    args: [BGNBD_TABLE, 52, [[2]], [[30]], [[39]]],
    expected: [[1.559759]],
    precision: 6,
    note: BGNBD_NOTE,
  },
  {
    id: "purchases-error-horizon",
    formula: "=CUST.PURCHASES(A2:B6, -1)",
    args: [BGNBD_TABLE, -1],
    expected: { error: "#VALUE!" },
    note: { en: "The horizon cannot be negative.", fr: "L'horizon ne peut pas être négatif." },
  },
  {
    id: "pbuy-customer",
    formula: "=CUST.PBUY(A2:B6, 52, 2, 30, 39)",
    args: [BGNBD_TABLE, 52, [[2]], [[30]], [[39]]],
    expected: [[0.59952]],
    precision: 6,
    note: BGNBD_NOTE,
  },
  {
    id: "pbuy-error-text",
    formula: '=CUST.PBUY(A2:B6, 52, "two", 30, 39)',
    args: [BGNBD_TABLE, 52, [["two"]], [[30]], [[39]]],
    expected: { error: "#VALUE!" },
    note: { en: "frequency must be a number.", fr: "frequency doit être un nombre." },
  },
  {
    id: "holdoutcheck-groups",
    formula: "=CUST.HOLDOUTCHECK(A2:B6, C2:C7, D2:D7, E2:E7, F2:F7, 26, 2)",
    args: [
      BGNBD_TABLE,
      [[0], [0], [1], [2], [3], [5]],
      [[0], [0], [20], [25], [30], [36]],
      [[39], [30], [39], [35], [39], [38]],
      [[0], [1], [1], [0], [2], [4]],
      26,
      2,
    ],
    expected: [
      [
        "repeat purchases in calibration",
        "customers",
        "actual purchases per customer (holdout)",
        "predicted purchases per customer (holdout)",
      ],
      [0, 2, 0.5, 0.156248],
      [1, 1, 1, 0.406925],
      ["2+", 3, 2, 1.511353],
      ["all customers", 6, 1.333333, 0.87558],
      ["predicted holdout purchases", 5.253479, "", ""],
      ["actual holdout purchases", 8, "", ""],
      ["error (predicted vs actual)", -0.343315, "", ""],
      ["mean absolute error per customer", 0.805163, "", ""],
    ],
    expectedFr: [
      [
        "achats répétés en calibration",
        "clients",
        "achats réels par client (contrôle)",
        "achats prévus par client (contrôle)",
      ],
      [0, 2, 0.5, 0.156248],
      [1, 1, 1, 0.406925],
      ["2+", 3, 2, 1.511353],
      ["tous les clients", 6, 1.333333, 0.87558],
      ["achats prévus sur la période de contrôle", 5.253479, "", ""],
      ["achats réels sur la période de contrôle", 8, "", ""],
      ["écart (prévu par rapport au réel)", -0.343315, "", ""],
      ["erreur absolue moyenne par client", 0.805163, "", ""],
    ],
    precision: 6,
    note: {
      en: "Six customers' calibration histories (C:E, weeks) and their purchases in the next 26 weeks (F), grouped 0, 1, 2+ repeat purchases; then the accuracy: 5.25 purchases predicted against 8 made (−34%), 0.81 off per customer.",
      fr: "Les historiques de calibration de six clients (C:E, en semaines) et leurs achats des 26 semaines suivantes (F), groupés 0, 1, 2+ réachats ; puis la précision : 5,25 achats prévus pour 8 réalisés (−34 %), 0,81 d'écart par client.",
    },
  },
  {
    id: "holdoutcheck-error-length",
    formula: "=CUST.HOLDOUTCHECK(A2:B6, C2:C7, D2:D7, E2:E7, F2:F6, 26)",
    args: [
      BGNBD_TABLE,
      [[0], [0], [1], [2], [3], [5]],
      [[0], [0], [20], [25], [30], [36]],
      [[39], [30], [39], [35], [39], [38]],
      [[0], [1], [1], [0], [2]],
      26,
    ],
    expected: { error: "#VALUE!" },
    note: {
      en: "holdout_purchases has one row fewer than the customers.",
      fr: "holdout_purchases a une ligne de moins que les clients.",
    },
  },
  ...FINANCE_EXAMPLES,
  ...RESIDUAL_EXAMPLES,
  ...GRID_EXAMPLES,
  ...COVARIATE_EXAMPLES,
];

const BY_ID = new Map(FUNCTION_EXAMPLES.map((example) => [example.id, example]));

/** The example with this id (the workbench gallery uses them as sample arguments). */
export function exampleById(id: string): FunctionExample | undefined {
  return BY_ID.get(id);
}

/** The examples of one function, by its id ("CLV"), in the order above. */
export function examplesFor(functionId: string): FunctionExample[] {
  return FUNCTION_EXAMPLES.filter((example) => exampleFunctionId(example) === functionId.toUpperCase());
}
