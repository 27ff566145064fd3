/**
 * Issue 12 item 5: a per-row message names the cell ("Sheet1!D7") when Excel gives the arguments' addresses
 * (@requiresParameterAddresses), and the row within the range when it does not. One table of cases, at least one per
 * function family, through the Excel-faithful invoker, in English and French: 2-D ranges (row and column offset),
 * whole columns ("D:D"), covariate rows, whole-formula errors (a fit, a summary) and per-cell ones. Then the wording
 * audit of the same item: the right argument blamed, numbers as Excel writes them, French decimal commas, an empty
 * result explained.
 */
import { CELL_VARIANTS, messageInRangeRows, messageNamingCell } from "../../src/functions/cell-messages";
import { catalogKeys, t } from "../../src/i18n";
import { column, errorCell, ExcelFunctions, FormulaArgument, InputCell, loadExcelFunctions } from "../support/excel";

let excel: ExcelFunctions;
beforeAll(async () => {
  excel = await loadExcelFunctions();
}, 60000);

const BGNBD: InputCell[][] = [
  ["model", "bgnbd"],
  ["r", 0.243],
  ["alpha", 4.414],
  ["a", 0.793],
  ["b", 2.426],
];
const BGBB: InputCell[][] = [
  ["model", "bgbb"],
  ["alpha", 1.2],
  ["beta", 0.75],
  ["gamma", 0.66],
  ["delta", 2.78],
];
const GG: InputCell[][] = [
  ["model", "gg"],
  ["p", 6.25],
  ["q", 3.74],
  ["gamma", 15.44],
];
/** A Pareto/NBD table with a purchase covariate, as CUST.FIT spills it. */
const PNBD_COVARIATE: InputCell[][] = [
  ["model", "pnbd"],
  ["r", 0.9],
  ["alpha", 8],
  ["s", 0.6],
  ["beta", 25],
  ["purchase.Channel", 0.7],
];
const NA = errorCell("#N/A");

interface AddressCase {
  name: string;
  id: string;
  args: FormulaArgument[];
  /** The arguments' addresses, in parameter order (null: a value typed in the formula). */
  where: (string | null)[];
  /** The result cell that shows the error (row, column); [0, 0] for a whole-formula error. */
  at?: [number, number];
  /** What the message says with the addresses, in English and French. */
  en: string;
  fr: string;
  /** What it says without them (older Excel, the workbench): the row within the range. */
  row: string;
}

const CASES: AddressCase[] = [
  // Textbook metrics: per-cell errors of an element-wise formula, a whole-formula error, a single result.
  {
    name: "a 2-D range names the row and the column",
    id: "CAC",
    args: [
      [
        [100, 200],
        [300, "abc"],
      ],
      0,
      [
        [1, 2],
        [3, 4],
      ],
    ],
    where: ["Sheet1!$B$2:$C$3", null, "Sheet1!E2:F3"],
    at: [1, 1],
    en: "Sheet1!C3 holds the text",
    fr: "la cellule Sheet1!C3 contient le texte",
    // A per-row argument wider than one column: the message says the column too (args.ts, RowFrame.locate).
    row: "row 2, column 2 holds",
  },
  {
    name: "text in a count range fails the formula, naming its cell",
    id: "RETENTION",
    args: [column(100, "abc"), column(90, 80)],
    where: ["'Q1 2025'!B2:B3", "'Q1 2025'!C2:C3"],
    en: "'Q1 2025'!B3 holds the text \"abc\"",
    fr: "la cellule 'Q1 2025'!B3 contient le texte « abc »",
    row: "row 2 holds the text",
  },
  {
    name: "an error cell in a 2-D list of IDs",
    id: "RETENTIONIDS",
    args: [
      [
        ["a", "b"],
        ["c", NA],
      ],
      column("a", "c"),
    ],
    where: ["Sheet1!D2:E3", "Sheet1!G2:G3"],
    en: "the error #N/A in Sheet1!E3",
    fr: "l'erreur #N/A en Sheet1!E3",
    row: "in row 2",
  },
  {
    name: "a whole column starts at row 1",
    id: "LIFESPAN",
    args: [column(null, 0.25, 2)],
    where: ["Sheet1!D:D"],
    at: [2, 0],
    en: "Sheet1!D3 holds 2",
    fr: "La cellule Sheet1!D3 contient 2",
    row: "Row 3 holds 2",
  },
  {
    name: "CHURN names the cell of the argument at fault",
    id: "CHURN",
    args: [column(5, -1), column(100, 100)],
    where: ["Sheet1!B2:B3", "Sheet1!C2:C3"],
    at: [1, 0],
    en: "Sheet1!B3 holds -1",
    fr: "la cellule Sheet1!B3 contient -1",
    row: "row 2 holds -1",
  },
  {
    name: "EQUITY: a 2-D range read whole",
    id: "EQUITY",
    args: [
      [
        [1000, 2000],
        [3000, 4000],
      ],
      [
        [1, 1],
        [1, -2],
      ],
    ],
    where: ["Sheet1!F2:G3", "Sheet1!I2:J3"],
    en: "Sheet1!J3 holds -2",
    fr: "la cellule Sheet1!J3 contient -2",
    row: "row 2, column 2 holds -2",
  },
  // Purchase models: a fit (whole formula) with a blank row before the bad one, covariates, the aliases.
  {
    name: "FIT names the range's cell, not the row among the customers kept (a blank row before it)",
    id: "FIT",
    args: ["bgnbd", column(1, null, 2, 0), column(2, null, 3, 1), column(5, null, 2, 4)],
    where: [null, "'My data'!B2:B5", "'My data'!C2:C5", "'My data'!D2:D5"],
    en: "'My data'!C4 has recency 3 and T 2",
    fr: "la cellule 'My data'!C4 a recency 3 et T vaut 2",
    row: "row 3 has recency 3 and T 2",
  },
  {
    name: "FIT: a covariate cell (below the header row)",
    id: "FIT",
    args: [
      "pnbd",
      column(1, 2, 0),
      column(2, 3, 0),
      column(5, 6, 4),
      null,
      null,
      null,
      [
        ["Age", "Channel"],
        [30, 1],
        [40, "web"],
        [50, 0],
      ],
    ],
    where: [null, "Sheet1!B2:B4", "Sheet1!C2:C4", "Sheet1!D2:D4", null, null, null, "Sheet1!F1:G4"],
    en: 'Sheet1!G3 (column Channel) holds the text "web"',
    fr: "la cellule Sheet1!G3 (colonne Channel) contient le texte « web »",
    row: "row 3, column Channel",
  },
  {
    name: "FIT sbg: the survivors are in frequency",
    id: "FIT",
    args: ["sbg", column(100, 80, 90)],
    where: [null, "Sheet1!B2:B4"],
    en: "Sheet1!B4 holds 90, more than the 80",
    fr: "la cellule Sheet1!B4 contient 90",
    row: "row 3 holds 90",
  },
  {
    name: "FIT gg: the first customer with a spend of 0 or less",
    id: "FIT",
    args: ["gg", column(1, 2, 3), null, null, column(10, -1, 5)],
    where: [null, "Sheet1!B2:B4", null, null, "Sheet1!E2:E4"],
    en: "(first: Sheet1!E3)",
    fr: "(premier : cellule Sheet1!E3)",
    row: "(first: row 2)",
  },
  {
    name: "HOLDOUTCHECK: text in the holdout purchases",
    id: "HOLDOUTCHECK",
    args: [BGNBD, column(1, 1), column(2, 2), column(5, 5), column(1, "x"), 3],
    where: ["Sheet1!A1:B5", "Sheet1!D2:D3", "Sheet1!E2:E3", "Sheet1!F2:F3", "Sheet1!G:G"],
    en: 'Sheet1!G2 holds the text "x"',
    fr: "la cellule Sheet1!G2 contient le texte « x »",
    row: "row 2 holds the text",
  },
  {
    name: "PALIVE: a covariate row of one customer (header in the first row of the range)",
    id: "PALIVE",
    args: [PNBD_COVARIATE, column(2, 0), column(30, 0), column(52, 52), null, [["Channel"], [1], ["web"]]],
    where: ["Sheet1!A1:B6", "Sheet1!D2:D3", "Sheet1!E2:E3", "Sheet1!F2:F3", null, "Sheet1!H1:H3"],
    at: [1, 0],
    en: 'Sheet1!H3 (column Channel) holds the text "web"',
    fr: "la cellule Sheet1!H3 (colonne Channel) contient le texte « web »",
    row: "row 3, column Channel",
  },
  {
    name: "PBUY on a BG/BB table: T counts opportunities",
    id: "PBUY",
    args: [BGBB, 5, column(1, 1), column(2, 2), column(5, 2.5)],
    where: ["Sheet1!A1:B5", null, "Sheet1!D2:D3", "Sheet1!E2:E3", "Sheet1!F2:F3"],
    at: [1, 0],
    en: "T must be a whole number of opportunities, 0 or more, but Sheet1!F3 holds 2.5",
    fr: "T doit être un nombre entier d'occasions, 0 ou plus, mais la cellule Sheet1!F3 contient 2,5",
    row: "T must be a whole number of opportunities, 0 or more, but row 2 holds 2.5",
  },
  // What the models predict beyond each customer: tracking, DERT, P(X = n), the log-likelihood, DERL.
  {
    name: "TRACKING: a T below 0, written as Excel writes it",
    id: "TRACKING",
    args: [BGNBD, column(5, -1e300), 10],
    where: ["Sheet1!A1:B5", "Sheet1!F2:F3"],
    en: "Sheet1!F3 holds -1E+300",
    fr: "la cellule Sheet1!F3 contient -1E+300",
    row: "row 2 has -1E+300",
  },
  {
    name: "DERT: a spend cell that is text",
    id: "DERT",
    args: [BGNBD, column(1, 1), column(2, 2), column(5, 5), 0.1, "weeks", column(3, "abc")],
    where: ["Sheet1!A1:B5", "Sheet1!D2:D3", "Sheet1!E2:E3", "Sheet1!F2:F3", null, null, "Sheet1!G2:G3"],
    at: [1, 0],
    en: 'Sheet1!G3 holds the text "abc"',
    fr: "la cellule Sheet1!G3 contient le texte « abc »",
    row: 'row 2 holds the text "abc"',
  },
  {
    name: "PNPURCHASES: a covariate row of one profile",
    id: "PNPURCHASES",
    args: [PNBD_COVARIATE, 0, 52, [["Channel"], [0], ["web"]]],
    where: ["Sheet1!A1:B6", null, null, "Sheet1!D1:D3"],
    at: [1, 0],
    en: 'Sheet1!D3 (column Channel) holds the text "web"',
    fr: "la cellule Sheet1!D3 (colonne Channel) contient le texte « web »",
    row: "row 3, column Channel",
  },
  {
    name: "DERL: renewals that are not whole, in a range",
    id: "DERL",
    args: [
      [
        ["model", "sbg"],
        ["alpha", 1],
        ["beta", 2],
      ],
      column(1, 2.5),
      0.1,
    ],
    where: ["Sheet1!A1:B3", "Sheet1!C2:C3"],
    at: [1, 0],
    en: "Sheet1!C3 holds 2.5",
    fr: "la cellule Sheet1!C3 contient 2,5",
    row: "row 2 holds 2.5",
  },
  {
    name: "LOGLIK: a negative weight",
    id: "LOGLIK",
    args: [BGNBD, column(1, 1), column(2, 2), column(5, 5), column(1, -3)],
    where: ["Sheet1!A1:B5", "Sheet1!D2:D3", "Sheet1!E2:E3", "Sheet1!F2:F3", "Sheet1!G2:G3"],
    en: "Sheet1!G3 holds -3",
    fr: "la cellule Sheet1!G3 contient -3",
    row: "row 2 has -3",
  },
  // RFM: the measures, and the breaks range (3 columns).
  {
    name: "RFM: text in monetary",
    id: "RFM",
    args: [column(1, 2, 3), column(1, 2, 3), column(10, "n/a", 30)],
    where: ["Sheet1!B2:B4", "Sheet1!C2:C4", "Sheet1!D2:D4"],
    en: 'Sheet1!D3 holds the text "n/a"',
    fr: "la cellule Sheet1!D3 contient le texte « n/a »",
    row: "row 2 holds the text",
  },
  {
    name: "RFM: breaks that do not rise name the measure's column",
    id: "RFM",
    args: [
      column(1, 2, 3),
      column(1, 2, 3),
      column(10, 20, 30),
      null,
      null,
      null,
      [
        [1, 1, 10],
        [2, 0.5, 20],
      ],
    ],
    where: ["Sheet1!B2:B4", "Sheet1!C2:C4", "Sheet1!D2:D4", null, null, null, "Sheet1!J2:L3"],
    en: "Sheet1!K3 (0.5) is not above the cell before it",
    fr: "la cellule Sheet1!K3 (0,5) n'est pas au-dessus",
    row: "row 2 (0.5) is not above",
  },
  {
    name: "RFMSEGMENT: a score out of 1–5",
    id: "RFMSEGMENT",
    args: [column(1, 7), column(2, 3)],
    where: ["Sheet1!A2:A3", "Sheet1!B2:B3"],
    en: "r_score holds 7 in Sheet1!A3",
    fr: "r_score contient 7 en Sheet1!A3",
    row: "r_score row 2 holds 7",
  },
  // Transaction logs: SUMMARY (whole columns), COHORT.
  {
    name: "SUMMARY: a date typed as text, in a whole column",
    id: "SUMMARY",
    args: [column("c1", "c2"), column(45658, "5 janvier"), column(10, 20)],
    where: ["Log!A:A", "Log!B:B", "Log!C:C"],
    en: 'dates holds the text "5 janvier" in Log!B2',
    fr: "dates contient le texte « 5 janvier » en Log!B2",
    row: "dates row 2 holds the text",
  },
  {
    name: "COHORT: a blank amount",
    id: "COHORT",
    args: [column("c1", "c2"), column(45658, 45700), column(10, null)],
    where: ["Log!A2:A3", "Log!B2:B3", "Log!C2:C3"],
    en: "amounts is blank in Log!C3",
    fr: "amounts est vide en Log!C3",
    row: "amounts row 2 is blank",
  },
  // Value: SPEND, PCLV's Gamma-Gamma spend, FORECAST's cohorts, PCLVRANGE per row, RETENTIONCURVE's survivors.
  {
    name: "SPEND: a frequency that is not whole",
    id: "SPEND",
    args: [GG, column(1, 1.5), column(20, 30)],
    where: ["Sheet1!A1:B4", "Sheet1!D2:D3", "Sheet1!E2:E3"],
    at: [1, 0],
    en: "Sheet1!D3 holds 1.5",
    fr: "la cellule Sheet1!D3 contient 1,5",
    row: "row 2 holds 1.5",
  },
  {
    name: "PCLV with a Gamma-Gamma table: a spend of 0 for a repeat customer",
    id: "PCLV",
    args: [BGNBD, GG, column(2, 3), column(30, 20), column(38, 30), "weeks", column(25, 0)],
    where: ["Sheet1!A1:B5", "Sheet1!D1:E4", "Sheet1!G2:G3", "Sheet1!H2:H3", "Sheet1!I2:I3", null, "Sheet1!J2:J3"],
    at: [1, 0],
    en: "monetary must be greater than zero for a customer with repeat purchases, but Sheet1!J3 holds 0",
    fr: "mais la cellule Sheet1!J3 contient 0",
    row: "but row 2 holds 0",
  },
  {
    name: "FORECAST: a negative number of new customers",
    id: "FORECAST",
    args: [BGNBD, 10, column(1, 1), column(2, 2), column(5, 5), "weeks", null, 2, null, null, column(1, -1)],
    where: [
      "Sheet1!A1:B5",
      null,
      "Sheet1!D2:D3",
      "Sheet1!E2:E3",
      "Sheet1!F2:F3",
      null,
      null,
      null,
      null,
      null,
      "Plan!C2:C3",
    ],
    en: "Plan!C3 holds -1",
    fr: "la cellule Plan!C3 contient -1",
    row: "row 2 holds -1",
  },
  {
    name: "PCLVRANGE: a bad T row, per row",
    id: "PCLVRANGE",
    args: [BGNBD, column(20, 20), column(2, 1), column(30, 10), column(38, -4), "weeks"],
    where: ["Sheet1!A1:B5", "Sheet1!E2:E3", "Sheet1!B2:B3", "Sheet1!C2:C3", "Sheet1!D2:D3"],
    at: [1, 0],
    en: "Sheet1!D3 holds -4",
    fr: "la cellule Sheet1!D3 contient -4",
    row: "row 2 holds -4",
  },
  {
    name: "RETENTIONCURVE: survivors that go up",
    id: "RETENTIONCURVE",
    args: [column(1000, 600, 700), 5],
    where: ["Cohorts!C4:C6", null],
    en: "Cohorts!C6 holds 700",
    fr: "la cellule Cohorts!C6 contient 700",
    row: "row 3 holds 700",
  },
];

describe("a bad cell's message names it when Excel gives the addresses, the row otherwise", () => {
  for (const entry of CASES) {
    test(`${entry.id}: ${entry.name}`, () => {
      const [r, c] = entry.at ?? [0, 0];
      const en = excel.invoke({ parameterAddresses: entry.where }, entry.id, ...entry.args).cells;
      expect(en[r][c]).toEqual({ error: expect.stringMatching(/^#(VALUE!|N\/A)$/), message: expect.any(String) });
      expect((en[r][c] as { message: string }).message).toContain(entry.en);
      const fr = excel.invoke({ locale: "fr", parameterAddresses: entry.where }, entry.id, ...entry.args).cells;
      expect((fr[r][c] as { message: string }).message).toContain(entry.fr);
      const bare = excel.invoke({}, entry.id, ...entry.args).cells;
      expect((bare[r][c] as { message: string }).message).toContain(entry.row);
    });
  }

  test("every family of functions is covered, and every function with a range argument asks for the addresses", () => {
    const ranged = [...excel.metadata.values()].filter((fn) =>
      fn.parameters.some((p) => p.dimensionality === "matrix"),
    );
    const missing = ranged.filter((fn) => fn.options?.requiresParameterAddresses !== true).map((fn) => fn.id);
    expect(missing).toEqual([]);
    // Excel gives the addresses only to a function whose result is a matrix (custom-functions-json, options).
    const scalar = [...excel.metadata.values()].filter(
      (fn) => fn.options?.requiresParameterAddresses === true && fn.result?.dimensionality !== "matrix",
    );
    expect(scalar.map((fn) => fn.id)).toEqual([]);
    const tested = new Set([...CASES.map((entry) => entry.id), "CLV", "PURCHASES", "CHURNRISK"]);
    const untested = ranged.map((fn) => fn.id).filter((id) => !tested.has(id));
    // Element-wise metrics share CAC's and CHURN's path (mapElementwise); the others are each tested above.
    expect(untested.sort()).toEqual(["LTVCAC", "PAYBACK", "PMC", "VISITORVALUE"]);
  });
});

describe("the cell variants of the per-row messages", () => {
  const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

  test("each says {cell} where its row message says {row}, with the same other placeholders, in both languages", () => {
    const problems: string[] = [];
    for (const [key, variant] of Object.entries(CELL_VARIANTS)) {
      for (const locale of ["en", "fr"] as const) {
        const row = placeholders(t(key as never, {}, locale));
        const cell = placeholders(t(variant!.key, {}, locale));
        if (!row.has("row")) problems.push(`${key} (${locale}) has no {row}`);
        if (!cell.has("cell") || cell.has("row")) problems.push(`${variant!.key} (${locale}) must name {cell}`);
        for (const name of cell) if (name !== "cell" && !row.has(name)) problems.push(`${variant!.key}: {${name}}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test("every message about a row of a function's range has a variant naming the cell", () => {
    // Not about a cell of an argument: the length of a column, the pane's own checks, a fit's status message.
    const notCells = [
      "summary.lengthMismatch",
      "segmentation.issue.rowRef",
      "excel.error.invalidValue",
      // The "row 1, column 4" that stands for {row} in a cell of a grid's wide argument: a part of the messages above.
      "grids.rowColumn",
    ];
    const rowKeys = catalogKeys("en").filter(
      (key) => !key.startsWith("cells.") && t(key as never, {}, "en").includes("{row}") && !notCells.includes(key),
    );
    expect(rowKeys.filter((key) => !(key in CELL_VARIANTS))).toEqual([]);
  });
});

describe("a fit's table message names the range's row, or its cell", () => {
  test("a huge frequency in the 3rd range row (the 2nd customer kept, after a blank row)", () => {
    const diagnosis = { key: "diagnostics.hugeFrequency" as const, params: { found: 2e5, row: 2 } };
    const moved = messageInRangeRows(diagnosis, [0, 2, 3]);
    expect(t(moved.key, moved.params, "en")).toMatch(/^Row 3 has a frequency of 200,000/);
    const named = messageNamingCell(moved, new Map([["frequency", "Data!$B$2:$B$5"]]));
    expect(t(named.key, named.params, "en")).toMatch(/^Data!B4 has a frequency of 200,000/);
    expect(t(named.key, named.params, "fr")).toMatch(/^La cellule Data!B4 compte 200\s000 réachats/);
    expect(messageNamingCell(moved, new Map())).toBe(moved);
  });
});

describe("messages that say the real problem (issue 12 item 5)", () => {
  test("a BG/BB history blames T, the argument the functions have (not 'periods')", () => {
    const palive = excel.call("PALIVE", BGBB, column(1, 1), column(2, 2), column(5, 2.5));
    expect(palive[1][0]).toMatchObject({ message: expect.stringMatching(/^T must be a whole number/) });
    const check = excel.error("HOLDOUTCHECK", BGBB, column(1, 1), column(2, 2), column(5, 2e9), column(1, 1), 5);
    expect(check.message).toContain("T is 2,000,000,000 in row 2");
    expect(check.message).not.toMatch(/periods|\bt\b/);
    const tooMany = excel.call("PALIVE", BGBB, column(1, 1), column(2, 2), column(5, 2e9));
    expect(tooMany[1][0]).toMatchObject({ message: expect.stringContaining("T is 2,000,000,000 in row 2") });
  });

  test("a BG/BB horizon blames the function's own argument, never the engine's 'opportunities' or 'purchases'", () => {
    const history = [column(1, 1), column(2, 2), column(5, 5)] as const;
    const check = excel.error("HOLDOUTCHECK", BGBB, ...history, column(1, 1), 2.5);
    expect(check.message).toMatch(/^holdout_length counts opportunities/);
    expect(excel.error("HOLDOUTCHECK", BGBB, ...history, column(1, 1), 1e12).message).toContain("holdout_length is");
    expect(excel.error("PURCHASES", BGBB, 2.5, ...history).message).toMatch(/^t counts opportunities/);
    expect(excel.error("PURCHASES", BGBB, 2.5).message).toMatch(/^t counts opportunities/);
    expect(excel.error("PBUY", BGBB, 2.5, ...history).message).toMatch(/^t counts opportunities/);
    expect(excel.error("PNPURCHASES", BGBB, 1, 2.5).message).toMatch(/^t counts opportunities/);
    expect(excel.error("PNPURCHASES", BGBB, 5000, 6000).message).toContain("but n is 5,000");
    const fr = excel.errorWith({ locale: "fr" }, "PNPURCHASES", BGBB, 1, 2.5);
    expect(fr.message).toMatch(/^t compte des occasions/);
  });

  test("numbers inside messages are written as Excel writes them (1E+300), text is quoted", () => {
    const weights = excel.error("LOGLIK", BGNBD, column(1, 1), column(2, 2), column(5, 5), column(1, -1e300));
    expect(weights.message).toContain("row 2 has -1E+300");
    const flag = excel.error("PCLVRANGE", BGNBD, 20, 2, 30, 38, "weeks", null, 12, 0, 0, null, "abc");
    expect(flag.message).toContain('the text "abc"');
    const percentiles = excel.error("PCLVRANGE", BGNBD, 20, 2, 30, 38, "weeks", null, 12, 0, 0, [[1e300]]);
    expect(percentiles.message).toContain("1E+300");
  });

  test("French decimal commas are read in numbers typed as text: covariates, amounts", () => {
    const covariates = [["Channel"], ["0,5"], ["1"]];
    const fr = excel.callWith(
      { locale: "fr" },
      "PALIVE",
      PNBD_COVARIATE,
      column(2, 0),
      column(30, 0),
      column(52, 52),
      null,
      covariates,
    );
    const typed = excel.call("PALIVE", PNBD_COVARIATE, column(2, 0), column(30, 0), column(52, 52), null, [
      ["Channel"],
      [0.5],
      [1],
    ]);
    expect(fr).toEqual(typed);
    const log = [column("c1", "c1"), column(45658, 45700), column("12,5", "7,5")] as const;
    const summary = excel.callWith({ locale: "fr" }, "SUMMARY", ...log);
    expect(summary[1][4]).toBe(20);
  });

  test("PCLVRANGE and FORECAST name the range's row of a negative spend (after a blank row), as PCLV does", () => {
    const history = [column(1, null, 2), column(2, null, 3), column(5, null, 6)] as const;
    const spend = column(20, null, -5);
    const pclv = excel.call("PCLV", BGNBD, spend, ...history, "weeks");
    expect(pclv[2][0]).toMatchObject({ message: expect.stringContaining("row 3 holds -5") });
    const perCustomer = excel.error("PCLVRANGE", BGNBD, spend, ...history, "weeks");
    expect(perCustomer.message).toContain("row 3 holds -5");
    const total = excel.error("PCLVRANGE", BGNBD, spend, ...history, "weeks", null, null, null, null, null, true);
    expect(total.message).toContain("row 3 holds -5");
    const where = ["Sheet1!A1:B5", "Sheet1!C2:C4", "Sheet1!D2:D4", "Sheet1!E2:E4", "Sheet1!F2:F4"];
    const forecast = excel.invoke({ parameterAddresses: where }, "FORECAST", BGNBD, spend, ...history, "weeks");
    expect(forecast.cells).toEqual([[{ error: "#VALUE!", message: expect.stringContaining("Sheet1!C4 holds -5") }]]);
  });

  test("an all-blank input is explained, never an empty spill", () => {
    const segments = excel.call("RFMSEGMENT", column(null, null), column(null, null));
    expect(segments).toEqual([[{ error: "#N/A", message: expect.stringContaining("r_score") }]]);
  });
});
