/**
 * The pane's compute worker (bundled by webpack from `new Worker(new URL("./segment.worker.ts", import.meta.url))`):
 * the engine runs here, off the pane's thread, so the pane keeps painting its progress bar and answering clicks.
 */
import { segmentJobHandler } from "./segment-job";
import { transferables, type Message } from "./protocol";

const scope = self as unknown as {
  postMessage(message: Message, transfer: ArrayBuffer[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
};
// Packed arrays' buffers are moved to the pane, not copied.
const handle = segmentJobHandler((message) => scope.postMessage(message, transferables(message)));
scope.onmessage = (event) => handle(event.data as Message);
