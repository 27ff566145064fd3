/**
 * The workbench's own area (the local page that runs the pane against an in-memory workbook), registered by the
 * workbench's entry point only: the pane's bundle does not carry it.
 */
import { registerMessages } from "./catalogue";
import * as workbench from "./messages/workbench";

export const WORKBENCH_AREAS = { workbench } as const;

registerMessages(WORKBENCH_AREAS);
