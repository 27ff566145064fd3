/**
 * The custom functions' worker (bundled by webpack from `new Worker(new URL("./functions.worker.ts",
 * import.meta.url))` in functions-worker-factory.ts): the same function modules as src/functions/functions.ts, registered with
 * the runtime shim (there is no Excel here), so a large call runs off the thread the task pane shares with the
 * functions. test/functions/offload.test.ts checks that the list below is functions.ts's.
 */
import "../install-shim";
import "../metrics";
import "../models";
import "../residual";
import "../rfm";
import "../summary";
import "../value-models";
import "../finance";
import type { CustomFunctionsShim } from "../runtime-shim";
import { serveCall } from "./serve";
import type { CallMessage } from "./wire";

const scope = self as unknown as {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
};
const registry = (globalThis as unknown as { CustomFunctions: CustomFunctionsShim }).CustomFunctions;
const lookup = (id: string) =>
  registry.associated.get(id.toUpperCase()) as ((...args: unknown[]) => unknown) | undefined;

scope.onmessage = (event) => {
  void serveCall(event.data as CallMessage, lookup).then(({ message, transfer }) =>
    scope.postMessage(message, transfer),
  );
};
