/**
 * Picks the workbook behind the pane: Excel's inside Excel; the workbench's in-memory workbook when the
 * pane runs in the workbench's iframe; otherwise none (the pane then says "open in Excel").
 */
import { ExcelWorkbook } from "./excel-workbook";
import type { CustomerWorkbook } from "./workbook";

/** What the workbench page puts on its window for the pane in its iframe. */
export interface WorkbenchWindow {
  customerValueWorkbench?: { workbook?: CustomerWorkbook };
}

/** Office.HostType.Excel's value; compared as text so this module loads where office.js is absent. */
const EXCEL_HOST = "Excel";

/** The workbench's workbook on the same-origin parent window, or null (no parent, or another origin). */
export function workbenchWorkbook(self: Window | undefined): CustomerWorkbook | null {
  try {
    const parent = self?.parent;
    if (!parent || parent === self) return null;
    return (parent as unknown as WorkbenchWindow).customerValueWorkbench?.workbook ?? null;
  } catch {
    return null; // reading a cross-origin parent throws a SecurityError: not our workbench
  }
}

export function resolveWorkbook(
  info: { host: Office.HostType | null },
  self: Window | undefined = typeof window === "undefined" ? undefined : window,
): CustomerWorkbook | null {
  if ((info.host as string | null) === EXCEL_HOST) return new ExcelWorkbook();
  return workbenchWorkbook(self);
}
