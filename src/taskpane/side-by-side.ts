/**
 * Several segmentations on one table, side by side (e.g. RFM and CLV tiers): each is stored under its own settings
 * key and owns its own columns and sheets. The first segmentation of a table keeps the key recipes always had (the
 * table's name), so workbooks written before still load and refresh as they did; the next ones get "Table#2",
 * "Table#3"… ("#" cannot appear in an Excel table name, so such a key never names another table).
 */
import type { Recipe } from "../engine/segmentation/types";
import type { StoredSegmentation } from "./stored-segmentations";

/** Re-segmenting a table that already has segmentations: replace one of them, or add a new one beside them. */
export type ApplyTarget = { kind: "replace"; key: string } | { kind: "add" };

export interface TableSegmentation {
  key: string;
  recipe: Recipe;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The readable segmentations of a table, in the order the settings hold them. */
export function segmentationsOfTable(
  stored: readonly StoredSegmentation[],
  tableName: string | null,
): TableSegmentation[] {
  if (tableName === null) return [];
  const found: TableSegmentation[] = [];
  for (const entry of stored) {
    if (entry.ok && same(entry.recipe.tableName, tableName)) found.push({ key: entry.key, recipe: entry.recipe });
  }
  return found;
}

/**
 * The key of a new segmentation of the table. The first one takes the table's name, as every recipe did before
 * (over an unreadable recipe of that name, as before); the next ones take a key no stored entry uses.
 */
export function newRecipeKey(stored: readonly StoredSegmentation[], tableName: string): string {
  if (segmentationsOfTable(stored, tableName).length === 0) return tableName;
  const taken = (key: string) => stored.some((entry) => same(entry.key, key));
  if (!taken(tableName)) return tableName;
  let n = 2;
  while (taken(`${tableName}#${n}`)) n++;
  return `${tableName}#${n}`;
}

/** The target when the user has not chosen (or chose one that no longer exists): replace the first, as before. */
export function effectiveTarget(existing: readonly TableSegmentation[], chosen: ApplyTarget | null): ApplyTarget {
  if (chosen?.kind === "add") return chosen;
  if (chosen?.kind === "replace" && existing.some((item) => item.key === chosen.key)) return chosen;
  return existing.length > 0 ? { kind: "replace", key: existing[0].key } : { kind: "add" };
}

/** What Apply writes over (its columns and sheets are ours to replace) and the key it stores the recipe under. */
export function resolveTarget(
  stored: readonly StoredSegmentation[],
  tableName: string,
  target: ApplyTarget,
): { key: string; previous: Recipe | null } {
  if (target.kind === "replace") {
    const replaced = segmentationsOfTable(stored, tableName).find((item) => item.key === target.key);
    if (replaced) return { key: replaced.key, previous: replaced.recipe };
  }
  return { key: newRecipeKey(stored, tableName), previous: null };
}
