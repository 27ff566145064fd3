/**
 * The catalogue of issue 12 (test/functions/catalogue/): every case through the Excel-faithful invoker, with each
 * form a blank cell takes on some platform, asserting the code AND the message of every error. Plus the shape rule
 * as a property: for random valid columns, a range gives one result per row equal to the single-cell call for that
 * row, blank rows give blanks, and a single cell is repeated.
 */
import fc from "fast-check";
import { ANY_NUMBER, CATALOGUE, CaseClass, ExpectedCell } from "./catalogue";
import { BGNBD, col } from "./catalogue/cases";
import { BLANK_FORMS, ExcelFunctions, InputCell, isShownError, loadExcelFunctions, ShownCell } from "../support/excel";

let excel: ExcelFunctions;
beforeAll(async () => {
  excel = await loadExcelFunctions();
}, 60000);

const hasBlank = (args: unknown[]): boolean =>
  args.some((arg) => Array.isArray(arg) && arg.some((row) => Array.isArray(row) && row.some((cell) => cell === null)));

/** What differs between a shown cell and the expected one, or null. */
function mismatch(actual: ShownCell, expected: ExpectedCell): string | null {
  if (expected === ANY_NUMBER) return typeof actual === "number" && Number.isFinite(actual) ? null : "not a number";
  if (typeof expected === "number") {
    if (typeof actual !== "number") return `not a number`;
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)) ? null : `≠ ${expected}`;
  }
  if (typeof expected === "object" && "error" in expected) {
    if (!isShownError(actual)) return `not an error`;
    if (actual.error !== expected.error) return `code ${actual.error}, expected ${expected.error}`;
    if (expected.says.length > 0 && actual.message === "") return "no message";
    for (const part of expected.says) {
      const found = typeof part === "string" ? actual.message.includes(part) : part.test(actual.message);
      if (!found) return `message does not say ${String(part)}`;
    }
    return null;
  }
  return actual === expected ? null : `≠ ${JSON.stringify(expected)}`;
}

describe("the catalogue", () => {
  test("covers every function with each class that applies, and every class", () => {
    // The 23 functions this catalogue was written for; functions added since are covered by their worked examples
    // (test/functions/examples.test.ts, error-policy.test.ts) until they get cases here.
    const ids = ["CLV", "CAC", "RETENTION", "RETENTIONIDS", "CHURN", "LIFESPAN", "LTVCAC", "PAYBACK", "PMC"]
      .concat(["VISITORVALUE", "EQUITY", "FIT", "PALIVE", "CHURNRISK", "PURCHASES", "PBUY", "HOLDOUTCHECK"])
      .concat(["RFM", "RFMSEGMENT", "SUMMARY", "SPEND", "PCLV", "RETENTIONCURVE"]);
    expect(ids.filter((id) => !excel.metadata.has(id))).toEqual([]);
    const covered = new Set(CATALOGUE.map((entry) => entry.id));
    expect(ids.filter((id) => !covered.has(id))).toEqual([]);
    const classes = new Set(CATALOGUE.map((entry) => entry.cls));
    const all: CaseClass[] = ["works", "shape", "meaning", "blank", "bound", "words", "policy"];
    expect(all.filter((cls) => !classes.has(cls))).toEqual([]);
  });

  for (const entry of CATALOGUE) {
    const forms = entry.blanks ?? (hasBlank(entry.args) ? BLANK_FORMS : [null]);
    test.each(forms.map((form) => [JSON.stringify(form)]))(`${entry.name} [${entry.cls}] (blank as %s)`, (form) => {
      const blank = JSON.parse(form) as null | 0 | "";
      const { cells } = excel.invoke({ blank, locale: entry.locale }, entry.id, ...entry.args);
      const expected: ExpectedCell[][] = Array.isArray(entry.expect) ? entry.expect : [[entry.expect]];
      const shown = Array.isArray(entry.expect) ? cells : [[cells[0][0]]];
      const problems: string[] = [];
      if (!entry.partial && shown.length !== expected.length) {
        problems.push(`${shown.length} rows, expected ${expected.length}: ${JSON.stringify(shown)}`);
      }
      expected.forEach((row, r) =>
        row.forEach((cell, c) => {
          const actual = shown[r]?.[c];
          const problem = actual === undefined ? "missing" : mismatch(actual, cell);
          if (problem) problems.push(`cell ${r + 1},${c + 1}: ${problem} (${JSON.stringify(actual)})`);
        }),
      );
      expect(problems).toEqual([]);
    });
  }
});

describe("argument shapes (issue 11)", () => {
  test("a parameter whose help offers a range or a column is a matrix parameter (Excel would lift a scalar one)", () => {
    const offersRange = /\bor a (\d-column )?(range|column)\b|\ba column \(|\branges?\b of/i;
    const scalars = [...excel.metadata.values()].flatMap((fn) =>
      fn.parameters
        .filter((p) => (p.dimensionality ?? "scalar") !== "matrix" && offersRange.test(p.description ?? ""))
        .map((p) => `${fn.id}(${p.name})`),
    );
    expect(scalars).toEqual([]);
    expect(excel.metadata.get("FIT")!.parameters.find((p) => p.name === "options")!.dimensionality).toBe("matrix");
  });
});

describe("the shape rule, as a property", () => {
  const cell = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 500 }));

  test("CLV: a range gives the single-cell result of each row; all-blank rows are blank; a single cell repeats", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell), { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 1, max: 60 }),
        (rows, periods) => {
          const baskets: InputCell[][] = rows.map(([b]) => [b]);
          const counts: InputCell[][] = rows.map(([, f]) => [f]);
          if (rows.every(([b, f]) => b === null && f === null)) return;
          const cells = excel.call("CLV", baskets, counts, periods);
          let last = rows.length;
          while (last > 0 && rows[last - 1][0] === null && rows[last - 1][1] === null) last--;
          expect(cells).toHaveLength(last);
          rows.slice(0, last).forEach(([b, f], r) => {
            const shown = cells[r][0];
            if (b === null && f === null) expect(shown).toBe("");
            else if (b === null || f === null)
              expect(shown).toMatchObject({ error: "#VALUE!", message: expect.stringContaining(`row ${r + 1}`) });
            else expect(shown).toBe(excel.value("CLV", b, f, periods));
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  test("PALIVE: a range of T against ranges of histories is read per row, never repeating its first cell", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), fc.integer({ min: 1, max: 9 }), (n, filled) => {
        const m = Math.min(n, filled);
        const x = col(...Array.from({ length: n }, (_, i) => i % 3));
        const tx = col(...Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : 5)));
        const T = col(...Array.from({ length: n }, (_, i) => (i < m ? 10 : null)));
        const cells = excel.call("PALIVE", BGNBD, x, tx, T);
        expect(cells).toHaveLength(n);
        cells.forEach(([shown], r) => {
          if (r < m) expect(shown).toBe(excel.value("PALIVE", BGNBD, x[r][0], tx[r][0], 10));
          else expect(shown).toMatchObject({ error: "#VALUE!", message: expect.stringContaining(`row ${r + 1}`) });
        });
        // A single cell for T is repeated for every row.
        const single = excel.call("PALIVE", BGNBD, x, tx, 10);
        single.forEach(([shown], r) => expect(shown).toBe(excel.value("PALIVE", BGNBD, x[r][0], tx[r][0], 10)));
      }),
      { numRuns: 30 },
    );
  });
});
