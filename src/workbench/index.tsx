/**
 * Entry point of the workbench page. The custom functions are loaded into this page through the same
 * bundle code Excel runs (the runtime shim records their associate() calls), then the page renders.
 */
import "../functions/functions";
// The pane's and workbench's messages (the functions bundle carries only the function areas).
import "../i18n/pane-messages";
import "../i18n/workbench-messages";
import { createRoot } from "react-dom/client";
import { WorkbenchApp } from "./components/WorkbenchApp";
import { readSettings } from "./settings";

const container = document.getElementById("workbench");
if (container) createRoot(container).render(<WorkbenchApp initial={readSettings(window.location.search)} />);
