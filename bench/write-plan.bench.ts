/**
 * The write plan on Excel's largest table: 1,048,576 rows × 6 of our columns (a segment label, four
 * scores/values and P(alive)), planned from the actual values, then the colours of the 10-segment column: one
 * conditional format per segment (ExcelApi 1.6), or fill runs on an older Excel.
 * Run: node --expose-gc --import tsx bench/write-plan.bench.ts
 */
import { seededUniform } from "../src/engine/random";
import { bench } from "./harness";
import { planColumnWrites, planUniformWrites, NUMBER_BYTES, MAX_REQUEST_BYTES } from "../src/excel/chunk-plan";
import type { CellValue } from "../src/excel/workbook";

const ROWS = 1_048_576;
const random = seededUniform(42);
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
const COLOURS = [
  "#1B5E20",
  "#2E7D32",
  "#66BB6A",
  "#42A5F5",
  "#26C6DA",
  "#FFEE58",
  "#FFCA28",
  "#FFA726",
  "#B0BEC5",
  "#78909C",
];

const segmentIndex = Array.from({ length: ROWS }, () => Math.floor(random() * SEGMENTS.length));
const segment: CellValue[] = segmentIndex.map((i) => SEGMENTS[i]);
const numeric = (scale: number): CellValue[] => Array.from({ length: ROWS }, () => random() * scale);
const columns = [
  { values: segment, fills: segmentIndex.map((i) => COLOURS[i]) },
  { values: numeric(5).map((x) => Math.ceil(x as number)), numberFormat: "0" },
  { values: numeric(5).map((x) => Math.ceil(x as number)), numberFormat: "0" },
  { values: numeric(5000), numberFormat: "#,##0.00" },
  { values: numeric(20000), numberFormat: "#,##0.00" },
  { values: numeric(1), numberFormat: "0.0%" },
];
// Sorted by segment, the fills collapse to six runs: the same table as the pane writes it after a sort.
const sortedFills = [...segmentIndex].sort((a, b) => a - b).map((i) => COLOURS[i]);

const uniform = planUniformWrites(ROWS, 6, NUMBER_BYTES + 1);
bench("uniform plan, 1,048,576 × 6 numbers", () => planUniformWrites(ROWS, 6, NUMBER_BYTES + 1), { targetMs: 5 });
bench(
  "value plan from the values, 1,048,576 × 6 (no fills)",
  () => planColumnWrites(columns.map(({ values: v, numberFormat }) => ({ values: v, numberFormat }))),
  { targetMs: 500 },
);
bench("full plan incl. fill runs, random segment order", () => planColumnWrites(columns), { targetMs: 1000 });
bench(
  "full plan incl. colour rules (ExcelApi 1.6), random segment order",
  () => planColumnWrites(columns, { conditionalFormats: true }),
  { targetMs: 1000 },
);
bench(
  "full plan incl. fills, table sorted by segment",
  () => planColumnWrites([{ values: segment, fills: sortedFills }, ...columns.slice(1)]),
  { targetMs: 1000 },
);

const plan = planColumnWrites(columns);
const withRules = planColumnWrites(columns, { conditionalFormats: true });
const sizes = plan.values.map((chunk) => chunk.estimatedBytes);
console.log(
  `uniform numbers: ${uniform.length} requests, largest ${Math.max(...uniform.map((c) => c.estimatedBytes))} B (ceiling ${MAX_REQUEST_BYTES} B)`,
);
console.log(
  `6 columns as written (1 text + 5 numbers): ${plan.values.length} value requests (largest ${Math.max(...sizes)} B), ` +
    `${plan.numberFormatBytes > 0 ? 1 : 0} format request, ${plan.fills.length} fill requests ` +
    `(${plan.fills.reduce((n, r) => n + r.runs.length, 0)} runs in random order); total ${plan.requestCount}`,
);
console.log(
  `with conditional formats (ExcelApi 1.6): ${withRules.values.length} value requests, 1 format request, ` +
    `${withRules.colourRules.length} colour-rule request (${withRules.colourRules.reduce((n, r) => n + r.rules.length, 0)} rules, ` +
    `${withRules.colourRules[0]?.estimatedBytes ?? 0} B), ${withRules.fills.length} fill requests; total ${withRules.requestCount}`,
);
