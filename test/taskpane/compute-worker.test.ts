/**
 * The pane's compute through the worker protocol (the worker's handler wired to the client through an in-process
 * port that structured-clones every message, as postMessage does) gives exactly the main-thread result, with the
 * rows and the result sliced; cancel ends the job; without a Worker the pane computes on the main thread.
 */
import type { CellValue, Progress } from "../../src/excel/workbook";
import type { ColumnMapping, SegmentationMethod } from "../../src/engine/segmentation/types";
import { computeSegments } from "../../src/taskpane/segmentation-actions";
import { DEFAULT_METHODS } from "../../src/taskpane/hooks/useSegmentationFlow";
import { computeSegmentsInWorker, JobPort, runSegmentJob } from "../../src/taskpane/compute/segment-client";
import { segmentJobHandler } from "../../src/taskpane/compute/segment-job";
import { Message, SLICE } from "../../src/taskpane/compute/protocol";

const HEADERS = ["Customer ID", "Recency", "Frequency", "Monetary"];
const MAPPING: ColumnMapping = {
  customerId: "Customer ID",
  recency: "Recency",
  frequency: "Frequency",
  monetary: "Monetary",
};

const table = (n: number): CellValue[][] =>
  Array.from({ length: n }, (_, i) => [`C${i + 1}`, (i * 37) % 365, 1 + ((i * 7) % 12), 20 + ((i * 13) % 90) + i / n]);

/** A worker in the same process: every message is structured-cloned and delivered on a later task. */
function inProcessPort(): JobPort & { posted: number; terminated: boolean } {
  const port = {
    posted: 0,
    terminated: false,
    onmessage: null as JobPort["onmessage"],
    postMessage(message: Message) {
      if (message.type !== "ack") port.posted++;
      const copy = structuredClone(message);
      setTimeout(() => !port.terminated && worker(copy), 0);
    },
    terminate() {
      port.terminated = true;
    },
  };
  const worker = segmentJobHandler((message) => {
    const copy = structuredClone(message);
    setTimeout(() => !port.terminated && port.onmessage?.({ data: copy }), 0);
  });
  return port;
}

const methods: SegmentationMethod[] = [
  DEFAULT_METHODS.rfm,
  { kind: "quantileTiers", column: "Monetary", tiers: 4 } as SegmentationMethod,
];

test.each(methods.map((method) => [method.kind, method] as const))(
  "%s: the worker path gives the main-thread result exactly, rows and result in slices",
  async (_kind, method) => {
    const rows = table(2 * SLICE + 123);
    const direct = computeSegments(HEADERS, rows, "customers", MAPPING, method, "fr");
    const port = inProcessPort();
    const progress: Progress[] = [];
    const viaWorker = await runSegmentJob(
      port,
      { headers: HEADERS, rows, shape: "customers", mapping: MAPPING, method, locale: "fr" },
      { onProgress: (p) => progress.push(p) },
    );
    expect(direct.ok).toBe(true);
    expect(viaWorker).toEqual(direct);
    expect(port.posted).toBe(4); // 3 slices of rows and the request
    // At most one report per 250 ms of a phase, its first and its last always.
    const sending = progress.filter((p) => p.step === "compute.progress.sending").map((p) => p.done);
    expect(sending[0]).toBe(SLICE);
    expect(sending.at(-1)).toBe(rows.length);
    expect(progress.some((p) => p.step === "compute.progress.computing")).toBe(true);
    const receiving = progress.filter((p) => p.step === "compute.progress.receiving");
    expect(receiving.at(-1)!.done).toBe(receiving.at(-1)!.total);
  },
  30_000,
);

test("an input the engine refuses comes back as the same failure", async () => {
  const rows = table(30).map((row, i) => (i === 3 ? [row[0], "soon", row[2], row[3]] : row));
  const direct = computeSegments(HEADERS, rows, "customers", MAPPING, DEFAULT_METHODS.rfm, "en");
  const viaWorker = await runSegmentJob(inProcessPort(), {
    headers: HEADERS,
    rows,
    shape: "customers",
    mapping: MAPPING,
    method: DEFAULT_METHODS.rfm,
    locale: "en",
  });
  expect(viaWorker).toEqual(direct);
});

test("cancel ends the worker and reports cancelled", async () => {
  const controller = new AbortController();
  const port = inProcessPort();
  const pending = runSegmentJob(
    port,
    {
      headers: HEADERS,
      rows: table(3 * SLICE),
      shape: "customers",
      mapping: MAPPING,
      method: DEFAULT_METHODS.rfm,
      locale: "en",
    },
    { signal: controller.signal, onProgress: () => controller.abort() },
  );
  const outcome = await pending;
  expect(outcome).toEqual({ ok: false, failure: { code: "cancelled", key: "excel.error.cancelled" } });
  expect(port.terminated).toBe(true);
});

test("without a Worker the pane computes on the main thread, same result", async () => {
  const rows = table(500);
  const request = {
    headers: HEADERS,
    rows,
    shape: "customers" as const,
    mapping: MAPPING,
    method: DEFAULT_METHODS.rfm,
    locale: "en" as const,
  };
  expect(await computeSegmentsInWorker(request)).toEqual(
    computeSegments(HEADERS, rows, "customers", MAPPING, DEFAULT_METHODS.rfm, "en"),
  );
});
