/**
 * RFM of Excel's row limit, 1,048,576 customers (target ≤ 0.5 s in Node): the engine on typed arrays, and the whole
 * CUST.RFM call from 2-D cell arrays as Excel passes them. Run: node --expose-gc --import tsx bench/rfm.bench.ts
 */
import { rfm } from "../src/functions/rfm";
import { scoreRfm } from "../src/engine/rfm/rfm";
import { seededUniform } from "../src/engine/random";
import { bench, cpuTime } from "./harness";

const ROWS = 1_048_576;
const random = seededUniform(42);
const recency = new Float64Array(ROWS);
const frequency = new Float64Array(ROWS);
const monetary = new Float64Array(ROWS);
for (let i = 0; i < ROWS; i++) {
  recency[i] = Math.floor(random() * 730); // days since the last purchase: many ties
  frequency[i] = 1 + Math.floor(-Math.log(1 - random()) * 2); // skewed counts
  monetary[i] = Math.round(Math.exp(3 + random() * 2) * 100) / 100;
}
const cells = (values: Float64Array) => Array.from(values, (value) => [value]);
const [recencyCells, frequencyCells, monetaryCells] = [cells(recency), cells(frequency), cells(monetary)];

bench("RFM engine, 1,048,576 rows, quintiles", () => scoreRfm(recency, frequency, monetary), { targetMs: 500 });
bench("CUST.RFM, 1,048,576 rows of cells, quintiles", () => rfm(recencyCells, frequencyCells, monetaryCells), {
  targetMs: 500,
});
bench("CUST.RFM thresholds form, 1,048,576 rows", () =>
  rfm(recencyCells, frequencyCells, monetaryCells, null, null, "thresholds"),
);
cpuTime("RFM engine, 1,048,576 rows, quintiles", () => scoreRfm(recency, frequency, monetary));
cpuTime("CUST.RFM, 1,048,576 rows of cells, quintiles", () => rfm(recencyCells, frequencyCells, monetaryCells));
