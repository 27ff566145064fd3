/**
 * What the pane says about value by group once a segmentation is written; apart from channels-actions.ts, which is
 * loaded only with Apply (load-actions.ts).
 */
import type { MessageKey, MessageParams } from "../i18n";
import type { Recipe } from "../engine/segmentation/types";

/** What the pane says after an apply or refresh that wrote a Channels sheet (nothing otherwise). */
export function channelsNotices(recipe: Recipe): { key: MessageKey; params: MessageParams }[] {
  const method = recipe.method;
  if (!recipe.channelsSheet || method.kind !== "clvTiers" || !method.compareBy || !method.spendTable) return [];
  return [
    {
      key: "channels.pane.written",
      params: { column: method.compareBy, sheet: recipe.channelsSheet, table: method.spendTable },
    },
  ];
}
