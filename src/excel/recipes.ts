/**
 * Where recipes live in the document: workbook settings (they travel with the file, so a colleague who
 * opens it can refresh), one setting per recipe under a fixed prefix.
 */
import type { StoredRecipe } from "./workbook";

export const RECIPE_SETTING_PREFIX = "customerValue.recipe.";

export function recipeSettingKey(key: string): string {
  return RECIPE_SETTING_PREFIX + key;
}

/** Our recipes among all the document's settings (other add-ins' settings are ignored). */
export function recipesFromSettings(settings: Iterable<readonly [string, unknown]>): StoredRecipe[] {
  const recipes: StoredRecipe[] = [];
  for (const [settingKey, value] of settings) {
    if (!settingKey.startsWith(RECIPE_SETTING_PREFIX)) continue;
    recipes.push({
      key: settingKey.slice(RECIPE_SETTING_PREFIX.length),
      json: typeof value === "string" ? value : JSON.stringify(value),
    });
  }
  return recipes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
