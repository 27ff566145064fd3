// The CustomFunctions global that Excel provides at run time, reduced to what our functions use.
// Error codes are the strings Excel itself uses, so tests can assert on "#VALUE!" and friends.
import { installCustomFunctionsShim } from "../../src/functions/runtime-shim";

installCustomFunctionsShim(globalThis);

// Every message area, as the pane's and workbench's entry points register them (a component test renders without
// its entry point).
import "../../src/i18n/pane-messages";
import "../../src/i18n/workbench-messages";
