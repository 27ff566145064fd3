/** "Segmented on 23/11/2026 by RFM (quintiles)": the status line a colleague sees when a recipe exists. */
import { Locale, MessageKey, t } from "../i18n";
import type { Recipe, SegmentationMethod } from "../engine/segmentation/types";

const NAMED_BINS: Readonly<Record<number, MessageKey>> = {
  4: "segmentation.bins.quartiles",
  5: "segmentation.bins.quintiles",
  10: "segmentation.bins.deciles",
};

export function describeMethod(method: SegmentationMethod, locale: Locale): string {
  switch (method.kind) {
    case "rfm": {
      const named = NAMED_BINS[method.bins];
      const bins = named ? t(named, {}, locale) : t("segmentation.bins.n", { n: method.bins }, locale);
      return t("segmentation.method.rfm", { bins }, locale);
    }
    case "clvTiers":
      return t("segmentation.method.clvTiers", { split: t(`segmentation.split.${method.split}`, {}, locale) }, locale);
    case "quantileTiers":
      return t("segmentation.method.quantileTiers", { tiers: method.tiers, column: method.column }, locale);
  }
}

export function describeRecipe(recipe: Recipe, locale: Locale): string {
  const date = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium" }).format(
    new Date(recipe.appliedAt),
  );
  return t("segmentation.recipe.description", { date, method: describeMethod(recipe.method, locale) }, locale);
}
