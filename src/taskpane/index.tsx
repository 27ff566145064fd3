/** Entry point of the task pane page: waits for Office, picks the workbook behind the pane, renders it. */
import { createRoot } from "react-dom/client";
import { resolveWorkbook } from "../excel/resolve-workbook";
import { PaneRoot } from "./PaneRoot";

Office.onReady((info) => {
  const container = document.getElementById("container");
  if (!container) return;
  // Outside Excel (a plain browser) office.js answers with host null and there is no workbook: the pane says so.
  createRoot(container).render(<PaneRoot workbook={resolveWorkbook(info)} />);
});
