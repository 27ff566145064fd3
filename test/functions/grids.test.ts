/**
 * Grids in one formula (issue 13, item 5): the per-row arguments combine as Excel's own array arithmetic does
 * (=A2:A12*B1:F1), so a column of frequencies and a row of recencies give a frequency × recency table of P(alive)
 * or expected purchases, and a column of horizons gives a curve. Every cell must equal the single-cell call; a bad
 * cell's error stays in its cell and names the cell of the argument it is about (row and column within it).
 * Called as Excel calls the functions (the Excel-faithful invoker).
 */
import { MAX_GRID_CELLS } from "../../src/functions/args";
import { cellError, column, ExcelFunctions, InputCell, loadExcelFunctions } from "../support/excel";
import { BGBB, BGNBD, expectGrid, GG, PNBD, range, row } from "../support/grids";

let excel: ExcelFunctions;
beforeAll(async () => {
  excel = await loadExcelFunctions();
}, 60000);

/** {0;1;…;10} and {0,5,…,60}: frequencies down, recencies across (55 and 60 exceed T = 52). */
const FREQUENCIES = column(...range(0, 10, 1));
const RECENCIES = row(...range(0, 60, 5));

const x = (r: number) => FREQUENCIES[r][0];
const rec = (c: number) => RECENCIES[0][c];

describe("a P(alive) heatmap: a column of frequencies by a row of recencies", () => {
  test("CUST.PALIVE(tbl, {0;…;10}, {0,5,…,60}, 52): 11 × 13 cells, each the single-cell call", () => {
    const grid = excel.call("PALIVE", BGNBD, FREQUENCIES, RECENCIES, 52);
    expectGrid(grid, 11, 13, (r, c) => excel.value("PALIVE", BGNBD, x(r), rec(c), 52));
    // P(alive) falls as the last purchase gets older, and more so for frequent buyers.
    expect(grid[5][1] as number).toBeLessThan(grid[5][10] as number);
    expect(grid[10][1] as number).toBeLessThan(grid[1][1] as number);
  });

  test("a recency after T gets its own error, naming the recency's cell: row 1, column 12", () => {
    const grid = excel.call("PALIVE", BGNBD, FREQUENCIES, RECENCIES, 52);
    for (const r of [1, 6, 10]) {
      expect(cellError(grid[r][11])).toEqual({
        code: "#VALUE!",
        message:
          "recency cannot exceed T (the customer's age): row 1, column 12 has recency 55 and T 52. Check that both use the same time unit.",
      });
    }
    // Frequency 0 goes with recency 0 only (no repeat purchase): the other cells of that row say so.
    expect(typeof grid[0][0]).toBe("number");
    expect(cellError(grid[0][3]).message).toBe(
      "recency must be 0 when frequency is 0 (no repeat purchase, so no time between first and last), but row 1, column 4 holds 15.",
    );
  });

  test("in French, and naming the sheet's cell when Excel gives the addresses", () => {
    const fr = excel.callWith({ locale: "fr" }, "PALIVE", BGNBD, FREQUENCIES, RECENCIES, 52);
    expect(cellError(fr[3][12]).message).toBe(
      "recency ne peut pas dépasser T (l'ancienneté du client) : la ligne 1, colonne 13 a recency 60 et T 52. Vérifiez que les deux sont dans la même unité de temps.",
    );
    const addresses = ["Modèle!$A$1:$B$5", "Grille!$B$2:$B$12", "Grille!$C$1:$O$1", "Grille!$A$1"];
    const named = excel.invoke({ parameterAddresses: addresses }, "PALIVE", BGNBD, FREQUENCIES, RECENCIES, 52).cells;
    expect(cellError(named[4][11]).message).toContain("Grille!N1 has recency 55");
    expect(cellError(named[0][2]).message).toContain("but Grille!E1 holds 10");
    const namedFr = excel.invoke(
      { locale: "fr", parameterAddresses: addresses },
      "PALIVE",
      BGNBD,
      FREQUENCIES,
      RECENCIES,
      52,
    ).cells;
    expect(cellError(namedFr[4][12]).message).toContain("la cellule Grille!O1 a recency 60");
  });

  test("a bad cell names its own row and column: in the column of frequencies, or in the row of recencies", () => {
    const frequencies = column(1, "deux", 3);
    const recencies = row(10, 20, -5, 30);
    const grid = excel.call("PALIVE", BGNBD, frequencies, recencies, 52);
    expect(grid).toHaveLength(3);
    for (const c of [0, 1, 3]) {
      expect(cellError(grid[1][c]).message).toBe('frequency must hold numbers, but row 2 holds the text "deux".');
    }
    expect(cellError(grid[0][2]).message).toBe("recency cannot be negative, but row 1, column 3 holds -5.");
    expect(typeof grid[2][3]).toBe("number");
    const addresses = ["A1:B5", "Sheet1!B2:B4", "Sheet1!C1:F1", "Sheet1!A1"];
    const named = excel.invoke({ parameterAddresses: addresses }, "PALIVE", BGNBD, frequencies, recencies, 52).cells;
    expect(cellError(named[1][3]).message).toContain("Sheet1!B3 holds");
    expect(cellError(named[2][2]).message).toContain("Sheet1!E1 holds -5");
    const fr = excel.callWith({ locale: "fr" }, "PALIVE", BGNBD, frequencies, recencies, 52);
    expect(cellError(fr[0][2]).message).toBe(
      "recency ne peut pas être négatif, mais la ligne 1, colonne 3 contient -5.",
    );
  });

  test("a single recency after a row of ages: the message names the recency's own cell, whatever the row", () => {
    const named = excel.invoke(
      { parameterAddresses: ["A1:B5", "Sheet1!B2:B3", "Sheet1!$H$1", "Sheet1!C1:D1"] },
      "PALIVE",
      BGNBD,
      column(1, 2),
      40,
      row(39, 50),
    ).cells;
    for (const r of [0, 1]) expect(cellError(named[r][0]).message).toContain("Sheet1!H1 has recency 40 and T 39");
    expect(typeof named[1][1]).toBe("number");
  });
});

describe("the other per-customer predictions as grids", () => {
  test("expected purchases, P(buy) and churn risk: each cell the single-cell call", () => {
    const frequencies = column(1, 3, 8);
    const recencies = row(5, 20, 35, 50);
    for (const [id, lead] of [
      ["PURCHASES", [BGNBD, 52]],
      ["PBUY", [BGNBD, 26]],
      ["CHURNRISK", [BGNBD]],
      ["PURCHASES", [PNBD, 39]],
    ] as const) {
      const grid = excel.call(id, ...lead, frequencies, recencies, 52);
      expectGrid(grid, 3, 4, (r, c) => excel.value(id, ...lead, frequencies[r][0], recencies[0][c], 52));
    }
  });

  test("a row of ages T against a column of frequencies, the recency a single cell", () => {
    const grid = excel.call("PALIVE", BGNBD, column(2, 4), 10, row(10, 20, 40));
    expectGrid(grid, 2, 3, (r, c) => excel.value("PALIVE", BGNBD, [2, 4][r], 10, [10, 20, 40][c]));
  });

  test("a column of horizons gives a curve for one customer, and for a new one", () => {
    const horizons = column(4, 13, 26, 52, 104);
    const curve = excel.call("PURCHASES", BGNBD, horizons, 2, 30, 39);
    expectGrid(curve, 5, 1, (r) => excel.value("PURCHASES", BGNBD, horizons[r][0], 2, 30, 39));
    expect(curve.map(([v]) => v as number)).toEqual([...curve.map(([v]) => v as number)].sort((a, b) => a - b));
    const fresh = excel.call("PURCHASES", BGNBD, horizons);
    expectGrid(fresh, 5, 1, (r) => excel.value("PURCHASES", BGNBD, horizons[r][0]));
    const later = excel.call("PALIVE", BGNBD, 2, 30, 39, horizons);
    expectGrid(later, 5, 1, (r) => excel.value("PALIVE", BGNBD, 2, 30, 39, horizons[r][0]));
    expectGrid(excel.call("PBUY", BGNBD, horizons, 2, 30, 39), 5, 1, (r) =>
      excel.value("PBUY", BGNBD, horizons[r][0], 2, 30, 39),
    );
  });

  test("a row of horizons by a column of customers: one row per customer, one column per horizon", () => {
    const horizons = row(13, 26, 52);
    const xs = column(1, 3, 8);
    const txs = column(10, 30, 50);
    for (const id of ["PURCHASES", "PBUY"]) {
      const grid = excel.call(id, BGNBD, horizons, xs, txs, 52);
      expectGrid(grid, 3, 3, (r, c) => excel.value(id, BGNBD, horizons[0][c], xs[r][0], txs[r][0], 52));
    }
    const later = excel.call("PALIVE", BGNBD, xs, txs, 52, horizons);
    expectGrid(later, 3, 3, (r, c) => excel.value("PALIVE", BGNBD, xs[r][0], txs[r][0], 52, horizons[0][c]));
    // A bad horizon gives its error in the cells that use it, naming its row and column.
    const bad = excel.call("PURCHASES", BGNBD, row(13, -1), xs, txs, 52);
    expect(typeof bad[2][0]).toBe("number");
    expect(cellError(bad[1][1]).message).toBe("t cannot be negative, but row 1, column 2 holds -1.");
    // A BG/BB horizon the model refuses (P(buy) takes up to 1,000 opportunities) errs in its own column only.
    const bb = excel.call("PBUY", BGBB, row(3, 2000), column(1, 2), column(3, 4), 6);
    expect(typeof bb[1][0]).toBe("number");
    expect(cellError(bb[0][1]).code).toBe(excel.error("PBUY", BGBB, 2000, 1, 3, 6).error);
    // A customer just acquired: one value per horizon, across.
    const fresh = excel.call("PURCHASES", BGNBD, horizons);
    expectGrid(fresh, 1, 3, (_, c) => excel.value("PURCHASES", BGNBD, horizons[0][c]));
  });

  test("the purchase-count distribution: a column of counts n by a row of times t", () => {
    const grid = excel.call("PNPURCHASES", BGNBD, column(0, 1, 2, 3), row(13, 26, 52));
    expectGrid(grid, 4, 3, (r, c) => excel.value("PNPURCHASES", BGNBD, r, [13, 26, 52][c]));
  });

  test("CUST.PCLV and CUST.DERT: a value grid, with spend per frequency row or per column", () => {
    const frequencies = column(1, 2, 5);
    const recencies = row(10, 25, 40);
    const pclv = excel.call("PCLV", BGNBD, 20, frequencies, recencies, 52, "weeks", null, 12, 0.1, 0.3);
    expectGrid(pclv, 3, 3, (r, c) =>
      excel.value("PCLV", BGNBD, 20, frequencies[r][0], recencies[0][c], 52, "weeks", null, 12, 0.1, 0.3),
    );
    // Gamma-Gamma spend: a column of average spends follows the frequencies.
    const spends = column(30, 45, 60);
    const withGg = excel.call("PCLV", BGNBD, GG, frequencies, recencies, 52, "weeks", spends, 12, 0.1);
    expectGrid(withGg, 3, 3, (r, c) =>
      excel.value("PCLV", BGNBD, GG, frequencies[r][0], recencies[0][c], 52, "weeks", spends[r][0], 12, 0.1),
    );
    // DERT (Pareto/NBD: a closed form; BG/NBD's takes ~0.4 s a customer, test/functions/grids.slow.test.ts).
    const dert = excel.call("DERT", PNBD, frequencies, recencies, 52, 0.1, "weeks", spends, 0.3);
    expectGrid(dert, 3, 3, (r, c) =>
      excel.value("DERT", PNBD, frequencies[r][0], recencies[0][c], 52, 0.1, "weeks", spends[r][0], 0.3),
    );
    const perColumn = row(10, 20, 30);
    const across = excel.call("DERT", PNBD, frequencies, 10, 52, 0.1, "weeks", perColumn);
    expectGrid(across, 3, 3, (r, c) =>
      excel.value("DERT", PNBD, frequencies[r][0], 10, 52, 0.1, "weeks", perColumn[0][c]),
    );
  });

  test("BG/BB tables: frequency × recency in opportunities, P(alive), expected transactions, DERT", () => {
    const frequencies = column(0, 1, 2, 3, 4, 5, 6);
    const recencies = row(0, 1, 2, 3, 4, 5, 6);
    const alive = excel.call("PALIVE", BGBB, frequencies, recencies, 6);
    expectGrid(alive, 7, 7, (r, c) => excel.value("PALIVE", BGBB, r, c, 6));
    // More transactions than the last transaction's opportunity: that cell says so, naming the frequency's row.
    expect(cellError(alive[4][2]).message).toContain("row 5 has frequency 4 and recency 2");
    const purchases = excel.call("PURCHASES", BGBB, 5, frequencies, recencies, 6);
    expectGrid(purchases, 7, 7, (r, c) => excel.value("PURCHASES", BGBB, 5, r, c, 6));
    const dert = excel.call("DERT", BGBB, frequencies, recencies, 6, 0.1, "years");
    expectGrid(dert, 7, 7, (r, c) => excel.value("DERT", BGBB, r, c, 6, 0.1, "years"));
    const pbuy = excel.call("PBUY", BGBB, 3, frequencies, recencies, 6);
    expectGrid(pbuy, 7, 7, (r, c) => excel.value("PBUY", BGBB, 3, r, c, 6));
  });
});

describe("the shape rule's other parts, with grids", () => {
  test("widths that do not combine are an error saying which shapes do (English and French)", () => {
    const three = [[1, 2, 3]];
    const five = [
      [10, 10, 10, 10, 10],
      [10, 10, 10, 10, 10],
    ];
    expect(excel.error("PALIVE", BGNBD, three, five, 52)).toEqual({
      error: "#VALUE!",
      message:
        "frequency has 3 columns but recency has 5. Ranges combine as in Excel's array arithmetic: give ranges of the same width, a single column (used in every column), a single row (used in every row) or a single cell.",
    });
    expect(excel.errorWith({ locale: "fr" }, "PALIVE", BGNBD, three, five, 52).message).toBe(
      "frequency a 3 colonnes mais recency en a 5. Les plages se combinent comme dans les calculs matriciels d'Excel : donnez des plages de même largeur, une seule colonne (utilisée dans chaque colonne), une seule ligne (utilisée dans chaque ligne) ou une seule cellule.",
    );
  });

  test("a column that stops before another's last value is still an error naming it (fill it down)", () => {
    expect(excel.error("PALIVE", BGNBD, column(1, 2, 3, 4, 5), row(10, 20), column(52, 52, 52)).message).toBe(
      "T has 3 rows but frequency has values down to row 5: extend T to the same rows, or give a single cell to use it for every row.",
    );
  });

  test("whole columns and whole rows are trimmed once; a blank in every range is blank; a half-blank cell names itself", () => {
    const frequencies = column(1, null, 3, null, null, null);
    const recencies = row(10, 20, null, null);
    const grid = excel.call("PALIVE", BGNBD, frequencies, recencies, 52);
    expect(grid).toHaveLength(3);
    expect(grid[0]).toHaveLength(2);
    expect(cellError(grid[1][0]).message).toBe(
      "frequency is blank in row 2, where other arguments have values: fill that cell, or clear the row.",
    );
    expect(typeof grid[2][1]).toBe("number");
    // Two grids blank in the same cell: that cell is blank.
    const both = excel.call(
      "PALIVE",
      BGNBD,
      [
        [1, null],
        [2, 3],
      ],
      [
        [10, null],
        [20, 30],
      ],
      52,
    );
    expect(both[0][1]).toBe("");
    expect(typeof both[1][1]).toBe("number");
  });

  test(`a grid larger than its arguments is bounded at ${MAX_GRID_CELLS.toLocaleString("en")} cells, before any work`, () => {
    const tall = column(...new Array<number>(1025).fill(1));
    const wide = row(...new Array<number>(1025).fill(5));
    expect(excel.error("PALIVE", BGNBD, tall, wide, 52)).toEqual({
      error: "#VALUE!",
      message:
        "frequency, recency combine into 1,025 rows × 1,025 columns (1,050,625 cells), more than the 1,048,576 cells a result may have: give fewer rows or fewer columns.",
    });
    expect(excel.errorWith({ locale: "fr" }, "PALIVE", BGNBD, tall, wide, 52).message).toMatch(
      /^frequency, recency se combinent en 1\s025 lignes × 1\s025 colonnes/u,
    );
  });

  test("functions that need one column of customers refuse a grid, naming the argument that is a row", () => {
    const frequencies = column(1, 2, 3);
    for (const [id, args] of [
      ["FIT", ["bgnbd", frequencies, row(5, 10), 52]],
      ["LOGLIK", [BGNBD, frequencies, row(5, 10), 52]],
      ["HOLDOUTCHECK", [BGNBD, frequencies, row(5, 10), 52, column(1, 0, 2), 10]],
    ] as const) {
      expect(excel.error(id, ...(args as unknown as InputCell[]))).toEqual({
        error: "#VALUE!",
        message: "recency must be a single column or a single row.",
      });
    }
  });
});

describe("the fast reading of customer columns falls back for shapes it does not read", () => {
  const n = 60;
  const xs = column(...Array.from({ length: n }, (_, i) => i % 4));
  const ages = column(...Array.from({ length: n }, (_, i) => 30 + (i % 5)));
  const recencyOf = (i: number, c: number) => (i % 4 === 0 ? 0 : 5 + 5 * c + (i % 3));

  test("CUST.PCLV with a row of spends across a column of customers", () => {
    const recencies = column(...Array.from({ length: n }, (_, i) => recencyOf(i, 0)));
    const spends = row(10, 20, 30);
    const grid = excel.call("PCLV", BGNBD, spends, xs, recencies, ages, "weeks", null, 12, 0.1);
    expectGrid(grid, n, 3, (r, c) =>
      excel.value("PCLV", BGNBD, spends[0][c], xs[r][0], recencies[r][0], ages[r][0], "weeks", null, 12, 0.1),
    );
  });

  test("CUST.PCLV with a row of recencies trimmed to one cell: that cell is used in every row", () => {
    const trimmed = row(0, null, null);
    const zeros = column(...new Array<number>(n).fill(0));
    const grid = excel.call("PCLV", BGNBD, 25, zeros, trimmed, ages, "weeks");
    expectGrid(grid, n, 1, (r) => excel.value("PCLV", BGNBD, 25, 0, 0, ages[r][0], "weeks"));
  });
});
