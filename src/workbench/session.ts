/**
 * One workbench session: an in-memory workbook loaded with the chosen sample data, the table selected
 * (as a user clicking into it) so the pane finds it, and the host's theme and language set.
 */
import { MemoryWorkbook } from "./memory-workbook";
import {
  customerTable,
  SampleBusiness,
  SampleTable,
  simulateBusiness,
  tableWithBadCells,
  transactionTable,
} from "./sample-data";
import { DatasetId, displayLanguageOf, WorkbenchSettings } from "./settings";

export interface WorkbenchSession {
  workbook: MemoryWorkbook;
  /** Headers each loaded sheet had at the start: any other column is the add-in's. */
  userHeaders: ReadonlyMap<string, readonly string[]>;
  /** The sheet shown first. */
  firstSheet: string;
}

let business: SampleBusiness | null = null;

/** The simulated business behind every dataset, generated once per page. */
export function sampleBusiness(): SampleBusiness {
  business ??= simulateBusiness();
  return business;
}

export function datasetTable(dataset: DatasetId, source: SampleBusiness = sampleBusiness()): SampleTable {
  switch (dataset) {
    case "transactions":
      return transactionTable(source);
    case "badCells":
      return tableWithBadCells(source);
    default:
      return customerTable(source);
  }
}

export function createSession(
  settings: WorkbenchSettings,
  source: SampleBusiness = sampleBusiness(),
): WorkbenchSession {
  const workbook = new MemoryWorkbook({
    host: { theme: settings.theme, displayLanguage: displayLanguageOf(settings.locale) },
  });
  const table = datasetTable(settings.dataset, source);
  const info = workbook.addTable({
    name: table.name,
    sheet: table.sheet,
    headers: table.headers,
    rows: table.rows,
    numberFormats: table.numberFormats,
  });
  workbook.selectTable(info.id);
  return { workbook, userHeaders: new Map([[table.sheet, table.headers]]), firstSheet: table.sheet };
}

/** What the pane finds on window.parent (src/excel/resolve-workbook.ts) when it runs inside the workbench. */
export interface WorkbenchGlobal {
  workbook: MemoryWorkbook;
}

/** Hands the session's workbook to the pane: call before the pane's iframe loads (or reloads). */
export function exposeToPane(target: Window, session: WorkbenchSession): void {
  (target as Window & { customerValueWorkbench?: WorkbenchGlobal }).customerValueWorkbench = {
    workbook: session.workbook,
  };
}
