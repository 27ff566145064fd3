/**
 * RFM of Excel's row limit, 1,048,576 customers (target ≤ 0.5 s in Node): the engine on typed arrays, and the whole
 * CUST.RFM call from 2-D cell arrays as Excel passes them. Run: node --expose-gc --import tsx bench/rfm.bench.ts
 */
import { rfm } from "../src/functions/rfm";
import { scoreRfm } from "../src/engine/rfm/rfm";
import { bench, seededRandom } from "./harness";

/** CPU time of one run (user + system), printed beside the harness's wall time: the machine may be shared. */
function cpuTime(name: string, body: () => unknown): void {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const before = process.cpuUsage();
    body();
    const used = process.cpuUsage(before);
    runs.push((used.user + used.system) / 1000);
  }
  runs.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(58)} CPU median ${runs[2].toFixed(1).padStart(9)} ms  best ${runs[0].toFixed(1).padStart(9)} ms`,
  );
}

const ROWS = 1_048_576;
const random = seededRandom(42);
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
