// jest runs in Node without Web Workers (and cannot parse import.meta): offload tests install a stand-in worker.
export function startFunctionsWorker(): Worker | null {
  return null;
}
