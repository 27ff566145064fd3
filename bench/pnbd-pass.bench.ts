/**
 * One Pareto/NBD likelihood pass (value; value + gradient; value + gradient + Hessian) on the limits audit's
 * histories: "heavy" (1,048,576 customers, x = round(10^(6+3u)), t_x in [0.5e6, 1e6], T = 1e6: every frequency
 * distinct), "continuous" (1,048,576 continuous-time customers, simulateHistories as limits.ts builds them), and
 * the 65,536-history sample of each the staged fit runs most of its passes on ("heavy/64k", "continuous/64k"), at
 * the heavy fit's end and at a point in its middle (and near the continuous set's own parameters). CPU time
 * (process.cpuUsage), median and best of RUNS.
 *
 *   node --expose-gc --max-old-space-size=12000 --import tsx bench/pnbd-pass.bench.ts
 *
 * SETS=heavy,continuous/64k picks the data sets, ONLY=text the cases whose name ("heavy final V+G+H") contains it.
 * With SAVE=file every result (value, gradient, Hessian) is written as JSON; with CHECK=file it is compared with a
 * saved set by Object.is, entry by entry (a faster pass must give the same doubles). IDENTITY=1 adds small sets
 * (the likelihood tests' twelve customers and 300 continuous-time ones, whole-day histories with weights) at more
 * points, for the check alone. LIKELIHOOD=path takes the likelihood from another copy of the module (a baseline).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { compressHistories, everyKth, fitColumnsHistories } from "../src/engine/models/compress";
import { prepareParetoNbdData, ParetoNbdData } from "../src/engine/models/pareto-nbd-likelihood";
import { paretoNbdPreparedNegLogLikelihood as current } from "../src/engine/models/pareto-nbd-likelihood";
import { simulateParetoNbd } from "../test/engine/models/simulate";
import { simulateHistories } from "./functions/data";
import { heavyHistories } from "./heavy-histories";

const rows = 1_048_576;
const sampleRows = 65_536;
const runs = Number(process.env.RUNS ?? 5);
const likelihood: typeof current = process.env.LIKELIHOOD
  ? // A baseline copy of the module, loaded at run time (tsx compiles this file to CommonJS: no top-level await).
    (require(process.env.LIKELIHOOD) as { paretoNbdPreparedNegLogLikelihood: typeof current })
      .paretoNbdPreparedNegLogLikelihood
  : current;

const heavyPoints: Record<string, number[]> = {
  final: [0.4235, 0.00211, 1.2e5, 9.3e10],
  middle: [0.47, 0.0025, 0.52, 2.1e5],
};
const continuousPoints: Record<string, number[]> = {
  near: [0.55, 70, 0.6, 80],
  final: [0.4235, 0.00211, 1.2e5, 9.3e10],
};
// Both orders of α and β, z above ½ at t = 0, s and β far out (where an optimiser went on days-scale data).
const morePoints: Record<string, number[]> = {
  a: [0.55, 10.58, 0.61, 11.67],
  b: [0.55, 20, 0.61, 1.2],
  c: [0.55, 1.5, 0.61, 40],
  d: [2.5, 300, 3.1, 0.5],
  e: [0.3, 0.2, 0.9, 500],
  f: [3.55, 176, 2261.5, 635919],
};

const wanted = (process.env.SETS ?? "heavy/64k,heavy,continuous/64k,continuous").split(",");
const sets: { name: string; build: () => ParetoNbdData; points: Record<string, number[]>; timed: boolean }[] = [];
const heavy = () => fitColumnsHistories(heavyHistories(rows));
const continuous = () => {
  const h = simulateHistories(rows, "continuous", "pnbd", 12);
  return fitColumnsHistories({ frequency: h.frequency, recency: h.recency, age: h.age });
};
const identity = process.env.IDENTITY === "1";
const all = (points: Record<string, number[]>) => (identity ? { ...points, ...morePoints } : points);
for (const [name, histories, points] of [
  ["heavy", heavy, heavyPoints],
  ["continuous", continuous, continuousPoints],
] as const) {
  if (wanted.includes(`${name}/64k`)) {
    sets.push({
      name: `${name}/64k`,
      build: () => prepareParetoNbdData(everyKth(histories(), sampleRows)),
      points: all(points),
      timed: true,
    });
  }
  if (wanted.includes(name)) {
    sets.push({ name, build: () => prepareParetoNbdData(histories()), points: all(points), timed: true });
  }
}
if (identity) {
  const x = [0, 0, 1, 2, 5, 7, 30, 200, 3, 0, 12, 2];
  const tx = [0, 0, 5, 30, 38.5, 39, 20, 38, 0.5, 0, 1, 30];
  const T = [39, 20, 30, 38, 39, 39, 39, 39, 3, 1, 1.5, 38];
  const all = { ...morePoints, ...heavyPoints, near: [0.55, 70, 0.6, 80] };
  sets.push({
    name: "twelve",
    build: () => prepareParetoNbdData(compressHistories(x, tx, T)),
    points: all,
    timed: false,
  });
  sets.push({
    name: "300 continuous",
    build: () => {
      const c = simulateParetoNbd({ r: 0.55, alpha: 10, s: 0.6, beta: 12 }, 300, 39, 5);
      return prepareParetoNbdData(compressHistories(c.frequency, c.recency!, c.age!));
    },
    points: all,
    timed: false,
  });
  sets.push({
    name: "days 100k (weights)",
    build: () => {
      const h = simulateHistories(100_000, "days", "pnbd", 21);
      return prepareParetoNbdData(compressHistories(h.frequency, h.recency, h.age));
    },
    points: all,
    timed: false,
  });
}

type Kind = "V" | "V+G" | "V+G+H";
type Result = { value: number; gradient: number[]; hessian: number[] };
function evaluate(data: ParetoNbdData, params: number[], kind: Kind): Result {
  const gradient = kind === "V" ? undefined : new Float64Array(4);
  const hessian = kind === "V+G+H" ? new Float64Array(16) : undefined;
  const value = likelihood(data, params, gradient, hessian);
  return { value, gradient: gradient ? [...gradient] : [], hessian: hessian ? [...hessian] : [] };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results: Record<string, Result> = {};
for (const set of sets) {
  const data = set.build();
  for (const [point, params] of Object.entries(set.points)) {
    for (const kind of ["V", "V+G", "V+G+H"] as Kind[]) {
      const key = `${set.name} ${point} ${kind}`;
      if (process.env.ONLY && !key.includes(process.env.ONLY)) continue;
      results[key] = evaluate(data, params, kind);
      if (!set.timed || process.env.CHECK_ONLY) continue;
      const cpu: number[] = [];
      for (let k = 0; k < runs; k++) {
        (globalThis as { gc?: () => void }).gc?.();
        const before = process.cpuUsage();
        evaluate(data, params, kind);
        const used = process.cpuUsage(before);
        cpu.push((used.user + used.system) / 1000);
      }
      console.log(
        `${key.padEnd(30)} CPU median ${median(cpu).toFixed(1).padStart(7)} ms, best ` +
          `${Math.min(...cpu)
            .toFixed(1)
            .padStart(7)} ms (${runs} runs)`,
      );
    }
  }
}
// Every double as its 64 bits in hex (JSON would drop −0's sign and write NaN and ±Infinity as null).
const bits = (v: number): string => {
  const cell = new Float64Array([v]);
  return new BigUint64Array(cell.buffer)[0].toString(16);
};
const asBits = (result: Result): string[] => [result.value, ...result.gradient, ...result.hessian].map(bits);
if (process.env.SAVE) {
  writeFileSync(
    process.env.SAVE,
    JSON.stringify(Object.fromEntries(Object.entries(results).map(([k, r]) => [k, asBits(r)]))),
  );
}
if (process.env.CHECK) {
  const saved = JSON.parse(readFileSync(process.env.CHECK, "utf8")) as Record<string, string[]>;
  let differing = 0;
  let compared = 0;
  for (const [key, result] of Object.entries(results)) {
    const base = saved[key];
    if (!base) continue;
    compared++;
    // The same bits is Object.is on the doubles (−0 and NaN included).
    const names = ["value", ...result.gradient.map((_, k) => `g${k}`), ...result.hessian.map((_, k) => `H${k}`)];
    const bad = asBits(result).flatMap((b, k) => (b === base[k] ? [] : [names[k]]));
    if (bad.length > 0 || base.length !== names.length) {
      differing++;
      console.log(`${key}: differs in ${bad.join(" ")}`);
    }
  }
  console.log(`${compared} results compared, ${differing} differ`);
}
