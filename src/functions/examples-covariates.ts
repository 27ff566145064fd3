/**
 * Worked examples of the prediction functions with static covariates (the customers' own rows of purchase_covariates
 * and dropout_covariates), kept apart from examples.ts so the areas do not edit one list; FUNCTION_EXAMPLES includes
 * them. The table is CLVTools' Pareto/NBD fit on its apparel data (Gender and Channel in both processes).
 */
import type { FunctionExample } from "./examples";

/** CLVTools' printed estimates (Meierer et al., §6.4.1), as CUST.FIT would spill them (first rows). */
const APPAREL_TABLE = [
  ["model", "pnbd"],
  ["r", 1.8378],
  ["alpha", 92.9123],
  ["s", 0.592],
  ["beta", 49.6227],
  ["purchase.Gender", 0.2859],
  ["purchase.Channel", 0.6241],
  ["dropout.Gender", -0.643],
  ["dropout.Channel", 0.7907],
];
/** Two men (Gender = 0), one from the online channel (Channel = 0), one from the shops (Channel = 1). */
const COVARIATES = [
  ["Gender", "Channel"],
  [0, 0],
  [0, 1],
];
const NOTE = {
  en: "A2:B10 holds a Pareto/NBD table fitted with covariates in weeks (CLVTools' apparel fit: purchase.Channel = 0.62, so shop customers buy e^0.62 = 1.9× as often; dropout.Channel = 0.79, so they also leave 2.2× as fast). F1:G3 holds the covariates with their header: two men, online (Channel 0) and shop (Channel 1).",
  fr: "A2:B10 contient une table Pareto/NBD estimée avec covariables, en semaines (l'ajustement de CLVTools sur ses données d'habillement : purchase.Channel = 0,62, donc les clients des magasins achètent e^0,62 = 1,9 fois plus souvent ; dropout.Channel = 0,79, donc ils partent aussi 2,2 fois plus vite). F1:G3 contient les covariables avec leur en-tête : deux hommes, web (Channel 0) et magasin (Channel 1).",
};

export const COVARIATE_EXAMPLES: readonly FunctionExample[] = [
  {
    id: "palive-covariates",
    formula: "=CUST.PALIVE(A2:B10, C2:C3, D2:D3, E2:E3, , F1:G3, F1:G3)",
    args: [APPAREL_TABLE, [[5], [5]], [[80], [80]], [[104], [104]], null, COVARIATES, COVARIATES],
    expected: [[0.853078], [0.797223]],
    precision: 6,
    note: {
      en: `${NOTE.en} Both made 5 repeat purchases, the last in week 80 of 104: the shop customer, who buys more often, has been silent for longer than his usual gap and leaves faster, so he is less likely still active.`,
      fr: `${NOTE.fr} Tous deux ont fait 5 réachats, le dernier à la semaine 80 sur 104 : le client magasin, qui achète plus souvent, est silencieux depuis plus longtemps que d'habitude et part plus vite : il a moins de chances d'être encore actif.`,
    },
  },
  {
    id: "purchases-covariates-new",
    formula: "=CUST.PURCHASES(A2:B10, 52, , , , F1:G3, F1:G3)",
    args: [APPAREL_TABLE, 52, null, null, null, COVARIATES, COVARIATES],
    expected: [[0.817276], [1.282504]],
    precision: 6,
    note: {
      en: `${NOTE.en} Without a history, one value per profile: a new shop customer makes 1.28 repeat purchases in his first year, a new online one 0.82.`,
      fr: `${NOTE.fr} Sans historique, une valeur par profil : un nouveau client magasin fait 1,28 réachat sa première année, un nouveau client web 0,82.`,
    },
  },
  {
    id: "pclv-covariates",
    formula: '=CUST.PCLV(A2:B10, 40, C2:C3, D2:D3, E2:E3, "weeks", , 12, 10%, 30%, F1:G3, F1:G3)',
    args: [
      APPAREL_TABLE,
      [[40]],
      [[5], [5]],
      [[80], [80]],
      [[104], [104]],
      "weeks",
      null,
      12,
      0.1,
      0.3,
      COVARIATES,
      COVARIATES,
    ],
    expected: [[16.134711], [18.990178]],
    precision: 6,
    note: {
      en: `${NOTE.en} The same two customers, 40 € a purchase at a 30% margin over the next 12 months, 10% a year: the shop customer is worth more despite his lower P(alive).`,
      fr: `${NOTE.fr} Les deux mêmes clients, 40 € par achat à 30 % de marge sur les 12 prochains mois, 10 % par an : le client magasin vaut plus malgré sa P(actif) plus faible.`,
    },
  },
  {
    id: "palive-covariates-missing",
    formula: "=CUST.PALIVE(A2:B10, 5, 80, 104)",
    args: [APPAREL_TABLE, [[5]], [[80]], [[104]]],
    expected: { error: "#VALUE!" },
    note: {
      en: "A table fitted with covariates describes no customer without their covariates: the message asks for purchase_covariates (Gender, Channel), never a number for covariates of 0.",
      fr: "Une table estimée avec covariables ne décrit aucun client sans ses covariables : le message demande purchase_covariates (Gender, Channel), jamais un nombre pour des covariables à 0.",
    },
  },
];
