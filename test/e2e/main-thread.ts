/**
 * Watching a page's main thread in the browser tests: the long tasks a PerformanceObserver reports (in the pane's
 * frame, which shares the page's thread), and what filled each one, from V8's sampling profiler over CDP (the
 * functions that took the most samples, "(garbage collector)" among them).
 */
import type { CDPSession, Frame, Page } from "playwright-core";

export interface LongTask {
  /** ms from the start of the watch */
  start: number;
  duration: number;
  /** The busiest functions during the task, by self time (ms), "(garbage collector)" included. */
  top: { name: string; ms: number }[];
  /** The functions on the stack the longest during the task (self time and what they called). */
  stacks: { name: string; ms: number }[];
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A function's name as the profile has it, with its file and line (webpack's development build keeps names). */
function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.split("/").pop() ?? "";
  return file ? `${functionName || "(anonymous)"} ${file}:${lineNumber + 1}` : functionName;
}

/**
 * Starts watching: the profiler (1 ms samples) and a long-task observer in the frame. A 20 ms busy loop named
 * __syncMark, run at the observer's time 0, lets the profile's clock be matched to performance.now().
 */
export async function watchMainThread(page: Page, frame: Frame) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
  await cdp.send("Profiler.start");
  // Chromium's trace of the renderer's tasks: each task's wall time and the CPU time its thread had (a task longer
  // in wall time than in CPU waited for a core: the machine's load, not the page's work).
  const traceEvents: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", ({ value }) => traceEvents.push(...(value as unknown as TraceEvent[])));
  await cdp.send("Tracing.start", {
    categories: "toplevel,disabled-by-default-devtools.timeline",
    transferMode: "ReportEvents",
  });
  // A string, so the test runner's transform adds nothing to it (tsx names functions through a helper the page lacks).
  await frame.evaluate(`(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask", buffered: false });
    window.__watchStart = performance.now();
    const until = performance.now() + 20;
    function __syncMark() { while (performance.now() < until) { /* busy: a mark in the profile */ } }
    __syncMark();
  })()`);
  /** ms since the watch started, on the page's clock. */
  const now = () =>
    frame.evaluate(() => performance.now() - (window as unknown as { __watchStart: number }).__watchStart);
  const stop = async (): Promise<LongTask[]> => {
    const tasks = await frame.evaluate(() => {
      const host = window as unknown as { __longTasks: [number, number][]; __watchStart: number };
      return host.__longTasks.map(([start, duration]) => [start - host.__watchStart, duration]);
    });
    const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: Profile };
    const complete = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
    await cdp.send("Tracing.end");
    await complete;
    await cdp.detach();
    const mainThreads = new Set(
      traceEvents
        .filter((event) => event.ph === "M" && event.name === "thread_name" && event.args?.name === "CrRendererMain")
        .map((event) => `${event.pid}:${event.tid}`),
    );
    traced.mainThread = mainThreads.size > 0;
    runTasks.push(
      ...traceEvents
        .filter((event) => event.name === "RunTask" && event.ph === "X" && mainThreads.has(`${event.pid}:${event.tid}`))
        .filter((event) => (event.dur ?? 0) > 50_000)
        .map((event) => ({
          wallMs: Math.round((event.dur ?? 0) / 1000),
          // null when the trace has no thread time for it (then the task cannot be judged by its CPU time).
          cpuMs: event.tdur === undefined ? null : Math.round(event.tdur / 1000),
        })),
    );
    // Sample times in ms from the profile's start; the first __syncMark sample is the watch's time 0.
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const times: number[] = [];
    let clock = 0;
    for (const delta of profile.timeDeltas) times.push((clock += delta / 1000));
    const mark = profile.samples.findIndex((id) => byId.get(id)?.callFrame.functionName === "__syncMark");
    const offset = mark >= 0 ? times[mark] : 0;
    return tasks.map(([start, duration]) => {
      const self = new Map<string, number>();
      const inclusive = new Map<string, number>();
      for (let i = 0; i < profile.samples.length; i++) {
        const at = times[i] - offset;
        if (at < start || at > start + duration) continue;
        const node = byId.get(profile.samples[i]);
        if (!node) continue;
        const name = label(node);
        const step = i + 1 < times.length ? times[i + 1] - times[i] : 0;
        self.set(name, (self.get(name) ?? 0) + step);
        const seen = new Set<string>();
        for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
          const frame = byId.get(id);
          if (!frame || !frame.callFrame.url) continue;
          const name = label(frame);
          if (seen.has(name)) continue;
          seen.add(name);
          inclusive.set(name, (inclusive.get(name) ?? 0) + step);
        }
      }
      const top = [...self.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([name, ms]) => ({ name, ms: Math.round(ms) }));
      const stacks = [...inclusive.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([name, ms]) => ({ name, ms: Math.round(ms) }));
      return { start: Math.round(start), duration: Math.round(duration), top, stacks };
    });
  };
  /** After stop: every task of the renderer's main thread over 50 ms, its wall and thread (CPU) time. */
  const runTasks: { wallMs: number; cpuMs: number | null }[] = [];
  /** After stop: whether the trace named the renderer's main thread (so runTasks is its account, even if empty). */
  const traced = { mainThread: false };
  return { now, stop, runTasks, traced };
}
