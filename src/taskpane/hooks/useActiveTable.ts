/** Follows the table under the user's selection: re-asks the workbook whenever the selection moves. */
import { useCallback, useEffect, useRef, useState } from "react";
import type { CustomerWorkbook, TableInfo, WorkbookFailure } from "../../excel/workbook";

export type ActiveTableState =
  | { status: "loading" }
  /** No table under the selection; `sheet` is the active sheet (the pane's own sheets are told apart). */
  | { status: "none"; sheet: string | null }
  | { status: "ready"; table: TableInfo }
  | { status: "error"; failure: WorkbookFailure };

export interface ActiveTable {
  state: ActiveTableState;
  /** Turns the selected range into a table, then follows it. */
  createFromSelection(): Promise<void>;
  creating: boolean;
  createFailure: WorkbookFailure | null;
  refresh(): Promise<void>;
}

export function useActiveTable(workbook: CustomerWorkbook): ActiveTable {
  const [state, setState] = useState<ActiveTableState>({ status: "loading" });
  const [creating, setCreating] = useState(false);
  const [createFailure, setCreateFailure] = useState<WorkbookFailure | null>(null);
  // Selection events can overlap: only the latest answer may update the state.
  const request = useRef(0);

  const refresh = useCallback(async () => {
    const id = ++request.current;
    const result = await workbook.getActiveTable();
    if (id !== request.current) return;
    if (!result.ok) setState({ status: "error", failure: result.error });
    else if (result.value === null) {
      const sheet = await workbook.getActiveSheet();
      if (id !== request.current) return;
      setState((previous) => {
        const name = sheet.ok ? sheet.value : null;
        return previous.status === "none" && previous.sheet === name ? previous : { status: "none", sheet: name };
      });
    } else {
      const table = result.value;
      // Keep the same object while nothing changed, so steps further down do not reset on every click.
      setState((previous) =>
        previous.status === "ready" && sameTable(previous.table, table) ? previous : { status: "ready", table },
      );
    }
  }, [workbook]);

  useEffect(() => {
    void refresh();
    const stop = workbook.onSelectionChanged(() => void refresh());
    return () => {
      request.current++;
      stop();
    };
  }, [workbook, refresh]);

  const createFromSelection = useCallback(async () => {
    setCreating(true);
    setCreateFailure(null);
    const result = await workbook.createTableFromSelection();
    setCreating(false);
    if (!result.ok) {
      setCreateFailure(result.error);
      return;
    }
    request.current++;
    setState({ status: "ready", table: result.value });
  }, [workbook]);

  return { state, createFromSelection, creating, createFailure, refresh };
}

function sameTable(a: TableInfo, b: TableInfo): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.worksheet === b.worksheet &&
    a.rowCount === b.rowCount &&
    a.origin === b.origin &&
    a.headers.length === b.headers.length &&
    a.headers.every((header, i) => header === b.headers[i])
  );
}
