/**
 * A small benchmark harness: runs a body a few times after a warm-up, reports the median and the best
 * time, and the process's peak resident memory. Targets are printed beside the figures, never asserted
 * in unit tests.
 */
import { performance } from "node:perf_hooks";

export interface BenchResult {
  name: string;
  medianMs: number;
  bestMs: number;
  targetMs?: number;
  peakRssMiB: number;
}

export function bench(
  name: string,
  body: () => unknown,
  options: { runs?: number; targetMs?: number } = {},
): BenchResult {
  const runs = options.runs ?? 5;
  body(); // warm-up: JIT and caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    body();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const result: BenchResult = {
    name,
    medianMs: times[Math.floor(times.length / 2)],
    bestMs: times[0],
    targetMs: options.targetMs,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
  const target =
    options.targetMs === undefined
      ? ""
      : `  target ≤ ${options.targetMs} ms ${result.medianMs <= options.targetMs ? "(met)" : "(MISSED)"}`;
  console.log(
    `${name.padEnd(58)} median ${result.medianMs.toFixed(1).padStart(9)} ms  best ${result.bestMs.toFixed(1).padStart(9)} ms  peak RSS ${result.peakRssMiB.toFixed(0)} MiB${target}`,
  );
  return result;
}

/** CPU time of one run (user + system), printed beside the harness's wall time: the machine may be shared. */
export function cpuTime(name: string, body: () => unknown): void {
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
