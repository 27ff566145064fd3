/**
 * Worked examples of the residual-value and diagnostic functions (CUST.TRACKING, CUST.DERT, CUST.PNPURCHASES,
 * CUST.LOGLIK, CUST.DERL) and of the BG/BB and future-time uses of the prediction functions, kept apart from
 * examples.ts so the areas do not edit one list; FUNCTION_EXAMPLES includes them.
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
const SBG_TABLE = [
  ["model", "sbg"],
  ["alpha", 1],
  ["beta", 2],
];
const BGNBD_NOTE = {
  en: "A2:B6 holds a BG/NBD table (as CUST.FIT spills it) for weekly data.",
  fr: "A2:B6 contient une table BG/NBD (comme la renvoie CUST.FIT) pour des données hebdomadaires.",
};
const BGBB_NOTE = {
  en: "A2:B6 holds a BG/BB table close to the donations fit of Fader, Hardie & Shang (2010): one opportunity a year, 6 in calibration.",
  fr: "A2:B6 contient une table BG/BB proche de l'ajustement des dons de Fader, Hardie et Shang (2010) : une occasion par an, 6 en calibration.",
};
const TRACK_HEADER = ["period", "expected repeat purchases", "expected cumulative repeat purchases"];
const TRACK_HEADER_FR = ["période", "réachats attendus", "réachats attendus cumulés"];

export const RESIDUAL_EXAMPLES: readonly FunctionExample[] = [
  {
    id: "tracking-base",
    formula: "=CUST.TRACKING(A2:B6, C2:C4, 24, 6)",
    args: [BGNBD_TABLE, [[39], [30], [20]], 24, 6],
    expected: [
      TRACK_HEADER,
      [6, 0.314942, 0.314942],
      [12, 0.414081, 0.729023],
      [18, 0.478088, 1.20711],
      [24, 0.670206, 1.877316],
    ],
    expectedFr: [
      TRACK_HEADER_FR,
      [6, 0.314942, 0.314942],
      [12, 0.414081, 0.729023],
      [18, 0.478088, 1.20711],
      [24, 0.670206, 1.877316],
    ],
    precision: 6,
    note: {
      en: `${BGNBD_NOTE.en} Three customers with T = 39, 30 and 20 weeks (C2:C4), so first purchases in weeks 0, 9 and 19: the base's expected repeat purchases per 6 weeks over 24 weeks.`,
      fr: `${BGNBD_NOTE.fr} Trois clients de T = 39, 30 et 20 semaines (C2:C4), donc des premiers achats aux semaines 0, 9 et 19 : les réachats attendus de la base par tranche de 6 semaines sur 24 semaines.`,
    },
  },
  {
    id: "tracking-actual",
    formula: "=CUST.TRACKING(A2:B6, C2:C4, 24, 6, D2:D5)",
    args: [BGNBD_TABLE, [[39], [30], [20]], 24, 6, [[0], [1], [0], [2]]],
    expected: [
      [...TRACK_HEADER, "actual repeat purchases", "actual cumulative repeat purchases"],
      [6, 0.314942, 0.314942, 0, 0],
      [12, 0.414081, 0.729023, 1, 1],
      [18, 0.478088, 1.20711, 0, 1],
      [24, 0.670206, 1.877316, 2, 3],
    ],
    expectedFr: [
      [...TRACK_HEADER_FR, "réachats réels", "réachats réels cumulés"],
      [6, 0.314942, 0.314942, 0, 0],
      [12, 0.414081, 0.729023, 1, 1],
      [18, 0.478088, 1.20711, 0, 1],
      [24, 0.670206, 1.877316, 2, 3],
    ],
    precision: 6,
    note: {
      en: "The same, beside the repeat purchases the base actually made in each 6-week period (D2:D5).",
      fr: "La même chose, à côté des réachats réellement faits par la base à chaque période de 6 semaines (D2:D5).",
    },
  },
  {
    id: "tracking-error-horizon",
    formula: "=CUST.TRACKING(A2:B6, C2:C4, 0)",
    args: [BGNBD_TABLE, [[39], [30], [20]], 0],
    expected: { error: "#VALUE!" },
    note: { en: "The horizon is above 0.", fr: "L'horizon est supérieur à 0." },
  },
  {
    id: "dert-weeks",
    formula: '=CUST.DERT(A2:B6, 2, 30, 39, 10%, "weeks")',
    args: [BGNBD_TABLE, [[2]], [[30]], [[39]], 0.1, "weeks"],
    expected: [[6.352271]],
    precision: 6,
    note: {
      en: `${BGNBD_NOTE.en} The customer's discounted expected residual transactions: all their future purchases, at 10% a year (the rate is annual, as everywhere in the add-in).`,
      fr: `${BGNBD_NOTE.fr} Les transactions résiduelles attendues actualisées du client : tous ses achats futurs, à 10 % par an (le taux est annuel, comme partout dans le complément).`,
    },
  },
  {
    id: "dert-value",
    formula: '=CUST.DERT(A2:B6, 2, 30, 39, 10%, "weeks", 30, 30%)',
    args: [BGNBD_TABLE, [[2]], [[30]], [[39]], 0.1, "weeks", [[30]], 0.3],
    expected: [[57.170443]],
    precision: 5,
    note: {
      en: "The residual lifetime value of the same customer: DERT × 30 a purchase × 30% margin.",
      fr: "La valeur vie résiduelle du même client : DERT × 30 par achat × 30 % de marge.",
    },
  },
  {
    id: "dert-bgbb",
    formula: '=CUST.DERT(A2:B6, 3, 4, 6, 10%, "years")',
    args: [BGBB_TABLE, [[3]], [[4]], [[6]], 0.1, "years"],
    expected: [[1.621379]],
    precision: 6,
    note: {
      en: `${BGBB_NOTE.en} A donor who gave in 3 of the 6 years, the last in year 4: DERT at 10% a year (Fader, Hardie & Shang 2010, eq. 14).`,
      fr: `${BGBB_NOTE.fr} Un donateur qui a donné 3 années sur 6, la dernière l'année 4 : DERT à 10 % par an (Fader, Hardie et Shang 2010, éq. 14).`,
    },
  },
  {
    id: "dert-error-rate",
    formula: '=CUST.DERT(A2:B6, 2, 30, 39, 0, "weeks")',
    args: [BGNBD_TABLE, [[2]], [[30]], [[39]], 0, "weeks"],
    expected: { error: "#VALUE!" },
    note: {
      en: "DERT needs a discount rate above 0.",
      fr: "DERT demande un taux d'actualisation supérieur à 0.",
    },
  },
  {
    id: "pnpurchases-year",
    formula: "=CUST.PNPURCHASES(A2:B6, C2:C4, 52)",
    args: [BGNBD_TABLE, [[0], [1], [2]], 52],
    expected: [[0.516973], [0.208015], [0.094113]],
    precision: 6,
    note: {
      en: `${BGNBD_NOTE.en} The chance that a new customer makes 0, 1 or 2 repeat purchases (C2:C4) in their first year.`,
      fr: `${BGNBD_NOTE.fr} La probabilité qu'un nouveau client fasse 0, 1 ou 2 réachats (C2:C4) pendant sa première année.`,
    },
  },
  {
    id: "pnpurchases-error-count",
    formula: "=CUST.PNPURCHASES(A2:B6, 1.5, 52)",
    args: [BGNBD_TABLE, 1.5, 52],
    expected: { error: "#VALUE!" },
    note: { en: "n is a whole number of purchases.", fr: "n est un nombre entier d'achats." },
  },
  {
    id: "loglik-table",
    formula: "=CUST.LOGLIK(A2:B6, C2:C3, D2:D3, E2:E3)",
    args: [BGNBD_TABLE, [[2], [0]], [[30], [0]], [[39], [39]]],
    expected: -10.028838,
    precision: 6,
    note: {
      en: `${BGNBD_NOTE.en} The log-likelihood of these parameters on two customers: compare it with a published fit's, or with another table's.`,
      fr: `${BGNBD_NOTE.fr} La log-vraisemblance de ces paramètres sur deux clients : à comparer avec celle d'un ajustement publié, ou d'une autre table.`,
    },
  },
  {
    id: "loglik-error-model",
    formula: "=CUST.LOGLIK(A2:B5, 1, 1, 2)",
    args: [
      [
        ["model", "gg"],
        ["p", 1],
        ["q", 2],
        ["gamma", 3],
      ],
      [[1]],
      [[1]],
      [[2]],
    ],
    expected: { error: "#VALUE!" },
    note: {
      en: "A spend (gg) table has no purchase histories to score.",
      fr: "Une table de panier (gg) n'a pas d'historique d'achats à évaluer.",
    },
  },
  {
    id: "derl-renewals",
    formula: "=CUST.DERL(A2:B4, C2:C4, 10%)",
    args: [SBG_TABLE, [[0], [1], [4]], 0.1],
    expected: [[2.863197], [3.624275], [5.099321]],
    precision: 6,
    note: {
      en: "A2:B4 holds an sBG table (alpha 1, beta 2) for yearly contracts. Discounted expected residual lifetime, in years, of a subscriber who has renewed 0, 1 or 4 times, at 10% a year: the longer they stayed, the longer they will (Fader & Hardie 2010).",
      fr: "A2:B4 contient une table sBG (alpha 1, beta 2) pour des contrats annuels. Durée de vie résiduelle attendue actualisée, en années, d'un abonné qui a renouvelé 0, 1 ou 4 fois, à 10 % par an : plus il est resté, plus il restera (Fader et Hardie 2010).",
    },
  },
  {
    id: "derl-error-renewals",
    formula: "=CUST.DERL(A2:B4, -1, 10%)",
    args: [SBG_TABLE, -1, 0.1],
    expected: { error: "#VALUE!" },
    note: { en: "Renewals are 0 or more.", fr: "Le nombre de renouvellements est positif ou nul." },
  },
  {
    id: "palive-future",
    formula: "=CUST.PALIVE(A2:B6, 2, 30, 39, 26)",
    args: [BGNBD_TABLE, [[2]], [[30]], [[39]], 26],
    expected: [[0.604112]],
    precision: 6,
    note: {
      en: `${BGNBD_NOTE.en} The chance that the customer (2 repeat purchases, the last in week 30 of 39) is still active 26 weeks from now.`,
      fr: `${BGNBD_NOTE.fr} La probabilité que le client (2 réachats, le dernier à la semaine 30 sur 39) soit encore actif dans 26 semaines.`,
    },
  },
  {
    id: "palive-bgbb",
    formula: "=CUST.PALIVE(A2:B6, C2:C4, D2:D4, E2:E4)",
    args: [BGBB_TABLE, [[0], [2], [6]], [[0], [4], [6]], [[6], [6], [6]]],
    expected: [[0.107756], [0.588406], [0.930085]],
    precision: 6,
    note: {
      en: `${BGBB_NOTE.en} P(alive) in year 7 of donors who gave in 0, 2 and 6 of the 6 years, the last in years 0, 4 and 6: frequency = x, recency = t_x, T = n.`,
      fr: `${BGBB_NOTE.fr} P(alive) l'année 7 de donateurs qui ont donné 0, 2 et 6 années sur 6, la dernière les années 0, 4 et 6 : frequency = x, recency = t_x, T = n.`,
    },
  },
  {
    id: "palive-error-bgbb",
    formula: "=CUST.PALIVE(A2:B6, 3, 2, 6)",
    args: [BGBB_TABLE, [[3]], [[2]], [[6]]],
    expected: { error: "#VALUE!" },
    note: {
      en: "With BG/BB, 3 transactions cannot end at opportunity 2.",
      fr: "Avec BG/BB, 3 transactions ne peuvent pas finir à l'occasion 2.",
    },
  },
  {
    id: "purchases-bgbb",
    formula: "=CUST.PURCHASES(A2:B6, 5, 3, 4, 6)",
    args: [BGBB_TABLE, 5, [[3]], [[4]], [[6]]],
    expected: [[1.030585]],
    precision: 6,
    note: {
      en: `${BGBB_NOTE.en} The donor's expected donations in the next 5 opportunities (years).`,
      fr: `${BGBB_NOTE.fr} Les dons attendus du donateur aux 5 prochaines occasions (années).`,
    },
  },
  {
    id: "purchases-bgbb-new",
    formula: "=CUST.PURCHASES(A2:B6, 5)",
    args: [BGBB_TABLE, 5],
    expected: [[1.930906]],
    precision: 6,
    note: {
      en: "Expected repeat donations of a donor just acquired, in their first 5 opportunities.",
      fr: "Dons répétés attendus d'un donateur qui vient d'être recruté, sur ses 5 premières occasions.",
    },
  },
  {
    id: "pclv-bgbb",
    formula: '=CUST.PCLV(A2:B6, 50, 3, 4, 6, "years", , 60, 10%)',
    args: [BGBB_TABLE, 50, [[3]], [[4]], [[6]], "years", null, 60, 0.1],
    expected: [[39.495363]],
    precision: 6,
    note: {
      en: `${BGBB_NOTE.en} The donor's predictive value over the next 60 months, i.e. 5 yearly opportunities: expected donations of 50 each, discounted at 10% a year.`,
      fr: `${BGBB_NOTE.fr} La valeur prédictive du donateur sur les 60 prochains mois, soit 5 occasions annuelles : les dons attendus de 50 chacun, actualisés à 10 % par an.`,
    },
  },
  {
    id: "pclv-bgbb-error",
    formula: '=CUST.PCLV(A2:B6, 50, 3, 4, 6, "years", , 6)',
    args: [BGBB_TABLE, 50, [[3]], [[4]], [[6]], "years", null, 6],
    expected: { error: "#VALUE!" },
    note: {
      en: "Six months hold no whole yearly opportunity: the message asks for at least 12 months.",
      fr: "Six mois ne contiennent aucune occasion annuelle entière : le message demande au moins 12 mois.",
    },
  },
  {
    id: "pbuy-bgbb",
    formula: "=CUST.PBUY(A2:B6, 1, 3, 4, 6)",
    args: [BGBB_TABLE, 1, [[3]], [[4]], [[6]]],
    expected: [[0.231578]],
    precision: 6,
    note: {
      en: "The chance that the same donor gives at the next opportunity.",
      fr: "La probabilité que le même donateur donne à la prochaine occasion.",
    },
  },
];
