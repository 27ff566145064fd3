// Large custom-function calls go to the functions' worker (dispatch.ts): installed before the function modules
// register themselves, so every registration goes through the dispatcher.
import { installOffload } from "./dispatch";

installOffload(globalThis);
