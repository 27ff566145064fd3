/**
 * One GGompertz/NBD likelihood pass (value; value + gradient; value + gradient + Hessian) on the limits audit's heavy
 * histories (1,048,576 customers, x = round(10^(6+3u)), t_x in [0.5e6, 1e6], T = 1e6: every frequency distinct), at
 * the heavy fit's end and at a point in its middle. CPU time (process.cpuUsage), median and best of RUNS.
 *
 *   node --expose-gc --max-old-space-size=12000 --import tsx bench/ggomnbd-pass.bench.ts
 *
 * With SAVE=file the results (value, gradient, Hessian at both points) are written as JSON; with CHECK=file they are
 * compared with a saved set and the largest relative differences printed; ONLY=text runs the cases whose name
 * ("final V+G+H", "middle V") contains it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fitColumnsHistories } from "../src/engine/models/compress";
import { ggomnbdPreparedNegLogLikelihood, prepareGgomnbdData } from "../src/engine/models/ggompertz-nbd-likelihood";
import { heavyHistories } from "./heavy-histories";

const n = Number(process.env.ROWS ?? 1_048_576);
const runs = Number(process.env.RUNS ?? 7);
const data = prepareGgomnbdData(fitColumnsHistories(heavyHistories(n)));

const points: Record<string, number[]> = {
  final: [0.4235, 0.00211, 7.59e-6, 455279, 2.33e8],
  middle: [0.53, 0.0028, 4.2e-6, 0.65, 4.5],
};

type Kind = "V" | "V+G" | "V+G+H";
function evaluate(params: number[], kind: Kind): { value: number; gradient: number[]; hessian: number[] } {
  const gradient = kind === "V" ? undefined : new Float64Array(5);
  const hessian = kind === "V+G+H" ? new Float64Array(25) : undefined;
  const value = ggomnbdPreparedNegLogLikelihood(data, params, gradient, hessian);
  return { value, gradient: gradient ? [...gradient] : [], hessian: hessian ? [...hessian] : [] };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results: Record<string, ReturnType<typeof evaluate>> = {};
for (const [name, params] of Object.entries(points)) {
  for (const kind of ["V", "V+G", "V+G+H"] as Kind[]) {
    if (process.env.ONLY && !`${name} ${kind}`.includes(process.env.ONLY)) continue;
    evaluate(params, kind);
    const cpu: number[] = [];
    for (let k = 0; k < runs; k++) {
      (globalThis as { gc?: () => void }).gc?.();
      const before = process.cpuUsage();
      results[`${name} ${kind}`] = evaluate(params, kind);
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
    }
    console.log(
      `${name.padEnd(6)} ${kind.padEnd(6)} CPU median ${median(cpu).toFixed(0).padStart(5)} ms, best ` +
        `${Math.min(...cpu)
          .toFixed(0)
          .padStart(5)} ms (${runs} runs)`,
    );
  }
}
if (process.env.SAVE) writeFileSync(process.env.SAVE, JSON.stringify(results));
if (process.env.CHECK) {
  const saved = JSON.parse(readFileSync(process.env.CHECK, "utf8")) as typeof results;
  for (const [key, result] of Object.entries(results)) {
    const base = saved[key];
    const relative = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1e-300));
    const gradient = Math.max(0, ...result.gradient.map((g, k) => relative(g, base.gradient[k])));
    // The Hessian's entries relative to its largest in the same row or column (a tiny entry's own scale is noise).
    const scale = (i: number, j: number): number =>
      Math.max(
        ...[0, 1, 2, 3, 4].map((k) => Math.max(Math.abs(base.hessian[5 * i + k]), Math.abs(base.hessian[5 * k + j]))),
      );
    const hessian = Math.max(
      0,
      ...result.hessian.map((h, k) => Math.abs(h - base.hessian[k]) / scale(Math.floor(k / 5), k % 5)),
    );
    const ownHessian = Math.max(0, ...result.hessian.map((h, k) => relative(h, base.hessian[k])));
    console.log(
      `${key.padEnd(14)} value ${relative(result.value, base.value).toExponential(2)}, gradient ` +
        `${gradient.toExponential(2)}, Hessian ${hessian.toExponential(2)} (entrywise ${ownHessian.toExponential(2)})`,
    );
  }
}
