/** "Segmented on 23/11/2026 by RFM (quintiles)": the status line a colleague sees when a recipe exists. */
import { Locale, t } from "../i18n";
import type { Recipe } from "../engine/segmentation/types";
import { describeMethod } from "../engine/segmentation/describe";

export { describeMethod };

export function describeRecipe(recipe: Recipe, locale: Locale): string {
  const date = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium" }).format(
    new Date(recipe.appliedAt),
  );
  return t("segmentation.recipe.description", { date, method: describeMethod(recipe.method, locale) }, locale);
}
