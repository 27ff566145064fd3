/**
 * The areas only the task pane (and the workbench, which hosts it) show: the pane's steps, segmentation, Excel
 * failures. Registered on import by their entry points; the functions bundle never loads them. The workbench's own
 * area is in workbench-messages.ts.
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
} as const;

registerMessages(PANE_AREAS);
