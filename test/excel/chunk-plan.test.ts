import fc from "fast-check";
import { seededUniform } from "../../src/engine/random";
import {
  COLOUR_RULE_BYTES,
  estimateTextBytes,
  estimateValueBytes,
  fillRuns,
  FILL_RUN_BYTES,
  MAX_REQUEST_BYTES,
  NUMBER_BYTES,
  planColumnWrites,
  planColumnWritesSliced,
  planFillWrites,
  planRowChunks,
  planUniformWrites,
  planValueWrites,
  REQUEST_OVERHEAD_BYTES,
  ROW_OVERHEAD_BYTES,
} from "../../src/excel/chunk-plan";
import { SLICE_MS, STEP_ITEMS } from "../../src/excel/steps";
import type { CellValue } from "../../src/excel/workbook";

const EXCEL_MAX_ROWS = 1_048_576;

function utf8JsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), "utf8");
}

describe("estimateValueBytes", () => {
  it("is never below the JSON Office.js sends for a number", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(estimateValueBytes(x)).toBeGreaterThanOrEqual(utf8JsonBytes(x) + 1);
      }),
    );
    expect(utf8JsonBytes(-0.0000012864227469696622)).toBe(NUMBER_BYTES);
    expect(utf8JsonBytes(-1.7976931348623157e308)).toBeLessThan(NUMBER_BYTES);
  });

  it("is never below the JSON of a text, whatever its characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite", maxLength: 40 }), (text) => {
        expect(estimateTextBytes(text)).toBeGreaterThanOrEqual(utf8JsonBytes(text));
      }),
    );
    expect(estimateTextBytes('a"b\\c')).toBe(utf8JsonBytes('a"b\\c'));
    expect(estimateTextBytes("\u0001")).toBe(utf8JsonBytes("\u0001"));
    expect(estimateTextBytes("Fidèles")).toBe(utf8JsonBytes("Fidèles"));
  });

  it("counts booleans and blanks", () => {
    expect(estimateValueBytes(false)).toBe(6);
    expect(estimateValueBytes("")).toBe(3);
    expect(estimateValueBytes(null)).toBe(5);
  });
});

describe("planUniformWrites: 1,048,576 rows × 6 numeric columns", () => {
  const chunks = planUniformWrites(EXCEL_MAX_ROWS, 6, NUMBER_BYTES + 1);
  const rowBytes = 6 * (NUMBER_BYTES + 1) + ROW_OVERHEAD_BYTES;
  const rowsPerRequest = Math.floor((MAX_REQUEST_BYTES - REQUEST_OVERHEAD_BYTES) / rowBytes);

  it("needs 40 requests of at most 26,353 rows, each under 4 MB", () => {
    expect(rowBytes).toBe(159);
    expect(rowsPerRequest).toBe(26_353);
    expect(chunks).toHaveLength(Math.ceil(EXCEL_MAX_ROWS / rowsPerRequest));
    expect(chunks).toHaveLength(40);
    for (const chunk of chunks) expect(chunk.estimatedBytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(chunks[0].estimatedBytes).toBe(REQUEST_OVERHEAD_BYTES + 26_353 * 159);
    expect(chunks[0].estimatedBytes).toBe(4_194_223);
    expect(chunks[39]).toEqual({
      startRow: 39 * 26_353,
      rowCount: EXCEL_MAX_ROWS - 39 * 26_353,
      estimatedBytes: REQUEST_OVERHEAD_BYTES + (EXCEL_MAX_ROWS - 39 * 26_353) * 159,
    });
  });

  it("covers every row exactly once, in order", () => {
    let next = 0;
    for (const chunk of chunks) {
      expect(chunk.startRow).toBe(next);
      next += chunk.rowCount;
    }
    expect(next).toBe(EXCEL_MAX_ROWS);
  });

  it("agrees with the value-by-value plan on the same shape", () => {
    const column = new Array<CellValue>(EXCEL_MAX_ROWS).fill(0.5);
    const exact = planValueWrites([column, column, column, column, column, column]);
    expect(exact).toEqual(chunks);
  });
});

describe("planValueWrites", () => {
  it("puts long text rows in more, smaller requests and keeps each under the ceiling", () => {
    const rows = 50_000;
    const text = Array.from({ length: rows }, (_, i) => "Client à fort potentiel n° " + i + " ".repeat(i % 200));
    const numbers = Array.from({ length: rows }, (_, i) => i * 1.5);
    const chunks = planValueWrites([text, numbers]);
    const actual = chunks.map((chunk) =>
      utf8JsonBytes(
        Array.from({ length: chunk.rowCount }, (_, r) => [text[chunk.startRow + r], numbers[chunk.startRow + r]]),
      ),
    );
    chunks.forEach((chunk, i) => {
      expect(chunk.estimatedBytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
      expect(chunk.estimatedBytes).toBeGreaterThanOrEqual(actual[i]);
    });
    expect(chunks.reduce((sum, chunk) => sum + chunk.rowCount, 0)).toBe(rows);
  });

  it("returns no request for an empty table", () => {
    expect(planValueWrites([[]])).toEqual([]);
    expect(planValueWrites([])).toEqual([]);
  });

  it("honours a smaller ceiling and a row cap", () => {
    const column = Array.from({ length: 100 }, (_, i) => i);
    const small = planValueWrites([column], {
      maxRequestBytes: REQUEST_OVERHEAD_BYTES + 10 * (ROW_OVERHEAD_BYTES + NUMBER_BYTES + 1),
    });
    expect(small.map((c) => c.rowCount)).toEqual(new Array(10).fill(10));
    const capped = planValueWrites([column], { maxRowsPerRequest: 30 });
    expect(capped.map((c) => c.rowCount)).toEqual([30, 30, 30, 10]);
  });

  it("sends a single oversized row on its own rather than dropping it", () => {
    const chunks = planRowChunks(3, (row) => (row === 1 ? 10_000 : 10), { maxRequestBytes: 5_000 });
    expect(chunks.map((c) => [c.startRow, c.rowCount])).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
  });

  it("partitions any table into ordered requests under the ceiling (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: true }), fc.string({ maxLength: 30 }), fc.boolean()), { maxLength: 300 }),
        fc.integer({ min: REQUEST_OVERHEAD_BYTES + 40, max: REQUEST_OVERHEAD_BYTES + 2000 }),
        (values, ceiling) => {
          const chunks = planValueWrites([values], { maxRequestBytes: ceiling });
          let next = 0;
          for (const chunk of chunks) {
            expect(chunk.startRow).toBe(next);
            expect(chunk.rowCount).toBeGreaterThan(0);
            if (chunk.rowCount > 1) expect(chunk.estimatedBytes).toBeLessThanOrEqual(ceiling);
            next += chunk.rowCount;
          }
          expect(next).toBe(values.length);
        },
      ),
    );
  });
});

describe("fills", () => {
  it("groups consecutive equal colours and skips rows without a fill", () => {
    expect(fillRuns(["#FF0000", "#FF0000", null, "#00FF00", "#FF0000", "#FF0000"], 2)).toEqual([
      { column: 2, startRow: 0, rowCount: 2, color: "#FF0000" },
      { column: 2, startRow: 3, rowCount: 1, color: "#00FF00" },
      { column: 2, startRow: 4, rowCount: 2, color: "#FF0000" },
    ]);
    expect(fillRuns([null, null], 0)).toEqual([]);
  });

  it("packs runs into requests under the ceiling", () => {
    const runs = fillRuns(
      Array.from({ length: 40_000 }, (_, i) => (i % 2 === 0 ? "#112233" : "#445566")),
      0,
    );
    const requests = planFillWrites(runs);
    const perRequest = Math.floor((MAX_REQUEST_BYTES - REQUEST_OVERHEAD_BYTES) / FILL_RUN_BYTES);
    expect(requests).toHaveLength(Math.ceil(40_000 / perRequest));
    for (const request of requests) expect(request.estimatedBytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(requests.flatMap((r) => r.runs)).toEqual(runs);
  });
});

describe("planColumnWrites", () => {
  it("plans values first, then one number-format request, then fills as separate requests", () => {
    const rows = EXCEL_MAX_ROWS;
    const segment = Array.from({ length: rows }, (_, i) => (i < rows / 2 ? "Champions" : "Hibernating"));
    const score = Array.from({ length: rows }, (_, i) => i % 555);
    const fills = segment.map((s) => (s === "Champions" ? "#1B5E20" : "#B0BEC5"));
    const plan = planColumnWrites([
      { values: segment, fills },
      { values: score, numberFormat: "0" },
    ]);
    expect(plan.values.length).toBeGreaterThan(1);
    expect(plan.numberFormatBytes).toBe(REQUEST_OVERHEAD_BYTES + 512);
    expect(plan.fills).toHaveLength(1);
    expect(plan.fills[0].runs.map((r) => r.color)).toEqual(["#1B5E20", "#B0BEC5"]);
    expect(plan.requestCount).toBe(plan.values.length + 2);
  });

  it("has no format request when no column has a number format", () => {
    const plan = planColumnWrites([{ values: [1, 2, 3] }]);
    expect(plan).toEqual({
      values: [
        {
          startRow: 0,
          rowCount: 3,
          estimatedBytes: REQUEST_OVERHEAD_BYTES + 3 * (ROW_OVERHEAD_BYTES + NUMBER_BYTES + 1),
        },
      ],
      numberFormatBytes: 0,
      fills: [],
      colourRules: [],
      requestCount: 1,
    });
  });
});

describe("planColumnWrites with conditional formats: 1,048,576 rows × 6 columns, a 10-segment column", () => {
  const SEGMENTS = [
    "Champions",
    "Loyal",
    "Potential loyalists",
    "New customers",
    "Promising",
    "Need attention",
    "About to sleep",
    "At risk",
    "Hibernating",
    "Lost",
  ];
  const COLOURS = SEGMENTS.map((_, i) => `#${(0x102030 + i * 0x111111).toString(16).toUpperCase()}`);
  const random = seededUniform(7);
  const index = Array.from({ length: EXCEL_MAX_ROWS }, () => Math.floor(random() * SEGMENTS.length));
  const segment: CellValue[] = index.map((i) => SEGMENTS[i]);
  const fills = index.map((i) => COLOURS[i]);
  const numbers = (scale: number) => Array.from({ length: EXCEL_MAX_ROWS }, () => Math.round(random() * scale));
  const others = [numbers(5), numbers(5), numbers(5), numbers(555), numbers(100)].map((values) => ({
    values,
    numberFormat: "0",
  }));
  const columns = [{ values: segment, fills }, ...others];

  it("colours the segment column with 10 rules in one request instead of ~944,000 fill runs", () => {
    const withRules = planColumnWrites(columns, { conditionalFormats: true });
    const withRuns = planColumnWrites(columns);
    expect(withRules.fills).toEqual([]);
    expect(withRules.colourRules).toHaveLength(1);
    expect(withRules.colourRules[0].rules.map((write) => [write.column, write.rule.color]).sort()).toEqual(
      COLOURS.map((colour) => [0, colour]).sort(),
    );
    expect(withRules.colourRules[0].estimatedBytes).toBeLessThan(
      REQUEST_OVERHEAD_BYTES + 10 * (COLOUR_RULE_BYTES + 40),
    );
    // Values need the same requests either way; random order makes a run of nearly every row.
    expect(withRules.values).toEqual(withRuns.values);
    const runs = withRuns.fills.reduce((sum, request) => sum + request.runs.length, 0);
    expect(runs).toBeGreaterThan(0.89 * EXCEL_MAX_ROWS);
    expect(withRuns.fills).toHaveLength(
      Math.ceil(runs / Math.floor((MAX_REQUEST_BYTES - REQUEST_OVERHEAD_BYTES) / FILL_RUN_BYTES)),
    );
    expect(withRules.requestCount).toBe(withRules.values.length + 1 + 1);
    expect(withRules.values).toHaveLength(37);
    expect(withRules.requestCount).toBe(39);
    expect(withRuns.requestCount).toBe(37 + 1 + withRuns.fills.length);
    expect(withRuns.requestCount).toBeGreaterThan(85);
  });

  it("falls back to runs for a column whose colour does not follow its value", () => {
    const mixed = fills.map((colour, row) => (row === 12 ? COLOURS[(index[row] + 1) % COLOURS.length] : colour));
    const plan = planColumnWrites([{ values: segment.slice(0, 1000), fills: mixed.slice(0, 1000) }], {
      conditionalFormats: true,
    });
    expect(plan.colourRules).toEqual([]);
    expect(plan.fills.flatMap((request) => request.runs)).toEqual(fillRuns(mixed.slice(0, 1000), 0));
  });
});

describe("planColumnWritesSliced", () => {
  it("gives planColumnWrites's plan, pausing when a slice has held the thread for its time", async () => {
    const rows = 3 * STEP_ITEMS + 17;
    const labels = ["Champions", "Loyal", "At risk"];
    const colours = ["#1B5E20", "#43A047", null];
    const columns = [
      {
        values: Array.from({ length: rows }, (_, i) => labels[i % 3]),
        fills: Array.from({ length: rows }, (_, i) => colours[i % 3]),
      },
      { values: Array.from({ length: rows }, (_, i) => i * 1.5), numberFormat: "0.0" },
      // Fills that do not follow the values: fill runs.
      {
        values: Array.from({ length: rows }, () => 1),
        fills: Array.from({ length: rows }, (_, i) => (i % 5 ? "#FFFFFF" : null)),
      },
    ];
    const options = { conditionalFormats: true, maxRequestBytes: 64 * 1024 };
    let clock = 0;
    const now = jest.spyOn(performance, "now").mockImplementation(() => (clock += SLICE_MS));
    let pauses = 0;
    try {
      const sliced = await planColumnWritesSliced(columns, options, async () => void pauses++);
      expect(sliced).toEqual(planColumnWrites(columns, options));
      expect(pauses).toBeGreaterThan(3);
    } finally {
      now.mockRestore();
    }
  });
});
