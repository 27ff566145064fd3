/** Entry point of the task pane page: waits for Office, picks the workbook behind the pane, renders it. */
// The pane's own messages (the functions bundle carries only the function areas).
import "../i18n/pane-messages";
import { createRoot, Root } from "react-dom/client";
import type { CustomerWorkbook } from "../excel/workbook";
import { resolveWorkbook, workbenchWorkbook } from "../excel/resolve-workbook";
import { PaneRoot } from "./PaneRoot";

/**
 * How long the page waits for Office.onReady before it says "open in Excel". Outside Office, office.js may never
 * call back (it waits for files only Office serves); once allowed to go further it would load Microsoft's
 * telemetry frame, which this add-in never does. Inside Excel onReady usually answers well before this, and when
 * it answers late the real pane replaces the message.
 */
export const OFFICE_READY_GRACE_MS = 3000;

let root: Root | null = null;

function render(workbook: CustomerWorkbook | null): void {
  const container = document.getElementById("container");
  if (!container) return;
  root ??= createRoot(container);
  root.render(<PaneRoot workbook={workbook} />);
}

// Inside the workbench the workbook is on the parent window and Office is not needed, so the pane does not
// wait on office.js. Without office.js at all (blocked, offline) the pane still says "open in Excel".
const workbench = workbenchWorkbook(typeof window === "undefined" ? undefined : window);
if (workbench) render(workbench);
else if (typeof Office === "undefined") render(null);
else {
  const fallback = setTimeout(() => render(null), OFFICE_READY_GRACE_MS);
  // Outside Excel office.js answers with host null (or not at all) and there is no workbook: the pane says so.
  Office.onReady((info) => {
    clearTimeout(fallback);
    render(resolveWorkbook(info));
  });
}
