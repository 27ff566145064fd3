/** The recipe stored in the workbook for the current table (so a colleague sees it and can refresh). */
import { useCallback, useEffect, useState } from "react";
import type { CustomerWorkbook, WorkbookFailure } from "../../excel/workbook";
import type { Recipe } from "../../engine/segmentation/types";
import { loadRecipe } from "../segmentation-actions";

export interface StoredRecipeState {
  recipe: Recipe | null;
  failure: WorkbookFailure | null;
  loading: boolean;
  reload(): Promise<void>;
  /** Sets the recipe after an apply or remove, without reading it back. */
  set(recipe: Recipe | null): void;
}

export function useRecipe(workbook: CustomerWorkbook, tableName: string | null): StoredRecipeState {
  const [recipe, setRecipe] = useState<Recipe | null>(null);
  const [failure, setFailure] = useState<WorkbookFailure | null>(null);
  const [loading, setLoading] = useState(false);

  const reload = useCallback(async () => {
    if (tableName === null) {
      setRecipe(null);
      setFailure(null);
      return;
    }
    setLoading(true);
    const loaded = await loadRecipe(workbook, tableName);
    setLoading(false);
    setRecipe(loaded.ok ? loaded.recipe : null);
    setFailure(loaded.ok ? null : loaded.failure);
  }, [workbook, tableName]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const set = useCallback((next: Recipe | null) => {
    setRecipe(next);
    setFailure(null);
  }, []);

  return { recipe, failure, loading, reload, set };
}
