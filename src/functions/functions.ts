/**
 * The custom-functions entry point, loaded by the task pane page (shared runtime). Each imported module
 * holds @customfunction declarations; custom-functions-metadata-plugin reads them all to build
 * functions.json and appends the CustomFunctions.associate() calls to each module; offload/install, first, sends
 * the large calls to a worker (src/functions/offload/dispatch.ts).
 */
import "./install-shim";
import "./offload/install";
import "./metrics";
import "./models";
import "./residual";
import "./rfm";
import "./summary";
import "./value-models";
import "./finance";
