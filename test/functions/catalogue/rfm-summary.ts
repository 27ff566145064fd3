/** The catalogue for CUST.RFM, CUST.RFMSEGMENT and CUST.SUMMARY. */
import { cases, col, NA, NOT_ZERO } from "./cases";

const ten = (f: (i: number) => number) => Array.from({ length: 10 }, (_, i) => [f(i)]);
const R = ten((i) => i + 1);
const F = ten((i) => 10 - i);
const M = ten((i) => (i + 1) * 10);

cases("RFM", [
  { name: "quintiles", cls: "works", args: [R, F, M], expect: [[5, 5, 1, 551]], partial: true },
  {
    name: "equal-width bins at ±1.7E+308 cut at 0, not at Infinity",
    cls: "works",
    args: [col(-1.7e308, 0, 1.7e308, 1), col(-1.7e308, 0, 1.7e308, 1), col(-1.7e308, 0, 1.7e308, 1), 2, "equal"],
    expect: [
      [2, 1, 1, 211],
      [2, 1, 1, 211],
      [1, 2, 2, 122],
      [1, 2, 2, 122],
    ],
  },
  { name: "bins out of range", cls: "policy", args: [R, F, M, 12], expect: { error: "#VALUE!", says: ["bins", "12"] } },
  {
    name: "text in recency row 3",
    cls: "words",
    args: [col(1, 2, "soon"), col(1, 2, 3), col(1, 2, 3)],
    expect: { error: "#VALUE!", says: ["recency", "row 3", 'the text "soon"'] },
  },
  {
    name: "an error cell in monetary row 2 stays #N/A, naming it",
    cls: "words",
    args: [col(1, 2, 3), col(1, 2, 3), col(1, NA, 3)],
    expect: { error: "#N/A", says: ["monetary", "row 2"] },
  },
  {
    name: "all blank is explained",
    cls: "blank",
    args: [col(null, null), col(null, null), col(null, null)],
    expect: { error: "#VALUE!", says: [/no values/] },
    blanks: NOT_ZERO,
  },
]);

cases("RFMSEGMENT", [
  { name: "5, 5 is Champions", cls: "works", args: [5, 5], expect: [["Champions"]] },
  { name: "a score of 6", cls: "policy", args: [6, 5], expect: { error: "#VALUE!", says: ["r_score", "6"] } },
  {
    name: "a blank row is blank",
    cls: "blank",
    args: [col(5, null, 1), col(5, null, 1)],
    expect: [["Champions"], [""], ["Hibernating"]],
    blanks: NOT_ZERO,
  },
  {
    name: "text in a score",
    cls: "words",
    args: [col(5, "high"), col(1, 1)],
    expect: { error: "#VALUE!", says: ["r_score", "row 2", 'the text "high"'] },
  },
]);

cases("SUMMARY", [
  {
    name: "one row per customer with a header",
    cls: "works",
    args: [col("A", "A", "B"), col(35000, 35010, 35005), col(10, 20, 5), 35020],
    expect: [["customer id"]],
    partial: true,
  },
  {
    name: "an error in customer_ids names its row",
    cls: "words",
    args: [col("A", NA), col(35000, 35001), col(10, 20)],
    expect: { error: "#N/A", says: ["customer_ids", "row 2"] },
  },
  {
    name: "an unknown time unit is said to be text",
    cls: "words",
    args: [col("A"), col(35000), col(10), null, "years"],
    expect: { error: "#VALUE!", says: ["time_unit", 'the text "years"'] },
  },
]);
