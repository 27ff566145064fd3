// The CustomFunctions global that Excel provides at run time, reduced to what our functions use.
// Error codes are the strings Excel itself uses, so tests can assert on "#VALUE!" and friends.
import { installCustomFunctionsShim } from "../../src/functions/runtime-shim";

installCustomFunctionsShim(globalThis);
