// jest runs in Node/jsdom without Web Workers (and cannot parse import.meta): the pane computes on the main thread.
export function startSegmentWorker(): Worker | null {
  return null;
}
