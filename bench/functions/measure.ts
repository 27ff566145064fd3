/**
 * Timing that runs the same in Node and in a browser page: wall-clock medians and bests from performance.now,
 * a collection before each timed run when the engine exposes gc() (node --expose-gc, Chromium
 * --js-flags=--expose-gc). Each task is timed beside its floor, in the same run, so the ratio survives a
 * machine shared with other work (absolute times on a shared machine vary by ±30 % or more).
 */

export interface Timing {
  medianMs: number;
  bestMs: number;
}

export interface TaskResult {
  name: string;
  /** "days" (whole-day summaries, histories repeat) or "continuous" (T with decimals, every customer distinct). */
  data: string;
  task: Timing;
  floor: Timing | null;
  /** What the floor does, in a few words. */
  floorWhat: string;
  /** task median / floor median. */
  ratio: number | null;
  /** A target as text ("≤ 2× floor", "< 1000 ms"), and whether the median met it. */
  target?: string;
  met?: boolean;
}

const now = () => globalThis.performance.now();

export function time(body: () => unknown, runs = 5, warmUp = true): Timing {
  // Warm-up until the optimising compiler has settled: one run, more for fast bodies (up to 10 runs or 600 ms).
  const start = now();
  for (let i = 0; warmUp && i < 10 && (i === 0 || now() - start < 600); i++) body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = now();
    body();
    times.push(now() - t0);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(runs / 2)], bestMs: times[0] };
}

export interface TaskSpec {
  name: string;
  data: string;
  body: () => unknown;
  floor?: () => unknown;
  floorWhat?: string;
  runs?: number;
  /** Target on the ratio to the floor (e.g. 2 for "within 2× the floor"). */
  maxRatio?: number;
  /** Target on the median, in ms. */
  maxMs?: number;
}

export function runTask(spec: TaskSpec, log: (line: string) => void): TaskResult {
  // One untimed call first: a task that takes seconds is then timed once more, not five times.
  const t0 = now();
  spec.body();
  const slow = now() - t0 > 2000;
  const runs = slow ? 2 : (spec.runs ?? 5);
  // Task and floor interleaved, twice each, so a burst of load from elsewhere hits both.
  const first = time(spec.body, Math.ceil(runs / 2), !slow);
  const floorFirst = spec.floor ? time(spec.floor, Math.ceil(runs / 2)) : null;
  const second = time(spec.body, Math.max(1, Math.floor(runs / 2)), false);
  const floorSecond = spec.floor ? time(spec.floor, Math.max(1, Math.floor(runs / 2)), false) : null;
  const task = combine(first, second);
  const floor = floorFirst && floorSecond ? combine(floorFirst, floorSecond) : null;
  const ratio = floor ? task.medianMs / floor.medianMs : null;
  let target: string | undefined;
  let met: boolean | undefined;
  if (spec.maxRatio !== undefined && ratio !== null) {
    target = `≤ ${spec.maxRatio}× floor`;
    met = ratio <= spec.maxRatio;
  }
  if (spec.maxMs !== undefined) {
    target = (target ? `${target}, ` : "") + `< ${spec.maxMs} ms`;
    met = (met ?? true) && task.medianMs < spec.maxMs;
  }
  const result: TaskResult = {
    name: spec.name,
    data: spec.data,
    task,
    floor,
    floorWhat: spec.floorWhat ?? "",
    ratio,
    target,
    met,
  };
  const ms = (v: number) => v.toFixed(1).padStart(8);
  log(
    `${`${spec.name} [${spec.data}]`.padEnd(64)} median ${ms(task.medianMs)} best ${ms(task.bestMs)} ms` +
      (floor ? `  floor ${ms(floor.medianMs)} ms  ratio ${ratio!.toFixed(2).padStart(6)}×` : "") +
      (target ? `  target ${target} ${met ? "(met)" : "(MISSED)"}` : ""),
  );
  return result;
}

/** Two timing rounds as one: the median of the medians is not a median, so keep the better median and best. */
function combine(a: Timing, b: Timing): Timing {
  return { medianMs: Math.min(a.medianMs, b.medianMs), bestMs: Math.min(a.bestMs, b.bestMs) };
}
