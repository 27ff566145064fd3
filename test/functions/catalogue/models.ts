/** The catalogue for CUST.FIT and the prediction functions (PALIVE, CHURNRISK, PURCHASES, PBUY, HOLDOUTCHECK). */
import { ANY_NUMBER, BGNBD, cases, col, NA, NOT_ZERO, rep } from "./cases";

// Twelve customers (x, t_x, T) in weeks.
const X = col(0, 1, 2, 0, 5, 3, 1, 0, 7, 2, 0, 4);
const TX = col(0, 12, 30.4, 0, 35, 20, 4, 0, 38, 8, 0, 25);
const T = col(38, 39, 38.9, 30, 39, 36, 28, 33, 39, 37, 31, 35);

/** Only the first cell of T filled, as when a formula was not filled down (issue 12's first class). */
const T_FIRST_ONLY = [[10], ...rep(2, null)];
const HISTORY = [col(1, 2, 3), col(5, 6, 7)] as const;
const notFilledDown = [ANY_NUMBER, { error: "#VALUE!", says: [/row 2/] }, { error: "#VALUE!", says: [/row 3/] }].map(
  (cell) => [cell],
);

const TEXT_TABLE = BGNBD.map((row) => (row[0] === "r" ? ["r", "0.25"] : row));

for (const id of ["PALIVE", "CHURNRISK"]) {
  cases(id, [
    { name: "one customer", cls: "works", args: [BGNBD, 2, 30, 39], expect: [[ANY_NUMBER]] },
    {
      name: "T filled in its first cell only: rows 2 and 3 are flagged, never given row 1's T",
      cls: "shape",
      args: [BGNBD, ...HISTORY, T_FIRST_ONLY],
      expect: notFilledDown,
    },
    {
      name: "a single cell for T is repeated for every row",
      cls: "shape",
      args: [BGNBD, ...HISTORY, 10],
      expect: [[ANY_NUMBER], [ANY_NUMBER], [ANY_NUMBER]],
    },
    {
      name: "a blank row stays blank, an error row names its row",
      cls: "blank",
      args: [BGNBD, col(1, null, 2), col(5, null, 6), col(10, null, NA)],
      expect: [[ANY_NUMBER], [""], [{ error: "#N/A", says: ["T", "row 3"] }]],
      blanks: NOT_ZERO,
    },
    {
      name: "recency after T names the row and both values",
      cls: "words",
      args: [BGNBD, col(1, 2), col(5, 40), col(10, 39)],
      expect: [[ANY_NUMBER], [{ error: "#VALUE!", says: ["row 2", "40", "39"] }]],
    },
    {
      name: "recency after T for a single customer does not speak of row 1",
      cls: "words",
      args: [BGNBD, 2, 40, 39],
      expect: { error: "#VALUE!", says: [/recency is 40 and T is 39/] },
    },
    {
      name: "a parameter stored as text is said to be text",
      cls: "words",
      args: [TEXT_TABLE, 2, 30, 39],
      expect: { error: "#VALUE!", says: ['the text "0.25"', "r"] },
    },
    {
      name: "a 300-digit frequency is printed as Excel prints it",
      cls: "words",
      args: [BGNBD, 2, 1e300, 39],
      expect: { error: "#VALUE!", says: ["recency is 1E+300 and T is 39"] },
    },
    {
      name: "a fractional frequency",
      cls: "words",
      args: [BGNBD, col(1, 2.5), col(5, 6), col(10, 10)],
      expect: [[ANY_NUMBER], [{ error: "#VALUE!", says: ["frequency", "whole numbers", "row 2", "2.5"] }]],
    },
    {
      name: "a table from another model",
      cls: "words",
      args: [
        [
          ["model", "gg"],
          ["p", 1],
          ["q", 2],
          ["gamma", 3],
        ],
        2,
        30,
        39,
      ],
      expect: { error: "#VALUE!", says: ["is for gg", "bgnbd, mbgnbd"] },
    },
  ]);
}

cases("PURCHASES", [
  { name: "the published 1.226", cls: "works", args: [BGNBD, 39, 2, 30.43, 38.86], expect: [[ANY_NUMBER]] },
  { name: "a customer just acquired", cls: "works", args: [BGNBD, 52], expect: [[ANY_NUMBER]] },
  {
    name: "frequency given without recency says recency is left out",
    cls: "words",
    args: [BGNBD, 39, 2, null, 38.86],
    expect: { error: "#VALUE!", says: ["recency is left out", "frequency, T"] },
  },
  {
    name: "T filled in its first cell only",
    cls: "shape",
    args: [BGNBD, 39, ...HISTORY, T_FIRST_ONLY],
    expect: notFilledDown,
  },
  {
    name: "a negative horizon names t",
    cls: "policy",
    args: [BGNBD, -1],
    expect: { error: "#VALUE!", says: [/^t cannot be negative/] },
  },
  {
    name: "a horizon typed as text",
    cls: "words",
    args: [BGNBD, "a year"],
    expect: { error: "#VALUE!", says: ['t must be a number, but it is the text "a year"'] },
  },
  {
    name: "a range of horizons gives one value per horizon (a curve)",
    cls: "shape",
    args: [BGNBD, col(13, 26, 52)],
    expect: [[ANY_NUMBER], [ANY_NUMBER], [ANY_NUMBER]],
  },
]);

cases("PBUY", [
  { name: "one customer", cls: "works", args: [BGNBD, 13, 2, 30, 39], expect: [[ANY_NUMBER]] },
  {
    name: "a blank horizon is required",
    cls: "blank",
    args: [BGNBD, [[null]], 2, 30, 39],
    expect: { error: "#VALUE!", says: ["t"] },
    blanks: NOT_ZERO,
  },
  {
    name: "T filled in its first cell only",
    cls: "shape",
    args: [BGNBD, 13, ...HISTORY, T_FIRST_ONLY],
    expect: notFilledDown,
  },
]);

cases("HOLDOUTCHECK", [
  {
    name: "groups with a header and a total",
    cls: "works",
    args: [BGNBD, X, TX, T, col(0, 1, 2, 0, 4, 1, 0, 1, 6, 2, 0, 3), 39, 3],
    expect: [
      [
        "repeat purchases in calibration",
        "customers",
        "actual purchases per customer (holdout)",
        "predicted purchases per customer (holdout)",
      ],
    ],
    partial: true,
  },
  {
    name: "a negative holdout length blames holdout_length, never an argument it does not have",
    cls: "words",
    args: [BGNBD, X, TX, T, X, -1],
    expect: { error: "#VALUE!", says: [/^holdout_length cannot be negative/] },
  },
  {
    name: "a holdout count blank in a filled row is named",
    cls: "blank",
    args: [BGNBD, col(1, 2), col(5, 6), col(10, 10), col(1, null), 39],
    expect: { error: "#VALUE!", says: ["holdout_purchases", "row 2", /blank/] },
    blanks: NOT_ZERO,
  },
  {
    name: "an error cell in frequency stops the check, naming the row",
    cls: "words",
    args: [BGNBD, col(1, NA), col(5, 6), col(10, 10), col(1, 1), 39],
    expect: { error: "#N/A", says: ["frequency", "row 2"] },
  },
]);

cases("FIT", [
  {
    name: "BG/NBD on twelve customers",
    cls: "works",
    args: ["bgnbd", X, TX, T],
    expect: [["model", "bgnbd"]],
    partial: true,
  },
  {
    name: "options as a 2-column range (a matrix parameter)",
    cls: "shape",
    args: [
      "bgnbd",
      X,
      TX,
      T,
      null,
      [
        ["penalty", 0.01],
        ["max_iterations", 200],
      ],
    ],
    expect: [["model", "bgnbd"]],
    partial: true,
  },
  {
    name: "French decimals in options text",
    cls: "words",
    args: ["bgnbd", X, TX, T, null, "penalty=0,01; max_iterations=200"],
    expect: [["model", "bgnbd"]],
    partial: true,
  },
  {
    name: "an unknown option is named whole",
    cls: "words",
    args: ["bgnbd", X, TX, T, null, "tolerance=0,01"],
    expect: { error: "#VALUE!", says: ["Unknown option tolerance"] },
  },
  {
    name: "a bad option value says what it holds",
    cls: "words",
    args: ["bgnbd", X, TX, T, null, "penalty=lots"],
    expect: { error: "#VALUE!", says: ["penalty", 'the text "lots"'] },
  },
  {
    name: "an options range of three columns",
    cls: "shape",
    args: ["bgnbd", X, TX, T, null, [["penalty", 0.01, 3]]],
    expect: { error: "#VALUE!", says: ["two columns"] },
  },
  {
    name: "a recency blank in a filled row is named, not a length mismatch",
    cls: "blank",
    args: ["bgnbd", col(1, 2, 3), col(5, null, 7), col(10, 10, 10)],
    expect: { error: "#VALUE!", says: ["recency", "row 2", /blank/] },
    blanks: NOT_ZERO,
  },
  {
    name: "all blank: #N/A saying there is nothing to fit",
    cls: "blank",
    args: ["bgnbd", col(null, null), col(null, null), col(null, null)],
    expect: { error: "#N/A", says: [/nothing to compute/] },
    blanks: NOT_ZERO,
  },
  {
    name: "text in frequency row 3",
    cls: "words",
    args: ["bgnbd", col(1, 2, "three"), col(5, 6, 7), col(10, 10, 10)],
    expect: { error: "#VALUE!", says: ["frequency", "row 3", 'the text "three"'] },
  },
  {
    name: "a missing column the model needs",
    cls: "meaning",
    args: ["bgnbd", X, null, T],
    expect: { error: "#VALUE!", says: ["needs the recency column"] },
  },
  {
    name: "an unknown model",
    cls: "words",
    args: ["xyz", X, TX, T],
    expect: { error: "#VALUE!", says: ["Unknown model xyz"] },
  },
]);
