/**
 * Names for the add-in's own columns. The safety rule: a header that exists in the table and is not ours
 * (not in the stored recipe) is never reused, so applying can never overwrite the user's data.
 * Excel table headers are unique regardless of case, so comparisons ignore case.
 */

export interface OwnColumnNames {
  /** One name per wanted name, in the same order. */
  names: string[];
  /** The wanted names that were taken by the user's columns, and what we used instead. */
  renamed: { wanted: string; used: string }[];
}

const key = (header: string) => header.trim().toLocaleLowerCase();

export function chooseOwnColumnNames(
  existingHeaders: string[],
  ownFromRecipe: string[],
  wanted: string[],
): OwnColumnNames {
  const ours = new Set(ownFromRecipe.map(key));
  const userTaken = new Set(existingHeaders.map(key).filter((header) => !ours.has(header)));
  const chosen = new Set<string>();
  const isFree = (name: string) => !userTaken.has(key(name)) && !chosen.has(key(name));

  const names: string[] = [];
  const renamed: { wanted: string; used: string }[] = [];
  for (const name of wanted) {
    let used = name;
    for (let n = 2; !isFree(used); n++) used = `${name} (${n})`;
    chosen.add(key(used));
    names.push(used);
    if (used !== name) renamed.push({ wanted: name, used });
  }
  return { names, renamed };
}
