/** Entry point of the task pane page: waits for Office, picks the workbook behind the pane, renders it. */
import { createRoot } from "react-dom/client";
import type { CustomerWorkbook } from "../excel/workbook";
import { resolveWorkbook, workbenchWorkbook } from "../excel/resolve-workbook";
import { PaneRoot } from "./PaneRoot";

function render(workbook: CustomerWorkbook | null): void {
  const container = document.getElementById("container");
  if (container) createRoot(container).render(<PaneRoot workbook={workbook} />);
}

// Inside the workbench the workbook is on the parent window and Office is not needed, so the pane does not
// wait on office.js. Without office.js at all (blocked, offline) the pane still says "open in Excel".
const workbench = workbenchWorkbook(typeof window === "undefined" ? undefined : window);
if (workbench) render(workbench);
else if (typeof Office === "undefined") render(null);
// Outside Excel (a plain browser) office.js answers with host null and there is no workbook: the pane says so.
else Office.onReady((info) => render(resolveWorkbook(info)));
