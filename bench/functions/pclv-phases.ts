/**
 * CUST.PCLV on 100,000 continuous-time BG/NBD customers, phase by phase, in CPU time (user + system of the process,
 * which a loaded machine disturbs less than wall time): reading the arguments (readValueInputs), the engine
 * (valueColumn), the whole call, and the suite's floor (reading the four columns, one closed form per customer, the
 * spill). `node --expose-gc --import tsx bench/functions/pclv-phases.ts`; figures in BENCHMARKS.md.
 */
import "../../src/functions/install-shim";
import { readNumberColumn } from "../../src/functions/args";
import { fit } from "../../src/functions/models";
import { pclv, readValueInputs, ValueArguments, valueColumn } from "../../src/functions/value-models";
import { cells, simulateHistories } from "./data";

const h = simulateHistories(100_000, "continuous", "bgnbd", 21);
const [frequency, recency, T, spend] = [h.frequency, h.recency, h.age, h.spend].map(cells);
const table = fit("bgnbd", frequency, recency, T) as unknown[][];
const args: ValueArguments = {
  purchase_params: table,
  spend,
  frequency,
  recency,
  T,
  time_unit: "days",
  months: 12,
  discount_rate: 0.1,
  margin: 0.3,
};
const gc = (globalThis as { gc?: () => void }).gc;
const cpu = (body: () => unknown) => {
  gc?.();
  const start = process.cpuUsage();
  body();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const floor = () => {
  const [x, , age] = [frequency, recency, T, spend].map((column, k) => readNumberColumn(column, `c${k}`));
  const out = new Array<unknown[]>(x.length);
  for (let i = 0; i < x.length; i++) {
    out[i] = [1 / (1 + Math.exp((0.5 + x[i]) * Math.log(10 + age[i]) - 0.6 * Math.log(80 + age[i])))];
  }
  return out;
};
const runs: Record<"floor" | "read" | "engine" | "call", number[]> = { floor: [], read: [], engine: [], call: [] };
for (let i = 0; i < 12; i++) {
  let inputs: ReturnType<typeof readValueInputs> | undefined;
  runs.floor.push(cpu(floor));
  runs.read.push(cpu(() => (inputs = readValueInputs(args, "CUST.PCLV"))));
  runs.engine.push(cpu(() => valueColumn(inputs!)));
  runs.call.push(cpu(() => pclv(table, spend, frequency, recency, T, "days", undefined, 12, 0.1, 0.3)));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const m = Object.fromEntries(Object.entries(runs).map(([name, values]) => [name, median(values.slice(2))]));
console.log(
  `CUST.PCLV BG/NBD, 100,000 continuous-time customers, CPU medians: floor ${m.floor.toFixed(0)} ms; reading ` +
    `${m.read.toFixed(0)} ms; engine ${m.engine.toFixed(0)} ms; whole call ${m.call.toFixed(0)} ms ` +
    `(${(m.call / m.floor).toFixed(2)}× the floor)`,
);
