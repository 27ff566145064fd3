/**
 * Refresh runs the engine through the pane's compute worker (the worker's handler behind an in-process port that
 * structured-clones every message, as postMessage does): the workbook it leaves and the recipe it stores are those of
 * a refresh computed on the pane's thread.
 */
import type { CellValue } from "../../src/excel/workbook";
import type { ColumnMapping } from "../../src/engine/segmentation/types";
import { MemoryWorkbook } from "../../src/workbench/memory-workbook";
import { applySegmentation, computeSegments, refreshSegmentation } from "../../src/taskpane/segmentation-actions";
import type { SegmentCompute } from "../../src/taskpane/segmentation-actions";
import { DEFAULT_METHODS } from "../../src/taskpane/hooks/useSegmentationFlow";
import { JobPort, runSegmentJob } from "../../src/taskpane/compute/segment-client";
import { segmentJobHandler } from "../../src/taskpane/compute/segment-job";
import type { Message } from "../../src/taskpane/compute/protocol";

const HEADERS = ["Customer ID", "Recency", "Frequency", "Monetary"];
const MAPPING: ColumnMapping = {
  customerId: "Customer ID",
  recency: "Recency",
  frequency: "Frequency",
  monetary: "Monetary",
};
const N = 3_000;

function inProcessPort(): JobPort & { posted: number } {
  let ended = false;
  const port = {
    posted: 0,
    onmessage: null as JobPort["onmessage"],
    postMessage(message: Message) {
      port.posted++;
      const copy = structuredClone(message);
      setTimeout(() => !ended && worker(copy), 0);
    },
    terminate() {
      ended = true;
    },
  };
  const worker = segmentJobHandler((message) => {
    const copy = structuredClone(message);
    setTimeout(() => !ended && port.onmessage?.({ data: copy }), 0);
  });
  return port;
}

/** A table segmented and applied, then its data changed by the user (so the refresh has moves to report). */
async function appliedThenEdited() {
  const workbook = new MemoryWorkbook();
  const rows: CellValue[][] = Array.from({ length: N }, (_, i) => [
    `C${i + 1}`,
    (i * 37) % 365,
    1 + ((i * 7) % 12),
    20 + ((i * 13) % 90) + i / N,
  ]);
  const table = workbook.addTable({ name: "Clients", sheet: "Data", headers: HEADERS, rows });
  const method = DEFAULT_METHODS.rfm;
  const computed = computeSegments(HEADERS, rows, "customers", MAPPING, method, "fr");
  if (!computed.ok) throw new Error("segmentation failed");
  const applied = await applySegmentation(workbook, {
    table,
    headers: HEADERS,
    shape: "customers",
    mapping: MAPPING,
    method,
    locale: "fr",
    result: computed.result,
    previous: null,
  });
  if (!applied.ok) throw new Error("apply failed");
  for (let r = 1; r <= N; r += 7) {
    workbook.editCell("Data", r, 1, { value: (r * 53) % 365 });
    workbook.editCell("Data", r, 2, { value: 1 + ((r * 5) % 12) });
  }
  return { workbook, table, recipe: applied.value.recipe };
}

// The clock stands still (the sheets and the recipe say when they were written); the port's timers still run.
beforeEach(() => {
  jest.useFakeTimers({ now: new Date("2026-12-01T12:00:00Z"), doNotFake: ["setTimeout", "clearTimeout"] });
});
afterEach(() => jest.useRealTimers());

const everySheet = (workbook: MemoryWorkbook) =>
  Object.fromEntries(workbook.sheetNames().map((name) => [name, workbook.sheetValues(name)]));

test("refresh through the compute worker leaves exactly what a refresh on the pane's thread leaves", async () => {
  const here = await appliedThenEdited();
  const there = await appliedThenEdited();
  const port = inProcessPort();
  let jobs = 0;
  const viaWorker: SegmentCompute = (request, options) => {
    jobs++;
    return runSegmentJob(port, request, options);
  };
  const progress: string[] = [];
  const onProgress = (p: { step: string }) => progress.push(p.step);
  const direct = await refreshSegmentation(here.workbook, here.table, here.recipe, "en");
  const worker = await refreshSegmentation(
    there.workbook,
    there.table,
    there.recipe,
    "en",
    { onProgress },
    "Clients",
    viaWorker,
  );
  expect(jobs).toBe(1);
  expect(port.posted).toBeGreaterThan(0);
  expect(progress).toContain("compute.progress.computing");
  expect(direct.ok && worker.ok).toBe(true);
  if (!direct.ok || !worker.ok) return;
  // The data changed: the refresh reports customers who moved, the same way on both paths.
  expect(direct.value.recipe.changes?.moved).toBeGreaterThan(0);
  expect(worker.value.recipe).toEqual(direct.value.recipe);
  expect(everySheet(there.workbook)).toEqual(everySheet(here.workbook));
});

test("a refresh whose compute is cancelled writes nothing", async () => {
  const { workbook, table, recipe } = await appliedThenEdited();
  const before = everySheet(workbook);
  const controller = new AbortController();
  const cancelling: SegmentCompute = (request, options) => {
    const job = runSegmentJob(inProcessPort(), request, options);
    controller.abort();
    return job;
  };
  const outcome = await refreshSegmentation(
    workbook,
    table,
    recipe,
    "en",
    { signal: controller.signal },
    "Clients",
    cancelling,
  );
  expect(outcome).toMatchObject({ ok: false, failure: { code: "cancelled" } });
  expect(everySheet(workbook)).toEqual(before);
});
