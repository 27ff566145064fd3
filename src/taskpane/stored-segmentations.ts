/**
 * The segmentations stored in the workbook and the names of the sheets they own: what the pane needs as it opens and
 * before an Apply. Apply, Refresh and Remove themselves (segmentation-actions.ts) are loaded when first used
 * (load-actions.ts), so the segmentation engine and the sheet writers are not in the pane's first load.
 */
import type { CustomerWorkbook, WorkbookFailure } from "../excel/workbook";
import { chooseSheetName } from "../excel/write-rules";
import { InputError } from "../engine/errors";
import type { Locale } from "../i18n";
import { parseRecipe } from "../engine/segmentation/recipe";
import { summarySheetName } from "../engine/segmentation/summary-sheet";
import type { Recipe, SegmentationResult } from "../engine/segmentation/types";

/** One stored segmentation: its settings key, and the recipe or why it cannot be read. */
export type StoredSegmentation =
  { key: string; ok: true; recipe: Recipe } | { key: string; ok: false; failure: WorkbookFailure };

/** Every segmentation stored in the workbook, in the order the settings hold them, readable or not. */
export async function loadRecipes(
  workbook: CustomerWorkbook,
): Promise<{ ok: true; entries: StoredSegmentation[] } | { ok: false; failure: WorkbookFailure }> {
  const stored = await workbook.readRecipes();
  if (!stored.ok) return { ok: false, failure: stored.error };
  const entries = stored.value.map((entry): StoredSegmentation => {
    const parsed = parseRecipe(entry.json);
    if (parsed instanceof InputError) {
      return { key: entry.key, ok: false, failure: { code: "badRecipe", key: parsed.key, params: parsed.params } };
    }
    return { key: entry.key, ok: true, recipe: parsed };
  });
  return { ok: true, entries };
}

/** The stored recipe of a table, or null when there is none; an unreadable recipe is a failure, not a null. */
export async function loadRecipe(
  workbook: CustomerWorkbook,
  tableName: string,
): Promise<{ ok: true; recipe: Recipe | null } | { ok: false; failure: WorkbookFailure }> {
  const loaded = await loadRecipes(workbook);
  if (!loaded.ok) return loaded;
  const entry = loaded.entries.find((candidate) => candidate.key === tableName);
  if (!entry) return { ok: true, recipe: null };
  return entry.ok ? { ok: true, recipe: entry.recipe } : { ok: false, failure: entry.failure };
}

/** The sheets a recipe's Apply wrote: its summary sheet and, for a transaction log, its customer sheet. */
export const recipeSheets = (recipe: Recipe): string[] => [
  recipe.summarySheet,
  ...(recipe.customerSheet ? [recipe.customerSheet] : []),
  ...(recipe.winBackSheet ? [recipe.winBackSheet] : []),
  ...(recipe.modelSheet ? [recipe.modelSheet] : []),
  ...(recipe.changesSheet ? [recipe.changesSheet] : []),
  ...(recipe.forecastSheet ? [recipe.forecastSheet] : []),
  ...(recipe.cohortSheet ? [recipe.cohortSheet] : []),
  ...(recipe.channelsSheet ? [recipe.channelsSheet] : []),
];

/**
 * Names our sheets in the order Apply writes them: never a user's sheet; the sheets the previous recipe wrote are
 * ours to replace; a name given to one sheet of this write is not given to the next.
 */
export function sheetNamer(existing: readonly string[], previous: Recipe | null | undefined) {
  const ours = previous ? recipeSheets(previous) : [];
  const reserved: string[] = [];
  return {
    ours,
    name(wanted: string) {
      const choice = chooseSheetName(wanted, existing, ours, reserved);
      reserved.push(choice.name);
      return choice;
    },
  };
}

/** The name Apply will give the summary sheet (e.g. "Segments (2)" beside a user's "Segments"), said before it. */
export async function plannedSummarySheetName(
  workbook: CustomerWorkbook,
  result: SegmentationResult,
  previous: Recipe | null | undefined,
  locale: Locale,
): Promise<string> {
  const wanted = summarySheetName(locale);
  const listed = await workbook.listSheets();
  if (!listed.ok) return wanted;
  const namer = sheetNamer(listed.value, previous);
  if (result.customerSheet) namer.name(result.customerSheet.name);
  if (result.winBackSheet) namer.name(result.winBackSheet.name);
  return namer.name(wanted).name;
}
