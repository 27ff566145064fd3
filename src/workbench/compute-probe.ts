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
import { MemoryWorkbook } from "./memory-workbook";

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

/**
 * The real pane (taskpane.html in an iframe, as in the workbench) on an in-memory workbook holding the generated
 * table, so a browser test can click through Preview and Apply on a million rows. Each request to the workbook
 * takes a millisecond, as a sync with Excel is a round trip (with none, the in-memory workbook would answer a whole
 * read or write without ever giving the thread back, which Excel cannot do).
 */
function mountPane(n: number): void {
  const workbook = new MemoryWorkbook({ requestDelayMs: 1 });
  const info = workbook.addTable({ name: "Customers", sheet: "Data", headers: HEADERS, rows: customers(n) });
  workbook.selectTable(info.id);
  (window as unknown as { customerValueWorkbench: { workbook: MemoryWorkbook } }).customerValueWorkbench = {
    workbook,
  };
  const frame = document.createElement("iframe");
  frame.dataset.testid = "pane";
  frame.title = "pane";
  frame.style.width = "420px";
  frame.style.height = "860px";
  frame.src = "taskpane.html";
  document.body.append(frame);
}

/** A cell of the in-memory workbook as shown (its conditional formats applied). */
const shownCell = (workbook: MemoryWorkbook, sheet: string, row: number, col: number) =>
  workbook.getCell(sheet, row, col);

/**
 * After Apply: every column the pane wrote into the in-memory table, compared cell by cell with computeSegments run
 * here on the same rows; the first difference, or null when the workbook holds exactly the main thread's result.
 */
function checkApplied(n: number): { columns: number; difference: string | null } {
  const { workbook } = (window as unknown as { customerValueWorkbench: { workbook: MemoryWorkbook } })
    .customerValueWorkbench;
  const table = workbook.tables().find((candidate) => candidate.name === "Customers");
  if (!table) return { columns: 0, difference: "no table" };
  const direct = computeSegments(HEADERS, customers(n), "customers", MAPPING, METHOD, "en");
  if (!direct.ok) return { columns: 0, difference: "the main thread's run failed" };
  for (const column of direct.result.columns) {
    const col = table.headers.findIndex((name) => name === column.header);
    if (col < 0) return { columns: 0, difference: `no column ${column.header}` };
    for (let r = 0; r < table.rowCount; r++) {
      const { value, fill } = shownCell(workbook, table.worksheet, table.row + 1 + r, table.col + col);
      if (value !== column.values[r]) {
        return { columns: 0, difference: `${column.header} row ${r}: ${String(value)} ≠ ${String(column.values[r])}` };
      }
      const wanted = column.fills?.[r];
      if (wanted && fill !== wanted) return { columns: 0, difference: `${column.header} row ${r}: fill ${fill}` };
    }
  }
  return { columns: direct.result.columns.length, difference: null };
}

(globalThis as unknown as { computeProbe: unknown }).computeProbe = { run, compare, mountPane, checkApplied };
