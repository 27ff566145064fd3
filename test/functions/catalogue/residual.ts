/** The catalogue for the residual-value and diagnostic functions (DERT, PNPURCHASES, LOGLIK, DERL, TRACKING). */
import { ANY_NUMBER, BGNBD, cases, col, NA, NOT_ZERO, rep } from "./cases";

/** A Pareto/NBD table (weekly data): its P(X(t) = n) is an integral. */
const PNBD = [
  ["model", "pnbd"],
  ["r", 0.55],
  ["alpha", 10.6],
  ["s", 0.61],
  ["beta", 11.7],
];

const SBG = [
  ["model", "sbg"],
  ["alpha", 1],
  ["beta", 2],
];
const GG = [
  ["model", "gg"],
  ["p", 1],
  ["q", 2],
  ["gamma", 3],
];

cases("DERT", [
  { name: "one customer", cls: "works", args: [BGNBD, 2, 30, 39, 0.1, "weeks"], expect: [[ANY_NUMBER]] },
  {
    name: "a single cell for T is repeated for every row",
    cls: "shape",
    args: [BGNBD, col(1, 2), col(5, 6), 39, 0.1, "weeks"],
    expect: [[ANY_NUMBER], [ANY_NUMBER]],
  },
  {
    name: "a blank row stays blank, an error row names its row",
    cls: "blank",
    args: [BGNBD, col(1, null, 2), col(5, null, 6), col(10, null, NA), 0.1, "weeks"],
    expect: [[ANY_NUMBER], [""], [{ error: "#N/A", says: ["T", "row 3"] }]],
    blanks: NOT_ZERO,
  },
  {
    name: "a discount rate of 0 says why it must be above 0",
    cls: "policy",
    args: [BGNBD, 2, 30, 39, 0, "weeks"],
    expect: { error: "#VALUE!", says: ["above 0"] },
  },
  {
    name: "an unknown time unit lists the units",
    cls: "words",
    args: [BGNBD, 2, 30, 39, 0.1, "fortnights"],
    expect: { error: "#VALUE!", says: ["time_unit", "weeks"] },
  },
]);

cases("PNPURCHASES", [
  { name: "a count and a horizon", cls: "works", args: [BGNBD, 0, 52], expect: [[ANY_NUMBER]] },
  {
    name: "a column of counts",
    cls: "shape",
    args: [BGNBD, col(0, 1, 2), 52],
    expect: [[ANY_NUMBER], [ANY_NUMBER], [ANY_NUMBER]],
  },
  {
    name: "a fractional count",
    cls: "words",
    args: [BGNBD, 1.5, 52],
    expect: { error: "#VALUE!", says: ["n", "1.5"] },
  },
  {
    name: "a count beyond 10,000 is refused (a bound on the work)",
    cls: "bound",
    args: [BGNBD, 20000, 52],
    expect: { error: "#VALUE!", says: ["n", "10"] },
  },
  {
    name: "a Pareto/NBD table: more than 500 different (n, t) is refused, saying how many",
    cls: "bound",
    args: [PNBD, Array.from({ length: 501 }, (_, n) => [n]), 52],
    expect: { error: "#VALUE!", says: ["pnbd", "500 different", "501", "several calls"] },
  },
  {
    name: "a Pareto/NBD table: the bound in French",
    cls: "bound",
    locale: "fr",
    args: [PNBD, Array.from({ length: 501 }, (_, n) => [n]), 52],
    expect: { error: "#VALUE!", says: ["pnbd", "500 différentes", "501", "plusieurs appels"] },
  },
  {
    name: "a Pareto/NBD table: a pair repeated down 2,000 rows counts once",
    cls: "bound",
    args: [PNBD, rep(2000, 1), 52],
    expect: Array.from({ length: 2000 }, () => [ANY_NUMBER]),
  },
]);

cases("LOGLIK", [
  { name: "two customers", cls: "works", args: [BGNBD, col(2, 0), col(30, 0), col(39, 39)], expect: ANY_NUMBER },
  {
    name: "a table without purchase histories",
    cls: "words",
    args: [GG, 1, 1, 2],
    expect: { error: "#VALUE!", says: ["gg", "CUST.LOGLIK"] },
  },
  {
    name: "recency after T names the values",
    cls: "words",
    args: [BGNBD, 2, 40, 39],
    expect: { error: "#VALUE!", says: ["40", "39"] },
  },
]);

cases("DERL", [
  { name: "a subscriber after 1 renewal", cls: "works", args: [SBG, 1, 0.1], expect: [[ANY_NUMBER]] },
  {
    name: "a column of renewals",
    cls: "shape",
    args: [SBG, col(0, 1, 4), 0.1],
    expect: [[ANY_NUMBER], [ANY_NUMBER], [ANY_NUMBER]],
  },
  {
    name: "negative renewals",
    cls: "words",
    args: [SBG, -1, 0.1],
    expect: { error: "#VALUE!", says: ["renewals"] },
  },
  {
    name: "renewals beyond 1,000,000 are refused in their cell (a bound on the work)",
    cls: "bound",
    args: [SBG, col(1_000_000, 1_000_001), 0.1],
    expect: [[ANY_NUMBER], [{ error: "#VALUE!", says: ["renewals", "1,000,000", "row 2"] }]],
  },
  {
    name: "a discount rate too small for the series in bounded time names the least one",
    cls: "bound",
    args: [SBG, 3, 1e-9, "days"],
    expect: { error: "#VALUE!", says: ["5E-06", "time_unit"] },
  },
]);

cases("TRACKING", [
  {
    name: "three customers over 24 weeks by 6",
    cls: "works",
    args: [BGNBD, col(39, 30, 20), 24, 6],
    expect: [
      ["period", "expected repeat purchases", "expected cumulative repeat purchases"],
      [6, ANY_NUMBER, ANY_NUMBER],
      [12, ANY_NUMBER, ANY_NUMBER],
      [18, ANY_NUMBER, ANY_NUMBER],
      [24, ANY_NUMBER, ANY_NUMBER],
    ],
  },
  {
    name: "more than 10,000 periods is refused (a bound on the work)",
    cls: "bound",
    args: [BGNBD, col(39), 1e6, 1],
    expect: { error: "#VALUE!", says: ["10"] },
  },
  {
    name: "a step of 5E-324 gives more periods than a number holds: said as beyond 1.79769E+308, never Infinity",
    cls: "words",
    args: [BGNBD, col(39), 24, 5e-324],
    expect: { error: "#VALUE!", says: ["> 1.79769E+308", "10,000"] },
  },
  {
    name: "actual of the wrong length says how many periods",
    cls: "words",
    args: [BGNBD, col(39, 30), 24, 6, col(1, 2)],
    expect: { error: "#VALUE!", says: ["2 rows", "4 periods"] },
  },
]);
