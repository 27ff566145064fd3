/**
 * The areas only the task pane and the workbench show (the pane's steps, segmentation, Excel failures, the
 * workbench), registered on import by their entry points; the functions bundle never loads them.
 */
import { registerMessages } from "./catalogue";
import * as changes from "./messages/changes";
import * as compute from "./messages/compute";
import * as excel from "./messages/excel";
import * as financesheet from "./messages/financesheet";
import * as pane from "./messages/pane";
import * as segmentation from "./messages/segmentation";
import * as segmentsheet from "./messages/segmentsheet";
import * as webview from "./messages/webview";
import * as workbench from "./messages/workbench";

export const PANE_AREAS = {
  changes,
  compute,
  excel,
  financesheet,
  pane,
  segmentation,
  segmentsheet,
  webview,
  workbench,
} as const;

registerMessages(PANE_AREAS);
