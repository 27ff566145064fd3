/**
 * Starts the compute worker, or null where there is no Worker (jest, an old host): the caller then computes on
 * the main thread. The one place that names the worker's file, in the form webpack bundles as a worker chunk
 * (jest maps this module to test/shims/segment-worker-factory.ts: it cannot parse import.meta).
 */
export function startSegmentWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  try {
    return new Worker(new URL("./segment.worker.ts", import.meta.url));
  } catch {
    return null;
  }
}
