/** The catalogue for the textbook formulas: CLV, CAC, RETENTION(IDS), CHURN, LIFESPAN, LTVCAC, PAYBACK, PMC, VISITORVALUE, EQUITY. */
import { ANY_NUMBER, cases, col, DIV0, NA, NOT_ZERO } from "./cases";

const blankRow = (arg: string, row: number) => ({ error: "#VALUE!", says: [arg, `row ${row}`, /blank/] });
const kotler = (m: number, r: number, d: number) => (m * r) / (1 + d - r);

cases("CLV", [
  { name: "the bakery", cls: "works", args: [5, 3, 416], expect: [[6240]] },
  { name: "margin", cls: "works", args: [5, 3, 416, 0.4], expect: [[2496]] },
  {
    name: "kotler by default with a retention",
    cls: "works",
    args: [100, 1, null, null, 0.8, 0.1],
    expect: [[kotler(100, 0.8, 0.1)]],
  },
  {
    name: "a range of baskets with single cells repeated",
    cls: "shape",
    args: [col(5, 6), 3, 416, 0.5],
    expect: [[3120], [3744]],
  },
  {
    name: "a whole-column reference is trimmed after the last filled row",
    cls: "shape",
    args: [col(5, 6, null, null, null), col(3, 3, null, null, null), 416],
    expect: [[6240], [7488]],
    // Older desktop builds pass those blanks as 0: the rows then compute (to 0) — documented.
    blanks: NOT_ZERO,
  },
  {
    name: "two ranges: the shorter one is named, not read as blank",
    cls: "shape",
    args: [col(5, 6, 7), col(3, 3), 416],
    expect: { error: "#VALUE!", says: ["purchases_per_period has 2 rows", "basket has values down to row 3"] },
  },
  {
    name: "ranges whose widths do not combine (2 columns with 3): the message says which shapes do",
    cls: "shape",
    args: [
      [[5, 6, 7]],
      [
        [3, 3],
        [3, 3],
      ],
      416,
    ],
    expect: {
      error: "#VALUE!",
      says: ["purchases_per_period has 2 columns", "basket has 3", "a single column", "a single row"],
    },
  },
  {
    name: "a row with a column combines into a grid, as Excel's =A2:A3*B1:C1 does",
    cls: "shape",
    args: [[[5, 6]], col(3, 2), 416],
    expect: [
      [5 * 3 * 416, 6 * 3 * 416],
      [5 * 2 * 416, 6 * 2 * 416],
    ],
  },
  {
    name: "a blank retention row gives a blank row, never 0 (every platform: 0 retention is read as blank)",
    cls: "blank",
    args: [100, 1, 10, null, col(0.8, null, 0.7), 0.1],
    expect: [[kotler(100, 0.8, 0.1)], [""], [kotler(100, 0.7, 0.1)]],
  },
  {
    name: "a blank retention cell is 'not given': the simple method, 6,240 (also when desktop passes 0)",
    cls: "blank",
    args: [5, 3, 416, null, [[null]]],
    expect: [[6240]],
  },
  {
    name: "a blank basket in a filled row is an error naming row 2",
    cls: "blank",
    args: [col(5, null, 7), col(3, 3, 3), 416],
    expect: [[6240], [blankRow("basket", 2)], [8736]],
    blanks: NOT_ZERO,
  },
  {
    name: "every basket blank: #N/A saying there is nothing to compute",
    cls: "blank",
    args: [col(null, null), col(null, null), 416],
    expect: { error: "#N/A", says: ["basket", "purchases_per_period", /nothing to compute/] },
    blanks: NOT_ZERO,
  },
  {
    name: "finite with 2.5 periods is an error, not a silent 3",
    cls: "meaning",
    args: [100, 1, 2.5, null, 0.8, 0.1, "finite"],
    expect: { error: "#VALUE!", says: ["periods", "whole number", "2.5"] },
  },
  {
    name: "finite over a billion periods is a closed form (bounded cost)",
    cls: "bound",
    args: [100, 1, 1e9, null, 0.8, 0.1, "finite"],
    expect: [[100 / (1 - 0.8 / 1.1)]],
  },
  {
    name: "a #N/A in row 2 of basket blames row 2 and stays #N/A; rows 1 and 3 compute",
    cls: "words",
    args: [col(5, NA, 7), 3, 416],
    expect: [[6240], [{ error: "#N/A", says: ["basket", "row 2", "#N/A"] }], [8736]],
  },
  {
    name: "a #DIV/0! cell is #VALUE! naming the cell and its error",
    cls: "words",
    args: [col(5, DIV0), 3, 416],
    expect: [[6240], [{ error: "#VALUE!", says: ["basket", "row 2", "#DIV/0!"] }]],
  },
  {
    name: "text is said to be text",
    cls: "words",
    args: ["five", 3, 416],
    expect: { error: "#VALUE!", says: ['basket must be a number, but it is the text "five"'] },
  },
  {
    name: "a result beyond Excel's range is an error with a message, not Infinity",
    cls: "words",
    args: [1e300, 1e10, 1],
    expect: { error: "#VALUE!", says: [/trop grand pour Excel/, "1,8E+308"] },
    locale: "fr",
  },
  {
    name: "retention typed as 80 instead of 80%: #VALUE! saying how to type it",
    cls: "policy",
    args: [100, 1, null, null, 80, 0.1],
    expect: { error: "#VALUE!", says: ["retention", "75% or 0.75", "80"] },
  },
  {
    name: "retention not below 1 + discount: #VALUE! (not #NUM!) with the reason",
    cls: "policy",
    args: [100, 1, null, null, 1, 0, "ofek"],
    expect: { error: "#VALUE!", says: [/never leave/] },
  },
  {
    name: "a range of methods is lifted: one call per method",
    cls: "shape",
    args: [100, 1, 3, null, 0.8, 0.1, col("kotler", "ofek")],
    expect: [[kotler(100, 0.8, 0.1)], [100 / 0.3]],
  },
  {
    name: "an error given as the method is named",
    cls: "words",
    args: [5, 3, 416, null, null, null, NA],
    expect: { error: "#N/A", says: ["method", "#N/A"] },
  },
  {
    name: "an unknown method lists the choices",
    cls: "words",
    args: [5, 3, 416, null, null, null, "perpetual"],
    expect: { error: "#VALUE!", says: ["simple, kotler, blattberg, ofek, finite", 'the text "perpetual"'] },
  },
  {
    name: "a retention method without retention",
    cls: "meaning",
    args: [5, 3, 416, null, null, null, "kotler"],
    expect: { error: "#VALUE!", says: ["kotler", "retention rate above 0"] },
  },
  {
    name: "the simple method without periods",
    cls: "meaning",
    args: [5, 3],
    expect: { error: "#VALUE!", says: ["needs periods"] },
  },
  {
    name: "a negative purchase count in row 2 names row 2",
    cls: "words",
    args: [5, col(3, -1), 416],
    expect: [[6240], [{ error: "#VALUE!", says: ["purchases_per_period", "row 2", "-1"] }]],
  },
  {
    name: "a discount rate typed as text in French",
    cls: "words",
    args: [100, 1, null, null, 0.8, "dix"],
    expect: { error: "#VALUE!", says: ["discount_rate", "le texte « dix »"] },
    locale: "fr",
  },
]);

cases("CAC", [
  { name: "(marketing + sales) ÷ new customers", cls: "works", args: [30000, 20000, 250], expect: [[200]] },
  { name: "a blank sales spend cell is 0", cls: "blank", args: [30000, [[null]], 300], expect: [[100]] },
  {
    name: "zero new customers: #VALUE! naming it",
    cls: "policy",
    args: [1000, 0, 0],
    expect: { error: "#VALUE!", says: ["new_customers is zero"] },
  },
  {
    name: "negative spend: #VALUE! naming it",
    cls: "policy",
    args: [-100, 0, 10],
    expect: { error: "#VALUE!", says: ["marketing_spend", "-100"] },
  },
  {
    name: "per month: a range of each, one CAC per row; a half-blank row named",
    cls: "shape",
    args: [col(1000, 2000, 3000), 0, col(10, 20, null)],
    expect: [[100], [100], [blankRow("new_customers", 3)]],
    blanks: NOT_ZERO,
  },
  {
    name: "an error in new_customers row 2",
    cls: "words",
    args: [col(1000, 2000), 0, col(10, NA)],
    expect: [[100], [{ error: "#N/A", says: ["new_customers", "row 2"] }]],
  },
]);

cases("RETENTION", [
  { name: "(end − acquired) ÷ start", cls: "works", args: [200, 180, 30], expect: [[0.75]] },
  {
    name: "counts laid out one period per row give one rate per row",
    cls: "meaning",
    args: [col(200, 210), col(210, 190), col(30, 20)],
    expect: [[0.9], [170 / 210]],
  },
  {
    name: "text in a count is an error pointing to RETENTIONIDS, never a silent 0",
    cls: "meaning",
    args: [200, "abc", 30],
    expect: { error: "#VALUE!", says: ["customers_end", 'the text "abc"', "CUST.RETENTIONIDS"] },
  },
  {
    name: "lists of IDs are refused, acquired is never ignored",
    cls: "meaning",
    args: [col("A", "B"), col("B"), 1],
    expect: { error: "#VALUE!", says: ["customers_start", "CUST.RETENTIONIDS"] },
  },
  {
    name: "no customers at the start",
    cls: "policy",
    args: [0, 10, 10],
    expect: { error: "#VALUE!", says: [/no customers at the start/] },
  },
  {
    name: "more acquired than at the end: #VALUE! with the counts",
    cls: "policy",
    args: [100, 10, 20],
    expect: { error: "#VALUE!", says: ["20", "10"] },
  },
  {
    name: "a blank end count in a filled row is named",
    cls: "blank",
    args: [col(200, 200), col(180, null), 0],
    expect: [[0.9], [blankRow("customers_end", 2)]],
    blanks: NOT_ZERO,
  },
]);

cases("RETENTIONIDS", [
  { name: "2 of 4 stayed", cls: "works", args: [col("C1", "C2", "C3", "C4"), col("C2", "C4", "C9")], expect: 0.5 },
  {
    name: "numeric IDs, duplicates once, blanks skipped",
    cls: "works",
    args: [col(1, 2, 2, 3, 4, null), col(4, 1, 9)],
    expect: 0.5,
    blanks: NOT_ZERO,
  },
  {
    name: "no ID at the start: #N/A saying so",
    cls: "blank",
    args: [col(null, null), col("C1")],
    expect: { error: "#N/A", says: ["ids_start", /no customer ID/] },
    blanks: NOT_ZERO,
  },
  {
    name: "an error cell among the IDs names its row",
    cls: "words",
    args: [col("C1", NA), col("C1")],
    expect: { error: "#N/A", says: ["ids_start", "row 2"] },
  },
]);

cases("CHURN", [
  { name: "lost ÷ start", cls: "works", args: [25, 100], expect: [[0.25]] },
  {
    name: "lost more than start",
    cls: "policy",
    args: [120, 100],
    expect: { error: "#VALUE!", says: ["120", "100"] },
  },
  {
    name: "a range of periods with a blank row",
    cls: "shape",
    args: [col(25, null, 10), col(100, null, 50)],
    expect: [[0.25], [""], [0.2]],
    blanks: NOT_ZERO,
  },
]);

cases("LIFESPAN", [
  { name: "churn 25% → 4 periods", cls: "works", args: [0.25], expect: [[4]] },
  {
    name: "churn 0: a clear error, not infinity",
    cls: "policy",
    args: [0],
    expect: { error: "#VALUE!", says: ["churn_rate is zero"] },
  },
  {
    name: "churn typed as 150%",
    cls: "policy",
    args: [1.5],
    expect: { error: "#VALUE!", says: ["churn_rate", "at most 100%", "1.5"] },
  },
  {
    name: "a column of churn rates, a bad one in row 2",
    cls: "words",
    args: [col(0.5, "x", 0.25)],
    expect: [[2], [{ error: "#VALUE!", says: ["churn_rate", "row 2", 'the text "x"'] }], [4]],
  },
]);

cases("LTVCAC", [
  { name: "LTV ÷ CAC", cls: "works", args: [900, 300], expect: [[3]] },
  { name: "zero CAC", cls: "policy", args: [900, 0], expect: { error: "#VALUE!", says: ["cac is zero"] } },
  { name: "negative CAC", cls: "policy", args: [600, -5], expect: { error: "#VALUE!", says: ["cac", "-5"] } },
]);

cases("PAYBACK", [
  { name: "CAC ÷ (revenue × margin)", cls: "works", args: [300, 50, 0.6], expect: [[10]] },
  { name: "zero monthly profit", cls: "policy", args: [300, 0], expect: { error: "#VALUE!", says: [/never happen/] } },
  {
    name: "a blank margin cell is 100% for a single cell",
    cls: "blank",
    args: [300, 50, [[null]]],
    expect: [[6]],
    blanks: NOT_ZERO,
  },
]);

cases("PMC", [
  { name: "the brief's 1,400", cls: "works", args: [2, 400, 0.75, 3], expect: [[1400]] },
  {
    name: "years below 1",
    cls: "policy",
    args: [2, 400, 0.75, 0],
    expect: { error: "#VALUE!", says: ["years", "at least 1"] },
  },
  {
    name: "years typed as text that is a number",
    cls: "works",
    args: [2, 400, 0.75, "3"],
    expect: [[1400]],
  },
]);

cases("VISITORVALUE", [
  { name: "1,400 × 1.2%", cls: "works", args: [1400, 0.012], expect: [[16.8]] },
  {
    name: "conversion typed as 12 instead of 12%",
    cls: "policy",
    args: [1400, 12],
    expect: { error: "#VALUE!", says: ["conversion_rate", "12"] },
  },
]);

cases("EQUITY", [
  { name: "Σ CLV, blank rows skipped", cls: "works", args: [col(100, null, 250.5)], expect: 350.5 },
  { name: "with counts per value", cls: "works", args: [col(100, 200), col(10, 5)], expect: 2000 },
  {
    name: "a value with a blank count is named, not counted as 0",
    cls: "blank",
    args: [col(100, 200), col(10, null)],
    expect: { error: "#VALUE!", says: ["customers", "row 2", /blank/] },
    blanks: NOT_ZERO,
  },
  {
    name: "all blank: #N/A saying there is nothing to sum",
    cls: "blank",
    args: [col(null, null)],
    expect: { error: "#N/A", says: ["lifetime_values", /nothing to compute/] },
    blanks: NOT_ZERO,
  },
  {
    name: "text in row 2",
    cls: "words",
    args: [col(100, "n/a", 3)],
    expect: { error: "#VALUE!", says: ["lifetime_values", "row 2", 'the text "n/a"'] },
  },
  {
    name: "an error cell stays #N/A, naming the row",
    cls: "words",
    args: [col(1, NA)],
    expect: { error: "#N/A", says: ["row 2", "#N/A"] },
  },
  { name: "a single value", cls: "shape", args: [42], expect: ANY_NUMBER },
]);
