/** Every area of the catalogue, registered: for the completeness tests and tools that need them all. */
import { FUNCTION_AREAS } from "./function-messages";
import { PANE_AREAS } from "./pane-messages";
import { WORKBENCH_AREAS } from "./workbench-messages";

export * from "./catalogue";

/** The catalogue areas, exposed for the completeness tests. */
export const AREAS = { ...FUNCTION_AREAS, ...PANE_AREAS, ...WORKBENCH_AREAS } as const;
