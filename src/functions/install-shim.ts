// Outside Excel (the workbench page, a plain browser) there is no CustomFunctions global, and the
// associate() calls the metadata plugin appends would throw. Inside Excel the real global is kept.
import { installCustomFunctionsShim } from "./runtime-shim";

installCustomFunctionsShim(globalThis);
