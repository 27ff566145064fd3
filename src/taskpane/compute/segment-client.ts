/**
 * The pane's compute, off its thread: computeSegmentsInWorker has the shape of computeSegments (same arguments,
 * same outcome, the same numbers) but runs the engine in a Web Worker, with progress and cancel. The rows go over in
 * slices with a pause between them, so the pane's thread is never busy for long while a million rows are handed
 * over, and the result comes back the same way. Where there is no Worker (jest, an old host) it computes on the
 * main thread, as before.
 */
import type { CellValue, Progress, WorkbookFailure } from "../../excel/workbook";
import type { Locale } from "../../i18n";
import type { ColumnMapping, DataShape, SegmentationMethod } from "../../engine/segmentation/types";
import type { computeSegments } from "../segmentation-actions";
import { loadSegmentationActions } from "../load-actions";
import { runStepsSliced } from "../../excel/steps";
import { Assembler, Message, packRowsSteps, SLICE, transferables } from "./protocol";
import { throttleProgress } from "./progress";
import { startSegmentWorker } from "./segment-worker-factory";

export interface SegmentRequest {
  headers: string[];
  rows: CellValue[][];
  shape: DataShape;
  mapping: ColumnMapping;
  method: SegmentationMethod;
  locale: Locale;
  asOf?: number;
}

export type SegmentOutcome = ReturnType<typeof computeSegments>;

export interface ComputeOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/** The port a job talks through: a Worker, or (tests) an in-process pair. */
export interface JobPort {
  /** `transfer`: the message's buffers, moved to the other side rather than copied (a Worker's postMessage). */
  postMessage(message: Message, transfer?: ArrayBuffer[]): void;
  onmessage: ((event: { data: Message }) => void) | null;
  terminate(): void;
}

const CANCELLED: WorkbookFailure = { code: "cancelled", key: "excel.error.cancelled" };
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let nextJob = 1;

/** Runs one request through a port; resolves with the outcome computeSegments would have given. */
export async function runSegmentJob(
  port: JobPort,
  request: SegmentRequest,
  options: ComputeOptions = {},
): Promise<SegmentOutcome> {
  const { signal, onProgress } = options;
  // Progress re-renders the pane: at most one report per PROGRESS_MS, besides each phase's first and last.
  const report = throttleProgress(onProgress);
  const job = nextJob++;
  const assembler = new Assembler();
  let received = 0;
  let expected = 0;
  const done = new Promise<SegmentOutcome>((resolve) => {
    const onAbort = () => {
      port.terminate();
      resolve({ ok: false, failure: CANCELLED });
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    port.onmessage = ({ data: message }) => {
      if (message.job !== job) return;
      if (message.type === "progress") {
        // The engine's own work has no count: total 0 shows a moving bar.
        if (message.phase === "computing") report({ step: "compute.progress.computing", done: 0, total: 0 });
        else {
          expected = message.total;
          report({ step: "compute.progress.receiving", done: 0, total: Math.max(expected, 1) });
        }
      } else if (message.type === "slice" || message.type === "packed") {
        // A packed array is unpacked in slices with pauses; a plain slice is appended at once.
        const taken = message.type === "slice" ? (assembler.add(message), pause()) : assembler.addPacked(message);
        void taken.then(() => {
          received++;
          // Ask for the next one after a pause, so the pane paints and the collector works between them.
          setTimeout(() => port.postMessage({ type: "ack", job }), 0);
          report({ step: "compute.progress.receiving", done: received, total: Math.max(expected, 1) });
        });
      } else if (message.type === "result") {
        signal?.removeEventListener("abort", onAbort);
        const body = message.body;
        void assembler.settled().then(() => resolve(assembler.build(body) as SegmentOutcome));
      } else if (message.type === "failure") {
        signal?.removeEventListener("abort", onAbort);
        const detail = message.error.message;
        resolve({ ok: false, failure: { code: "unexpected", key: "common.unexpected", params: { detail } } });
      }
    };
  });
  // The rows in slices, packed column by column (rows of unequal lengths as they are), a pause after each so the
  // pane paints and answers between them.
  const { rows, ...rest } = request;
  const total = rows.length;
  const width = request.headers.length;
  for (let start = 0; start < total; start += SLICE) {
    if (signal?.aborted) return done;
    const count = Math.min(SLICE, total - start);
    const columns = await runStepsSliced(packRowsSteps(rows, start, count, width));
    const message: Message = columns
      ? { type: "rows", job, array: 0, offset: start, length: total, columns }
      : { type: "slice", job, array: 0, offset: start, length: total, items: rows.slice(start, start + count) };
    port.postMessage(message, transferables(message));
    report({ step: "compute.progress.sending", done: start + count, total });
    await pause();
  }
  if (!signal?.aborted) {
    const placeholder = total > 0 ? { __sliced: 0, length: total } : [];
    port.postMessage({ type: "request", job, body: { ...rest, rows: placeholder } });
  }
  return done;
}

let shared: Worker | null = null;

/**
 * computeSegments in the pane's compute worker (started once and kept; a cancelled job ends it and the next job
 * starts another), or on the main thread where no worker can start.
 */
export async function computeSegmentsInWorker(
  request: SegmentRequest,
  options: ComputeOptions = {},
): Promise<SegmentOutcome> {
  shared ??= startSegmentWorker();
  const worker = shared;
  if (!worker) {
    const loaded = await loadSegmentationActions();
    if (!loaded.ok) return loaded;
    const { headers, rows, shape, mapping, method, locale, asOf } = request;
    return loaded.actions.computeSegments(headers, rows, shape, mapping, method, locale, asOf);
  }
  const port: JobPort = {
    postMessage: (message, transfer) => worker.postMessage(message, transfer ?? []),
    // A worker that cannot run (its script refused, out of memory) fails the job with what it said.
    set onmessage(handler: JobPort["onmessage"]) {
      worker.onmessage = handler ? (event: MessageEvent) => handler({ data: event.data as Message }) : null;
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        const job = nextJob - 1;
        handler?.({ data: { type: "failure", job, error: { message: event.message || "worker error" } } });
        port.terminate();
      };
    },
    get onmessage() {
      return null;
    },
    terminate: () => {
      worker.terminate();
      if (shared === worker) shared = null;
    },
  };
  return runSegmentJob(port, request, options);
}
