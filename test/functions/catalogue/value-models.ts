/** The catalogue for CUST.SPEND, CUST.PCLV and CUST.RETENTIONCURVE. */
import { ANY_NUMBER, BGNBD, cases, col, NA, NOT_ZERO, rep } from "./cases";

const GG = [
  ["model", "gg"],
  ["p", 6.25],
  ["q", 3.74],
  ["gamma", 15.44],
];
const SBG = [
  ["model", "sbg"],
  ["alpha", 0.704],
  ["beta", 1.182],
];

cases("SPEND", [
  {
    name: "a repeat buyer and a one-time buyer",
    cls: "works",
    args: [GG, col(2, 0), col(22.35, null)],
    expect: [[ANY_NUMBER], [(6.25 * 15.44) / 2.74]],
    blanks: NOT_ZERO,
  },
  {
    name: "a blank monetary for a repeat buyer is named",
    cls: "blank",
    args: [GG, col(2, 1), col(null, 5)],
    expect: [[{ error: "#VALUE!", says: ["monetary", "row 1", /blank/] }], [ANY_NUMBER]],
    blanks: NOT_ZERO,
  },
  {
    name: "a negative frequency names its row",
    cls: "words",
    args: [GG, col(2, -1), col(10, 10)],
    expect: [[ANY_NUMBER], [{ error: "#VALUE!", says: ["frequency", "row 2", "-1"] }]],
  },
  {
    name: "a table from another model",
    cls: "words",
    args: [BGNBD, 1, 10],
    expect: { error: "#VALUE!", says: ["bgnbd"] },
  },
]);

cases("PCLV", [
  { name: "with a spend per purchase", cls: "works", args: [BGNBD, 40, 2, 30, 38, "weeks"], expect: [[ANY_NUMBER]] },
  {
    name: "T filled in its first cell only: rows 2 and 3 flagged",
    cls: "shape",
    args: [BGNBD, 40, col(1, 2, 3), col(5, 6, 7), [[10], ...rep(2, null)], "weeks"],
    expect: [[ANY_NUMBER], [{ error: "#VALUE!", says: [/row 2/] }], [{ error: "#VALUE!", says: [/row 3/] }]],
  },
  {
    name: "a spend column shorter than the customers is named",
    cls: "shape",
    args: [BGNBD, col(40, 41), col(1, 2, 3), col(5, 6, 7), col(10, 10, 10), "weeks"],
    expect: { error: "#VALUE!", says: ["spend has 2 rows", "row 3"] },
  },
  {
    name: "months must be whole",
    cls: "words",
    args: [BGNBD, 40, 2, 30, 38, "weeks", null, 2.5],
    expect: { error: "#VALUE!", says: ["months", "whole number", "2.5"] },
  },
  {
    name: "time_unit is required",
    cls: "words",
    args: [BGNBD, 40, 2, 30, 38, null],
    expect: { error: "#VALUE!", says: ["time_unit"] },
  },
  {
    name: "an error cell in recency row 2",
    cls: "words",
    args: [BGNBD, 40, col(1, 2), col(5, NA), col(10, 10), "weeks"],
    expect: [[ANY_NUMBER], [{ error: "#N/A", says: ["recency", "row 2"] }]],
  },
  {
    name: "a margin typed as 30 instead of 30%",
    cls: "policy",
    args: [BGNBD, 40, 2, 30, 38, "weeks", null, 12, 0, 30],
    expect: { error: "#VALUE!", says: ["margin", "30"] },
  },
]);

cases("RETENTIONCURVE", [
  { name: "from an sBG table", cls: "works", args: [SBG, 3], expect: [[ANY_NUMBER], [ANY_NUMBER], [ANY_NUMBER]] },
  {
    name: "a horizon of 0",
    cls: "policy",
    args: [SBG, 0],
    expect: { error: "#VALUE!", says: ["horizon", "at least 1"] },
  },
  {
    name: "a horizon beyond the documented bound",
    cls: "bound",
    args: [SBG, 1e6],
    expect: { error: "#VALUE!", says: ["horizon", "at most"] },
  },
  {
    name: "include_retention that is neither TRUE nor FALSE",
    cls: "words",
    args: [SBG, 3, "maybe"],
    expect: { error: "#VALUE!", says: ["TRUE, FALSE", 'the text "maybe"'] },
  },
]);
