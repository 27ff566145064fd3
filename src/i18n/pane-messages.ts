/**
 * The areas only the task pane and the workbench show (the pane's steps, segmentation, Excel failures, the
 * workbench), registered on import by their entry points; the functions bundle never loads them.
 */
import { registerMessages } from "./catalogue";
import * as changes from "./messages/changes";
import * as channels from "./messages/channels";
import * as compute from "./messages/compute";
import * as excel from "./messages/excel";
import * as modelsheet from "./messages/modelsheet";
import * as financesheet from "./messages/financesheet";
import * as pane from "./messages/pane";
import * as resegment from "./messages/resegment";
import * as segmentation from "./messages/segmentation";
import * as selection from "./messages/selection";
import * as segmentsheet from "./messages/segmentsheet";
import * as webview from "./messages/webview";
import * as workbench from "./messages/workbench";

export const PANE_AREAS = {
  changes,
  channels,
  compute,
  excel,
  financesheet,
  modelsheet,
  pane,
  resegment,
  segmentation,
  selection,
  segmentsheet,
  webview,
  workbench,
} as const;

registerMessages(PANE_AREAS);
