/**
 * Every segmentation stored in the workbook (so Refresh and Remove stay reachable wherever the selection is, and a
 * colleague who opens the file sees what was done to it).
 */
import { useCallback, useEffect, useState } from "react";
import type { CustomerWorkbook, WorkbookFailure } from "../../excel/workbook";
import { loadRecipes, StoredSegmentation } from "../stored-segmentations";

export interface StoredRecipesState {
  entries: StoredSegmentation[];
  /** The settings could not be read at all. */
  failure: WorkbookFailure | null;
  loading: boolean;
  reload(): Promise<void>;
}

export function useRecipes(workbook: CustomerWorkbook): StoredRecipesState {
  const [entries, setEntries] = useState<StoredSegmentation[]>([]);
  const [failure, setFailure] = useState<WorkbookFailure | null>(null);
  const [loading, setLoading] = useState(false);

  const reload = useCallback(async () => {
    setLoading(true);
    const loaded = await loadRecipes(workbook);
    setLoading(false);
    setEntries(loaded.ok ? loaded.entries : []);
    setFailure(loaded.ok ? null : loaded.failure);
  }, [workbook]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { entries, failure, loading, reload };
}
