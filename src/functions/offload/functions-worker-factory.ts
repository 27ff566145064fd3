/**
 * Starts the custom functions' worker, or null where there is no Worker: the functions then run on the calling
 * thread. The one place that names the worker's file, in the form webpack bundles as a worker chunk (jest maps this
 * module to test/shims/functions-worker-factory.ts: it cannot parse import.meta).
 */
export function startFunctionsWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  try {
    // A fixed file name (functions-worker.js), so a server's rules and docs/deployment.md can name it.
    return new Worker(/* webpackChunkName: "functions-worker" */ new URL("./functions.worker.ts", import.meta.url));
  } catch {
    return null;
  }
}
