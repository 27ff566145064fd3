/**
 * Wall and CPU time of the same runs (the bench machine is shared, so CPU time, user + system, is the steadier
 * figure), with the median and the best of each. Targets are printed beside the figures, never asserted.
 * Pass a substring as the first command-line argument to run only the benchmarks whose name contains it.
 */
import { performance } from "node:perf_hooks";

const only = process.argv[2];
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Whether a benchmark of this name runs (so its inputs need building at all). */
export const wanted = (name: string): boolean => !only || name.includes(only);

export interface TimedResult {
  medianMs: number;
  bestMs: number;
  cpuMedianMs: number;
  cpuBestMs: number;
}

export function timed(
  name: string,
  body: () => unknown,
  options: { runs?: number; targetMs?: number; warmUp?: boolean } = {},
): TimedResult | null {
  if (!wanted(name)) return null;
  const runs = options.runs ?? 5;
  if (options.warmUp !== false) {
    // Until the optimising compiler has settled (it works on background threads, which CPU time would count):
    // at least one run, and more for fast bodies, up to 10 runs or 600 ms.
    const start = performance.now();
    for (let i = 0; i < 10 && (i === 0 || performance.now() - start < 600); i++) body();
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    // Let the collector's background threads finish sweeping before the clock starts (their CPU is the process's).
    Atomics.wait(pause, 0, 0, 50);
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    body();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const middle = Math.floor(runs / 2);
  const result = { medianMs: wall[middle], bestMs: wall[0], cpuMedianMs: cpu[middle], cpuBestMs: cpu[0] };
  const target =
    options.targetMs === undefined
      ? ""
      : `  target ≤ ${options.targetMs} ms ${result.medianMs <= options.targetMs ? "(met)" : result.bestMs <= options.targetMs ? "(best met)" : "(MISSED)"}`;
  const ms = (v: number) => v.toFixed(1).padStart(8);
  console.log(
    `${name.padEnd(62)} wall median ${ms(result.medianMs)} best ${ms(result.bestMs)}  CPU median ${ms(result.cpuMedianMs)} best ${ms(result.cpuBestMs)} ms (${runs} runs)${target}`,
  );
  return result;
}
