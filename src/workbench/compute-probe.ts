/**
 * A development page for the browser tests (compute-probe.html, not in the production build): runs the pane's
 * compute on a generated customer table through the worker, watching the page's own thread meanwhile (long tasks
 * from a PerformanceObserver, and the longest gap between animation frames), and compares the worker's result with
 * the main-thread computeSegments on the same table.
 */
import "../i18n/pane-messages";
import type { CellValue, Progress } from "../excel/workbook";
import { seededUniform } from "../engine/random";
import type { ColumnMapping } from "../engine/segmentation/types";
import { computeSegmentsInWorker } from "../taskpane/compute/segment-client";
import { computeSegments } from "../taskpane/segmentation-actions";

const HEADERS = ["Customer ID", "Recency", "Frequency", "Monetary"];
const MAPPING: ColumnMapping = {
  customerId: "Customer ID",
  recency: "Recency",
  frequency: "Frequency",
  monetary: "Monetary",
};
const METHOD = { kind: "rfm", bins: 5 } as const;

function customers(n: number): CellValue[][] {
  const random = seededUniform(17);
  return Array.from({ length: n }, (_, i) => [
    `C${i + 1}`,
    Math.floor(random() * 365),
    1 + Math.floor(random() * 30),
    Math.round(random() * 50000) / 100,
  ]);
}

export interface ProbeRun {
  ok: boolean;
  wallMs: number;
  longTasks: number[];
  longTaskStarts: number[];
  maxFrameGapMs: number;
  progress: { step: string; done: number; total: number }[];
  customers: number;
}

async function run(n: number): Promise<ProbeRun> {
  const rows = customers(n);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const longTasks: number[] = [];
  const longTaskStarts: number[] = [];
  const start = performance.now();
  const observer = new PerformanceObserver((list) =>
    list.getEntries().forEach((entry) => {
      longTasks.push(entry.duration);
      longTaskStarts.push(entry.startTime - start);
    }),
  );
  observer.observe({ type: "longtask", buffered: false });
  let maxFrameGapMs = 0;
  let last = performance.now();
  let watching = true;
  const frame = (now: number) => {
    maxFrameGapMs = Math.max(maxFrameGapMs, now - last);
    last = now;
    if (watching) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const progress: (Progress & { at: number })[] = [];
  const outcome = await computeSegmentsInWorker(
    { headers: HEADERS, rows, shape: "customers", mapping: MAPPING, method: METHOD, locale: "en" },
    { onProgress: (p) => progress.push({ ...p, at: performance.now() - start }) },
  );
  const wallMs = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 100));
  watching = false;
  observer.disconnect();
  const count = outcome.ok ? outcome.result.preview.reduce((sum, segment) => sum + segment.customers, 0) : 0;
  return { ok: outcome.ok, wallMs, longTasks, longTaskStarts, maxFrameGapMs, progress, customers: count };
}

/** Worker and main thread on the same table: the results as JSON, to be compared whole. */
async function compare(n: number): Promise<{ worker: string; main: string }> {
  const rows = customers(n);
  const viaWorker = await computeSegmentsInWorker({
    headers: HEADERS,
    rows,
    shape: "customers",
    mapping: MAPPING,
    method: METHOD,
    locale: "fr",
  });
  const direct = computeSegments(HEADERS, rows, "customers", MAPPING, METHOD, "fr");
  return { worker: JSON.stringify(viaWorker), main: JSON.stringify(direct) };
}

(globalThis as unknown as { computeProbe: unknown }).computeProbe = { run, compare };
